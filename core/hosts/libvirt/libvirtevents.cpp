#include "libvirtevents.h"

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <mutex>
#include <thread>

namespace ap::libvirtevents {

namespace {
void silent(void *, virErrorPtr) {}
} // namespace

void ensureRunning()
{
    static std::once_flag once;
    std::call_once(once, [] {
        virSetErrorFunc(nullptr, silent);
        if (virEventRegisterDefaultImpl() < 0)
            return;
        std::thread([] {
            for (;;) {
                if (virEventRunDefaultImpl() < 0)
                    break;
            }
        }).detach();
    });
}

} // namespace ap::libvirtevents

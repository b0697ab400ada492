#include "libvirtevents.h"

#include <QByteArray>
#include <QtGlobal>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <mutex>
#include <thread>

namespace ap::libvirtevents {

namespace {
void silent(void *, virErrorPtr) {}

// libvirt's default event loop is GLib's default main context, iterated here on a thread of its
// own. Qt's GLib event dispatcher iterates the same context on the main thread, and while that
// thread is busy elsewhere (the CLI running a migration, a test waiting on a result) libvirt's
// events are not delivered at all: seen against real daemons. Qt's own dispatcher leaves the
// context to libvirt. Set before main(), so before any QCoreApplication exists.
[[maybe_unused]] const bool qtOffGlib = qputenv("QT_NO_GLIB", QByteArrayLiteral("1"));
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

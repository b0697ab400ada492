#include "libvirtlibrary.h"

#include <libvirt/libvirt-qemu.h>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <dlfcn.h>

#include <mutex>

namespace ap {

namespace {

struct Libraries {
    void *virt = nullptr;
    void *qemu = nullptr;
    QString error;
};

const Libraries &libraries()
{
    static const Libraries libs = [] {
        Libraries l;
        // RTLD_GLOBAL: libvirt-qemu resolves its own libvirt symbols through the first library.
        l.virt = dlopen("libvirt.so.0", RTLD_NOW | RTLD_GLOBAL);
        if (l.virt)
            l.qemu = dlopen("libvirt-qemu.so.0", RTLD_NOW | RTLD_GLOBAL);
        if (!l.virt || !l.qemu)
            l.error = QString::fromLocal8Bit(dlerror());
        return l;
    }();
    return libs;
}

void *resolve(bool qemu, const char *name)
{
    const Libraries &l = libraries();
    void *handle = qemu ? l.qemu : l.virt;
    return handle ? dlsym(handle, name) : nullptr;
}

template <typename R>
R failed()
{
    if constexpr (std::is_pointer_v<R>)
        return nullptr;
    else if constexpr (!std::is_void_v<R>)
        return R(-1);
}

} // namespace

QString loadLibvirt()
{
    return libraries().error;
}

} // namespace ap

// Each forwarder resolves its symbol once; a signature that differs from libvirt's header does
// not compile (the header's declaration and this definition would conflict).
#define AP_FORWARD(qemu, ret, name, params, args)                                                   \
    extern "C" ret name params                                                                    \
    {                                                                                             \
        static const auto fn = reinterpret_cast<decltype(&name)>(ap::resolve(qemu, #name));      \
        return fn ? fn args : ap::failed<ret>();                                                  \
    }

AP_FORWARD(false, int, virConnectClose, (virConnectPtr c), (c))
AP_FORWARD(false, int, virConnectDomainEventDeregisterAny, (virConnectPtr c, int id), (c, id))
AP_FORWARD(false, int, virConnectDomainEventRegisterAny,
           (virConnectPtr c, virDomainPtr d, int ev, virConnectDomainEventGenericCallback cb, void *o, virFreeCallback f),
           (c, d, ev, cb, o, f))
AP_FORWARD(false, int, virConnectIsAlive, (virConnectPtr c), (c))
AP_FORWARD(false, int, virConnectListAllDomains, (virConnectPtr c, virDomainPtr **d, unsigned int f), (c, d, f))
AP_FORWARD(false, int, virConnectListAllNodeDevices, (virConnectPtr c, virNodeDevicePtr **d, unsigned int f), (c, d, f))
AP_FORWARD(false, virConnectPtr, virConnectOpenAuth, (const char *n, virConnectAuthPtr a, unsigned int f), (n, a, f))
AP_FORWARD(false, int, virConnectRef, (virConnectPtr c), (c))
AP_FORWARD(false, int, virConnectSetKeepAlive, (virConnectPtr c, int i, unsigned int n), (c, i, n))
AP_FORWARD(false, int, virDomainAbortJob, (virDomainPtr d), (d))
AP_FORWARD(false, int, virDomainAttachDeviceFlags, (virDomainPtr d, const char *x, unsigned int f), (d, x, f))
AP_FORWARD(false, int, virDomainDetachDeviceFlags, (virDomainPtr d, const char *x, unsigned int f), (d, x, f))
AP_FORWARD(false, int, virDomainFree, (virDomainPtr d), (d))
AP_FORWARD(false, int, virDomainGetJobStats, (virDomainPtr d, int *t, virTypedParameterPtr *p, int *n, unsigned int f), (d, t, p, n, f))
AP_FORWARD(false, const char *, virDomainGetName, (virDomainPtr d), (d))
AP_FORWARD(false, int, virDomainGetState, (virDomainPtr d, int *s, int *r, unsigned int f), (d, s, r, f))
AP_FORWARD(false, char *, virDomainGetXMLDesc, (virDomainPtr d, unsigned int f), (d, f))
AP_FORWARD(false, int, virDomainIsPersistent, (virDomainPtr d), (d))
AP_FORWARD(false, virDomainPtr, virDomainLookupByName, (virConnectPtr c, const char *n), (c, n))
AP_FORWARD(false, int, virDomainMigrateToURI3, (virDomainPtr d, const char *u, virTypedParameterPtr p, unsigned int n, unsigned int f),
           (d, u, p, n, f))
AP_FORWARD(false, int, virDomainResume, (virDomainPtr d), (d))
AP_FORWARD(false, int, virDomainSuspend, (virDomainPtr d), (d))
AP_FORWARD(true, int, virDomainQemuMonitorCommand, (virDomainPtr d, const char *c, char **r, unsigned int f), (d, c, r, f))
AP_FORWARD(false, int, virEventRegisterDefaultImpl, (void), ())
AP_FORWARD(false, int, virEventRunDefaultImpl, (void), ())
AP_FORWARD(false, virErrorPtr, virGetLastError, (void), ())
AP_FORWARD(false, int, virNodeDeviceCreate, (virNodeDevicePtr d, unsigned int f), (d, f))
AP_FORWARD(false, virNodeDevicePtr, virNodeDeviceDefineXML, (virConnectPtr c, const char *x, unsigned int f), (c, x, f))
AP_FORWARD(false, int, virNodeDeviceFree, (virNodeDevicePtr d), (d))
AP_FORWARD(false, int, virNodeDeviceGetAutostart, (virNodeDevicePtr d, int *a), (d, a))
AP_FORWARD(false, char *, virNodeDeviceGetXMLDesc, (virNodeDevicePtr d, unsigned int f), (d, f))
AP_FORWARD(false, int, virNodeDeviceIsActive, (virNodeDevicePtr d), (d))
AP_FORWARD(false, int, virNodeDeviceIsPersistent, (virNodeDevicePtr d), (d))
AP_FORWARD(false, virNodeDevicePtr, virNodeDeviceLookupByName, (virConnectPtr c, const char *n), (c, n))
AP_FORWARD(false, int, virNodeDeviceSetAutostart, (virNodeDevicePtr d, int a), (d, a))
AP_FORWARD(false, int, virNodeDeviceUndefine, (virNodeDevicePtr d, unsigned int f), (d, f))
AP_FORWARD(false, void, virResetLastError, (void), ())
AP_FORWARD(false, void, virSetErrorFunc, (void *u, virErrorFunc h), (u, h))
AP_FORWARD(false, void, virTypedParamsFree, (virTypedParameterPtr p, int n), (p, n))
AP_FORWARD(false, int, virTypedParamsGetULLong, (virTypedParameterPtr p, int n, const char *name, unsigned long long *v), (p, n, name, v))

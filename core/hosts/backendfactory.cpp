#include "backendfactory.h"

#include "demofleet.h"
#include "mergedhost.h"
#include "simulatedhost.h"
#include "sysfshost.h"
#include "libvirt/libvirthost.h"
#include "ssh/sshhost.h"
#include "../json/snapshotjson.h"
#include "hostrecords.h"

namespace ap {

Result<std::unique_ptr<HostBackend>> createBackend(const HostUri &uri, std::shared_ptr<HostRecords> store)
{
    if (!uri.libvirt.isEmpty()) {
        auto lv = HostUri::parse(uri.libvirt);
        if (!lv)
            return lv.error();
        HostUri single = uri;
        single.libvirt.clear();
        single.text = single.text.section(QLatin1Char(','), 0, 0);
        auto sysfsView = createBackend(single, store);
        if (!sysfsView)
            return sysfsView.error();
        return std::unique_ptr<HostBackend>(new MergedHost(uri, std::move(*sysfsView), std::make_unique<LibvirtHost>(*lv)));
    }
    switch (uri.scheme) {
    case HostUri::Scheme::Demo: {
        std::optional<HostSnapshot> initial;
        if (store) {
            auto saved = store->simulatedHost(uri.name);
            if (saved && *saved) {
                auto snap = snapshotFromJson(**saved);
                if (snap)
                    initial = std::move(*snap);
            }
        }
        if (!initial)
            initial = demo::initialState(uri.name);
        if (!initial)
            return makeError(ErrorCode::NotFound, uri.text, QStringLiteral("no such demo host"),
                             QStringLiteral("The demo hosts are: %1.").arg(demo::hostNames().join(QStringLiteral(", "))));
        return std::unique_ptr<HostBackend>(new SimulatedHost(uri, std::move(*initial), store));
    }
    case HostUri::Scheme::Sysfs:
        return std::unique_ptr<HostBackend>(new SysfsHost(uri, store));
    case HostUri::Scheme::Ssh:
        return std::unique_ptr<HostBackend>(new SshHost(uri, SshSettings::fromEnvironment(), store));
    case HostUri::Scheme::Libvirt:
        return std::unique_ptr<HostBackend>(new LibvirtHost(uri));
    }
    return makeError(ErrorCode::Internal, uri.text, QStringLiteral("unknown kind of host"));
}

} // namespace ap

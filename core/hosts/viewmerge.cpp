#include "viewmerge.h"

namespace ap {

HostSnapshot mergeHostViews(HostSnapshot h, const HostSnapshot &lv, const QString &host)
{
    h.host = host;
    for (const Mdev &defined : lv.mdevs) {
        Mdev *m = h.mdev(defined.uuid);
        if (!m) {
            // libvirt lists it as active but sysfs has no such device: it went away between the
            // two reads, or libvirt's node device cache is stale. sysfs decides.
            h.issues.append(makeError(ErrorCode::NotFound, host,
                                      QStringLiteral("libvirt lists mdev %1 as active, sysfs has no such device").arg(defined.uuid)));
            continue;
        }
        m->persistent = defined.persistent;
        m->autostart = defined.autostart;
        if (defined.persistent.value_or(false) && MatrixAssignment::of(defined) != MatrixAssignment::of(*m))
            h.issues.append(makeError(ErrorCode::Corrupt, host,
                                      QStringLiteral("mdev %1: its persistent definition assigns another matrix than the running one; "
                                                     "the host's next start of it will use the definition").arg(defined.uuid)));
    }
    for (const Mdev &defined : lv.inactiveMdevs) {
        if (h.mdev(defined.uuid) || h.inactiveMdev(defined.uuid))
            continue; // started since libvirt looked (sysfs has it), or the SSH view's mdevctl listed it
        h.inactiveMdevs.append(defined);
    }
    h.guests = lv.guests;
    for (const Guest &g : std::as_const(h.guests)) {
        if (g.mdev.isEmpty() || h.mdev(g.mdev))
            continue;
        h.issues.append(makeError(ErrorCode::NotFound, host,
                                  h.inactiveMdev(g.mdev) ? QStringLiteral("guest %1 uses mdev %2, which is defined but not started").arg(g.name, g.mdev)
                                                  : QStringLiteral("guest %1 uses mdev %2, which the host does not have").arg(g.name, g.mdev),
                                  QStringLiteral("libvirt cannot start the guest until the mdev exists: start or create it first.")));
    }
    for (const Error &e : lv.issues)
        if (e.code != ErrorCode::Unsupported) // "libvirt shows AP ids only": the sysfs view has the rest
            h.issues.append(e);
    h.sort();
    return h;
}

} // namespace ap

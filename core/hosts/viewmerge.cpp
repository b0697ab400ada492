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
        if (defined.persistent.value_or(false) && defined.matrixKnown && MatrixAssignment::of(defined) != MatrixAssignment::of(*m))
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
    flagGuestsWithoutMdev(h, host);
    for (const Error &e : lv.issues)
        // "libvirt shows AP ids only": the sysfs view has the rest; guests without their mdev
        // were judged again above against what sysfs has.
        if (e.code != ErrorCode::Unsupported && e.code != ErrorCode::NotFound)
            h.issues.append(e);
    h.sort();
    return h;
}

void flagMissingMdev(HostSnapshot &h, const QString &host, const QString &guest, const QString &uuid)
{
    if (uuid.isEmpty() || h.mdev(uuid))
        return;
    h.issues.append(makeError(ErrorCode::NotFound, host,
                              h.inactiveMdev(uuid) ? QStringLiteral("guest %1 uses mdev %2, which is defined but not started").arg(guest, uuid)
                                                   : QStringLiteral("guest %1 uses mdev %2, which the host does not have").arg(guest, uuid),
                              QStringLiteral("libvirt cannot start the guest until the mdev exists: start or create it first.")));
}

void flagGuestsWithoutMdev(HostSnapshot &h, const QString &host)
{
    for (const Guest &g : std::as_const(h.guests))
        flagMissingMdev(h, host, g.name, g.mdev);
}

} // namespace ap

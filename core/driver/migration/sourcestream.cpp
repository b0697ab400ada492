#include "sourcestream.h"

#include "driverlog.h"
#include "hwinfosource.h"
#include "revision.h"
#include "stream.h"

#include <cerrno>

namespace ap::migration {

SourceStream buildSourceStream(DriverProfile p, const HostSnapshot &host, const QString &uuid)
{
    return buildSourceStream(p, HostIndex(host), uuid);
}

SourceStream buildSourceStream(DriverProfile p, const HostIndex &index, const QString &uuid)
{
    const Revision &rev = revision(p);
    const HostSnapshot &host = index.host();
    SourceStream s;
    KernelLog log(p, uuid);
    const Mdev *m = host.mdev(uuid);
    const QList<Apqn> matrix = m ? m->guestMatrix() : QList<Apqn>();
    QList<StreamEntry> entries;
    entries.reserve(matrix.size());
    for (const Apqn q : matrix) {
        if (rev.data == DataOrigin::CardAtProbe) {
            const Queue *queue = index.queue(q);
            const Card *card = index.card(q.adapter);
            if (queue && card && queue->isBoundToVfio())
                entries.append({q, probeHwinfo(host, *card)});
            continue;
        }
        const TapqAnswer t = tapq(index, q);
        if (t.rc == 1 || (!t.known() && t.async == rev.tapqFailsWithAsync)) {
            log.add(t.rc == 1 ? LogId::TapqNotAvailable : LogId::TapqFailed, {q.adapter, q.domain, t.rc});
            s.err = t.rc == 1 ? ENODEV : EIO;
            s.log = log.take();
            return s;
        }
        entries.append({q, t.gr2});
    }
    entries.resize(matrix.size()); // v2: a zero entry for every skipped queue
    IdMask adm;
    if (m && host.bus.qciAvailable)
        adm = m->controlDomains & host.bus.configuredControlDomains; // the shadow APCB's ADM
    s.bytes = encodeStream(p, entries, adm);
    return s;
}

} // namespace ap::migration

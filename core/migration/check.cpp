#include "check.h"

#include "../driver/migration/compatibility.h"
#include "../driver/migration/hwinfosource.h"
#include "readiness.h"
#include "../driver/migration/resumingfile.h"
#include "../driver/migration/stream.h"
#include "../driver/outcome.h"

#include <cerrno>

namespace ap::migration {

namespace {
QString typeOf(const HostSnapshot &h, Apqn q)
{
    const Card *c = h.card(q.adapter);
    return c ? c->typeName() : QString();
}

/// A card that was read has a message size; zero means its attributes are not known.
void cardLimits(const HostSnapshot &h, Apqn q, std::optional<int> &depth, std::optional<int> &maxMessage)
{
    const Card *c = h.card(q.adapter);
    if (!c || c->maxMessageSize <= 0)
        return;
    depth = c->depth;
    maxMessage = c->maxMessageSize;
}
} // namespace

QList<Finding> CheckReport::blocking() const
{
    QList<Finding> out;
    for (const Finding &f : findings)
        if (f.severity == Severity::Error)
            out.append(f);
    return out;
}

DriverDecision decide(DriverProfile p, const HostSnapshot &source, const QString &mdev, const HostSnapshot &target,
                      const QString &targetMdev)
{
    DriverDecision d;
    const QString seLine = QStringLiteral("Migration not allowed from or to a Secure Execution guest");
    if (source.secureExecutionGuest || target.secureExecutionGuest) {
        d.err = EPERM;
        d.kernelLog.append(driver::mdevLogPrefix(source.secureExecutionGuest ? mdev : targetMdev) + seLine);
        return d;
    }
    const Mdev *m = source.mdev(mdev);
    QList<StreamEntry> entries;
    for (const Apqn q : m ? m->guestMatrix() : QList<Apqn>()) {
        const std::optional<Hwinfo> hw = driverHwinfo(p, source, q);
        if (!hw) {
            // v3 queries each source queue live; a queue that is gone or does not answer ends the read.
            d.err = source.queue(q) ? EIO : ENODEV;
            if (!source.queue(q))
                d.kernelLog.append(driver::mdevLogPrefix(mdev)
                                   + QStringLiteral("migration failed: Failed to get hwinfo for queue %1 on target host: TAPQ rc=1").arg(q.toString()));
            return d;
        }
        entries.append({q, *hw});
    }
    const QByteArray stream = encodeStream(p, entries);
    d.streamBytes = stream.size();
    if (!target.mdev(targetMdev)) {
        d.err = ENODEV; // no device to resume into: QEMU/libvirt fail before the driver is asked
        return d;
    }
    ResumingFile file(p, target, targetMdev);
    const ResumingFile::Answer a = file.write(stream);
    d.kernelLog = a.log;
    d.err = a.err();
    d.compatible = d.err == 0;
    return d;
}

Result<CheckReport> runCheck(const CheckInput &in)
{
    const Mdev *m = in.source.mdev(in.mdev);
    if (!m)
        return makeError(ErrorCode::NotFound, in.source.host, QStringLiteral("no mdev %1 on the source").arg(in.mdev),
                         QStringLiteral("List the host's mdevs with 'apconsole-cli inventory --host %1'.").arg(in.source.host));
    CheckReport r;
    r.profile = in.profile;
    r.sourceHost = in.source.host;
    r.targetHost = in.target.host;
    r.mdev = in.mdev;
    r.targetMdev = in.targetMdev.isEmpty() ? in.mdev : in.targetMdev;
    if (const Guest *g = in.source.guestOfMdev(in.mdev))
        r.guest = g->name;
    r.time = QDateTime::currentDateTimeUtc();
    r.decision = decide(in.profile, in.source, in.mdev, in.target, r.targetMdev);
    const DriverProfile other = in.profile == DriverProfile::V2 ? DriverProfile::V3 : DriverProfile::V2;
    const DriverDecision otherDecision = decide(other, in.source, in.mdev, in.target, r.targetMdev);
    if (otherDecision.compatible != r.decision.compatible || otherDecision.err != r.decision.err)
        r.otherProfile = otherDecision;

    for (const Apqn q : m->guestMatrix()) {
        QueueComparison c;
        c.apqn = q;
        c.source = driverHwinfo(in.profile, in.source, q).value_or(Hwinfo());
        c.target = driverHwinfo(in.profile, in.target, q);
        if (c.target)
            c.compatible = queueCompatible(in.profile, c.source, *c.target);
        c.sourceType = typeOf(in.source, q);
        c.targetType = typeOf(in.target, q);
        cardLimits(in.source, q, c.sourceDepth, c.sourceMaxMessage);
        if (in.target.queue(q))
            cardLimits(in.target, q, c.targetDepth, c.targetMaxMessage);
        r.queues.append(c);
    }
    r.findings = readinessFindings(in, r);
    r.findings += blockerFindings(in.blockers, r.guest);
    r.ready = r.decision.compatible
        && std::none_of(r.findings.cbegin(), r.findings.cend(), [](const Finding &f) { return f.severity == Severity::Error; });
    return r;
}

} // namespace ap::migration

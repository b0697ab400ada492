#include "revisionnotes.h"

#include "../common/errnonames.h"
#include "../driver/migration/compatibility.h"
#include "../driver/migration/hwinfosource.h"
#include "../driver/migration/revision.h"

#include <QMap>

namespace ap::migration {

namespace {

QString answer(const DriverDecision &d)
{
    if (!d.undefined.isEmpty())
        return QStringLiteral("undefined");
    return d.compatible ? QStringLiteral("compatible") : errnoName(d.err);
}

QString names(const QList<DriverProfile> &ps)
{
    QStringList s;
    for (const DriverProfile p : ps)
        s.append(revisionColumn(p));
    if (s.size() <= 1)
        return s.join(QString());
    return s.mid(0, s.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + s.last();
}

QString apqns(const QList<Apqn> &qs)
{
    QStringList s;
    for (qsizetype i = 0; i < qs.size() && i < 4; ++i)
        s.append(qs[i].toString());
    QString out = s.join(QStringLiteral(", "));
    if (qs.size() > 4)
        out += QStringLiteral(" and %1 more").arg(qs.size() - 4);
    return out;
}

/// Why one queue's verdicts differ, from the two hwinfo words the rules saw.
QString cause(Hwinfo s, Hwinfo t)
{
    const bool sNative = s.classification() & Hwinfo::kClassNative;
    const bool tNative = t.classification() & Hwinfo::kClassNative;
    if (s.bs() != 0 && s.bs() == t.bs())
        return QStringLiteral("equal non-zero BS (%1)").arg(s.bs());
    if (s.bs() != 0 || t.bs() != 0)
        return QStringLiteral("non-zero BS (source %1, destination %2; v2 sees the card's hwinfo, where BS is always 0)").arg(s.bs()).arg(t.bs());
    if (!sNative && tNative && s.classification() != t.classification())
        return QStringLiteral("a stateless source on a native destination");
    if (s.classification() != t.classification())
        return QStringLiteral("classification bits other than native (0x%1 vs 0x%2)").arg(s.classification(), 2, 16, QLatin1Char('0')).arg(t.classification(), 2, 16, QLatin1Char('0'));
    if (s.reserved18to31() != t.reserved18to31())
        return QStringLiteral("bits 18-31 differ");
    return QStringLiteral("the rule itself");
}

} // namespace

QStringList revisionNotes(const CheckInput &in, const QString &targetMdev, const QList<RevisionDecision> &all)
{
    QStringList notes;
    if (all.isEmpty())
        return notes;
    bool agree = true;
    for (const RevisionDecision &d : all)
        agree &= answer(d.decision) == answer(all.first().decision);
    if (agree)
        return notes;

    // What each revision answers, grouped.
    QMap<QString, QList<DriverProfile>> byAnswer;
    for (const RevisionDecision &d : all)
        byAnswer[answer(d.decision)].append(d.profile);
    QStringList parts;
    for (auto it = byAnswer.cbegin(); it != byAnswer.cend(); ++it)
        parts.append(QStringLiteral("%1 answer%2 %3").arg(names(it.value()), it.value().size() == 1 ? QStringLiteral("s") : QString(), it.key()));
    notes.append(parts.join(QStringLiteral("; ")) + QLatin1Char('.'));

    // Per queue: which revisions accept, and why.
    const Mdev *m = in.source.mdev(in.mdev);
    QMap<QString, QList<Apqn>> causes;
    const HostIndex source(in.source), target(in.target);
    for (const Apqn q : m ? m->guestMatrix() : QList<Apqn>()) {
        QList<DriverProfile> accept, reject;
        Hwinfo why[2];
        for (const RevisionDecision &d : all) {
            const auto s = driverHwinfo(d.profile, source, q);
            const auto t = driverHwinfo(d.profile, target, q);
            if (!s || !t)
                continue;
            const bool ok = queueCompatible(d.profile, *s, *t);
            (ok ? accept : reject).append(d.profile);
            if (revision(d.profile).data == DataOrigin::LiveTapq) {
                why[0] = *s;
                why[1] = *t;
            }
        }
        if (accept.isEmpty() || reject.isEmpty())
            continue;
        causes[QStringLiteral("%1 reject%2 %3 that %4 accept%5")
                   .arg(names(reject), reject.size() == 1 ? QStringLiteral("s") : QString(), cause(why[0], why[1]), names(accept),
                        accept.size() == 1 ? QStringLiteral("s") : QString())]
            .append(q);
    }
    for (auto it = causes.cbegin(); it != causes.cend(); ++it)
        notes.append(QStringLiteral("%1 (APQN %2).").arg(it.key(), apqns(it.value())));

    // Causes that are not about one queue's hardware.
    QList<DriverProfile> einval, efault;
    for (const RevisionDecision &d : all) {
        if (d.decision.err == EINVAL && revision(d.profile).incompatibleErrno == EINVAL)
            einval.append(d.profile);
        if (d.decision.err == EFAULT)
            efault.append(d.profile);
    }
    if (!einval.isEmpty() && !efault.isEmpty())
        notes.append(QStringLiteral("%1 answer an incompatible queue with EINVAL, %2 with EFAULT.").arg(names(einval), names(efault)));
    if (in.source.secureExecutionGuest || in.target.secureExecutionGuest)
        notes.append(QStringLiteral("On a Secure Execution host v2 and v3/v4 refuse the state change (EPERM); B and C register no migration support (ENOTTY)."));
    for (const RevisionDecision &d : all) {
        if (revision(d.profile).queueCheck != QueueCheck::InGuestMatrix || d.decision.kernelLog.isEmpty())
            continue;
        const QString &first = d.decision.kernelLog.first();
        if (first.contains(QLatin1String("number of queues")) || first.contains(QLatin1String("not assigned to guest matrix"))
            || first.contains(QLatin1String("config size")))
            notes.append(QStringLiteral("v2 compares the stream with the destination mdev %1's own guest matrix (size, count, APQNs); "
                                        "later revisions only need the source's queues bound to vfio_ap on the destination host, and assign them.")
                             .arg(targetMdev));
    }
    if (m && !(m->controlDomains & in.source.bus.configuredControlDomains).isEmpty())
        notes.append(QStringLiteral("B and C carry the control domains in the stream and require each in the destination host's control-domain mask; v2 and v3/v4 do not migrate them."));
    return notes;
}

} // namespace ap::migration

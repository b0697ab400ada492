#include "revisionnotes.h"

#include "../common/errnonames.h"
#include "../driver/migration/compatibility.h"
#include "../driver/migration/hwinfosource.h"
#include "../driver/migration/revision.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>

namespace ap::migration {

namespace {

/// A revision's answer: errno names stay as they are, the two words are translated.
QString answer(const DriverDecision &d)
{
    if (!d.undefined.isEmpty())
        return QString::fromUtf8(QT_TRANSLATE_NOOP("Finding", "undefined"));
    return d.compatible ? QString::fromUtf8(QT_TRANSLATE_NOOP("Finding", "compatible")) : errnoName(d.err);
}

/// Revision names joined language-neutrally ("v2, v3/v4").
QString names(const QList<DriverProfile> &ps)
{
    QStringList s;
    for (const DriverProfile p : ps)
        s.append(revisionColumn(p));
    return s.join(QStringLiteral(", "));
}

QString hex2(int v) { return QStringLiteral("%1").arg(v, 2, 16, QLatin1Char('0')); }

/// Why one queue's verdicts differ, from the two hwinfo words the rules saw: a sentence whose
/// first two arguments are the rejecting and accepting revisions and whose last is the APQN list.
FindingText cause(Hwinfo s, Hwinfo t, const QString &reject, const QString &accept)
{
    const bool sNative = s.classification() & Hwinfo::kClassNative;
    const bool tNative = t.classification() & Hwinfo::kClassNative;
    if (s.bs() != 0 && s.bs() == t.bs())
        return say(QT_TRANSLATE_NOOP("Finding", "Rejected by %1; accepted by %2: equal non-zero BS (%3), APQN %4."),
                   {reject, accept, QString::number(s.bs())});
    if (s.bs() != 0 || t.bs() != 0)
        return say(QT_TRANSLATE_NOOP("Finding", "Rejected by %1; accepted by %2: non-zero BS (source %3, destination %4; v2 sees the card's "
                                                "hwinfo, where BS is always 0), APQN %5."),
                   {reject, accept, QString::number(s.bs()), QString::number(t.bs())});
    if (!sNative && tNative && s.classification() != t.classification())
        return say(QT_TRANSLATE_NOOP("Finding", "Rejected by %1; accepted by %2: a stateless source on a native destination, APQN %3."),
                   {reject, accept});
    if (s.classification() != t.classification())
        return say(QT_TRANSLATE_NOOP("Finding", "Rejected by %1; accepted by %2: classification bits other than native (0x%3 vs 0x%4), APQN %5."),
                   {reject, accept, hex2(s.classification()), hex2(t.classification())});
    if (s.reserved18to31() != t.reserved18to31())
        return say(QT_TRANSLATE_NOOP("Finding", "Rejected by %1; accepted by %2: bits 18-31 differ, APQN %3."), {reject, accept});
    return say(QT_TRANSLATE_NOOP("Finding", "Rejected by %1; accepted by %2 by the rule itself, APQN %3."), {reject, accept});
}

} // namespace

QList<FindingText> revisionNotes(const CheckInput &in, const QString &targetMdev, const QList<RevisionDecision> &all)
{
    QList<FindingText> notes;
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
    for (auto it = byAnswer.cbegin(); it != byAnswer.cend(); ++it)
        notes.append(say(QT_TRANSLATE_NOOP("Finding", "Answer of %1: %2."), {names(it.value()), it.key()}));

    // Per queue: which revisions accept, and why; queues with the same cause share a sentence.
    const Mdev *m = in.source.mdev(in.mdev);
    QList<std::pair<FindingText, QList<Apqn>>> causes;
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
        const FindingText c = cause(why[0], why[1], names(reject), names(accept));
        auto same = std::find_if(causes.begin(), causes.end(), [&c](const auto &e) { return e.first == c; });
        if (same == causes.end())
            causes.append({c, {q}});
        else
            same->second.append(q);
    }
    for (auto &[text, apqns] : causes) {
        text.args.append(apqnList(apqns));
        notes.append(text);
    }

    // Causes that are not about one queue's hardware.
    QList<DriverProfile> einval, efault;
    for (const RevisionDecision &d : all) {
        if (d.decision.err == EINVAL && revision(d.profile).incompatibleErrno == EINVAL)
            einval.append(d.profile);
        if (d.decision.err == EFAULT)
            efault.append(d.profile);
    }
    if (!einval.isEmpty() && !efault.isEmpty())
        notes.append(say(QT_TRANSLATE_NOOP("Finding", "For an incompatible queue %1 answer EINVAL, %2 EFAULT."), {names(einval), names(efault)}));
    if (in.source.secureExecutionGuest || in.target.secureExecutionGuest)
        notes.append(say(QT_TRANSLATE_NOOP("Finding", "On a Secure Execution host v2 and v3/v4 refuse the state change (EPERM); B and C register no "
                                                      "migration support (ENOTTY).")));
    for (const RevisionDecision &d : all) {
        if (revision(d.profile).queueCheck != QueueCheck::InGuestMatrix || d.decision.kernelLog.isEmpty())
            continue;
        const QString &first = d.decision.kernelLog.first();
        if (first.contains(QLatin1String("number of queues")) || first.contains(QLatin1String("not assigned to guest matrix"))
            || first.contains(QLatin1String("config size")))
            notes.append(say(QT_TRANSLATE_NOOP("Finding", "v2 compares the stream with the destination mdev %1's own guest matrix (size, count, "
                                                          "APQNs); later revisions only need the source's queues bound to vfio_ap on the "
                                                          "destination host, and assign them."),
                             {targetMdev}));
    }
    if (m && !(m->controlDomains & in.source.bus.configuredControlDomains).isEmpty())
        notes.append(say(QT_TRANSLATE_NOOP("Finding", "B and C carry the control domains in the stream and require each in the destination host's "
                                                      "control-domain mask; v2 and v3/v4 do not migrate them.")));
    return notes;
}

} // namespace ap::migration

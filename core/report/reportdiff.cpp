#include "reportdiff.h"

#include "../common/errnonames.h"
#include "reportwords.h"

#include <QSet>

namespace ap::report {

using namespace ap::migration;

QStringList diffReports(const CheckReport &a, const CheckReport &b)
{
    QStringList out;
    auto word = [](const DriverDecision &d) {
        return d.compatible ? ReportWords::tr("compatible") : ReportWords::tr("incompatible (%1)").arg(errnoName(d.err));
    };
    if (a.profile != b.profile)
        out.append(ReportWords::tr("Driver profile: %1 -> %2").arg(profileName(a.profile), profileName(b.profile)));
    if (a.decision.compatible != b.decision.compatible || a.decision.err != b.decision.err)
        out.append(ReportWords::tr("Driver verdict: %1 -> %2").arg(word(a.decision), word(b.decision)));
    if (a.ready != b.ready)
        out.append(ReportWords::tr("Ready: %1 -> %2").arg(a.ready ? ReportWords::tr("yes") : ReportWords::tr("no"),
                                                          b.ready ? ReportWords::tr("yes") : ReportWords::tr("no")));
    if (a.decision.streamBytes != b.decision.streamBytes)
        out.append(ReportWords::tr("Stream size: %1 -> %2 bytes").arg(a.decision.streamBytes).arg(b.decision.streamBytes));
    if (a.decision.kernelLog != b.decision.kernelLog)
        out.append(ReportWords::tr("The destination kernel's lines changed (%1 -> %2 lines)").arg(a.decision.kernelLog.size()).arg(b.decision.kernelLog.size()));

    QHash<Apqn, QueueComparison> before;
    for (const QueueComparison &q : a.queues)
        before.insert(q.apqn, q);
    QSet<Apqn> seen;
    for (const QueueComparison &q : b.queues) {
        seen.insert(q.apqn);
        auto it = before.constFind(q.apqn);
        if (it == before.constEnd()) {
            out.append(ReportWords::tr("Queue %1 joined the guest matrix").arg(q.apqn.toString()));
            continue;
        }
        if (it->source != q.source)
            out.append(ReportWords::tr("Queue %1: source hwinfo %2 -> %3").arg(q.apqn.toString(), it->source.toHex(), q.source.toHex()));
        if (it->target != q.target)
            out.append(ReportWords::tr("Queue %1: destination hwinfo %2 -> %3").arg(q.apqn.toString(),
                                                                                    it->target ? it->target->toHex() : ReportWords::tr("none"),
                                                                                    q.target ? q.target->toHex() : ReportWords::tr("none")));
        auto queueWord = [](const std::optional<bool> &c) { return !c ? ReportWords::tr("no queue") : ReportWords::decision(*c); };
        if (it->compatible != q.compatible)
            out.append(ReportWords::tr("Queue %1: %2 -> %3").arg(q.apqn.toString(), queueWord(it->compatible), queueWord(q.compatible)));
    }
    for (const QueueComparison &q : a.queues)
        if (!seen.contains(q.apqn))
            out.append(ReportWords::tr("Queue %1 left the guest matrix").arg(q.apqn.toString()));

    auto key = [](const Finding &f) -> QString { return f.id + QLatin1Char('|') + f.message; };
    QSet<QString> fa, fb;
    for (const Finding &f : a.findings)
        fa.insert(key(f));
    for (const Finding &f : b.findings)
        fb.insert(key(f));
    for (const Finding &f : b.findings)
        if (!fa.contains(key(f)))
            out.append(ReportWords::tr("New %1: %2").arg(ReportWords::severity(f.severity), ReportWords::findingMessage(f)));
    for (const Finding &f : a.findings)
        if (!fb.contains(key(f)))
            out.append(ReportWords::tr("Resolved %1: %2").arg(ReportWords::severity(f.severity), ReportWords::findingMessage(f)));
    return out;
}

} // namespace ap::report

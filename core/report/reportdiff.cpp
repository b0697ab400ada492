#include "reportdiff.h"

#include "../common/errnonames.h"

#include <QSet>

namespace ap::report {

using namespace ap::migration;

QStringList diffReports(const CheckReport &a, const CheckReport &b)
{
    QStringList out;
    auto word = [](const DriverDecision &d) {
        return d.compatible ? QStringLiteral("compatible") : QStringLiteral("incompatible (%1)").arg(errnoName(d.err));
    };
    if (a.profile != b.profile)
        out.append(QStringLiteral("Driver profile: %1 -> %2").arg(profileName(a.profile), profileName(b.profile)));
    if (a.decision.compatible != b.decision.compatible || a.decision.err != b.decision.err)
        out.append(QStringLiteral("Driver verdict: %1 -> %2").arg(word(a.decision), word(b.decision)));
    if (a.ready != b.ready)
        out.append(QStringLiteral("Ready: %1 -> %2").arg(a.ready ? QStringLiteral("yes") : QStringLiteral("no"),
                                                         b.ready ? QStringLiteral("yes") : QStringLiteral("no")));
    if (a.decision.streamBytes != b.decision.streamBytes)
        out.append(QStringLiteral("Stream size: %1 -> %2 bytes").arg(a.decision.streamBytes).arg(b.decision.streamBytes));
    if (a.decision.kernelLog != b.decision.kernelLog)
        out.append(QStringLiteral("The destination kernel's lines changed (%1 -> %2 lines)").arg(a.decision.kernelLog.size()).arg(b.decision.kernelLog.size()));

    QHash<Apqn, QueueComparison> before;
    for (const QueueComparison &q : a.queues)
        before.insert(q.apqn, q);
    QSet<Apqn> seen;
    for (const QueueComparison &q : b.queues) {
        seen.insert(q.apqn);
        auto it = before.constFind(q.apqn);
        if (it == before.constEnd()) {
            out.append(QStringLiteral("Queue %1 joined the guest matrix").arg(q.apqn.toString()));
            continue;
        }
        if (it->source != q.source)
            out.append(QStringLiteral("Queue %1: source hwinfo %2 -> %3").arg(q.apqn.toString(), it->source.toHex(), q.source.toHex()));
        if (it->target != q.target)
            out.append(QStringLiteral("Queue %1: destination hwinfo %2 -> %3").arg(q.apqn.toString(),
                                                                                   it->target ? it->target->toHex() : QStringLiteral("none"),
                                                                                   q.target ? q.target->toHex() : QStringLiteral("none")));
        if (it->compatible != q.compatible)
            out.append(QStringLiteral("Queue %1: %2 -> %3").arg(q.apqn.toString(),
                                                               !it->compatible ? QStringLiteral("no queue") : *it->compatible ? QStringLiteral("compatible") : QStringLiteral("incompatible"),
                                                               !q.compatible ? QStringLiteral("no queue") : *q.compatible ? QStringLiteral("compatible") : QStringLiteral("incompatible")));
    }
    for (const QueueComparison &q : a.queues)
        if (!seen.contains(q.apqn))
            out.append(QStringLiteral("Queue %1 left the guest matrix").arg(q.apqn.toString()));

    auto key = [](const Finding &f) -> QString { return f.id + QLatin1Char('|') + f.message; };
    QSet<QString> fa, fb;
    for (const Finding &f : a.findings)
        fa.insert(key(f));
    for (const Finding &f : b.findings)
        fb.insert(key(f));
    for (const Finding &f : b.findings)
        if (!fa.contains(key(f)))
            out.append(QStringLiteral("New %1: %2").arg(severityName(f.severity), f.message));
    for (const Finding &f : a.findings)
        if (!fb.contains(key(f)))
            out.append(QStringLiteral("Resolved %1: %2").arg(severityName(f.severity), f.message));
    return out;
}

} // namespace ap::report

#include "queuegroups.h"

#include <QHash>

#include <algorithm>

namespace ap::report {

using migration::QueueComparison;

namespace {

QueueGroup::Kind kindOf(const QueueComparison &q)
{
    if (!q.target)
        return QueueGroup::Kind::Missing;
    if (q.compatible && !*q.compatible)
        return QueueGroup::Kind::Refused;
    const bool alike = q.source == *q.target && q.sourceType == q.targetType && q.sourceDepth == q.targetDepth
        && q.sourceMaxMessage == q.targetMaxMessage;
    return alike ? QueueGroup::Kind::Identical : QueueGroup::Kind::Differs;
}

/// Everything but the APQN, as one hashable key.
QString keyOf(const QueueComparison &q)
{
    auto opt = [](const std::optional<int> &v) { return v ? QString::number(*v) : QStringLiteral("-"); };
    return QStringList{q.source.toHex(), q.target ? q.target->toHex() : QStringLiteral("-"),
                       q.compatible ? (*q.compatible ? QStringLiteral("1") : QStringLiteral("0")) : QStringLiteral("-"),
                       q.sourceType, q.targetType, opt(q.sourceDepth), opt(q.targetDepth), opt(q.sourceMaxMessage),
                       opt(q.targetMaxMessage)}
        .join(QLatin1Char('|'));
}

} // namespace

QList<QueueGroup> groupQueues(const QList<QueueComparison> &queues)
{
    QList<QueueGroup> groups;
    QHash<QString, qsizetype> index;
    for (const QueueComparison &q : queues) {
        const QString key = keyOf(q);
        auto it = index.constFind(key);
        if (it == index.constEnd()) {
            index.insert(key, groups.size());
            groups.append({kindOf(q), {q.apqn}, q});
        } else {
            groups[*it].apqns.append(q.apqn);
        }
    }
    for (QueueGroup &g : groups) {
        std::sort(g.apqns.begin(), g.apqns.end());
        g.sample.apqn = g.apqns.first();
    }
    std::stable_sort(groups.begin(), groups.end(), [](const QueueGroup &a, const QueueGroup &b) {
        if (a.kind != b.kind)
            return int(a.kind) < int(b.kind);
        return a.apqns.first() < b.apqns.first();
    });
    return groups;
}

} // namespace ap::report

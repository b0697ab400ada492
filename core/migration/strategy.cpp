#include "strategy.h"

#include "blockers.h"

#include <algorithm>

namespace ap::migration {

QString strategyName(Strategy s)
{
    return s == Strategy::Live ? QStringLiteral("live") : QStringLiteral("replug");
}

std::optional<Strategy> parseStrategy(QStringView text)
{
    if (text == u"live")
        return Strategy::Live;
    if (text == u"replug")
        return Strategy::Replug;
    return std::nullopt;
}

StrategyChoice chooseStrategy(const HostSnapshot &source, const HostSnapshot &target, const QStringList &blockedReasons)
{
    StrategyChoice c;
    if (!source.matrix.present)
        c.replugBlockers.append(QStringLiteral("source-no-vfio-ap"));
    if (!target.matrix.present)
        c.replugBlockers.append(QStringLiteral("target-no-vfio-ap"));
    if (std::any_of(blockedReasons.cbegin(), blockedReasons.cend(), [](const QString &r) { return !blocksOnlyTheDevice(r); }))
        c.replugBlockers.append(QStringLiteral("qemu-blocks-guest"));
    c.liveBlockers = c.replugBlockers;
    if (std::any_of(blockedReasons.cbegin(), blockedReasons.cend(), blocksOnlyTheDevice))
        c.liveBlockers.append(QStringLiteral("qemu-blocks-device"));
    if (source.matrix.present && !source.matrix.has(u"migratable"))
        c.liveBlockers.append(QStringLiteral("source-not-migratable"));
    if (target.matrix.present && !target.matrix.has(u"migratable"))
        c.liveBlockers.append(QStringLiteral("target-not-migratable"));
    if (source.secureExecutionGuest || target.secureExecutionGuest)
        c.liveBlockers.append(QStringLiteral("secure-execution"));
    c.liveAvailable = c.liveBlockers.isEmpty();
    c.replugAvailable = c.replugBlockers.isEmpty();
    c.chosen = c.liveAvailable ? Strategy::Live : Strategy::Replug;
    return c;
}

} // namespace ap::migration

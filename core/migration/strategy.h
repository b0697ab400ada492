#pragma once

#include "../model/hostsnapshot.h"

#include <QStringList>

#include <optional>

namespace ap::migration {

/// How a guest with a vfio-ap device moves.
/// Live: the VFIO migration of the pending kernel series (the AP configuration travels in the
/// device's migration stream and the destination driver checks it); needs `migratable` on both
/// hosts. Replug: hot-unplug the vfio-ap device, migrate the guest, hot-plug an mdev with the
/// same UUID on the destination (what today's kernels support).
enum class Strategy { Live, Replug };
QString strategyName(Strategy s); ///< "live", "replug"
std::optional<Strategy> parseStrategy(QStringView text);

/// Why a strategy is or is not possible; ids the UI words ("source-not-migratable", ...).
struct StrategyChoice {
    Strategy chosen = Strategy::Replug;
    bool liveAvailable = false;
    QStringList liveBlockers;   ///< why live is impossible
    bool replugAvailable = false;
    QStringList replugBlockers; ///< why replug is impossible
};

/// Live when both hosts can, otherwise replug. `blockedReasons` are QEMU's (MigrationBlockers):
/// one naming the VFIO device blocks live ("qemu-blocks-device"), any other blocks both
/// ("qemu-blocks-guest").
StrategyChoice chooseStrategy(const HostSnapshot &source, const HostSnapshot &target, const QStringList &blockedReasons = {});

} // namespace ap::migration

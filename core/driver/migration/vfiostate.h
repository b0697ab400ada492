#pragma once

#include "../../common/result.h"

#include <QList>
#include <QString>

#include <optional>

/// The VFIO device migration state machine (include/uapi/linux/vfio.h, vfio_mig_get_next_state).
namespace ap::migration {

enum class VfioState { Error = 0, Stop = 1, Running = 2, StopCopy = 3, Resuming = 4, RunningP2P = 5, PreCopy = 6, PreCopyP2P = 7 };
inline constexpr int kVfioStateCount = 8;

/// VFIO_MIGRATION_* device flags.
enum VfioMigrationFlag : quint32 { StopCopyFlag = 1, P2PFlag = 2, PreCopyFlag = 4 };

/// Upper-case uapi name without prefix ("STOP_COPY").
QString vfioStateName(VfioState s);
std::optional<VfioState> parseVfioState(QStringView name);
/// "stop_copy,p2p" -> flags; nullopt on an unknown word.
std::optional<quint32> parseMigrationFlags(QStringView text);

/// A state is supported when the device has every flag it requires (ERROR never is).
bool isSupported(VfioState s, quint32 flags);

/// One step from `current` toward `requested`: the next state to enter, or EINVAL (as the
/// VFIO core: current or requested unsupported, or the path ends in ERROR).
Result<VfioState> nextState(VfioState current, VfioState requested, quint32 flags);

/// Kernels without the 2026-06 fix of vfio_mig_get_next_state() walk unsupported steps with a
/// loop that never leaves ERROR (its required flags are all-ones): a request whose walk reaches
/// ERROR spins there (soft lockup) instead of answering EINVAL. True for such a request.
bool unpatchedKernelLocksUp(VfioState current, VfioState requested, quint32 flags);

/// Every state entered from `current` to `requested`, in order (empty when equal), or EINVAL.
Result<QList<VfioState>> statePath(VfioState current, VfioState requested, quint32 flags);

} // namespace ap::migration

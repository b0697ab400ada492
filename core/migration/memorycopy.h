#pragma once

#include <QList>
#include <QtGlobal>

namespace ap::migration {

/// A simulated guest's RAM and the link between the hosts, for the pre-copy phase.
struct MemoryCopyParams {
    qint64 memoryBytes = 4LL << 30;
    qint64 bandwidthBytesPerSecond = 1LL << 30;
    qint64 dirtyBytesPerSecond = 96LL << 20;
    qint64 downtimeLimitMs = 300;
    int maxIterations = 30;
    qint64 reportEveryBytes = 256LL << 20; ///< one progress sample per this many bytes sent
};

/// One progress sample. `transferred` never decreases; `remaining` may grow again when the
/// guest dirties pages faster than they are sent (which is why the console shows no percentage).
struct MemorySample {
    int iteration = 1;
    qint64 transferred = 0;
    qint64 remaining = 0;
    qint64 expectedDowntimeMs = 0;
    qint64 elapsedMs = 0;
};

/// QEMU-style pre-copy: iteration 1 sends all of RAM, each next one what was dirtied meanwhile,
/// until the rest fits in the downtime limit (or the iteration limit is reached). Deterministic.
QList<MemorySample> simulatePrecopy(const MemoryCopyParams &p);

} // namespace ap::migration

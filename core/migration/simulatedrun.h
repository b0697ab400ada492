#pragma once

#include "memorycopy.h"
#include "migrationplan.h"
#include "runevent.h"
#include "steprunner.h"

#include <atomic>
#include <optional>

namespace ap {
class SimulatedHost;
}

namespace ap::migration {

/// Failures the demo can inject into a run on simulated hosts. The first four change the
/// destination before the run starts; ConfigChange unassigns a domain from the destination
/// mdev while guest memory is copied; HostAway takes the destination away just before the
/// stream is written (replug: during the memory copy) and brings it back when the run ends.
enum class InjectedFailure { None, Incompatible, FewerQueues, MoreQueues, MissingMdev, ConfigChange, HostAway };
QString injectedFailureName(InjectedFailure f); ///< "none", "incompatible", "fewer-queues", ...
std::optional<InjectedFailure> parseInjectedFailure(QStringView text);
QList<InjectedFailure> allInjectedFailures();

struct RunOptions {
    qint64 chunkBytes = 4096;   ///< the size of each read/write of the migration stream
    int paceMs = 0;             ///< a pause after each progress sample, so a demo can be watched
    MemoryCopyParams memory;
    InjectedFailure inject = InjectedFailure::None;
    bool dryRun = false;        ///< only announce the plan
};

/// Runs a plan between two simulated hosts, driving their simulated kernels: the source's
/// STOP_COPY data is read in chunks and written into the destination's RESUMING file, and the
/// destination's driver model decides. Every state change, chunk, kernel line and step is sent
/// to `sink` as it happens. On a failure (or a cancel, honoured until the point of no return)
/// the source device is brought back to RUNNING and the guest keeps running on the source.
/// Returns the final Result event (also sent to the sink). Blocks; run it on a worker.
RunEvent runSimulatedMigration(SimulatedHost &source, SimulatedHost &target, const MigrationPlan &plan,
                               const RunOptions &options, const EventSink &sink, const std::atomic_bool &cancel);

} // namespace ap::migration

#pragma once

#include "evacuation.h"
#include "../hosts/hostbackend.h"
#include "../migration/migrationplan.h"
#include "../migration/simulatedrun.h"

#include <QDateTime>

#include <atomic>
#include <functional>

namespace ap::fleet {

/// How an evacuation runs.
struct EvacuationRunOptions {
    int parallel = 1;               ///< migrations at once (the operator's choice; 1 = one after another)
    migration::RunOptions run;      ///< each migration's options (pace, chunk size)
};

/// One move as it ran.
struct MoveRun {
    int index = -1;                 ///< into EvacuationPlan::moves
    migration::MigrationPlan plan;  ///< the staged plan it ran (empty when it could not be planned)
    QList<migration::RunEvent> events;
    QDateTime started;
    bool ok = false;
    QString error;                  ///< why it failed, in one line
};

/// What running an evacuation did.
struct EvacuationRun {
    bool ok = false;
    QList<std::pair<QString, ApplyReport>> creations; ///< per destination, in order
    QList<MoveRun> moves;           ///< the moves that ran, in the order they finished
    QStringList remaining;          ///< guests not moved (still on the source), in plan order
    QString failure;                ///< the first failure, in one line
};

/// What the run reports as it goes (called on the thread running the evacuation).
struct EvacuationCallbacks {
    std::function<void(const QString &host, const ApplyReport &report)> created;
    std::function<void(int index, const migration::MigrationPlan &plan)> moveStarted;
    std::function<void(int index, const migration::RunEvent &event)> moveEvent;
    std::function<void(const MoveRun &run)> moveFinished; ///< e.g. to store the run
};

/// Runs a plan: first each destination's creation writes as one Apply (a refusal rolls that
/// host back and ends the run before any guest moves), then the moves in order, `parallel` at a
/// time, each re-planned on fresh reads of both hosts and run by the migration engine
/// (migrationWork). The first failed move ends the run after the moves already running: a failed
/// migration leaves its guest running on the source, so every guest runs somewhere. `backends`
/// maps host URIs to backends (the source's and every destination's); they must outlive the run.
/// Blocks; run it on a worker.
EvacuationRun runEvacuation(const EvacuationPlan &plan, const QHash<QString, HostBackend *> &backends,
                            const EvacuationRunOptions &options, const EvacuationCallbacks &callbacks,
                            const std::atomic_bool &cancel);

} // namespace ap::fleet

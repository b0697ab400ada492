#pragma once

#include "../definitions/definitionrules.h"
#include "../driver/migration/profile.h"
#include "../driver/outcome.h"
#include "runevent.h"
#include "stepid.h"
#include "strategy.h"
#include "../common/result.h"
#include "../model/hostsnapshot.h"

#include <QList>
#include <QString>

#include <optional>

namespace ap::migration {

/// One staged step of a migration, shown before anything runs. The UI words it from `id`.
struct PlanStep {
    StepId id = StepId::VerifyDestination;
    Side side = Side::None;
    std::optional<VfioState> from; ///< VFIO steps: the state the device leaves ...
    QList<VfioState> path;         ///< ... and the states it enters (statePath)
    bool driverChecks = false;    ///< the destination driver's checks run in this step
    bool pointOfNoReturn = false; ///< once this step starts the run can no longer be aborted
};

/// The destination mdev the plan would create, with the driver model's answer to it.
/// The destination mdev the wizard offers to create: started as `mdevctl start --jsonfile` would
/// (ap-check's start rules first), then judged by the destination driver.
struct MdevCreation {
    MatrixAssignment matrix;     ///< the source mdev's assignment
    QList<definitions::Finding> startRules; ///< what ap-check's start rules refuse (then no driver answer)
    int err = 0;                 ///< 0: the destination driver would accept it
    QStringList log;             ///< the lines it would log
    driver::Unknown unknown = driver::Unknown::None; ///< the destination's view cannot tell

    bool ok() const { return startRules.isEmpty() && err == 0 && unknown == driver::Unknown::None; }
};

struct MigrationRequest {
    QString guest;
    std::optional<Strategy> strategy; ///< nullopt: chosen automatically
    bool createMdev = true;           ///< create the destination mdev when it is missing
    DriverProfile profile = DriverProfile::V2;
    bool viaLibvirt = false;          ///< libvirt performs the migration (the hosts are libvirt hosts)
    QStringList blockedReasons;       ///< what the source's QEMU says blocks it (MigrationBlockers)
};

struct MigrationPlan {
    QString sourceHost;
    QString targetHost;
    QString guest;
    QString mdev;                 ///< the guest's mdev UUID (the destination uses the same)
    Strategy strategy = Strategy::Replug;
    StrategyChoice choice;
    DriverProfile profile = DriverProfile::V2;
    qint64 streamBytes = 0;       ///< live: the STOP_COPY stream the source will produce
    int queues = 0;               ///< APQNs in the source guest matrix
    bool destinationHasMdev = false;
    std::optional<MdevCreation> creation; ///< set when the destination lacks the mdev
    bool createMdev = false;      ///< the run creates it (request.createMdev and err == 0)
    bool viaLibvirt = false;
    /// vfio-ap hostdevs in the guest's persistent definition only: nothing is unplugged on the
    /// source; libvirt's PERSIST_DEST carries the definition, so the destination plugs them at
    /// the guest's next start.
    QStringList definitionOnlyMdevs;
    /// What the plan tells before the run, as ids: "no-ap-device" (a plain live migration),
    /// "ap-device-in-definition-only", "definition-mdev-missing-on-destination".
    QStringList findings;
    QList<PlanStep> steps;

    const PlanStep *step(StepId id) const;
    QStringList stepIds() const; ///< the steps' names in order (stepIdName)
};

/// Builds the staged plan. Fails (typed) when the guest is not on the source (NotFound), is not
/// running or has no vfio-ap device (Usage), a guest of that name already runs on the
/// destination (Usage), or the requested strategy is impossible (Unsupported, with the reason).
Result<MigrationPlan> buildPlan(const HostSnapshot &source, const HostSnapshot &target, const MigrationRequest &request);

} // namespace ap::migration

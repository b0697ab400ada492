#pragma once

#include "../migration/migrationplan.h"
#include "../migration/runevent.h"
#include "../migration/simulatedrun.h"
#include "store.h"

#include <QJsonObject>

namespace ap::migration {

/// What the operator decided before a run, kept with it in the history.
struct RunDecisions {
    InjectedFailure inject = InjectedFailure::None;
    QString overrideText;           ///< what was typed to go past blocking findings; empty if none blocked
    QStringList overriddenFindings; ///< the ids of those findings
};

/// The stored form of a run: the plan's identity, each step's times and outcome (derived from
/// the Step events), every event and the operator's decisions. The wizard and the CLI both
/// store runs through this.
Store::MigrationRun runRecord(const MigrationPlan &plan, const QList<RunEvent> &events, const QDateTime &started,
                              const RunDecisions &decisions = {});

/// The export format: the run, its steps and its events (the CLI's JSON lines as an array).
QJsonObject runRecordToJson(const Store::MigrationRun &run);

} // namespace ap::migration

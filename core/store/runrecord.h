#pragma once

#include "../migration/migrationplan.h"
#include "../migration/runevent.h"
#include "store.h"

#include <QJsonObject>

namespace ap::migration {

/// The stored form of a run: the plan's identity, each step's times and outcome (derived from
/// the Step events) and every event. The wizard and the CLI both store runs through this.
Store::MigrationRun runRecord(const MigrationPlan &plan, const QList<RunEvent> &events, const QDateTime &started);

/// The export format: the run, its steps and its events (the CLI's JSON lines as an array).
QJsonObject runRecordToJson(const Store::MigrationRun &run);

} // namespace ap::migration

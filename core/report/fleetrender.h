#pragma once

#include "../fleet/evacuationrun.h"
#include "../fleet/fleetmap.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

/// Renderings of the fleet map and of evacuation plans and runs. JSON is the reference (what the
/// CLI prints with --format json); text, CSV and HTML carry the same content.
namespace ap::report {

QJsonObject placementJson(const fleet::Placement &p);
QJsonObject fleetMapJson(const fleet::FleetMap &m);
/// One line per guest and destination: host,guest,mdev,destination,verdict,create_mdev,apqns,reason_id,reason.
QByteArray fleetMapCsv(const fleet::FleetMap &m);
/// A standalone HTML table: guests as rows, destinations as columns, each cell the verdict, the
/// mdev to create and the first blocking reason.
QString fleetMapHtml(const fleet::FleetMap &m);
/// One block per guest, one line per destination.
QString fleetMapText(const fleet::FleetMap &m);

QJsonObject evacuationPlanJson(const fleet::EvacuationPlan &p);
QString evacuationPlanText(const fleet::EvacuationPlan &p);
QJsonObject evacuationRunJson(const fleet::EvacuationPlan &p, const fleet::EvacuationRun &r);
QString evacuationRunText(const fleet::EvacuationPlan &p, const fleet::EvacuationRun &r);

} // namespace ap::report

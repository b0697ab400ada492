#include "fleetrender.h"
#include "../common/csv.h"

#include "../common/errnonames.h"

#include <QJsonArray>

namespace ap::report {

using fleet::Placement;
using fleet::Verdict;

namespace {

QString apqnList(const Placement &p)
{
    QStringList s;
    for (const Apqn q : p.apqns())
        s.append(q.toString());
    return s.join(QLatin1Char(' '));
}

QString cellSummary(const Placement &p)
{
    QString s = fleet::verdictName(p.verdict);
    if (p.accepted() && p.createMdev)
        s += QStringLiteral(", create mdev on %1%2").arg(p.matrix.adapters.toRanges(true), QStringLiteral(" x ") + p.matrix.domains.toRanges(true));
    if (p.remapped)
        s += QStringLiteral(" (other adapters)");
    if (p.blocker)
        s += QStringLiteral(": %1").arg(p.blocker->text);
    return s;
}

} // namespace

QJsonObject placementJson(const Placement &p)
{
    QJsonObject o{
        {QStringLiteral("guest"), p.guest},
        {QStringLiteral("mdev"), p.mdev},
        {QStringLiteral("source"), p.sourceHost},
        {QStringLiteral("destination"), p.targetHost},
        {QStringLiteral("verdict"), fleet::verdictName(p.verdict)},
        {QStringLiteral("create_mdev"), p.accepted() && p.createMdev},
    };
    if (p.accepted()) {
        QJsonArray apqns;
        for (const Apqn q : p.apqns())
            apqns.append(q.toString());
        o.insert(QStringLiteral("apqns"), apqns);
        o.insert(QStringLiteral("control_domains"), p.matrix.controlDomains.toRanges(true));
        o.insert(QStringLiteral("remapped"), p.remapped);
    }
    if (p.blocker) {
        QJsonObject r{{QStringLiteral("id"), p.blocker->id}, {QStringLiteral("text"), p.blocker->text}};
        if (p.blocker->err)
            r.insert(QStringLiteral("errno"), errnoName(p.blocker->err));
        o.insert(p.accepted() ? QStringLiteral("not_live") : QStringLiteral("reason"), r);
    }
    return o;
}

QJsonObject fleetMapJson(const fleet::FleetMap &m)
{
    QJsonArray rows;
    for (const fleet::FleetRow &r : m.rows) {
        QJsonArray cells;
        for (const auto &c : r.cells)
            if (c)
                cells.append(placementJson(*c));
        rows.append(QJsonObject{{QStringLiteral("host"), r.host},
                                {QStringLiteral("guest"), r.guest.name},
                                {QStringLiteral("state"), guestStateName(r.guest.state)},
                                {QStringLiteral("mdev"), r.guest.mdev},
                                {QStringLiteral("destinations"), cells}});
    }
    return {{QStringLiteral("profile"), migration::profileName(m.profile)},
            {QStringLiteral("hosts"), QJsonArray::fromStringList(m.hosts)},
            {QStringLiteral("guests"), rows}};
}

QByteArray fleetMapCsv(const fleet::FleetMap &m)
{
    QString s = QStringLiteral("host,guest,mdev,destination,verdict,create_mdev,apqns,reason_id,reason\n");
    for (const fleet::FleetRow &r : m.rows)
        for (const auto &c : r.cells) {
            if (!c)
                continue;
            const QStringList f{r.host, r.guest.name, r.guest.mdev, c->targetHost, fleet::verdictName(c->verdict),
                                c->accepted() && c->createMdev ? QStringLiteral("yes") : QStringLiteral("no"),
                                c->accepted() ? apqnList(*c) : QString(), c->blocker ? c->blocker->id : QString(),
                                c->blocker ? c->blocker->text : QString()};
            QStringList quoted;
            for (const QString &x : f)
                quoted.append(csvField(x));
            s += quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    return s.toUtf8();
}

QString fleetMapHtml(const fleet::FleetMap &m)
{
    QString h = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Fleet compatibility map</title>\n"
                               "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px;"
                               "vertical-align:top}.live{background:#d8f0d8}.replug{background:#fff3c4}.refused{background:#f6d0d0}</style>"
                               "</head><body>\n<h1>Fleet compatibility map</h1>\n<p>Driver profile %1.</p>\n<table>\n<tr><th>Host</th><th>Guest</th><th>mdev</th>")
                    .arg(migration::profileName(m.profile));
    for (const QString &host : m.hosts)
        h += QStringLiteral("<th>%1</th>").arg(host.toHtmlEscaped());
    h += QStringLiteral("</tr>\n");
    for (const fleet::FleetRow &r : m.rows) {
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td>").arg(r.host.toHtmlEscaped(), r.guest.name.toHtmlEscaped(), r.guest.mdev);
        for (const auto &c : r.cells) {
            if (!c) {
                h += QStringLiteral("<td>&mdash;</td>");
                continue;
            }
            h += QStringLiteral("<td class=\"%1\"><b>%1</b>").arg(fleet::verdictName(c->verdict));
            if (c->accepted() && c->createMdev)
                h += QStringLiteral("<br>create mdev: %1").arg(apqnList(*c));
            if (c->blocker)
                h += QStringLiteral("<br>%1").arg(c->blocker->text.toHtmlEscaped());
            h += QStringLiteral("</td>");
        }
        h += QStringLiteral("</tr>\n");
    }
    return h + QStringLiteral("</table>\n</body></html>\n");
}

QString fleetMapText(const fleet::FleetMap &m)
{
    QString s = QStringLiteral("Fleet compatibility map (driver profile %1): %2 guests with vfio-ap mdevs on %3 hosts\n")
                    .arg(migration::profileName(m.profile)).arg(m.rows.size()).arg(m.hosts.size());
    for (const fleet::FleetRow &r : m.rows) {
        s += QStringLiteral("\n%1 on %2 (mdev %3, %4)\n").arg(r.guest.name, r.host, r.guest.mdev, guestStateName(r.guest.state));
        for (const auto &c : r.cells)
            if (c)
                s += QStringLiteral("  -> %1: %2\n").arg(c->targetHost, cellSummary(*c));
    }
    return s;
}

QJsonObject evacuationPlanJson(const fleet::EvacuationPlan &p)
{
    QJsonArray moves;
    for (const fleet::PlannedMove &m : p.moves) {
        QJsonObject o = placementJson(m.placement);
        QJsonArray writes;
        for (const WriteStep &s : m.creation.steps)
            writes.append(QJsonObject{{QStringLiteral("path"), s.write.path}, {QStringLiteral("value"), QString::fromUtf8(s.write.value)}});
        o.insert(QStringLiteral("writes"), writes);
        moves.append(o);
    }
    QJsonArray unplaced;
    for (const fleet::Unplaced &u : p.unplaced) {
        QJsonArray tried;
        for (const Placement &c : u.candidates)
            tried.append(placementJson(c));
        unplaced.append(QJsonObject{{QStringLiteral("guest"), u.guest},
                                    {QStringLiteral("mdev"), u.mdev},
                                    {QStringLiteral("reason"), QJsonObject{{QStringLiteral("id"), u.reason.id}, {QStringLiteral("text"), u.reason.text}}},
                                    {QStringLiteral("destinations"), tried}});
    }
    return {{QStringLiteral("source"), p.sourceHost},
            {QStringLiteral("profile"), migration::profileName(p.profile)},
            {QStringLiteral("moves"), moves},
            {QStringLiteral("unplaced"), unplaced},
            {QStringLiteral("validated"), p.validated()},
            {QStringLiteral("replay_problems"), QJsonArray::fromStringList(p.replayProblems)}};
}

QString evacuationPlanText(const fleet::EvacuationPlan &p)
{
    QString s = QStringLiteral("Evacuation of %1 (driver profile %2): %3 guests placed, %4 not placed\n")
                    .arg(p.sourceHost, migration::profileName(p.profile)).arg(p.moves.size()).arg(p.unplaced.size());
    int n = 0;
    for (const fleet::PlannedMove &m : p.moves) {
        const Placement &pl = m.placement;
        s += QStringLiteral("%1. %2 -> %3: %4\n").arg(++n).arg(pl.guest, pl.targetHost, cellSummary(pl));
    }
    for (const fleet::Unplaced &u : p.unplaced)
        s += QStringLiteral("not placed: %1: %2 (%3)\n").arg(u.guest, u.reason.text, u.reason.id);
    if (p.validated())
        s += QStringLiteral("The plan replays through the driver model without a refusal.\n");
    for (const QString &problem : p.replayProblems)
        s += QStringLiteral("replay problem: %1\n").arg(problem);
    return s;
}

QJsonObject evacuationRunJson(const fleet::EvacuationPlan &p, const fleet::EvacuationRun &r)
{
    QJsonArray moves;
    for (const fleet::MoveRun &m : r.moves) {
        QJsonObject o{{QStringLiteral("guest"), p.moves.at(m.index).placement.guest},
                      {QStringLiteral("destination"), p.moves.at(m.index).placement.targetHost},
                      {QStringLiteral("ok"), m.ok}};
        if (!m.ok)
            o.insert(QStringLiteral("error"), m.error);
        moves.append(o);
    }
    QJsonArray creations;
    for (const auto &[host, report] : r.creations)
        creations.append(QJsonObject{{QStringLiteral("host"), host}, {QStringLiteral("ok"), report.ok},
                                     {QStringLiteral("writes"), int(report.journal.size())}});
    QJsonObject o = evacuationPlanJson(p);
    o.insert(QStringLiteral("run"), QJsonObject{{QStringLiteral("ok"), r.ok},
                                                {QStringLiteral("creations"), creations},
                                                {QStringLiteral("moves"), moves},
                                                {QStringLiteral("remaining"), QJsonArray::fromStringList(r.remaining)},
                                                {QStringLiteral("failure"), r.failure}});
    return o;
}

QString evacuationRunText(const fleet::EvacuationPlan &p, const fleet::EvacuationRun &r)
{
    QString s = evacuationPlanText(p);
    for (const auto &[host, report] : r.creations)
        s += QStringLiteral("mdevs on %1: %2\n").arg(host, report.ok ? QStringLiteral("created") : QStringLiteral("refused, rolled back"));
    for (const fleet::MoveRun &m : r.moves)
        s += QStringLiteral("moved %1 -> %2: %3\n").arg(p.moves.at(m.index).placement.guest, p.moves.at(m.index).placement.targetHost,
                                                         m.ok ? QStringLiteral("done") : QStringLiteral("failed: ") + m.error);
    if (r.ok)
        s += QStringLiteral("The host is drained of its AP guests that had a place.\n");
    else
        s += QStringLiteral("Stopped: %1\nStill on %2: %3\n").arg(r.failure, p.sourceHost, r.remaining.isEmpty() ? QStringLiteral("none") : r.remaining.join(u", "));
    return s;
}

} // namespace ap::report

#include "runrecord.h"

#include "../common/errnonames.h"

namespace ap::migration {

Store::MigrationRun runRecord(const MigrationPlan &plan, const QList<RunEvent> &events, const QDateTime &started,
                              const RunDecisions &decisions)
{
    Store::MigrationRun r;
    r.time = started;
    r.source = plan.sourceHost;
    r.target = plan.targetHost;
    r.guest = plan.guest;
    r.mdev = plan.mdev;
    r.strategy = strategyName(plan.strategy);
    r.overrideText = decisions.overrideText;
    r.overriddenFindings = decisions.overriddenFindings;
    if (decisions.inject != InjectedFailure::None)
        r.injectedFailure = injectedFailureName(decisions.inject);
    for (const QString &id : plan.stepIds())
        r.steps.append({id, -1, -1, QStringLiteral("not run"), {}, {}});
    for (const RunEvent &e : events) {
        r.events.append(e.toJson());
        if (e.kind == RunEvent::Kind::Step) {
            for (Store::MigrationRunStep &s : r.steps) {
                if (s.step != e.step)
                    continue;
                if (e.status == RunEvent::StepStatus::Started)
                    s.startedMs = e.timeMs;
                else
                    s.endedMs = e.timeMs;
                s.outcome = stepStatusName(e.status);
                s.detail = e.text;
                s.errnoName = e.err ? errnoName(e.err) : QString();
            }
        } else if (e.kind == RunEvent::Kind::Inject && r.injectedFailure.isEmpty()) {
            r.injectedFailure = e.text;
        } else if (e.kind == RunEvent::Kind::Result) {
            r.ok = e.ok;
            r.failedStep = e.step;
            r.errnoName = e.err ? errnoName(e.err) : QString();
            r.message = e.text;
        }
    }
    return r;
}

QJsonObject runRecordToJson(const Store::MigrationRun &run)
{
    QJsonObject o;
    o[QLatin1String("id")] = run.id;
    o[QLatin1String("time")] = run.time.toUTC().toString(Qt::ISODateWithMs);
    o[QLatin1String("source")] = run.source;
    o[QLatin1String("target")] = run.target;
    o[QLatin1String("guest")] = run.guest;
    o[QLatin1String("mdev")] = run.mdev;
    o[QLatin1String("strategy")] = run.strategy;
    o[QLatin1String("ok")] = run.ok;
    o[QLatin1String("failedStep")] = run.failedStep;
    o[QLatin1String("errno")] = run.errnoName;
    o[QLatin1String("message")] = run.message;
    o[QLatin1String("override")] = run.overrideText.isEmpty() ? QJsonValue() : QJsonValue(run.overrideText);
    o[QLatin1String("overriddenFindings")] = QJsonArray::fromStringList(run.overriddenFindings);
    o[QLatin1String("injectedFailure")] = run.injectedFailure.isEmpty() ? QJsonValue() : QJsonValue(run.injectedFailure);
    QJsonArray steps;
    for (const Store::MigrationRunStep &s : run.steps) {
        QJsonObject so;
        so[QLatin1String("step")] = s.step;
        so[QLatin1String("startedMs")] = s.startedMs;
        so[QLatin1String("endedMs")] = s.endedMs;
        so[QLatin1String("outcome")] = s.outcome;
        so[QLatin1String("detail")] = s.detail;
        so[QLatin1String("errno")] = s.errnoName;
        steps.append(so);
    }
    o[QLatin1String("steps")] = steps;
    o[QLatin1String("events")] = run.events;
    return o;
}

} // namespace ap::migration

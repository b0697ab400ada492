#include "steprunner.h"

#include <cerrno>

namespace ap::migration {

StepEnd StepEnd::cancelled()
{
    return {ECANCELED, QStringLiteral("canceled by the operator"), {}, true};
}

StepRunner::StepRunner(const MigrationPlan &plan, const EventSink &sink, const std::atomic_bool &cancel)
    : m_plan(plan), m_sink(sink), m_cancel(cancel)
{
    m_clock.start();
}

void StepRunner::emitEvent(RunEvent e)
{
    e.timeMs = m_clock.elapsed();
    if (m_sink)
        m_sink(e);
}

void StepRunner::emitStep(StepId id, RunEvent::StepStatus status, const StepEnd &end)
{
    RunEvent e;
    e.kind = RunEvent::Kind::Step;
    e.step = stepIdName(id);
    e.status = status;
    e.text = end.detail;
    // A cancelled step did not fail: its errno (ECANCELED) stays on the run's result only.
    e.err = status == RunEvent::StepStatus::Cancelled ? 0 : end.err;
    emitEvent(e);
}

RunEvent StepRunner::run(RunSteps &steps, qint64 planTotal, bool dryRun)
{
    RunEvent plan;
    plan.kind = RunEvent::Kind::Plan;
    plan.strategy = strategyName(m_plan.strategy);
    plan.steps = m_plan.stepIds();
    plan.log = m_plan.findings;
    plan.total = planTotal;
    emitEvent(plan);

    RunEvent result;
    result.kind = RunEvent::Kind::Result;
    if (dryRun) {
        result.ok = true;
        result.text = QStringLiteral("dry run: nothing was changed");
        emitEvent(result);
        return result;
    }
    if (const StepEnd prepared = steps.prepare(); prepared.err) {
        result.err = prepared.err;
        result.text = prepared.detail;
        emitEvent(result);
        return result;
    }

    const PlanStep *failed = nullptr;
    StepEnd failure;
    for (const PlanStep &step : m_plan.steps) {
        if (canceled()) {
            failed = &step;
            failure = StepEnd::cancelled();
            emitStep(step.id, RunEvent::StepStatus::Cancelled, failure);
            break;
        }
        if (step.pointOfNoReturn)
            m_pastNoReturn = true;
        emitStep(step.id, RunEvent::StepStatus::Started);
        const StepEnd end = steps.run(step);
        if (end.err) {
            failed = &step;
            failure = end;
            emitStep(step.id, end.canceled ? RunEvent::StepStatus::Cancelled : RunEvent::StepStatus::Failed, end);
            break;
        }
        emitStep(step.id, RunEvent::StepStatus::Done, end);
    }
    if (failed) {
        result.step = stepIdName(failed->id);
        result.err = failure.err;
        result.text = failure.canceled ? QStringLiteral("canceled") : failure.detail;
        result.log = failure.log;
    } else {
        result.ok = true;
    }
    steps.finish(result, failed, m_pastNoReturn);
    emitEvent(result);
    return result;
}

} // namespace ap::migration

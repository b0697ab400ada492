#pragma once

#include "migrationplan.h"
#include "runevent.h"

#include <QElapsedTimer>

#include <atomic>
#include <functional>

namespace ap::migration {

using EventSink = std::function<void(const RunEvent &)>;

/// What a step (or the preparation before the first) ended with: err 0 is success.
struct StepEnd {
    int err = 0;
    QString detail;
    QStringList log;       ///< the destination's kernel lines behind a failure
    bool canceled = false; ///< the operator cancelled it
    static StepEnd ok(QString detail = {}) { return {0, std::move(detail), {}, false}; }
    static StepEnd cancelled();
};

/// The side of a run that performs the steps (simulated kernels, libvirt). The StepRunner
/// calls prepare(), then run() for each plan step in order until one fails, then finish().
class RunSteps {
public:
    virtual ~RunSteps() = default;
    /// Before the first step; a failure ends the run with no step and without finish().
    virtual StepEnd prepare() { return StepEnd::ok(); }
    virtual StepEnd run(const PlanStep &step) = 0;
    /// After the last step or the failed one (`failed`, else null): puts back what a failed run
    /// changed (only before the point of no return, `pastNoReturn` false) and completes
    /// `result` (device states). May send events.
    virtual void finish(RunEvent &result, const PlanStep *failed, bool pastNoReturn) = 0;
};

/// The one step loop of every migration run, in the way a job runner executes jobs: it
/// announces the plan, runs the steps in order through RunSteps, reports each step's start and
/// end, stops at the first failure or at a cancel, and ends with one Result event. A cancel is
/// honoured until the run starts a step the plan marks as its point of no return.
class StepRunner {
public:
    StepRunner(const MigrationPlan &plan, const EventSink &sink, const std::atomic_bool &cancel);

    /// Sends `e` stamped with the time since the run started.
    void emitEvent(RunEvent e);
    /// True once the operator cancelled, as long as the run has not passed the point of no return.
    bool canceled() const { return m_cancel.load() && !m_pastNoReturn; }

    /// Runs the plan; `planTotal` is the Plan event's total (the live stream size, or 0). A dry
    /// run only announces the plan. Returns the Result event (also sent).
    RunEvent run(RunSteps &steps, qint64 planTotal = 0, bool dryRun = false);

private:
    void emitStep(StepId id, RunEvent::StepStatus status, const StepEnd &end = {});

    const MigrationPlan &m_plan;
    const EventSink &m_sink;
    const std::atomic_bool &m_cancel;
    QElapsedTimer m_clock;
    bool m_pastNoReturn = false;
};

} // namespace ap::migration

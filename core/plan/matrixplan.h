#pragma once

#include "writeplan.h"
#include "../driver/outcome.h"

#include <QHash>

namespace ap {

/// The wanted end matrices of one or more mdevs, by UUID.
using MatrixTargets = QHash<QString, MatrixAssignment>;

/// What a plan does to a copy of a host, write by write, through the driver model.
struct PlanReplay {
    driver::Outcome outcome; ///< success, or the first refused write's errno and kernel log lines
    int failedStep = -1;     ///< index of the refused step, -1 when every write succeeded
    HostSnapshot after;      ///< the copy after the writes that succeeded
    bool ok() const { return outcome.ok(); }
};

/// How much of the copy a replay keeps current. The verdict needs only the rules; the preview
/// needs everything the kernel derives (guest matrices, queue status) as after a real apply.
enum class ReplayDepth { Verdict, Full };

/// Applies the plan's writes, in order, to a copy of `h` with driver::writeAttribute, stopping at
/// the first refusal. "Accepted" means exactly this: the sequence succeeds.
PlanReplay replayPlan(const HostSnapshot &h, const WritePlan &plan, ReplayDepth depth = ReplayDepth::Full);

namespace plans {

/// The one rule for changing mdev matrices: the ordered writes that take the mdevs of `h` to
/// `targets` (mdevs already at their target get none). Without `ap_config`, every id that goes
/// is unassigned from every mdev before any id is assigned, so any end state the kernel accepts
/// is reached. With `ap_config` (one whole-matrix write per step), an mdev is written once its
/// end state fits beside the others as they stand; where none fits (a swap), one mdev first
/// writes what it keeps, freeing the rest. An end state no order reaches still gets its writes:
/// replaying them yields the kernel's refusal. Every step is undone by its inverse.
WritePlan changeMatrices(const HostSnapshot &h, const MatrixTargets &targets);
/// changeMatrices for a single mdev.
WritePlan changeMatrix(const HostSnapshot &h, const QString &uuid, const MatrixAssignment &target);

} // namespace plans

/// A change of mdev matrices judged as it will be applied: its plan and that plan's replay. On a
/// view the driver model cannot answer for, no plan and an outcome whose `unknown` says why.
struct MatrixVerdict {
    WritePlan plan;
    PlanReplay replay;
    bool accepted() const { return replay.ok(); }
};
MatrixVerdict judgeMatrices(const HostSnapshot &h, const MatrixTargets &targets, ReplayDepth depth = ReplayDepth::Verdict);

} // namespace ap

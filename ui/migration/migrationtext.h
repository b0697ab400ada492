#pragma once

#include <migration/destination.h>
#include <migration/migrationplan.h>
#include <migration/simulatedrun.h>

#include <QString>

/// The operator's words for what core names by id: plan steps, strategy blockers, injected
/// failures, guest states. One place, so the wizard, the run history and the tests agree.
namespace ap::ui::migrationtext {

QString stepTitle(migration::StepId id);
/// The title of a step named in a run event or a stored run; an unknown name is shown as it is.
QString stepTitle(const QString &name);
/// The step with its specifics (states it walks, stream size, mdev).
QString stepDescription(const migration::PlanStep &step, const migration::MigrationPlan &plan);
QString sideName(migration::Side side);
QString strategyTitle(migration::Strategy s);
QString strategyExplanation(migration::Strategy s);
QString blocker(const QString &id);
QString failureTitle(migration::InjectedFailure f);
QString guestState(const QString &state);
QString stepStatus(const QString &status);
/// Why a host cannot be a destination, or the label of a replug-only one; empty for an
/// eligible host. `failure` is the host's last read error (for Unreachable).
QString destinationNote(migration::DestinationEligibility e, const QString &guest, const QString &failure);

} // namespace ap::ui::migrationtext

#pragma once

#include <migration/check.h>
#include <migration/migrationjob.h>
#include <migration/migrationplan.h>
#include <migration/simulatedrun.h>
#include <store/runrecord.h>

#include <QDateTime>
#include <QWizard>

#include <optional>

namespace ap::ui {

class Fleet;
class HostSession;

/// "Migrate guest…": destination, pre-check (the report; errors block unless the operator types
/// the guest's name), strategy (chosen automatically and explained), the staged plan, the run
/// with both devices' state machines, a timeline, memory progress and the destination's kernel
/// lines, and the result. Every run is stored in the console's database.
class MigrationWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { DestinationPageId, PrecheckPageId, StrategyPageId, PlanPageId, RunPageId, ResultPageId };

    MigrationWizard(Fleet *fleet, HostSession *source, const QString &guest, QWidget *parent = nullptr);
    ~MigrationWizard() override;

    Fleet *fleet() const { return m_fleet; }
    HostSession *source() const { return m_source; }
    QString guest() const { return m_guest; }
    QString sourceHostText() const;

    // What the pages decided, in order.
    HostSession *target = nullptr;
    migration::DriverProfile profile = migration::DriverProfile::V2;
    std::optional<HostSnapshot> sourceState; ///< as read for the pre-check
    std::optional<HostSnapshot> targetState;
    QStringList blockedReasons; ///< what the source's libvirt said blocks the guest
    std::optional<migration::CheckReport> report;
    std::optional<migration::Strategy> strategy;
    bool createMdev = true;
    std::optional<migration::MigrationPlan> plan;
    migration::RunOptions options;
    migration::MigrationJob *job = nullptr;
    QDateTime started;
    qint64 storedRunId = 0;
    /// What the operator typed to go past a report that was not ready (empty while nothing is overridden).
    QString overrideText;

    /// The operator's decisions to store with the run: the override and the injected failure.
    migration::RunDecisions decisions() const;

    /// Pause between progress samples of a simulated run, so it can be watched
    /// (APCONSOLE_MIGRATION_PACE_MS overrides; tests set 0).
    static int defaultPaceMs();

signals:
    /// A run ended (stored as storedRunId when the store is available).
    void runFinished(const ap::migration::RunEvent &result);

protected:
    void reject() override;

private:
    Fleet *m_fleet;
    HostSession *m_source;
    QString m_guest;
};

} // namespace ap::ui

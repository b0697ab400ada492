#pragma once

#include <fleet/evacuationrun.h>

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace ap::ui {

class Fleet;
class HostSession;
class MigrationTimeline;
class VfioStateDiagram;

/// "Evacuate host…": the plan that places each AP guest of a host (computed on a worker from the
/// hosts' last snapshots, replayed through the driver model), what cannot be placed and why;
/// one confirmation, then the destination mdevs are created (one Apply per host) and the guests
/// migrate one after another (or N at once). The plan-wide progress lists every move; the
/// running move shows both devices' state machines, the timeline and the kernel lines, as in the
/// migration wizard. The first failure stops the run: its guest keeps running on the source and
/// the moves not run are listed. Every run is stored.
class EvacuationDialog : public QDialog {
    Q_OBJECT
public:
    EvacuationDialog(Fleet *fleet, HostSession *source, migration::DriverProfile profile, QWidget *parent = nullptr);
    ~EvacuationDialog() override;

    const fleet::EvacuationPlan &plan() const { return m_plan; }
    bool planReady() const { return m_planReady; }
    bool running() const { return m_runWatcher.isRunning(); }
    QTreeWidget *movesView() const { return m_moves; }
    /// Starts the run without asking (the confirmation is in the Evacuate button's handler).
    void startRun();

signals:
    void planComputed();
    void runFinished(bool ok);

protected:
    void reject() override;

private:
    void showPlan();
    void confirmAndRun();
    void onCreated(const QString &host, bool ok);
    void onMoveStarted(int index, const migration::MigrationPlan &plan);
    void onMoveEvent(int index, const migration::RunEvent &event);
    void onMoveFinished(int index, bool ok, const QString &error);
    /// A move's run could not be stored: the operator hears of it in the log and the list.
    void onRunNotSaved(int index, const QString &why);
    void onRunFinished();
    void setMoveStatus(int index, const QString &status);

    Fleet *m_fleet;
    HostSession *m_source;
    migration::DriverProfile m_profile;
    fleet::EvacuationPlan m_plan;
    bool m_planReady = false;
    QFutureWatcher<fleet::EvacuationPlan> m_planWatcher;
    QFutureWatcher<fleet::EvacuationRun> m_runWatcher;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false); ///< shared with the run, which may outlive the dialog
    int m_done = 0;

    QLabel *m_summary;
    QTreeWidget *m_moves;
    QSpinBox *m_parallel;
    QPushButton *m_start;
    QPushButton *m_stop;
    QProgressBar *m_progress;
    QLabel *m_current;
    VfioStateDiagram *m_sourceDiagram;
    VfioStateDiagram *m_destinationDiagram;
    MigrationTimeline *m_timeline;
    QPlainTextEdit *m_log;
};

} // namespace ap::ui

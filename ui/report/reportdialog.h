#pragma once

#include "hostrevision.h"
#include "profilecombo.h"
#include <migration/check.h>

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace ap::ui {

class Fleet;
class HostSession;

/// "Check migration to…": picks a destination (hosts that cannot qualify are listed, disabled,
/// with the reason), reads both hosts afresh, runs the migration engine off the GUI thread and
/// shows the report: the driver's verdict, errno and kernel lines first, then findings and every
/// queue field by field. The profile can be switched; every run is stored in the history; the
/// report exports to HTML, PDF, JSON and CSV.
class ReportDialog : public QDialog {
    Q_OBJECT
public:
    ReportDialog(Fleet *fleet, HostSession *source, const QString &mdev, QWidget *parent = nullptr);
    /// Shows a stored report (from the history) without running anything.
    ReportDialog(Fleet *fleet, const migration::CheckReport &stored, QWidget *parent = nullptr);

    /// The destination picker's entries: URI, enabled, and the reason when disabled (or the
    /// label of a replug-only destination, which is enabled).
    struct Destination {
        QString uri;
        bool enabled = false;
        QString reason;
    };
    QList<Destination> destinations() const { return m_destinations; }
    bool selectDestination(const QString &uri);
    void setProfile(migration::DriverProfile p);

    /// After the next run, also list what changed since this earlier report.
    void setBaseline(const migration::CheckReport &earlier) { m_baseline = earlier; }

    /// Runs the check (what the Run button does); `finished` follows.
    void run();
    const std::optional<migration::CheckReport> &report() const { return m_report; }
    qint64 storedId() const { return m_storedId; }
    Status exportTo(const QString &path) const;

signals:
    void finished(bool ok);

private:
    void build();
    void showReport(const migration::CheckReport &r);
    /// Runs the engine on the hosts as last read, with the chosen profile, on a worker thread.
    void rerunProfile();
    void onChecked();
    /// The revision hint follows the chosen destination.
    void showDestinationRevision();

    Fleet *m_fleet;
    HostSession *m_source = nullptr;
    QString m_mdev;
    QList<Destination> m_destinations;
    QComboBox *m_target = nullptr;
    ProfileCombo *m_profile = nullptr;
    HostRevisionHint *m_revision = nullptr;
    QPushButton *m_run = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_banner = nullptr;
    QTextBrowser *m_view = nullptr;
    QList<QPushButton *> m_exports;
    QFutureWatcher<Result<migration::CheckInput>> m_read;
    QFutureWatcher<Result<migration::CheckReport>> m_check;
    std::optional<migration::CheckInput> m_input; ///< the hosts as read for the last run
    std::optional<migration::CheckReport> m_report;
    std::optional<migration::CheckReport> m_baseline; ///< compared against after a run ("what changed since")
    qint64 m_storedId = 0;
};

} // namespace ap::ui

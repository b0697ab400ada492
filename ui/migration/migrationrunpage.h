#pragma once

#include <migration/runevent.h>

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace ap::ui {

class MigrationTimeline;
class MigrationWizard;
class VfioStateDiagram;

/// The run, live: the plan's steps with their status, both devices' state machines, the
/// timeline, guest memory progress (bytes, iteration, expected downtime; no percentage), the
/// device data written and the kernel lines as they appear. Cancel works until the point of no
/// return; past it the page says so.
class RunPage : public QWizardPage {
    Q_OBJECT
public:
    explicit RunPage(MigrationWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool pastPointOfNoReturn() const { return m_pastNoReturn; }

    VfioStateDiagram *sourceDiagram() const { return m_sourceDiagram; }
    VfioStateDiagram *destinationDiagram() const { return m_destinationDiagram; }
    MigrationTimeline *timeline() const { return m_timeline; }
    QPlainTextEdit *kernelLog() const { return m_log; }

private:
    void onEvent(const migration::RunEvent &e);
    void onFinished(const migration::RunEvent &result);
    void setStepStatus(const QString &id, const QString &status, const QString &detail);

    MigrationWizard *m_wizard;
    QTreeWidget *m_steps;
    VfioStateDiagram *m_sourceDiagram;
    VfioStateDiagram *m_destinationDiagram;
    MigrationTimeline *m_timeline;
    QLabel *m_memory;
    QLabel *m_stream;
    QLabel *m_guest;
    QPlainTextEdit *m_log;
    QPushButton *m_cancel;
    QLabel *m_noReturn;
    bool m_pastNoReturn = false;
    bool m_done = false;
    migration::RunEvent m_lastMemory; ///< the last memory progress sample of this run
    QString m_guestSource;
    QString m_guestDestination;
};

/// Where the run ended: success, or the failed step with errno and kernel lines; each device's
/// final state; where the guest runs; the stored run and its JSON export.
class ResultPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ResultPage(MigrationWizard *wizard);
    void initializePage() override;
    QString summaryText() const;

private:
    MigrationWizard *m_wizard;
    QTextBrowser *m_view;
    QPushButton *m_export;
};

} // namespace ap::ui

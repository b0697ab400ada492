#pragma once

#include <common/result.h>
#include <plan/writeplan.h>

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace ap::ui {

class HostSession;

/// Shows what a plan will write, applies it through the host's backend with progress, and
/// reports the outcome: success, or the failed step with the kernel's errno, a hint, the kernel's
/// lines and whether every earlier step was undone.
class ApplyDialog : public QDialog {
    Q_OBJECT
public:
    ApplyDialog(HostSession *session, WritePlan plan, QWidget *parent = nullptr);

    /// Starts writing (what the Apply button does).
    void start();
    bool finished() const { return m_finished; }
    bool succeeded() const { return m_succeeded; }
    QString resultText() const;

    /// The words for an apply report (also used by the status bar).
    static QString describe(const WritePlan &plan, const Result<ApplyReport> &result);

private:
    void onFinished(const Result<ApplyReport> &result);

    HostSession *m_session;
    WritePlan m_plan;
    QPlainTextEdit *m_steps;
    QProgressBar *m_progress;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    bool m_finished = false;
    bool m_succeeded = false;
};

} // namespace ap::ui

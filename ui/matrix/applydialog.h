#pragma once

#include <common/result.h>
#include <editing/matrixdiff.h>
#include <plan/writeplan.h>

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace ap::ui {

class HostSession;

/// Shows what a plan will do, applies it through the host's backend with progress, and reports
/// the outcome: success, or the failed step with the kernel's errno, a hint, the kernel's lines
/// and whether every earlier step was undone. It leads with the plain change per mdev (the plan
/// replayed on a copy of the host): ids added and removed, APQNs before → after, the guest that
/// sees it — a hot plug or unplug into a running guest must be confirmed before Apply — and
/// whether the persistent definition still matches; the exact writes follow, folded.
class ApplyDialog : public QDialog {
    Q_OBJECT
public:
    ApplyDialog(HostSession *session, WritePlan plan, QWidget *parent = nullptr);

    /// Starts writing (what the Apply button does).
    void start();
    bool finished() const { return m_finished; }
    bool succeeded() const { return m_succeeded; }
    QString resultText() const;
    /// The plain per-mdev summary the dialog leads with.
    QString summaryText() const;
    /// Whether Apply waits for the operator to confirm a change to a running guest.
    bool needsConfirmation() const;

    /// One mdev's change in the operator's words (lines of rich text).
    static QString describeChange(const MdevChange &c);

    /// The words for an apply report (also used by the status bar).
    static QString describe(const WritePlan &plan, const Result<ApplyReport> &result);

private:
    void onFinished(const Result<ApplyReport> &result);

    HostSession *m_session;
    WritePlan m_plan;
    QLabel *m_summary;
    QCheckBox *m_confirm = nullptr;
    QPlainTextEdit *m_steps;
    QProgressBar *m_progress;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    bool m_finished = false;
    bool m_succeeded = false;
};

} // namespace ap::ui

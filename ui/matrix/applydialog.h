#pragma once

#include <common/result.h>
#include <definitions/definitionrequest.h>
#include <editing/matrixdiff.h>
#include <plan/writeplan.h>

#include <QDialog>
#include <QList>

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
/// whether the persistent definition still matches; the exact writes follow, folded. Where an
/// mdev keeps a persistent definition (mdevctl, libvirt) that would differ from the new matrix,
/// a checkbox per mdev offers to update it too (asked of ap-check's rules first: a refusal
/// disables it and says why); the update runs once the kernel writes succeeded, through the
/// same backend calls as the tree's definition actions, and its failure is reported apart.
class ApplyDialog : public QDialog {
    Q_OBJECT
public:
    ApplyDialog(HostSession *session, WritePlan plan, QWidget *parent = nullptr);

    /// Starts writing (what the Apply button does).
    void start();
    bool finished() const { return m_finished; }
    bool succeeded() const { return m_succeeded; }
    QString resultText() const;
    /// False when a checked definition update failed after the kernel writes succeeded.
    bool definitionsSucceeded() const { return m_definitionSucceeded; }
    /// The plain per-mdev summary the dialog leads with.
    QString summaryText() const;
    /// Whether Apply waits for the operator to confirm a change to a running guest.
    bool needsConfirmation() const;

    /// The checkbox "also update the persistent definition" of mdev `uuid`, nullptr if none is offered.
    QCheckBox *updateDefinitionBox(const QString &uuid) const;
    /// What the definition section says of mdev `uuid` (offer, refusal, survival after a reboot).
    QString definitionNote(const QString &uuid) const;

    /// One mdev's change in the operator's words (lines of rich text).
    static QString describeChange(const MdevChange &c);

    /// The words for an apply report (also used by the status bar).
    static QString describe(const WritePlan &plan, const Result<ApplyReport> &result);

    /// Closing is refused while writes or definition updates run: their outcome must be seen.
    void reject() override;

signals:
    /// Every step is done: the kernel writes and the definition updates that followed them.
    void completed();

private:
    /// A persistent definition the change would leave behind, and what the rules say of updating it.
    struct DefinitionOffer {
        QString uuid;
        MatrixAssignment matrix;  ///< the new matrix
        bool autostart = false;   ///< the definition starts the mdev at boot
        definitions::Verdict verdict;
        definitions::DefinitionRequest request; ///< what runs where the host has no libvirt
        QCheckBox *box = nullptr;
        QLabel *note = nullptr;
    };
    void addDefinitionOffers(const QList<MdevChange> &changes, const HostSnapshot &host);
    void updateNote(const DefinitionOffer &o);
    void onFinished(const Result<ApplyReport> &result);
    /// Runs the checked definition updates one after another, then closes the transaction.
    void updateDefinitions(qsizetype next);
    void finish();

    HostSession *m_session;
    WritePlan m_plan;
    QLabel *m_summary;
    QCheckBox *m_confirm = nullptr;
    QPlainTextEdit *m_steps;
    QProgressBar *m_progress;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    QList<DefinitionOffer> m_offers;
    QStringList m_definitionResults; ///< one line per definition update, in order
    QString m_applyText;             ///< the words for the kernel writes' outcome
    bool m_definitionSucceeded = true;
    bool m_started = false;
    bool m_finished = false;
    bool m_succeeded = false;
};

} // namespace ap::ui

#include "applydialog.h"

#include "../fleet/hostsession.h"
#include "../common/kerneltext.h"

#include <common/errnonames.h>
#include <plan/matrixplan.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace ap::ui {

namespace {

QString idsWords(const IdMask &added, const IdMask &removed)
{
    QStringList parts;
    if (!added.isEmpty())
        parts << QStringLiteral("+ ") + added.toRanges(true);
    if (!removed.isEmpty())
        parts << QStringLiteral("− ") + removed.toRanges(true);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString ApplyDialog::describeChange(const MdevChange &c)
{
    QStringList lines;
    lines << (c.guest.isEmpty() ? tr("<b>mdev %1</b>").arg(c.uuid) : tr("<b>mdev %1</b> of guest %2").arg(c.uuid, c.guest.toHtmlEscaped()));
    const std::pair<QString, QString> parts[] = {
        {tr("Adapters"), idsWords(c.adaptersAdded, c.adaptersRemoved)},
        {tr("Domains"), idsWords(c.domainsAdded, c.domainsRemoved)},
        {tr("Control domains"), idsWords(c.controlDomainsAdded, c.controlDomainsRemoved)},
    };
    for (const auto &[what, ids] : parts)
        if (!ids.isEmpty())
            lines << tr("%1: %2").arg(what, ids);
    lines << tr("APQNs: %1 → %2").arg(c.apqnsBefore).arg(c.apqnsAfter);
    const int delta = c.guestApqnsAfter - c.guestApqnsBefore;
    if (c.guest.isEmpty())
        lines << tr("No guest uses this mdev.");
    else if (!c.guestRunning)
        lines << tr("Guest %1 is shut off: it sees %n queue(s) at its next start.", nullptr, c.guestApqnsAfter).arg(c.guest.toHtmlEscaped());
    else if (delta > 0)
        lines << tr("<b>Hot plug:</b> the running guest %1 gets %n queue(s) now.", nullptr, delta).arg(c.guest.toHtmlEscaped());
    else if (delta < 0)
        lines << tr("<b>Hot unplug:</b> the running guest %1 loses %n queue(s) now.", nullptr, -delta).arg(c.guest.toHtmlEscaped());
    else
        lines << tr("The running guest %1 sees no change in its queues.").arg(c.guest.toHtmlEscaped());
    if (!c.hasDefinition)
        lines << tr("Persistent definition: none; the mdev is transient and this change ends with it.");
    else if (c.definitionMatchesAfter)
        lines << tr("Persistent definition: already holds this matrix.");
    else
        lines << tr("Persistent definition: <b>not updated</b>; the mdev gets its old matrix back when it is next started from it "
                    "(change the definition too to keep this).");
    return lines.join(QStringLiteral("<br>"));
}

ApplyDialog::ApplyDialog(HostSession *session, WritePlan plan, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_plan(std::move(plan))
{
    setObjectName(QStringLiteral("applyDialog"));
    setWindowTitle(tr("Apply changes to %1").arg(session->uri().text));
    auto *layout = new QVBoxLayout(this);

    // The plan replayed on a copy of the host: the same rule that accepted the edits.
    QStringList summary;
    bool touchesRunningGuest = false;
    if (const auto host = session->snapshot()) {
        const PlanReplay replay = replayPlan(*host, m_plan);
        for (const Mdev &m : replay.after.mdevs)
            if (!host->mdev(m.uuid))
                summary << tr("<b>Creates mdev %1</b>").arg(m.uuid);
        for (const Mdev &m : host->mdevs) {
            if (replay.after.mdev(m.uuid))
                continue;
            summary << tr("<b>Removes mdev %1</b>").arg(m.uuid);
            if (const Guest *g = host->guestOfMdev(m.uuid); g && g->state != Guest::State::ShutOff) {
                summary << tr("<b>Hot unplug:</b> the running guest %1 loses its crypto adapters (QEMU unplugs the device).").arg(g->name.toHtmlEscaped());
                touchesRunningGuest = true;
            }
        }
        for (const MdevChange &c : describeChanges(*host, replay.after)) {
            summary << describeChange(c);
            touchesRunningGuest = touchesRunningGuest || c.hotPlug() || c.hotUnplug();
        }
        if (!replay.ok())
            summary << tr("<b>The kernel would refuse this:</b> %1").arg(refusalText(replay.outcome).toHtmlEscaped());
    }
    m_summary = new QLabel(summary.join(QStringLiteral("<br><br>")));
    m_summary->setObjectName(QStringLiteral("applySummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("The writes are made on %1 as one transaction: if one fails, the earlier ones are undone.")
                                     .arg(session->uri().text)));

    auto *showSteps = new QToolButton;
    showSteps->setObjectName(QStringLiteral("applyShowSteps"));
    showSteps->setText(tr("The exact writes (%n)", nullptr, int(m_plan.steps.size())));
    showSteps->setCheckable(true);
    showSteps->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    showSteps->setArrowType(Qt::RightArrow);
    layout->addWidget(showSteps);
    m_steps = new QPlainTextEdit;
    m_steps->setReadOnly(true);
    m_steps->setObjectName(QStringLiteral("applySteps"));
    m_steps->setLineWrapMode(QPlainTextEdit::NoWrap);
    QStringList lines;
    for (qsizetype i = 0; i < m_plan.steps.size(); ++i) {
        const WriteStep &s = m_plan.steps[i];
        lines.append(QStringLiteral("%1. %2\n     echo %3 > /%4").arg(i + 1).arg(s.action, QString::fromLatin1(s.write.value.trimmed()), s.write.path));
    }
    m_steps->setPlainText(lines.join(QLatin1Char('\n')));
    m_steps->setVisible(false);
    layout->addWidget(m_steps, 1);
    connect(showSteps, &QToolButton::toggled, this, [this, showSteps](bool on) {
        m_steps->setVisible(on);
        showSteps->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    m_progress = new QProgressBar;
    m_progress->setRange(0, int(m_plan.steps.size()));
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("applyResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    if (touchesRunningGuest) {
        m_confirm = new QCheckBox(tr("I understand that running guests get queues hot plugged or unplugged now."));
        m_confirm->setObjectName(QStringLiteral("applyConfirm"));
        layout->addWidget(m_confirm);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    QPushButton *applyButton = m_buttons->button(QDialogButtonBox::Apply);
    if (m_confirm) {
        applyButton->setEnabled(false);
        connect(m_confirm, &QCheckBox::toggled, applyButton, &QPushButton::setEnabled);
    }
    connect(applyButton, &QPushButton::clicked, this, &ApplyDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(session, &HostSession::applyProgress, this, [this](int done, int) { m_progress->setValue(done); });
    connect(session, &HostSession::applyFinished, this, &ApplyDialog::onFinished);
    resize(720, 480);
}

QString ApplyDialog::summaryText() const { return m_summary->text(); }

bool ApplyDialog::needsConfirmation() const { return m_confirm && !m_confirm->isChecked(); }

void ApplyDialog::start()
{
    if (m_confirm)
        m_confirm->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false); // a transaction is finished or rolled back, never cut
    m_result->setText(tr("Writing…"));
    m_session->apply(m_plan);
}

QString ApplyDialog::describe(const WritePlan &plan, const Result<ApplyReport> &result)
{
    if (!result)
        return tr("Nothing was written: %1").arg(result.error().toString());
    const ApplyReport &r = *result;
    const QString notRecorded = r.notRecorded
        ? QLatin1Char('\n') + tr("The audit log could not record this: %1").arg(r.notRecorded->toString())
        : QString();
    if (r.ok && !r.notRecorded)
        return tr("Applied: %n write(s) done and recorded in the audit log.", nullptr, int(plan.steps.size()));
    if (r.ok)
        return tr("Applied: %n write(s) done.", nullptr, int(plan.steps.size())) + notRecorded;
    QString s = r.transport ? tr("Step %1 was not written: the connection to the host failed (%2); the kernel was not asked.")
                                  .arg(r.failedStep + 1)
                                  .arg(r.transport->toString())
                            : tr("Step %1 failed: %2 (%3).").arg(r.failedStep + 1).arg(errnoName(r.err), errnoMessage(r.err));
    if (r.failedStep >= 0 && r.failedStep < plan.steps.size())
        s += QLatin1Char(' ') + tr("It was: %1.").arg(plan.steps[r.failedStep].action);
    const QString hint = r.transport ? r.transport->hint : errnoHint(r.err);
    if (!hint.isEmpty())
        s += QLatin1Char(' ') + hint;
    if (!r.kernelLog.isEmpty())
        s += QLatin1Char('\n') + tr("Kernel: %1").arg(r.kernelLog.join(QLatin1Char('\n')));
    s += QLatin1Char('\n') + (r.failedStep == 0 ? tr("Nothing was changed.")
                              : r.rolledBack ? tr("Every earlier step was undone: the host, read back, is as before.")
                                             : tr("Not every earlier step could be undone: read the host again and check the audit log."));
    for (const QString &d : r.differences)
        s += QLatin1Char('\n') + tr("Read back: %1").arg(d);
    return s + notRecorded;
}

void ApplyDialog::onFinished(const Result<ApplyReport> &result)
{
    m_finished = true;
    m_succeeded = result && result->ok;
    m_result->setText(describe(m_plan, result));
    m_buttons->clear();
    m_buttons->addButton(QDialogButtonBox::Close);
    connect(m_buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, m_succeeded ? &QDialog::accept : &QDialog::reject);
}

QString ApplyDialog::resultText() const { return m_result->text(); }

} // namespace ap::ui

#include "applydialog.h"

#include "../fleet/hostsession.h"
#include "../common/kerneltext.h"

#include <common/errnonames.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ap::ui {

ApplyDialog::ApplyDialog(HostSession *session, WritePlan plan, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_plan(std::move(plan))
{
    setObjectName(QStringLiteral("applyDialog"));
    setWindowTitle(tr("Apply changes to %1").arg(session->uri().text));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("These writes will be made on %1, as one transaction: if one fails, the earlier ones are undone.")
                                     .arg(session->uri().text)));
    m_steps = new QPlainTextEdit;
    m_steps->setReadOnly(true);
    m_steps->setObjectName(QStringLiteral("applySteps"));
    QStringList lines;
    for (qsizetype i = 0; i < m_plan.steps.size(); ++i) {
        const WriteStep &s = m_plan.steps[i];
        QString value = QString::fromLatin1(s.write.value.trimmed());
        if (value.size() > 70)
            value = value.left(67) + QStringLiteral("...");
        lines.append(QStringLiteral("%1. %2\n     echo %3 > /%4").arg(i + 1).arg(s.action, value, s.write.path));
    }
    m_steps->setPlainText(lines.join(QLatin1Char('\n')));
    layout->addWidget(m_steps, 1);
    m_progress = new QProgressBar;
    m_progress->setRange(0, int(m_plan.steps.size()));
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("applyResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &ApplyDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(session, &HostSession::applyProgress, this, [this](int done, int) { m_progress->setValue(done); });
    connect(session, &HostSession::applyFinished, this, &ApplyDialog::onFinished);
    resize(720, 420);
}

void ApplyDialog::start()
{
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
    QString s = tr("Step %1 failed: %2 (%3).").arg(r.failedStep + 1).arg(errnoName(r.err), errnoMessage(r.err));
    if (r.failedStep >= 0 && r.failedStep < plan.steps.size())
        s += QLatin1Char(' ') + tr("It was: %1.").arg(plan.steps[r.failedStep].action);
    const QString hint = errnoHint(r.err);
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

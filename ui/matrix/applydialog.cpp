#include "applydialog.h"

#include "../fleet/definitionactions.h"
#include "../fleet/hostactions.h"
#include "../fleet/hostsession.h"
#include "../common/errortext.h"
#include "../common/kerneltext.h"

#include <common/errnonames.h>
#include <definitions/definitionrequest.h>
#include <hosts/libvirt/libvirthost.h>
#include <plan/matrixplan.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QGroupBox>
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
        lines << tr("Persistent definition: holds another matrix (see below).");
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
    QList<MdevChange> changes;
    const auto host = session->snapshot();
    if (host) {
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
        changes = describeChanges(*host, replay.after);
        for (const MdevChange &c : changes) {
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
    if (host)
        addDefinitionOffers(changes, *host);
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
    // While the writes are folded away, the dialog's spare height goes below them, not between
    // the lines above.
    auto *spare = new QWidget;
    layout->addWidget(spare, 1);
    connect(showSteps, &QToolButton::toggled, this, [this, showSteps, spare](bool on) {
        m_steps->setVisible(on);
        spare->setVisible(!on);
        showSteps->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    m_progress = new QProgressBar;
    m_progress->setRange(0, int(m_plan.steps.size()));
    m_progress->setValue(0);
    m_progress->setVisible(false); // shown once Apply starts the writes
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

void ApplyDialog::addDefinitionOffers(const QList<MdevChange> &changes, const HostSnapshot &host)
{
    for (const MdevChange &c : changes) {
        if (!c.hasDefinition || c.definitionMatchesAfter)
            continue;
        DefinitionOffer o;
        o.uuid = c.uuid;
        o.matrix = c.after;
        const MdevDefinition *d = host.definitions ? host.definitions->find(c.uuid) : nullptr;
        const Mdev *m = host.mdev(c.uuid);
        o.autostart = d ? d->autostart : (m && m->autostart.value_or(false));
        o.verdict = definitions::checkUpdateDefinition(host, c.uuid, c.after);
        o.request = definitions::updateRequest(host, c.uuid, c.after);
        m_offers.append(o);
    }
    if (m_offers.isEmpty())
        return;
    auto *group = new QGroupBox(tr("Persistent definitions"));
    auto *box = new QVBoxLayout(group);
    const QString noWrites = HostActions::whyNoWrites(m_session);
    for (DefinitionOffer &o : m_offers) {
        o.box = new QCheckBox(tr("Also update the persistent definition of mdev %1 to the new matrix").arg(o.uuid));
        o.box->setObjectName(QStringLiteral("applyUpdateDefinition-") + o.uuid);
        o.box->setEnabled(!o.verdict.refused() && noWrites.isEmpty());
        o.note = new QLabel;
        o.note->setObjectName(QStringLiteral("applyDefinitionNote-") + o.uuid);
        o.note->setWordWrap(true);
        o.note->setTextFormat(Qt::RichText);
        o.note->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (!o.box->isEnabled() && !noWrites.isEmpty())
            o.box->setToolTip(noWrites);
        box->addWidget(o.box);
        box->addWidget(o.note);
        updateNote(o);
        connect(o.box, &QCheckBox::toggled, this, [this, uuid = o.uuid] {
            for (const DefinitionOffer &x : std::as_const(m_offers))
                if (x.uuid == uuid)
                    updateNote(x);
        });
    }
    static_cast<QVBoxLayout *>(layout())->addWidget(group);
}

void ApplyDialog::updateNote(const DefinitionOffer &o)
{
    QStringList lines;
    if (o.verdict.refused()) {
        lines << tr("<b>The definition cannot be updated to this matrix</b>; nothing would be written to it:");
        for (const definitions::Finding &f : o.verdict.findings) {
            const QString by = f.by == definitions::RefusedBy::ApCheck ? tr("ap-check")
                : f.by == definitions::RefusedBy::Mdevctl                ? tr("mdevctl")
                                                                          : tr("the kernel");
            lines << tr("• %1 (refused by %2; rule: %3)").arg(DefinitionActions::findingText(f).toHtmlEscaped(), by, f.message().toHtmlEscaped());
        }
    } else if (!o.verdict.unknown.isEmpty()) {
        lines << tr("The host's definitions are not known here: ap-check on the host decides when the definition is updated.");
    }
    if (o.box->isChecked()) {
        lines << tr("The definition is updated once the kernel writes succeed: the change survives a reboot.");
    } else {
        lines << tr("Without it, the running matrix will differ from the definition after this change: the change is lost at the next reboot.");
        lines << (o.autostart ? tr("The definition's start=auto starts the mdev at boot with its old matrix.")
                              : tr("The definition (start=manual) brings back the old matrix when the mdev is next started from it."));
    }
    o.note->setText(lines.join(QStringLiteral("<br>")));
}

QCheckBox *ApplyDialog::updateDefinitionBox(const QString &uuid) const
{
    for (const DefinitionOffer &o : m_offers)
        if (o.uuid == uuid)
            return o.box;
    return nullptr;
}

QString ApplyDialog::definitionNote(const QString &uuid) const
{
    for (const DefinitionOffer &o : m_offers)
        if (o.uuid == uuid)
            return o.note->text();
    return {};
}

QString ApplyDialog::summaryText() const { return m_summary->text(); }

bool ApplyDialog::needsConfirmation() const { return m_confirm && !m_confirm->isChecked(); }

void ApplyDialog::start()
{
    if (m_confirm)
        m_confirm->setEnabled(false);
    for (const DefinitionOffer &o : std::as_const(m_offers))
        o.box->setEnabled(false); // what is checked now is what runs
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false); // a transaction is finished or rolled back, never cut
    m_started = true;
    m_progress->setVisible(true);
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
    if (!m_started || m_finished)
        return; // another dialog's transaction on the same host
    disconnect(m_session, &HostSession::applyFinished, this, nullptr);
    m_succeeded = result && result->ok;
    m_applyText = describe(m_plan, result);
    m_result->setText(m_applyText);
    if (m_succeeded)
        updateDefinitions(0);
    else
        finish();
}

void ApplyDialog::updateDefinitions(qsizetype next)
{
    while (next < m_offers.size() && !m_offers[next].box->isChecked())
        ++next;
    HostBackend *backend = m_session->backend();
    if (next >= m_offers.size() || !backend) {
        if (!m_definitionResults.isEmpty())
            m_session->refresh(); // the host's definitions as they are now
        finish();
        return;
    }
    const DefinitionOffer &o = m_offers[next];
    m_result->setText(m_applyText + QLatin1Char('\n') + tr("Updating the definition of mdev %1…").arg(o.uuid));
    // The tree's definition actions' paths: libvirt's node-device define where the host has
    // libvirt, else mdevctl (SSH), the definition files (local trees) or the simulated host.
    QFuture<Status> future;
    if (LibvirtHost *lv = backend->view<LibvirtHost>())
        future = lv->defineMdev(o.uuid, o.matrix, false, o.autostart);
    else
        future = backend->changeDefinition(o.request);
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, next, uuid = o.uuid] {
        watcher->deleteLater();
        const Status st = watcher->result();
        if (st) {
            m_definitionResults << tr("The definition of mdev %1 was updated: the change survives a reboot.").arg(uuid);
        } else {
            m_definitionSucceeded = false;
            m_definitionResults << tr("The kernel change was applied, but the definition of mdev %1 was NOT updated: %2 %3\n"
                                      "The running matrix now differs from the definition, so the change is lost at the next reboot. "
                                      "Update the definition from the fleet tree (Make the definition match the running matrix) or with "
                                      "mdevctl modify on the host.")
                                       .arg(uuid, st.error().detail, ErrorText::hintOf(st.error()));
        }
        updateDefinitions(next + 1);
    });
    watcher->setFuture(future);
}

void ApplyDialog::finish()
{
    m_finished = true;
    if (!m_definitionResults.isEmpty())
        m_result->setText(m_applyText + QLatin1Char('\n') + m_definitionResults.join(QLatin1Char('\n')));
    m_buttons->clear();
    m_buttons->addButton(QDialogButtonBox::Close);
    connect(m_buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, m_succeeded ? &QDialog::accept : &QDialog::reject);
    emit completed();
}

void ApplyDialog::reject()
{
    if (m_started && !m_finished)
        return;
    QDialog::reject();
}

QString ApplyDialog::resultText() const { return m_result->text(); }

} // namespace ap::ui

#include "migrationrunpage.h"
#include "../common/errortext.h"
#include "../common/prompts.h"

#include "../fleet/fleet.h"
#include "../fleet/hostsession.h"
#include "../common/kerneltext.h"
#include "migrationtext.h"
#include "migrationtimeline.h"
#include "migrationwizard.h"
#include <common/outputfile.h>
#include "vfiostatediagram.h"

#include <migration/runnerfactory.h>
#include <store/runrecord.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ap::ui {

using namespace ap::migration;

namespace {

QString bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

RunPage::RunPage(MigrationWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Migration"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_steps = new QTreeWidget;
    m_steps->setObjectName(QStringLiteral("runSteps"));
    m_steps->setHeaderLabels({tr("Step"), tr("Status")});
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->setTextElideMode(Qt::ElideMiddle);
    // Room for a step title and its status (about 40 characters); the diagrams give way first.
    m_steps->setMinimumWidth(m_steps->fontMetrics().averageCharWidth() * 40);
    top->addWidget(m_steps, 4);
    m_sourceDiagram = new VfioStateDiagram(tr("Source device"));
    m_sourceDiagram->setObjectName(QStringLiteral("sourceDiagram"));
    m_destinationDiagram = new VfioStateDiagram(tr("Destination device"));
    m_destinationDiagram->setObjectName(QStringLiteral("destinationDiagram"));
    top->addWidget(m_sourceDiagram, 2);
    top->addWidget(m_destinationDiagram, 2);
    layout->addLayout(top, 3);
    m_timeline = new MigrationTimeline;
    layout->addWidget(m_timeline, 2);
    auto *facts = new QHBoxLayout;
    m_memory = new QLabel(tr("Guest memory: not started"));
    m_memory->setObjectName(QStringLiteral("memoryProgress"));
    m_memory->setWordWrap(true);
    m_stream = new QLabel;
    m_stream->setWordWrap(true);
    m_guest = new QLabel;
    m_guest->setWordWrap(true);
    facts->addWidget(m_memory, 2);
    facts->addWidget(m_stream, 1);
    facts->addWidget(m_guest, 1);
    layout->addLayout(facts);
    m_log = new QPlainTextEdit;
    m_log->setObjectName(QStringLiteral("runKernelLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setPlaceholderText(tr("Kernel lines of both hosts appear here as the drivers log them."));
    m_log->setMaximumHeight(110);
    layout->addWidget(m_log, 1);
    auto *row = new QHBoxLayout;
    m_noReturn = new QLabel;
    m_noReturn->setWordWrap(true);
    m_cancel = new QPushButton(tr("Cancel &run"));
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    row->addWidget(m_noReturn, 1);
    row->addWidget(m_cancel);
    layout->addLayout(row);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_wizard->job)
            m_wizard->job->cancel();
        m_cancel->setEnabled(false);
        m_noReturn->setText(tr("Cancelling: the source device goes back to RUNNING…"));
    });
}

void RunPage::initializePage()
{
    setSubTitle(tr("Guest %1: %2 → %3").arg(m_wizard->guest(), m_wizard->sourceHostText(), m_wizard->target->uri().text));
    const MigrationPlan &plan = *m_wizard->plan;
    m_steps->clear();
    for (const PlanStep &s : plan.steps) {
        auto *item = new QTreeWidgetItem({migrationtext::stepTitle(s.id), migrationtext::stepStatus(QStringLiteral("not run"))});
        item->setData(0, Qt::UserRole, stepIdName(s.id));
        m_steps->addTopLevelItem(item);
    }
    m_sourceDiagram->setTitle(tr("Source device"), m_wizard->sourceHostText());
    m_destinationDiagram->setTitle(tr("Destination device"), m_wizard->target->uri().text);
    m_sourceDiagram->clear();
    m_destinationDiagram->clear();
    m_timeline->clear();
    m_log->clear();
    m_stream->setText(plan.strategy == Strategy::Live ? tr("Device data: 0 of %1 bytes").arg(plan.streamBytes) : QString());
    m_guestSource = QStringLiteral("running");
    m_guestDestination.clear();
    m_pastNoReturn = false;
    m_done = false;
    m_cancel->setEnabled(true);
    m_noReturn->setText(tr("The run can be cancelled until the guest resumes on the destination."));

    auto work = migrationWork(*m_wizard->source()->backend(), *m_wizard->target->backend(), plan, m_wizard->options);
    if (!work) {
        m_done = true;
        m_cancel->setEnabled(false);
        m_noReturn->setText(tr("<b>The run cannot start:</b> %1").arg(ErrorText::describe(work.error()).toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"))));
        emit completeChanged();
        return;
    }
    delete m_wizard->job;
    m_wizard->job = new MigrationJob(*work, m_wizard);
    connect(m_wizard->job, &MigrationJob::runEvent, this, &RunPage::onEvent);
    connect(m_wizard->job, &MigrationJob::finished, this, &RunPage::onFinished);
    m_wizard->started = QDateTime::currentDateTimeUtc();
    m_wizard->job->start();
}

void RunPage::setStepStatus(const QString &id, const QString &status, const QString &detail)
{
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_steps->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() != id)
            continue;
        item->setText(1, detail.isEmpty() ? migrationtext::stepStatus(status) : tr("%1 — %2").arg(migrationtext::stepStatus(status), detail));
        item->setToolTip(1, item->text(1));
        QFont f = item->font(0);
        f.setBold(status == u"started");
        item->setFont(0, f);
        if (status == u"failed")
            item->setForeground(1, palette().color(QPalette::Highlight));
        m_steps->scrollToItem(item);
    }
}

void RunPage::onEvent(const RunEvent &e)
{
    m_timeline->addEvent(e);
    const auto diagram = [this](Side s) { return s == Side::Source ? m_sourceDiagram : m_destinationDiagram; };
    switch (e.kind) {
    case RunEvent::Kind::Step: {
        QString detail = e.text;
        if (e.err)
            detail = errnoText(e.err) + (e.text.isEmpty() ? QString() : QStringLiteral(": ") + e.text);
        setStepStatus(e.step, stepStatusName(e.status),
                      e.status == RunEvent::StepStatus::Started || e.status == RunEvent::StepStatus::Cancelled ? QString() : detail);
        const auto id = parseStepId(e.step);
        const PlanStep *step = id ? m_wizard->plan->step(*id) : nullptr;
        if (step && step->pointOfNoReturn && e.status == RunEvent::StepStatus::Started) {
            m_pastNoReturn = true;
            m_cancel->setEnabled(false);
            m_noReturn->setText(tr("<b>Past the point of no return:</b> the guest resumes on the destination; the run can no longer be cancelled."));
        }
        break;
    }
    case RunEvent::Kind::State:
        diagram(e.side)->addArc(e.from, e.to);
        break;
    case RunEvent::Kind::Device:
        diagram(e.side)->setCurrent(e.text == u"opened" ? std::optional<VfioState>(e.to) : std::nullopt);
        break;
    case RunEvent::Kind::Memory:
        m_memory->setText(tr("Guest memory: %1 sent, iteration %2, %3 left, expected downtime %4 ms")
                              .arg(bytesText(e.bytes)).arg(e.iteration).arg(bytesText(e.remaining)).arg(e.downtimeMs));
        break;
    case RunEvent::Kind::Stream:
        m_stream->setText(tr("Device data: %1 of %2 bytes").arg(e.bytes).arg(e.total));
        break;
    case RunEvent::Kind::Kernel:
        m_log->appendPlainText(QStringLiteral("[%1] %2").arg(migrationtext::sideName(e.side), e.text));
        break;
    case RunEvent::Kind::Inject:
        m_log->appendPlainText(tr("[demo] injected: %1").arg(e.text));
        break;
    case RunEvent::Kind::Guest:
        (e.side == Side::Source ? m_guestSource : m_guestDestination) = e.text;
        m_guest->setText(tr("Guest: %1 on the source, %2 on the destination")
                             .arg(migrationtext::guestState(m_guestSource),
                                  m_guestDestination.isEmpty() ? tr("not started") : migrationtext::guestState(m_guestDestination)));
        break;
    case RunEvent::Kind::Plan:
    case RunEvent::Kind::Result:
        break;
    }
}

void RunPage::onFinished(const RunEvent &result)
{
    m_done = true;
    m_cancel->setEnabled(false);
    m_noReturn->setText(result.ok ? tr("<b>Finished.</b>") : tr("<b>The run ended without migrating the guest.</b> See the next page."));
    if (const auto store = m_wizard->fleet()->store()) {
        if (auto id = store->saveMigrationRun(runRecord(*m_wizard->plan, m_wizard->job->events(), m_wizard->started, m_wizard->decisions())))
            m_wizard->storedRunId = *id;
    }
    m_wizard->source()->refresh();
    m_wizard->target->refresh();
    emit completeChanged();
    emit m_wizard->runFinished(result);
}

bool RunPage::isComplete() const
{
    return m_done;
}

// ---- Result ----------------------------------------------------------------------------------

ResultPage::ResultPage(MigrationWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Result"));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    m_view = new QTextBrowser;
    m_view->setObjectName(QStringLiteral("resultView"));
    layout->addWidget(m_view, 1);
    m_export = new QPushButton(tr("&Export run as JSON…"));
    m_export->setObjectName(QStringLiteral("exportRun"));
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_export);
    layout->addLayout(row);
    connect(m_export, &QPushButton::clicked, this, [this] {
        prompt::saveFile(this, tr("Export migration run"), QStringLiteral("migration-%1.json").arg(m_wizard->guest()), tr("JSON (*.json)"),
                         [this](const QString &path) {
                             Store::MigrationRun run = runRecord(*m_wizard->plan, m_wizard->job->events(), m_wizard->started, m_wizard->decisions());
                             run.id = m_wizard->storedRunId;
                             if (Status s = writeOutputFile(path, QJsonDocument(runRecordToJson(run)).toJson()); !s)
                                 prompt::warn(this, tr("Export failed"), s.error().toString());
                         });
    });
}

QString ResultPage::summaryText() const
{
    return m_view->toPlainText();
}

void ResultPage::initializePage()
{
    const MigrationJob *job = m_wizard->job;
    if (!job || job->events().isEmpty() || job->events().constLast().kind != RunEvent::Kind::Result) {
        m_view->setHtml(tr("<p>The run did not start.</p>"));
        m_export->setEnabled(false);
        return;
    }
    const RunEvent &r = job->events().constLast();
    const QString src = m_wizard->sourceHostText().toHtmlEscaped();
    const QString dst = m_wizard->target->uri().text.toHtmlEscaped();
    const QString guest = m_wizard->guest().toHtmlEscaped();
    const auto stateText = [](const std::optional<VfioState> &s) { return s ? vfioStateName(*s) : tr("closed"); };
    QString html;
    if (r.ok) {
        html += tr("<h3>%1 now runs on %2.</h3>").arg(guest, dst);
    } else if (r.text == u"canceled") {
        html += tr("<h3>Cancelled. %1 runs on %2 again.</h3>").arg(guest, src);
    } else {
        html += tr("<h3>The migration failed at “%1”.</h3>").arg(migrationtext::stepTitle(r.step).toHtmlEscaped());
        if (r.err)
            html += tr("<p><b>%1</b> — %2</p>").arg(errnoText(r.err).toHtmlEscaped(), errnoHint(r.err).toHtmlEscaped());
        if (!r.text.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(r.text.toHtmlEscaped());
        if (!r.log.isEmpty()) {
            html += tr("<p>Destination kernel:</p>") + QStringLiteral("<pre>%1</pre>").arg(r.log.join(u'\n').toHtmlEscaped());
        }
        html += tr("<p>%1 runs on %2 again; nothing was lost.</p>").arg(guest, src);
    }
    html += tr("<p>Source device: %1. Destination device at the end of the run: %2.</p>").arg(stateText(r.sourceState), stateText(r.destinationState));
    html += m_wizard->storedRunId ? tr("<p>Stored as migration run #%1.</p>").arg(m_wizard->storedRunId) : tr("<p>The run was not stored (no database).</p>");
    m_view->setHtml(html);
    m_export->setEnabled(true);
}

} // namespace ap::ui

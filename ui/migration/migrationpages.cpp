#include "migrationpages.h"

#include <migration/checkinput.h>
#include "../fleet/definitionactions.h"
#include "../fleet/fleet.h"
#include "../fleet/hostsession.h"
#include "../common/kerneltext.h"
#include "migrationtext.h"
#include "migrationwizard.h"

#include <hosts/simulatedhost.h>
#include <migration/runnerfactory.h>
#include <report/checkrender.h>
#include <report/reportwords.h>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ap::ui {

using namespace ap::migration;

namespace {

QString subtitle(const MigrationWizard *w)
{
    return MigrationWizard::tr("Guest %1 on %2").arg(w->guest(), w->sourceHostText())
        + (w->target ? MigrationWizard::tr(" → %1").arg(w->target->uri().text) : QString());
}

} // namespace

// ---- Destination -----------------------------------------------------------------------------

DestinationPage::DestinationPage(MigrationWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Select the destination host"));
    auto *layout = new QFormLayout(this);
    m_target = new QComboBox;
    m_target->setObjectName(QStringLiteral("destination"));
    layout->addRow(tr("Destination host:"), m_target);
    auto *note = new QLabel(tr("Hosts that cannot take the guest are listed with the reason. The next page reads both hosts "
                               "again and predicts what the destination kernel will decide."));
    note->setWordWrap(true);
    layout->addRow(note);
    connect(m_target, &QComboBox::currentIndexChanged, this, &QWizardPage::completeChanged);
}

void DestinationPage::initializePage()
{
    setSubTitle(subtitle(m_wizard));
    m_target->clear();
    auto *model = new QStandardItemModel(m_target);
    int firstEnabled = -1;
    const auto sourceSnap = m_wizard->source()->snapshot();
    const Guest *guest = sourceSnap ? sourceSnap->guest(m_wizard->guest()) : nullptr;
    const bool deviceInGuest = !guest || !guest->mdev.isEmpty();
    for (HostSession *s : m_wizard->fleet()->sessions()) {
        if (s == m_wizard->source())
            continue;
        const auto snap = s->snapshot();
        const bool needsVfioAp = deviceInGuest || !s->backend() || !m_wizard->source()->backend()
            || !runsThroughLibvirt(*m_wizard->source()->backend(), *s->backend());
        const auto e = destinationEligibility({false, s->state() == HostSession::State::Failed, snap.get(), needsVfioAp}, m_wizard->guest());
        const QString note = migrationtext::destinationNote(e, m_wizard->guest(), s->error().detail);
        auto *item = new QStandardItem(note.isEmpty() ? s->uri().text : tr("%1 (%2)").arg(s->uri().text, note));
        item->setData(s->uri().text, Qt::UserRole);
        item->setEnabled(isSelectable(e));
        item->setToolTip(note.isEmpty() ? s->uri().text : note);
        model->appendRow(item);
        if (isSelectable(e) && firstEnabled < 0)
            firstEnabled = model->rowCount() - 1;
    }
    m_target->setModel(model);
    m_target->setCurrentIndex(firstEnabled);
}

bool DestinationPage::selectDestination(const QString &uri)
{
    const int i = m_target->findData(uri, Qt::UserRole);
    auto *model = qobject_cast<QStandardItemModel *>(m_target->model());
    if (i < 0 || !model || !model->item(i)->isEnabled())
        return false;
    m_target->setCurrentIndex(i);
    return true;
}

bool DestinationPage::isComplete() const
{
    auto *model = qobject_cast<QStandardItemModel *>(m_target->model());
    const int i = m_target->currentIndex();
    return model && i >= 0 && model->item(i)->isEnabled();
}

bool DestinationPage::validatePage()
{
    m_wizard->target = m_wizard->fleet()->session(m_target->currentData(Qt::UserRole).toString());
    return m_wizard->target != nullptr;
}

// ---- Pre-check -------------------------------------------------------------------------------

PrecheckPage::PrecheckPage(MigrationWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Pre-migration check"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_profile = new ProfileCombo;
    m_profile->setObjectName(QStringLiteral("profile"));
    form->addRow(tr("Destination driver:"), m_profile);
    m_revision = new HostRevisionHint(m_profile);
    form->addRow(QString(), m_revision);
    layout->addLayout(form);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    layout->addWidget(m_progress);
    m_banner = new QLabel;
    m_banner->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("precheckBanner"));
    layout->addWidget(m_banner);
    m_view = new QTextBrowser;
    layout->addWidget(m_view, 1);
    m_overrideBox = new QGroupBox(tr("Override"));
    auto *ol = new QVBoxLayout(m_overrideBox);
    auto *warn = new QLabel(tr("The check found errors: the migration is expected to fail or to leave the guest without its "
                               "crypto adapters. To go on anyway, type the guest's name."));
    warn->setWordWrap(true);
    ol->addWidget(warn);
    m_override = new QLineEdit;
    m_override->setObjectName(QStringLiteral("overrideName"));
    ol->addWidget(m_override);
    layout->addWidget(m_overrideBox);
    connect(m_override, &QLineEdit::textChanged, this, [this](const QString &text) {
        const bool overrides = m_wizard->report && !m_wizard->report->ready && text.trimmed() == m_wizard->guest();
        m_wizard->overrideText = overrides ? text.trimmed() : QString();
        emit completeChanged();
    });
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        m_wizard->profile = m_profile->profile();
        start();
    });
    connect(&m_read, &QFutureWatcher<Result<CheckInput>>::finished, this, [this] {
        const Result<CheckInput> r = m_read.result();
        if (!r) {
            m_progress->hide();
            m_banner->setText(tr("<b>The hosts could not be read:</b> %1").arg(r.error().toString().toHtmlEscaped()));
            emit completeChanged();
            return;
        }
        m_input = *r;
        m_check.setFuture(QtConcurrent::run([input = *m_input] { return runCheck(input); }));
    });
    connect(&m_check, &QFutureWatcher<Result<CheckReport>>::finished, this, &PrecheckPage::onChecked);
}

void PrecheckPage::initializePage()
{
    setSubTitle(subtitle(m_wizard));
    {
        // The destination's remembered or proposed revision replaces the default, without a
        // check per step.
        const QSignalBlocker quiet(m_profile);
        m_profile->setProfile(m_wizard->profile);
        m_revision->setHost(m_wizard->fleet()->store(), m_wizard->target ? m_wizard->target->snapshot() : nullptr);
        m_wizard->profile = m_profile->profile();
    }
    start();
}

bool PrecheckPage::isBusy() const
{
    return m_read.isRunning() || m_check.isRunning();
}

void PrecheckPage::start()
{
    if (isBusy() || !m_wizard->target)
        return;
    m_wizard->report.reset();
    m_wizard->overrideText.clear();
    m_overrideBox->hide();
    m_override->clear();
    m_view->clear();
    m_banner->setText(tr("Reading %1 and %2…").arg(m_wizard->sourceHostText(), m_wizard->target->uri().text));
    m_progress->show();
    emit completeChanged();
    const auto snap = m_wizard->source()->snapshot();
    const Guest *g = snap ? snap->guest(m_wizard->guest()) : nullptr;
    const QString mdev = g ? g->mdev : QString();
    HostBackend *src = m_wizard->source()->backend();
    HostBackend *dst = m_wizard->target->backend();
    const DriverProfile profile = m_wizard->profile;
    const QString guest = m_wizard->guest();
    m_read.setFuture(QtConcurrent::run([src, dst, mdev, profile, guest] { return readCheckInput(src, dst, mdev, profile, guest); }));
}

void PrecheckPage::onChecked()
{
    m_progress->hide();
    const Result<CheckReport> r = m_check.result();
    if (!r) {
        m_banner->setText(tr("<b>The check could not run:</b> %1").arg(r.error().toString().toHtmlEscaped()));
        emit completeChanged();
        return;
    }
    m_wizard->sourceState = m_input->source;
    m_wizard->blockedReasons = m_input->blockers.reasons;
    m_wizard->targetState = m_input->target;
    m_wizard->report = *r;
    QString notSaved;
    if (Store *store = m_wizard->fleet()->store().get()) {
        if (auto saved = store->saveReport(report::checkReportJson(*r)); !saved)
            notSaved = QStringLiteral("<br>") + tr("The report was not saved in the history: %1").arg(saved.error().toString().toHtmlEscaped());
    }
    m_banner->setText(QStringLiteral("<b>%1</b>").arg(report::ReportWords::verdict(*r).toHtmlEscaped()) + notSaved);
    if (!r->ready)
        m_overrideBox->show();
    m_view->setHtml(report::checkReportHtml(*r));
    emit completeChanged();
}

bool PrecheckPage::isComplete() const
{
    if (!m_wizard->report || isBusy())
        return false;
    return m_wizard->report->ready || m_override->text().trimmed() == m_wizard->guest();
}

// ---- Strategy --------------------------------------------------------------------------------

StrategyPage::StrategyPage(MigrationWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Strategy"));
    auto *layout = new QVBoxLayout(this);
    auto *group = new QButtonGroup(this);
    m_live = new QRadioButton(migrationtext::strategyTitle(Strategy::Live));
    m_live->setObjectName(QStringLiteral("strategyLive"));
    m_liveText = new QLabel;
    m_liveText->setWordWrap(true);
    m_liveText->setIndent(24);
    m_replug = new QRadioButton(migrationtext::strategyTitle(Strategy::Replug));
    m_replug->setObjectName(QStringLiteral("strategyReplug"));
    m_replugText = new QLabel;
    m_replugText->setWordWrap(true);
    m_replugText->setIndent(24);
    group->addButton(m_live);
    group->addButton(m_replug);
    layout->addWidget(m_live);
    layout->addWidget(m_liveText);
    layout->addWidget(m_replug);
    layout->addWidget(m_replugText);
    m_plain = new QLabel;
    m_plain->setObjectName(QStringLiteral("plainMigration"));
    m_plain->setWordWrap(true);
    layout->addWidget(m_plain);
    m_create = new QCheckBox;
    m_create->setObjectName(QStringLiteral("createMdev"));
    m_createText = new QLabel;
    m_createText->setWordWrap(true);
    m_createText->setIndent(24);
    layout->addWidget(m_create);
    layout->addWidget(m_createText);
    m_demoBox = new QGroupBox(tr("Demonstration: inject a failure"));
    auto *dl = new QFormLayout(m_demoBox);
    m_failure = new QComboBox;
    m_failure->setObjectName(QStringLiteral("injectFailure"));
    for (const InjectedFailure f : QList<InjectedFailure>{InjectedFailure::None} + allInjectedFailures())
        m_failure->addItem(migrationtext::failureTitle(f), int(f));
    dl->addRow(tr("Failure:"), m_failure);
    layout->addWidget(m_demoBox);
    m_error = new QLabel;
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    layout->addStretch(1);
}

void StrategyPage::initializePage()
{
    setSubTitle(subtitle(m_wizard));
    m_error->clear();
    const StrategyChoice c = chooseStrategy(*m_wizard->sourceState, *m_wizard->targetState, m_wizard->blockedReasons);
    const auto explain = [](Strategy s, bool available, const QStringList &blockers, bool chosen) {
        QString text = migrationtext::strategyExplanation(s);
        if (!available) {
            QStringList why;
            for (const QString &b : blockers)
                why.append(migrationtext::blocker(b));
            text += QStringLiteral("<br><b>") + tr("Not possible: %1.").arg(why.join(QStringLiteral("; ")).toHtmlEscaped()) + QStringLiteral("</b>");
        } else if (chosen) {
            text += QStringLiteral("<br><b>") + tr("Recommended for this pair of hosts.") + QStringLiteral("</b>");
        }
        return text;
    };
    m_live->setEnabled(c.liveAvailable);
    m_replug->setEnabled(c.replugAvailable);
    m_liveText->setText(explain(Strategy::Live, c.liveAvailable, c.liveBlockers, c.chosen == Strategy::Live));
    m_replugText->setText(explain(Strategy::Replug, c.replugAvailable, c.replugBlockers, c.chosen == Strategy::Replug && !c.liveAvailable));
    (c.chosen == Strategy::Live ? m_live : m_replug)->setChecked(true);

    const Guest *g = m_wizard->sourceState->guest(m_wizard->guest());
    const QString uuid = g ? g->mdev : QString();
    // No device in the running guest: libvirt's plain live migration, no strategy to choose.
    const bool plain = uuid.isEmpty() && runsThroughLibvirt(*m_wizard->source()->backend(), *m_wizard->target->backend());
    for (QWidget *w : {static_cast<QWidget *>(m_live), static_cast<QWidget *>(m_liveText), static_cast<QWidget *>(m_replug),
                       static_cast<QWidget *>(m_replugText)})
        w->setVisible(!plain);
    m_plain->setVisible(plain);
    if (plain) {
        const QStringList defined = g ? g->definitionOnlyMdevs() : QStringList();
        m_plain->setText(defined.isEmpty()
                             ? tr("No vfio-ap device is in the running guest: libvirt migrates it as a plain live migration.")
                             : tr("No vfio-ap device is in the running guest: libvirt migrates it as a plain live migration. AP device %1 is in its "
                                  "persistent definition only: nothing is unplugged here, the definition carries it to the destination, "
                                  "which plugs it at the guest's next start.").arg(defined.join(QStringLiteral(", "))));
        m_live->setChecked(true);
    }
    const bool missing = !uuid.isEmpty() && !m_wizard->targetState->mdev(uuid);
    m_create->setVisible(missing);
    m_createText->setVisible(missing);
    if (missing) {
        MigrationRequest r;
        r.guest = m_wizard->guest();
        r.strategy = c.chosen;
        const auto probe = buildPlan(*m_wizard->sourceState, *m_wizard->targetState, r);
        const std::optional<MdevCreation> creation = probe ? probe->creation : std::nullopt;
        m_create->setText(tr("Create mdev %1 on the destination with the source's matrix").arg(uuid));
        const bool acceptable = creation && creation->ok();
        m_create->setEnabled(acceptable);
        m_create->setChecked(acceptable);
        QString why;
        if (creation && !creation->startRules.isEmpty()) {
            QStringList rules;
            for (const definitions::Finding &f : creation->startRules)
                rules << DefinitionActions::findingText(f);
            why = tr("The destination has no mdev with this UUID, and starting one with the source's matrix is refused (ap-check's "
                     "start rules): %1").arg(rules.join(u' '));
        } else if (creation && creation->unknown != driver::Unknown::None) {
            why = tr("The destination has no mdev with this UUID; whether its driver accepts the source's matrix is unknown: %1")
                      .arg(unknownText(creation->unknown));
        } else if (!acceptable) {
            why = tr("The destination has no mdev with this UUID, and the destination driver would refuse the source's matrix: %1")
                      .arg(creation ? errnoText(creation->err) + QStringLiteral(" ") + creation->log.join(u' ') : QString());
        }
        m_createText->setText(acceptable ? tr("The destination has no mdev with this UUID. ap-check's start rules and the driver model accept "
                                              "the source's matrix there.")
                                         : why);
    }
    const bool simulated = m_wizard->source()->backend()->view<SimulatedHost>()
        && m_wizard->target->backend()->view<SimulatedHost>();
    m_demoBox->setVisible(simulated);
    if (!simulated)
        m_failure->setCurrentIndex(0);
}

bool StrategyPage::validatePage()
{
    m_wizard->strategy = m_live->isChecked() ? Strategy::Live : Strategy::Replug;
    m_wizard->createMdev = m_create->isVisible() && m_create->isChecked();
    m_wizard->options.inject = InjectedFailure(m_failure->currentData().toInt());
    MigrationRequest r;
    r.guest = m_wizard->guest();
    r.strategy = m_wizard->strategy;
    r.createMdev = m_wizard->createMdev;
    r.profile = m_wizard->profile;
    r.viaLibvirt = runsThroughLibvirt(*m_wizard->source()->backend(), *m_wizard->target->backend());
    r.blockedReasons = m_wizard->blockedReasons;
    auto plan = buildPlan(*m_wizard->sourceState, *m_wizard->targetState, r);
    if (!plan) {
        m_error->setText(tr("<b>No plan:</b> %1").arg(plan.error().toString().toHtmlEscaped()));
        return false;
    }
    m_wizard->plan = *plan;
    return true;
}

// ---- Plan ------------------------------------------------------------------------------------

PlanPage::PlanPage(MigrationWizard *wizard)
    : m_wizard(wizard)
{
    setTitle(tr("Plan"));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Start migration"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_steps = new QTreeWidget;
    m_steps->setObjectName(QStringLiteral("planSteps"));
    m_steps->setHeaderLabels({tr("#"), tr("Step"), tr("Where"), tr("What happens")});
    m_steps->setRootIsDecorated(false);
    m_steps->setWordWrap(true);
    m_steps->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    layout->addWidget(m_steps, 1);
    auto *form = new QFormLayout;
    m_chunk = new QSpinBox;
    m_chunk->setObjectName(QStringLiteral("chunkBytes"));
    m_chunk->setRange(1, 1 << 20);
    m_chunk->setValue(4096);
    m_chunk->setSuffix(tr(" bytes"));
    form->addRow(tr("Device data per write:"), m_chunk);
    layout->addLayout(form);
}

void PlanPage::initializePage()
{
    setSubTitle(subtitle(m_wizard));
    const MigrationPlan &p = *m_wizard->plan;
    QString summary = p.mdev.isEmpty() ? tr("<b>Plain live migration</b> through libvirt: no vfio-ap device is in the running guest.")
                                       : tr("<b>%1</b>, %2 queue(s) of mdev %3.").arg(migrationtext::strategyTitle(p.strategy)).arg(p.queues).arg(p.mdev);
    if (!p.definitionOnlyMdevs.isEmpty())
        summary += QLatin1Char(' ') + tr("AP device %1 is in the persistent definition only: the destination's definition carries it.")
                                          .arg(p.definitionOnlyMdevs.join(QStringLiteral(", ")));
    if (p.strategy == Strategy::Live && !p.mdev.isEmpty())
        summary += QLatin1Char(' ') + tr("The source device's stream will hold %1 bytes (%2 profile).").arg(p.streamBytes).arg(profileName(p.profile));
    if (m_wizard->options.inject != InjectedFailure::None)
        summary += QStringLiteral("<br>") + tr("Injected failure: %1.").arg(migrationtext::failureTitle(m_wizard->options.inject));
    m_summary->setText(summary);
    m_steps->clear();
    for (qsizetype i = 0; i < p.steps.size(); ++i) {
        const PlanStep &s = p.steps.at(i);
        QString what = migrationtext::stepDescription(s, p);
        auto *item = new QTreeWidgetItem({QString::number(i + 1), migrationtext::stepTitle(s.id), migrationtext::sideName(s.side), what});
        if (s.driverChecks || s.pointOfNoReturn) {
            QFont f = item->font(1);
            f.setBold(true);
            item->setFont(1, f);
            item->setText(1, item->text(1) + (s.driverChecks ? tr(" ⚑ driver checks") : tr(" ⚠ no return")));
        }
        item->setToolTip(3, what);
        m_steps->addTopLevelItem(item);
    }
    m_steps->resizeColumnToContents(0);
    m_steps->resizeColumnToContents(1);
    m_steps->resizeColumnToContents(2);
}

bool PlanPage::validatePage()
{
    m_wizard->options.chunkBytes = m_chunk->value();
    return true;
}

} // namespace ap::ui

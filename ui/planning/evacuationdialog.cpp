#include "evacuationdialog.h"

#include "fleetmapmodel.h"
#include "../common/prompts.h"
#include "../fleet/fleet.h"
#include "../migration/migrationtext.h"
#include "../migration/migrationtimeline.h"
#include "../migration/vfiostatediagram.h"

#include <store/runrecord.h>

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QCoreApplication>
#include <QPointer>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <vector>

namespace ap::ui {

using migration::RunEvent;
using migration::Side;

namespace {
enum MoveColumn { NumberColumn, GuestColumn, DestinationColumn, HowColumn, StatusColumn };
}

EvacuationDialog::EvacuationDialog(Fleet *fleet, HostSession *source, migration::DriverProfile profile, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_source(source)
    , m_profile(profile)
    , m_summary(new QLabel)
    , m_moves(new QTreeWidget)
    , m_parallel(new QSpinBox)
    , m_start(new QPushButton(tr("&Evacuate…")))
    , m_stop(new QPushButton(tr("&Stop after the running migrations")))
    , m_progress(new QProgressBar)
    , m_current(new QLabel)
    , m_sourceDiagram(new VfioStateDiagram(tr("Source device")))
    , m_destinationDiagram(new VfioStateDiagram(tr("Destination device")))
    , m_timeline(new MigrationTimeline)
    , m_log(new QPlainTextEdit)
{
    setWindowTitle(tr("Evacuate %1").arg(source->uri().text));
    setObjectName(QStringLiteral("evacuationDialog"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Planning where each AP guest of %1 can go…").arg(source->uri().text));
    m_moves->setHeaderLabels({tr("#"), tr("Guest"), tr("Destination"), tr("How"), tr("Status")});
    m_moves->setRootIsDecorated(false);
    m_moves->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_moves->setObjectName(QStringLiteral("evacuationMoves"));
    m_parallel->setRange(1, 8);
    m_parallel->setValue(1);
    m_parallel->setToolTip(tr("Migrations at once. 1 moves the guests one after another."));
    m_start->setEnabled(false);
    m_start->setObjectName(QStringLiteral("evacuateStart"));
    m_stop->setEnabled(false);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_progress->setFormat(tr("%v of %m guests moved"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Migrations at once:")));
    controls->addWidget(m_parallel);
    controls->addStretch(1);
    controls->addWidget(m_stop);
    controls->addWidget(m_start);

    auto *diagrams = new QHBoxLayout;
    diagrams->addWidget(m_sourceDiagram);
    diagrams->addWidget(m_destinationDiagram);
    auto *live = new QWidget;
    auto *liveLayout = new QVBoxLayout(live);
    liveLayout->setContentsMargins(0, 0, 0, 0);
    liveLayout->addWidget(m_current);
    liveLayout->addLayout(diagrams);
    liveLayout->addWidget(m_timeline, 1);
    liveLayout->addWidget(m_log);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_moves);
    split->addWidget(live);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(m_progress);
    layout->addLayout(controls);
    layout->addWidget(buttons);
    resize(980, 760);

    connect(m_start, &QPushButton::clicked, this, &EvacuationDialog::confirmAndRun);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        m_cancel->store(true);
        m_stop->setEnabled(false);
    });
    connect(&m_planWatcher, &QFutureWatcher<fleet::EvacuationPlan>::finished, this, [this] {
        m_plan = m_planWatcher.result();
        m_planReady = true;
        showPlan();
        emit planComputed();
    });
    connect(&m_runWatcher, &QFutureWatcher<fleet::EvacuationRun>::finished, this, &EvacuationDialog::onRunFinished);

    const HostSnapshot src = source->snapshot() ? *source->snapshot() : HostSnapshot();
    QList<HostSnapshot> destinations;
    for (HostSession *s : fleet->sessions())
        if (s != source && s->snapshot())
            destinations.append(*s->snapshot());
    m_planWatcher.setFuture(QtConcurrent::run([src, destinations, profile] { return fleet::planEvacuation(src, destinations, profile); }));
}

EvacuationDialog::~EvacuationDialog()
{
    // No wait: the plan is computed on copies, and a run still going (the console closing) stops
    // after its current move, holding its hosts alive (leases) until it has.
    m_cancel->store(true);
}

void EvacuationDialog::reject()
{
    if (running()) {
        prompt::inform(this, windowTitle(), tr("Migrations are running; stop after them first."));
        return;
    }
    QDialog::reject();
}

void EvacuationDialog::showPlan()
{
    m_moves->clear();
    int n = 0;
    for (const fleet::PlannedMove &m : m_plan.moves) {
        const fleet::Placement &p = m.placement;
        QString how = FleetMapModel::verdictText(p.verdict);
        if (p.createMdev) {
            QStringList apqns;
            for (const Apqn q : p.apqns())
                apqns.append(q.toString());
            how = tr("%1, creates mdev with %2").arg(how, apqns.join(QStringLiteral(", ")));
        }
        auto *item = new QTreeWidgetItem(m_moves, {QString::number(++n), p.guest, p.targetHost, how, tr("waiting")});
        if (p.blocker)
            item->setToolTip(HowColumn, tr("Not live: %1").arg(FleetMapModel::reasonText(*p.blocker)));
    }
    for (const fleet::Unplaced &u : m_plan.unplaced) {
        auto *item = new QTreeWidgetItem(m_moves, {QString(), u.guest, tr("none"), FleetMapModel::reasonText(u.reason), tr("stays")});
        QStringList each;
        for (const fleet::Placement &c : u.candidates)
            each.append(QStringLiteral("%1: %2").arg(c.targetHost, c.blocker ? FleetMapModel::reasonText(*c.blocker) : QString()));
        item->setToolTip(HowColumn, each.join(QLatin1Char('\n')));
    }
    QString text = tr("%n guest(s) placed", nullptr, int(m_plan.moves.size()));
    if (!m_plan.unplaced.isEmpty())
        text += tr("; %n guest(s) cannot be placed and stay on the host", nullptr, int(m_plan.unplaced.size()));
    text += m_plan.validated() ? tr(". The plan replays through the driver model without a refusal.")
                               : tr(". <b>The plan does not replay:</b> %1").arg(m_plan.replayProblems.join(QStringLiteral("; ")).toHtmlEscaped());
    m_summary->setText(text);
    m_progress->setRange(0, std::max<int>(1, int(m_plan.moves.size())));
    m_progress->setValue(0);
    m_start->setEnabled(!m_plan.moves.isEmpty() && m_plan.validated());
}

void EvacuationDialog::confirmAndRun()
{
    int writes = 0;
    for (const fleet::PlannedMove &m : m_plan.moves)
        writes += int(m.creation.steps.size());
    QString text = tr("Move %n guest(s) off %1?", nullptr, int(m_plan.moves.size())).arg(m_plan.sourceHost);
    if (writes)
        text += QLatin1Char(' ') + tr("First %n write(s) create the destination mdevs on %1.", nullptr, writes).arg(m_plan.creationHosts().join(QStringLiteral(", ")));
    if (!m_plan.unplaced.isEmpty())
        text += QLatin1Char(' ') + tr("%n guest(s) have no place and stay.", nullptr, int(m_plan.unplaced.size()));
    prompt::confirm(this, tr("Evacuate host"), text, [this] {
        if (!running())
            startRun();
    });
}

void EvacuationDialog::startRun()
{
    m_start->setEnabled(false);
    m_parallel->setEnabled(false);
    m_stop->setEnabled(true);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_done = 0;
    QHash<QString, HostBackend *> backends;
    std::vector<std::shared_ptr<void>> leases;
    for (HostSession *s : m_fleet->sessions())
        if (s->backend()) {
            backends.insert(s->uri().text, s->backend());
            leases.push_back(s->backend()->lease());
        }
    fleet::EvacuationRunOptions options;
    options.parallel = m_parallel->value();
    options.run.paceMs = qEnvironmentVariableIsSet("APCONSOLE_DEMO_PACE") ? qEnvironmentVariableIntValue("APCONSOLE_DEMO_PACE") : 0;
    // The run reports from its worker; each report is handed to the GUI thread through the
    // application object (which outlives the run) and dropped if the dialog has gone meanwhile.
    const QPointer<EvacuationDialog> self(this);
    auto post = [self](auto f) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, f] {
            if (self)
                f(self.data());
        }, Qt::QueuedConnection);
    };
    fleet::EvacuationCallbacks cb;
    cb.created = [post](const QString &host, const ApplyReport &r) { post([host, ok = r.ok](EvacuationDialog *d) { d->onCreated(host, ok); }); };
    cb.moveStarted = [post](int i, const migration::MigrationPlan &p) { post([i, p](EvacuationDialog *d) { d->onMoveStarted(i, p); }); };
    cb.moveEvent = [post](int i, const RunEvent &e) { post([i, e](EvacuationDialog *d) { d->onMoveEvent(i, e); }); };
    std::shared_ptr<Store> store = m_fleet->store();
    cb.moveFinished = [post, store](const fleet::MoveRun &r) {
        QString notSaved;
        if (store && !r.plan.guest.isEmpty())
            if (const auto saved = store->saveMigrationRun(migration::runRecord(r.plan, r.events, r.started)); !saved)
                notSaved = saved.error().toString();
        post([i = r.index, ok = r.ok, error = r.error, notSaved](EvacuationDialog *d) {
            d->onMoveFinished(i, ok, error);
            if (!notSaved.isEmpty())
                d->onRunNotSaved(i, notSaved);
        });
    };
    const fleet::EvacuationPlan plan = m_plan;
    m_runWatcher.setFuture(QtConcurrent::run([plan, backends, leases, options, cb, cancel = m_cancel] {
        return fleet::runEvacuation(plan, backends, options, cb, *cancel);
    }));
}

void EvacuationDialog::setMoveStatus(int index, const QString &status)
{
    if (QTreeWidgetItem *item = m_moves->topLevelItem(index))
        item->setText(StatusColumn, status);
}

void EvacuationDialog::onCreated(const QString &host, bool ok)
{
    m_log->appendPlainText(ok ? tr("mdevs created on %1").arg(host) : tr("creating the mdevs on %1 was refused; the host was rolled back").arg(host));
}

void EvacuationDialog::onMoveStarted(int index, const migration::MigrationPlan &plan)
{
    setMoveStatus(index, tr("migrating"));
    m_current->setText(tr("Now: %1 from %2 to %3 (%4)").arg(plan.guest, plan.sourceHost, plan.targetHost, migrationtext::strategyTitle(plan.strategy)));
    m_sourceDiagram->clear();
    m_destinationDiagram->clear();
    m_timeline->clear();
}

void EvacuationDialog::onMoveEvent(int index, const RunEvent &e)
{
    Q_UNUSED(index);
    m_timeline->addEvent(e);
    VfioStateDiagram *diagram = e.side == Side::Source ? m_sourceDiagram : m_destinationDiagram;
    switch (e.kind) {
    case RunEvent::Kind::State:
        diagram->addArc(e.from, e.to);
        break;
    case RunEvent::Kind::Device:
        diagram->setCurrent(e.text == u"opened" ? std::optional<migration::VfioState>(e.to) : std::nullopt);
        break;
    case RunEvent::Kind::Kernel:
        m_log->appendPlainText(QStringLiteral("[%1] %2").arg(migrationtext::sideName(e.side), e.text));
        break;
    case RunEvent::Kind::Step:
        if (e.status == RunEvent::StepStatus::Failed)
            m_log->appendPlainText(tr("step %1 failed: %2").arg(e.step, e.text));
        break;
    default:
        break;
    }
}

void EvacuationDialog::onMoveFinished(int index, bool ok, const QString &error)
{
    if (ok) {
        setMoveStatus(index, tr("moved"));
        m_progress->setValue(++m_done);
    } else {
        setMoveStatus(index, tr("failed, still on the source: %1").arg(error));
    }
}

void EvacuationDialog::onRunNotSaved(int index, const QString &why)
{
    const QString guest = index >= 0 && index < m_plan.moves.size() ? m_plan.moves.at(index).placement.guest : QString();
    m_log->appendPlainText(tr("The run of %1 was not recorded in the database: %2").arg(guest, why));
    if (QTreeWidgetItem *item = m_moves->topLevelItem(index))
        item->setText(StatusColumn, tr("%1 (not recorded)").arg(item->text(StatusColumn)));
}

void EvacuationDialog::onRunFinished()
{
    const fleet::EvacuationRun run = m_runWatcher.result();
    m_stop->setEnabled(false);
    for (int i = 0; i < m_plan.moves.size(); ++i) {
        const bool ran = std::any_of(run.moves.cbegin(), run.moves.cend(), [i](const fleet::MoveRun &m) { return m.index == i; });
        if (!ran)
            setMoveStatus(i, tr("not run"));
    }
    m_summary->setText(run.ok ? tr("Every placed guest moved off %1.").arg(m_plan.sourceHost)
                              : tr("<b>Stopped:</b> %1. Still on %2: %3.")
                                    .arg(run.failure.toHtmlEscaped(), m_plan.sourceHost, run.remaining.isEmpty() ? tr("none") : run.remaining.join(QStringLiteral(", "))));
    QStringList touched{m_plan.sourceHost};
    for (const fleet::PlannedMove &m : m_plan.moves)
        touched.append(m.placement.targetHost);
    for (HostSession *s : m_fleet->sessions())
        if (touched.contains(s->uri().text))
            s->refresh();
    emit runFinished(run.ok);
}

} // namespace ap::ui

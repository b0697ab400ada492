#include "mainwindow.h"

#include "fleet/addhostdialog.h"
#include "matrix/applydialog.h"
#include "report/reportdialog.h"
#include "report/reportswindow.h"
#include "matrix/dropverdict.h"
#include "fleet/fleet.h"
#include "common/kerneltext.h"
#include "fleet/fleetmodel.h"
#include "matrix/inspector.h"
#include "matrix/matrixdelegate.h"
#include "migration/migrationrunswindow.h"
#include "migration/migrationwizard.h"
#include "planning/evacuationdialog.h"
#include "planning/fleetmapwindow.h"

#include <hosts/ssh/sshhost.h>

#include <QFutureWatcher>
#include <QtConcurrent>
#include "matrix/matrixmodel.h"

#include <hosts/demofleet.h>
#include <hosts/libvirt/libvirthost.h>
#include <hosts/simulatedhost.h>

#include <QAction>
#include <QEventLoop>
#include <QCursor>
#include <QMenu>
#include <QToolTip>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUuid>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace ap::ui {

namespace {
QWidget *legend(QWidget *parent)
{
    auto *w = new QLabel(parent);
    QStringList parts;
    for (int own = 0; own <= int(driver::ApqnState::Ownership::Free); ++own)
        parts.append(MatrixDelegate::symbol(own) + QStringLiteral(" ") + MatrixDelegate::word(own));
    parts.append(QStringLiteral("\u2691 ") + MainWindow::tr("control domain"));
    parts.append(MainWindow::tr("hatched: no queue, deconfigured or checkstopped"));
    parts.append(MainWindow::tr("* dashed: pending until Apply"));
    w->setText(parts.join(QStringLiteral("   ")));
    w->setWordWrap(true);
    w->setObjectName(QStringLiteral("matrixLegend"));
    return w;
}
} // namespace

MainWindow::MainWindow(Fleet *fleet, QWidget *parent)
    : QMainWindow(parent)
    , m_fleet(fleet)
    , m_fleetModel(new FleetModel(fleet, this))
    , m_matrixModel(new MatrixModel(this))
    , m_undoGroup(new QUndoGroup(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("apconsole – crypto adapters of IBM Z KVM hosts") + QStringLiteral("[*]"));

    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("fleetTree"));
    m_tree->setModel(m_fleetModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(0, 190);
    m_tree->setAccessibleName(tr("Fleet"));
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::CopyAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *centre = new QWidget;
    auto *cl = new QVBoxLayout(centre);
    cl->setContentsMargins(0, 0, 0, 0);
    m_matrixTitle = new QLabel(tr("Select a host or an mdev to see its matrix."));
    m_matrixTitle->setObjectName(QStringLiteral("matrixTitle"));
    m_matrixTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_matrix = new QTableView;
    m_matrix->setObjectName(QStringLiteral("matrixView"));
    m_matrix->setModel(m_matrixModel);
    m_matrix->setItemDelegate(new MatrixDelegate(m_matrix));
    m_matrix->setAccessibleName(tr("Adapter by domain matrix"));
    m_matrix->horizontalHeader()->setDefaultSectionSize(46);
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrix->verticalHeader()->setDefaultSectionSize(m_matrix->fontMetrics().height() + 8);
    m_matrix->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_matrix->setWordWrap(false);
    m_matrix->setDragEnabled(true);
    m_matrix->setAcceptDrops(true);
    m_matrix->setDropIndicatorShown(true);
    m_matrix->setDragDropMode(QAbstractItemView::DragDrop);
    m_matrix->setDragDropOverwriteMode(true);
    m_matrix->setDefaultDropAction(Qt::MoveAction);
    m_matrix->setContextMenuPolicy(Qt::CustomContextMenu);
    cl->addWidget(m_matrixTitle);
    cl->addWidget(m_matrix, 1);
    cl->addWidget(legend(centre));

    m_inspector = new Inspector;

    m_hsplit = new QSplitter(Qt::Horizontal);
    m_hsplit->setObjectName(QStringLiteral("mainSplitter"));
    m_hsplit->addWidget(m_tree);
    m_hsplit->addWidget(centre);
    m_hsplit->addWidget(m_inspector);
    m_hsplit->setStretchFactor(1, 1);
    m_hsplit->setSizes({320, 800, 320});

    m_bottom = new QTabWidget;
    m_bottom->setObjectName(QStringLiteral("logTabs"));
    m_kernelLog = new QPlainTextEdit;
    m_kernelLog->setObjectName(QStringLiteral("kernelLog"));
    m_kernelLog->setReadOnly(true);
    m_kernelLog->setPlaceholderText(tr("The selected host's kernel log lines appear here."));
    m_auditView = new QTableView;
    m_auditView->setObjectName(QStringLiteral("auditLog"));
    m_auditView->setModel(new QStandardItemModel(0, 6, m_auditView));
    m_auditView->horizontalHeader()->setStretchLastSection(true);
    m_auditView->verticalHeader()->hide();
    m_bottom->addTab(m_kernelLog, tr("Kernel log"));
    m_bottom->addTab(m_auditView, tr("Audit log"));

    m_vsplit = new QSplitter(Qt::Vertical);
    m_vsplit->setObjectName(QStringLiteral("verticalSplitter"));
    m_vsplit->addWidget(m_hsplit);
    m_vsplit->addWidget(m_bottom);
    m_vsplit->setStretchFactor(0, 1);
    m_vsplit->setSizes({700, 180});
    setCentralWidget(m_vsplit);

    buildActions();
    m_pendingLabel = new QLabel;
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->showMessage(tr("%n host(s) in the fleet", nullptr, int(fleet->sessions().size())));
    for (HostSession *s : fleet->sessions())
        watchSession(s);
    connect(fleet, &Fleet::hostAdded, this, &MainWindow::watchSession);
    connect(m_matrixModel, &MatrixModel::dropVerdict, this, &MainWindow::showDropVerdict);
    connect(m_fleetModel, &FleetModel::dropVerdict, this, &MainWindow::showDropVerdict);
    connect(m_matrix, &QWidget::customContextMenuRequested, this, &MainWindow::matrixContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::treeContextMenu);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onTreeSelection);
    connect(m_matrix->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onMatrixSelection);
    connect(fleet, &Fleet::hostChanged, this, &MainWindow::onHostChanged);
    restoreLayout();
    m_tree->expandToDepth(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *add = file->addAction(tr("&Add host…"), this, &MainWindow::addHostDialog);
    add->setShortcut(QKeySequence(tr("Ctrl+N")));
    auto *refresh = file->addAction(tr("&Refresh host"), this, &MainWindow::refreshCurrent);
    refresh->setShortcut(QKeySequence::Refresh);
    file->addAction(tr("Reset the &demo fleet"), this, &MainWindow::resetDemo);
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    auto *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    m_assignAction = edit->addAction(tr("&Assign selection to this mdev"), this, [this] { assignSelection(m_matrixModel->mdevUuid(), true); });
    m_assignAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_unassignAction = edit->addAction(tr("&Unassign selection from this mdev"), this, [this] { assignSelection(m_matrixModel->mdevUuid(), false); });
    m_unassignAction->setShortcut(QKeySequence::Delete);
    // The shortcuts belong to the matrix: Delete in another widget must not unassign anything.
    for (QAction *a : {m_assignAction, m_unassignAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_matrix->addAction(a);
    }
    edit->addSeparator();
    m_applyAction = edit->addAction(tr("A&pply changes…"), this, [this] { applyChanges(); });
    m_applyAction->setShortcut(QKeySequence::Save);
    m_discardAction = edit->addAction(tr("&Discard changes"), this, [this] {
        if (HostSession *s = currentSession(); s && s->edits().hasPending())
            s->changePending({}, tr("Discard changes"));
    });
    auto *migration = menuBar()->addMenu(tr("&Migration"));
    m_checkAction = migration->addAction(tr("&Check migration to…"), this, &MainWindow::checkMigration);
    m_checkAction->setShortcut(QKeySequence(tr("Ctrl+M")));
    migration->addAction(tr("Migration &reports…"), this, &MainWindow::showHistory);
    migration->addSeparator();
    m_migrateAction = migration->addAction(tr("&Migrate guest…"), this, &MainWindow::migrateGuest);
    m_migrateAction->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    migration->addAction(tr("Migration r&uns…"), this, &MainWindow::showMigrationRuns);
    migration->addSeparator();
    migration->addAction(tr("&Fleet map…"), this, &MainWindow::showFleetMap);
    migration->addAction(tr("&Evacuate host…"), this, &MainWindow::evacuateHost);
    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About apconsole"), this, [this] {
        QMessageBox::about(this, tr("About apconsole"),
                           tr("<b>apconsole %1</b><p>A console for the Crypto Express adapters of IBM Z and LinuxONE KVM hosts: "
                              "the vfio_ap matrix of each mediated device, and what the destination kernel will say before a guest migrates.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
    auto *tb = addToolBar(tr("Main"));
    tb->setObjectName(QStringLiteral("mainToolBar"));
    tb->addAction(add);
    tb->addAction(refresh);
    tb->addSeparator();
    tb->addAction(undo);
    tb->addAction(redo);
    tb->addAction(m_applyAction);
}

void MainWindow::watchSession(HostSession *s)
{
    m_undoGroup->addStack(s->undoStack());
    connect(s, &HostSession::previewChanged, this, [this, s] {
        if (s == currentSession())
            updatePendingState();
    });
    connect(s, &HostSession::stateChanged, this, [this, s] {
        if (s->state() == HostSession::State::Failed && s->error().code == ErrorCode::HostKeyUnknown && !m_askedHostKey.contains(s))
            askTrustHostKey(s);
    });
    connect(s, &HostSession::kernelLine, this, [this, s](const QString &line) {
        if (s == currentSession())
            m_kernelLog->appendPlainText(line);
    });
    connect(s, &HostSession::applyFinished, this, [this, s](const Result<ApplyReport> &) {
        if (m_fleet->store())
            showHostLogs(s);
    });
}

void MainWindow::updatePendingState()
{
    HostSession *s = currentSession();
    const int n = s ? int(s->edits().pending().size()) : 0;
    m_pendingLabel->setText(n ? tr("%n mdev(s) with changes not yet applied", nullptr, n) : QString());
    m_applyAction->setEnabled(n > 0);
    m_discardAction->setEnabled(n > 0);
    const bool editable = s && !m_matrixModel->mdevUuid().isEmpty();
    m_assignAction->setEnabled(editable);
    m_unassignAction->setEnabled(editable);
    setWindowModified(n > 0);
}

void MainWindow::showDropVerdict(const QString &message, bool accepted)
{
    statusBar()->showMessage(message, accepted ? 3000 : 8000);
    if (!accepted)
        QToolTip::showText(QCursor::pos(), message, this);
}

bool MainWindow::assignSelection(const QString &uuid, bool assign)
{
    HostSession *s = currentSession();
    if (!s || uuid.isEmpty())
        return false;
    const QList<MatrixItem> items = m_matrixModel->itemsFor(m_matrix->selectionModel()->selectedIndexes());
    if (items.isEmpty())
        return false;
    if (assign) {
        const QString from = m_matrixModel->mdevUuid() == uuid ? QString() : m_matrixModel->mdevUuid();
        const DropVerdict v = evaluateDrop(s, uuid, {s->uri().text, from, items}, false, false);
        showDropVerdict(v.message, v.accepted);
        if (!v.accepted)
            return false;
        performDrop(s, uuid, v);
        return true;
    }
    s->changePending(s->edits().afterChange(uuid, items, false),
                     tr("Unassign %n item(s) from mdev %1", nullptr, int(items.size())).arg(uuid.left(8)));
    return true;
}

void MainWindow::applyChanges(bool autoStart)
{
    HostSession *s = currentSession();
    if (!s || !s->edits().hasPending()) {
        statusBar()->showMessage(tr("Nothing to apply."), 3000);
        return;
    }
    ApplyDialog dialog(s, s->edits().plan(), this);
    if (autoStart) {
        dialog.start();
        QEventLoop loop;
        connect(s, &HostSession::applyFinished, &loop, &QEventLoop::quit);
        if (!dialog.finished())
            loop.exec();
        statusBar()->showMessage(dialog.resultText().section(QLatin1Char('\n'), 0, 0), 8000);
        return;
    }
    dialog.exec();
    if (dialog.finished())
        statusBar()->showMessage(dialog.resultText().section(QLatin1Char('\n'), 0, 0), 8000);
}

std::pair<HostSession *, QString> MainWindow::selectedMdev() const
{
    HostSession *s = currentSession();
    const QModelIndex i = m_tree->currentIndex();
    if (!s || !i.isValid())
        return {nullptr, {}};
    const auto kind = FleetModel::Kind(i.data(FleetModel::KindRole).toInt());
    const QString key = i.data(FleetModel::KeyRole).toString();
    if (kind == FleetModel::Kind::Mdev)
        return {s, key};
    if (kind == FleetModel::Kind::Guest) {
        const auto snap = s->snapshot();
        const Guest *g = snap ? snap->guest(key) : nullptr;
        return {s, g ? g->mdev : QString()};
    }
    return {s, m_matrixModel->session() == s ? m_matrixModel->mdevUuid() : QString()};
}

void MainWindow::checkMigration()
{
    const auto [s, mdev] = selectedMdev();
    if (!s || mdev.isEmpty()) {
        statusBar()->showMessage(tr("Select a guest or an mdev to check its migration."), 5000);
        return;
    }
    ReportDialog dialog(m_fleet, s, mdev, this);
    dialog.exec();
}

QString MainWindow::guestOfMdev(HostSession *s, const QString &mdev) const
{
    const auto snap = s && !mdev.isEmpty() ? s->snapshot() : nullptr;
    const Guest *g = snap ? snap->guestOfMdev(mdev) : nullptr;
    return g ? g->name : QString();
}

void MainWindow::showHistory()
{
    const auto [s, mdev] = selectedMdev();
    const QString guest = guestOfMdev(s, mdev);
    ReportsWindow window(m_fleet, guest.isEmpty() && s ? s->uri().text : QString(), guest, this);
    window.exec();
}

void MainWindow::askTrustHostKey(HostSession *s)
{
    auto *ssh = s->backend() ? s->backend()->view<SshHost>() : nullptr;
    if (!ssh)
        return;
    m_askedHostKey.insert(s);
    auto *watcher = new QFutureWatcher<Result<HostKeyInfo>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, s, ssh, watcher] {
        watcher->deleteLater();
        if (!m_fleet->sessions().contains(s))
            return;
        const Result<HostKeyInfo> key = watcher->result();
        if (!key) {
            QMessageBox::warning(this, tr("Unknown host key"), tr("The key of %1 is not known and could not be read: %2").arg(s->uri().text, key.error().toString()));
            return;
        }
        const auto answer = QMessageBox::question(
            this, tr("Unknown host key"),
            tr("<p>The authenticity of <b>%1</b> cannot be established: its key is not known yet.</p><p>Fingerprints offered:</p><pre>%2</pre>"
               "<p>Compare them with the fingerprints the host's administrator gives you (<tt>ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub</tt>). "
               "Trust this key and connect?</p>")
                .arg(s->uri().text.toHtmlEscaped(), key->fingerprints.join(u'\n').toHtmlEscaped()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
        if (Status st = ssh->client().trustHostKey(*key); !st) {
            QMessageBox::warning(this, tr("Unknown host key"), st.error().toString());
            return;
        }
        m_askedHostKey.remove(s);
        s->refresh();
    });
    watcher->setFuture(QtConcurrent::run([ssh] { return ssh->client().scanHostKey(QDeadlineTimer(15000)); }));
}

void MainWindow::migrateGuest()
{
    const auto [s, mdev] = selectedMdev();
    const auto snap = s ? s->snapshot() : nullptr;
    const Guest *g = snap && !mdev.isEmpty() ? snap->guestOfMdev(mdev) : nullptr;
    if (!g) {
        statusBar()->showMessage(tr("Select a running guest with a vfio-ap device (or its mdev) to migrate it."), 5000);
        return;
    }
    auto *wizard = new MigrationWizard(m_fleet, s, g->name, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    wizard->show();
}

void MainWindow::showMigrationRuns()
{
    const auto [s, mdev] = selectedMdev();
    const QString guest = guestOfMdev(s, mdev);
    MigrationRunsWindow window(m_fleet->store(), guest, this);
    window.exec();
}

void MainWindow::showFleetMap()
{
    auto *window = new FleetMapWindow(m_fleet, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
}

void MainWindow::evacuateHost()
{
    HostSession *s = currentSession();
    if (!s || !s->snapshot()) {
        statusBar()->showMessage(tr("Select a connected host to evacuate."), 5000);
        return;
    }
    auto *dialog = new EvacuationDialog(m_fleet, s, migration::DriverProfile::V2, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::createMdev(HostSession *s)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (QMessageBox::question(this, tr("Create mdev"), tr("Create a new vfio_ap mdev %1 on %2?").arg(uuid, s->uri().text)) != QMessageBox::Yes)
        return;
    ApplyDialog dialog(s, plans::createMdev(uuid), this);
    dialog.start();
    dialog.exec();
    if (dialog.succeeded())
        m_pendingSelection = QStringLiteral("%1|%2|%3").arg(s->uri().text).arg(int(FleetModel::Kind::Mdev)).arg(uuid);
}

void MainWindow::removeMdev(HostSession *s, const QString &uuid)
{
    const auto snap = s->snapshot();
    const Guest *g = snap ? snap->guestOfMdev(uuid) : nullptr;
    const QString warning = g && g->state != Guest::State::ShutOff
        ? tr("Guest %1 is running with this mdev: it will lose its crypto adapters (QEMU unplugs the device).").arg(g->name)
        : QString();
    if (QMessageBox::warning(this, tr("Remove mdev"), tr("Remove mdev %1 from %2?\n%3").arg(uuid, s->uri().text, warning),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    ApplyDialog dialog(s, plans::removeMdev(uuid), this);
    dialog.start();
    dialog.exec();
}

void MainWindow::addLibvirtActions(QMenu &menu, HostSession *s, LibvirtHost *lv, const HostSnapshot &snap, FleetModel::Kind kind,
                                   const QString &key)
{
    menu.addSeparator();
    if (kind == FleetModel::Kind::StoppedMdev) {
        menu.addAction(tr("Start mdev"), this, [this, s, lv, key] {
            runLibvirtAction(s, lv->startMdev(key), tr("Start mdev %1").arg(key));
        });
    }
    // A persistent mdev, running or stopped.
    const auto persistent = [&snap](const QString &uuid) -> const Mdev * {
        if (const Mdev *m = snap.mdev(uuid); m && m->persistent.value_or(false))
            return m;
        return snap.inactiveMdev(uuid);
    };
    if (const Mdev *m = (kind == FleetModel::Kind::Mdev || kind == FleetModel::Kind::StoppedMdev) ? persistent(key) : nullptr) {
        QAction *autostart = menu.addAction(tr("Start at boot"));
        autostart->setCheckable(true);
        autostart->setChecked(m->autostart.value_or(false));
        connect(autostart, &QAction::toggled, this, [this, s, lv, key](bool on) {
            runLibvirtAction(s, lv->setMdevAutostart(key, on), on ? tr("Start mdev %1 at boot").arg(key) : tr("Stop starting mdev %1 at boot").arg(key));
        });
    }
    if (const Mdev *m = kind == FleetModel::Kind::Mdev ? snap.mdev(key) : nullptr; m && !m->persistent.value_or(false)) {
        // mdevctl define of an active mdev: the same UUID and matrix come back after a reboot.
        menu.addAction(tr("Keep after reboot (define)"), this, [this, s, lv, key, matrix = MatrixAssignment::of(*m)] {
            runLibvirtAction(s, lv->defineMdev(key, matrix, false, false), tr("Define mdev %1").arg(key));
        });
    }
    if (kind == FleetModel::Kind::StoppedMdev || (kind == FleetModel::Kind::Mdev && persistent(key))) {
        menu.addAction(tr("Undefine (forget after reboot)"), this, [this, s, lv, key] {
            runLibvirtAction(s, lv->undefineMdev(key), tr("Undefine mdev %1").arg(key));
        });
    }
    if (const Guest *g = kind == FleetModel::Kind::Guest ? snap.guest(key) : nullptr; g && g->state != Guest::State::ShutOff) {
        const bool pause = g->state == Guest::State::Running;
        menu.addAction(pause ? tr("Pause guest") : tr("Resume guest"), this, [this, s, lv, key, pause] {
            runLibvirtAction(s, lv->setGuestPaused(key, pause), pause ? tr("Pause guest %1").arg(key) : tr("Resume guest %1").arg(key));
        });
    }
}

void MainWindow::runLibvirtAction(HostSession *s, QFuture<Status> future, const QString &what)
{
    statusBar()->showMessage(tr("%1…").arg(what));
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, s, watcher, what] {
        watcher->deleteLater();
        const Status r = watcher->result();
        if (!r) {
            statusBar()->clearMessage();
            QMessageBox::warning(this, what, tr("%1 failed on %2:\n%3\n%4").arg(what, s->uri().text, r.error().detail, r.error().hint));
        } else {
            statusBar()->showMessage(tr("%1: done").arg(what), 5000);
        }
        s->refresh();
    });
    watcher->setFuture(future);
}

void MainWindow::matrixContextMenu(const QPoint &pos)
{
    HostSession *s = currentSession();
    const auto snap = s ? s->preview() : nullptr;
    if (!snap || m_matrix->selectionModel()->selectedIndexes().isEmpty())
        return;
    QMenu menu(this);
    const QString current = m_matrixModel->mdevUuid();
    if (!current.isEmpty()) {
        menu.addAction(m_assignAction);
        menu.addAction(m_unassignAction);
    }
    QMenu *to = menu.addMenu(current.isEmpty() ? tr("Assign to mdev") : tr("Move to mdev"));
    for (const Mdev &m : snap->mdevs) {
        if (m.uuid == current)
            continue;
        const Guest *g = snap->guestOfMdev(m.uuid);
        to->addAction(g ? QStringLiteral("%1 (%2)").arg(m.uuid, g->name) : m.uuid, this, [this, uuid = m.uuid] { assignSelection(uuid, true); });
    }
    to->setEnabled(!to->isEmpty());
    menu.addSeparator();
    menu.addAction(m_applyAction);
    menu.exec(m_matrix->viewport()->mapToGlobal(pos));
}

void MainWindow::treeContextMenu(const QPoint &pos)
{
    const QModelIndex i = m_tree->indexAt(pos);
    HostSession *s = m_fleetModel->sessionAt(i);
    if (!s)
        return;
    const auto kind = FleetModel::Kind(i.data(FleetModel::KindRole).toInt());
    const QString key = i.data(FleetModel::KeyRole).toString();
    QMenu menu(this);
    const auto snap = s->preview();
    if (kind == FleetModel::Kind::Adapter && snap) {
        QMenu *to = menu.addMenu(tr("Assign adapter to mdev"));
        for (const Mdev &m : snap->mdevs)
            to->addAction(m.uuid, this, [this, s, uuid = m.uuid, id = key.toInt()] {
                const DropVerdict v = evaluateDrop(s, uuid, {s->uri().text, {}, {{MatrixItem::Kind::Adapter, id, {}}}}, false, false);
                showDropVerdict(v.message, v.accepted);
                performDrop(s, uuid, v);
            });
        to->setEnabled(!to->isEmpty());
    }
    if ((kind == FleetModel::Kind::Host || kind == FleetModel::Kind::MdevGroup) && s->backend())
        menu.addAction(tr("Create mdev…"), this, [this, s] { createMdev(s); });
    if (kind == FleetModel::Kind::Mdev || kind == FleetModel::Kind::Guest) {
        menu.addAction(m_checkAction);
        menu.addAction(m_migrateAction);
    }
    if (kind == FleetModel::Kind::Mdev)
        menu.addAction(tr("Remove mdev…"), this, [this, s, key] { removeMdev(s, key); });
    if (LibvirtHost *lv = s->backend() ? s->backend()->view<LibvirtHost>() : nullptr; lv && snap)
        addLibvirtActions(menu, s, lv, *snap, kind, key);
    if (s->edits().hasPending()) {
        menu.addSeparator();
        menu.addAction(m_applyAction);
    }
    menu.addAction(tr("Refresh"), s, &HostSession::refresh);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

HostSession *MainWindow::currentSession() const
{
    const QModelIndex i = m_tree->currentIndex();
    return i.isValid() ? m_fleet->session(i.data(FleetModel::HostUriRole).toString()) : nullptr;
}

bool MainWindow::selectNode(const QString &hostUri, int kind, const QString &key)
{
    const QModelIndex i = m_fleetModel->find(hostUri, FleetModel::Kind(kind), key);
    if (!i.isValid())
        return false;
    m_tree->expand(i.parent());
    m_tree->setCurrentIndex(i);
    return true;
}

void MainWindow::onTreeSelection()
{
    const QModelIndex i = m_tree->currentIndex();
    HostSession *s = currentSession();
    if (!i.isValid() || !s) {
        m_inspector->showNothing();
        return;
    }
    m_undoGroup->setActiveStack(s->undoStack());
    const auto kind = FleetModel::Kind(i.data(FleetModel::KindRole).toInt());
    const QString key = i.data(FleetModel::KeyRole).toString();
    if (!m_restoringSelection)
        m_pendingSelection.clear();
    showHostLogs(s);
    const auto snap = s->preview();
    if (!snap) {
        m_matrixModel->setSession(nullptr, {});
        m_matrixTitle->setText(s->state() == HostSession::State::Failed
                                   ? tr("%1 is unavailable: %2").arg(s->uri().text, s->error().toString())
                                   : tr("Reading %1…").arg(s->uri().text));
        m_inspector->showNothing();
        return;
    }
    if (kind == FleetModel::Kind::Mdev) {
        m_matrixModel->setSession(s, key);
        updatePendingState();
        const Guest *g = snap->guestOfMdev(key);
        m_matrixTitle->setText(g ? tr("Matrix of mdev %1 on %2, used by %3").arg(key, s->uri().text, g->name)
                                 : tr("Matrix of mdev %1 on %2").arg(key, s->uri().text));
        m_inspector->showMdev(*snap, key);
        if (const Mdev *m = snap->mdev(key); m && !m->adapters.isEmpty() && !m->domains.isEmpty()) {
            const int row = m_matrixModel->rowOfAdapter(m->adapters.ids().constFirst());
            const int col = m_matrixModel->columnOfDomain(m->domains.ids().constFirst());
            if (row >= 0 && col >= 0)
                m_matrix->scrollTo(m_matrixModel->index(row, col), QAbstractItemView::PositionAtCenter);
        }
        return;
    }
    // An adapter or a guest keeps (or opens) an mdev's matrix, so that an adapter picked in the
    // tree can be dragged onto it; the host and its groups show every mdev at once.
    QString mdev;
    if (kind == FleetModel::Kind::Adapter && m_matrixModel->session() == s)
        mdev = m_matrixModel->mdevUuid();
    else if (kind == FleetModel::Kind::Guest)
        if (const Guest *g = snap->guest(key))
            mdev = g->mdev;
    if (m_matrixModel->session() != s || m_matrixModel->mdevUuid() != mdev)
        m_matrixModel->setSession(s, mdev);
    m_matrixTitle->setText(mdev.isEmpty() ? tr("All mdevs on %1").arg(s->uri().text)
                                          : tr("Matrix of mdev %1 on %2").arg(mdev, s->uri().text));
    updatePendingState();
    switch (kind) {
    case FleetModel::Kind::Adapter:
        m_inspector->showCard(*snap, key.toInt());
        if (const int row = m_matrixModel->rowOfAdapter(key.toInt()); row >= 0)
            m_matrix->scrollTo(m_matrixModel->index(row, m_matrix->columnAt(0) < 0 ? 0 : m_matrix->columnAt(0)));
        break;
    case FleetModel::Kind::Guest: m_inspector->showGuest(*snap, key); break;
    default: m_inspector->showHost(*snap); break;
    }
}

void MainWindow::onMatrixSelection()
{
    const QModelIndex i = m_matrix->currentIndex();
    const HostSnapshot *h = m_matrixModel->host();
    if (!i.isValid() || !h)
        return;
    if (const auto apqn = m_matrixModel->apqnAt(i))
        m_inspector->showQueue(*h, *apqn);
    statusBar()->showMessage(m_matrixModel->describe(i));
}

void MainWindow::onHostChanged(HostSession *s)
{
    if (!m_pendingSelection.isEmpty()) {
        const QStringList parts = m_pendingSelection.split(QLatin1Char('|'));
        if (parts.size() == 3 && parts[0] == s->uri().text && s->snapshot()) {
            m_restoringSelection = true;
            if (selectNode(parts[0], parts[1].toInt(), parts[2]))
                m_pendingSelection.clear();
            m_restoringSelection = false;
        }
    }
    if (s == currentSession())
        onTreeSelection();
}

void MainWindow::showHostLogs(HostSession *s)
{
    const QStringList lines = (s->backend() ? s->backend()->kernelLog() : QStringList()) + s->liveKernelLog();
    if (m_kernelLog->toPlainText() != lines.join(QLatin1Char('\n')))
        m_kernelLog->setPlainText(lines.join(QLatin1Char('\n')));
    auto *model = static_cast<QStandardItemModel *>(m_auditView->model());
    model->clear();
    model->setHorizontalHeaderLabels({tr("Time"), tr("Action"), tr("Result"), tr("Before"), tr("After"), tr("Path")});
    if (!m_fleet->store())
        return;
    const auto journal = m_fleet->store()->journal(s->uri().text, 200);
    if (!journal)
        return;
    for (const JournalEntry &e : *journal) {
        QList<QStandardItem *> row;
        row << new QStandardItem(QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat))
            << new QStandardItem(e.action)
            << new QStandardItem(e.err == 0 ? tr("ok") : tr("failed (errno %1)").arg(e.err))
            << new QStandardItem(e.before) << new QStandardItem(e.after) << new QStandardItem(e.path);
        model->appendRow(row);
    }
}

void MainWindow::addHostDialog()
{
    AddHostDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString uri = dialog.address();
    auto added = m_fleet->addHost(uri);
    if (!added) {
        QMessageBox::warning(this, tr("Add host"), tr("Cannot add %1:\n%2\n%3").arg(uri, added.error().detail, added.error().hint));
        return;
    }
    selectNode((*added)->uri().text, int(FleetModel::Kind::Host), (*added)->uri().text);
}

void MainWindow::refreshCurrent()
{
    if (HostSession *s = currentSession())
        s->refresh();
}

void MainWindow::resetDemo()
{
    if (QMessageBox::question(this, tr("Reset the demo fleet"),
                              tr("Undo every change made to the simulated hosts and start again from the built-in demo fleet?"))
        != QMessageBox::Yes)
        return;
    if (m_fleet->store())
        (void)m_fleet->store()->resetSimulatedHosts();
    for (HostSession *s : m_fleet->sessions()) {
        if (auto *sim = s->backend() ? s->backend()->view<SimulatedHost>() : nullptr) {
            if (auto initial = demo::initialState(s->uri().name))
                sim->load(*initial);
            s->refresh();
        }
    }
}

void MainWindow::restoreLayout()
{
    QSettings st;
    restoreGeometry(st.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(st.value(QStringLiteral("window/state")).toByteArray());
    m_hsplit->restoreState(st.value(QStringLiteral("window/hsplit")).toByteArray());
    m_vsplit->restoreState(st.value(QStringLiteral("window/vsplit")).toByteArray());
    m_tree->header()->restoreState(st.value(QStringLiteral("window/treeHeader")).toByteArray());
    m_pendingSelection = st.value(QStringLiteral("window/selection")).toString();
    if (m_pendingSelection.isEmpty() && !m_fleet->sessions().isEmpty()) {
        const QString first = m_fleet->sessions().first()->uri().text;
        m_pendingSelection = QStringLiteral("%1|%2|%3").arg(first).arg(int(FleetModel::Kind::Mdev)).arg(demo::uuids::payments);
    }
}

void MainWindow::saveLayout() const
{
    QSettings st;
    st.setValue(QStringLiteral("window/geometry"), saveGeometry());
    st.setValue(QStringLiteral("window/state"), saveState());
    st.setValue(QStringLiteral("window/hsplit"), m_hsplit->saveState());
    st.setValue(QStringLiteral("window/vsplit"), m_vsplit->saveState());
    st.setValue(QStringLiteral("window/treeHeader"), m_tree->header()->saveState());
    const QModelIndex i = m_tree->currentIndex();
    if (i.isValid())
        st.setValue(QStringLiteral("window/selection"), QStringLiteral("%1|%2|%3")
                                                             .arg(i.data(FleetModel::HostUriRole).toString())
                                                             .arg(i.data(FleetModel::KindRole).toInt())
                                                             .arg(i.data(FleetModel::KeyRole).toString()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace ap::ui

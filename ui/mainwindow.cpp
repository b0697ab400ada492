#include "mainwindow.h"
#include "common/errortext.h"
#include "common/prompts.h"

#include "fleet/auditlogmodel.h"
#include "fleet/auditlogview.h"
#include "fleet/hostactions.h"
#include "matrix/applydialog.h"
#include "report/reportdialog.h"
#include "report/reportswindow.h"
#include "matrix/dropverdict.h"
#include "fleet/fleet.h"
#include "common/kerneltext.h"
#include "fleet/fleetmodel.h"
#include "matrix/inspector.h"
#include "matrix/matrixpanel.h"
#include "matrix/matrixview.h"
#include "migration/migrationrunswindow.h"
#include "migration/migrationwizard.h"
#include "planning/evacuationdialog.h"
#include "planning/fleetmapwindow.h"

#include "matrix/matrixmodel.h"

#include <hosts/demofleet.h>

#include <QAction>
#include <QCursor>
#include <QMenu>
#include <QToolTip>
#include <QUndoGroup>
#include <QUndoStack>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QPointer>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace ap::ui {

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
    // The name column gives way when the window is narrow (names elide in the middle, so the
    // distinguishing tail stays); the State column keeps room for "CEX8C, vfio_ap" and the like.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_tree->header()->resizeSection(1, m_tree->fontMetrics().averageCharWidth() * 15);
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->setMinimumWidth(m_tree->fontMetrics().averageCharWidth() * 40);
    m_tree->setAccessibleName(tr("Fleet"));
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::CopyAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);

    m_matrixPanel = new MatrixPanel(m_matrixModel);
    m_matrix = m_matrixPanel->view();

    m_inspector = new Inspector;

    m_hsplit = new QSplitter(Qt::Horizontal);
    m_hsplit->setObjectName(QStringLiteral("mainSplitter"));
    m_hsplit->addWidget(m_tree);
    m_hsplit->addWidget(m_matrixPanel);
    m_hsplit->addWidget(m_inspector);
    m_hsplit->setStretchFactor(1, 1);
    m_hsplit->setSizes({320, 800, 320});

    m_bottom = new QTabWidget;
    m_bottom->setObjectName(QStringLiteral("logTabs"));
    m_kernelLog = new QPlainTextEdit;
    m_kernelLog->setObjectName(QStringLiteral("kernelLog"));
    m_kernelLog->setReadOnly(true);
    m_kernelLog->setPlaceholderText(tr("The selected host's kernel log lines appear here."));
    m_auditView = new AuditLogView;
    m_auditLog = m_auditView->model();
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
    m_hostActions = new HostActions(fleet, this, {m_checkAction, m_migrateAction, m_applyAction});
    connect(m_hostActions, &HostActions::statusMessage, this, [this](const QString &text, int timeoutMs) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, timeoutMs);
    });
    connect(m_hostActions, &HostActions::dropVerdict, this, &MainWindow::showDropVerdict);
    connect(m_hostActions, &HostActions::selectRequested, this, &MainWindow::selectSoon);
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
    auto *add = file->addAction(tr("&Add host…"), this, [this] { m_hostActions->addHost(); });
    add->setShortcut(QKeySequence(tr("Ctrl+N")));
    auto *refresh = file->addAction(tr("&Refresh host"), this, &MainWindow::refreshCurrent);
    refresh->setShortcut(QKeySequence::Refresh);
    file->addAction(tr("Reset the &demo fleet"), this, [this] { m_hostActions->resetDemo(); });
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
        prompt::about(this, tr("About apconsole"),
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
    // The lambdas outlive no session (each is connected to it), yet hold it only weakly: a host
    // removed while a signal is queued leaves them a null pointer, never a dangling one.
    const QPointer<HostSession> session(s);
    connect(s, &HostSession::previewChanged, this, [this, session] {
        if (!session || session != currentSession())
            return;
        updatePendingState();
        refreshInspector();
    });
    connect(s, &HostSession::stateChanged, this, [this, session] {
        if (session && session == currentSession())
            updatePendingState();
    });
    connect(s, &HostSession::kernelLine, this, [this, session](const QString &line) {
        if (session && session == currentSession())
            m_kernelLog->appendPlainText(line);
    });
    connect(s, &HostSession::applyFinished, this, [this, session](const Result<ApplyReport> &) {
        if (session && m_fleet->store())
            showHostLogs(session);
    });
}

void MainWindow::updatePendingState()
{
    HostSession *s = currentSession();
    const int n = s ? int(s->edits().pending().size()) : 0;
    m_pendingLabel->setText(n ? tr("%n mdev(s) with changes not yet applied", nullptr, n) : QString());
    // Apply is disabled with the reason where the host cannot take writes (read-only, no permission).
    const QString noWrites = s ? HostActions::whyNoWrites(s) : QString();
    const QString note = noWrites.isEmpty() ? (s ? HostActions::unknownWrites(s) : QString()) : tr("Cannot apply: %1").arg(noWrites);
    m_applyAction->setEnabled(n > 0 && noWrites.isEmpty());
    m_applyAction->setToolTip(note.isEmpty() ? m_applyAction->text().remove(QLatin1Char('&')) : note);
    m_applyAction->setStatusTip(note);
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

void MainWindow::applyChanges()
{
    HostSession *s = currentSession();
    if (!s || !s->edits().hasPending()) {
        statusBar()->showMessage(tr("Nothing to apply."), 3000);
        return;
    }
    // Window-modal and without a loop of its own: the console goes on drawing and reading hosts
    // while the operator reads the plan and the writes run.
    auto *dialog = new ApplyDialog(s, s->edits().plan(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (dialog->finished() && !dialog->definitionsSucceeded())
            statusBar()->showMessage(tr("Applied to the kernel, but a persistent definition was not updated: see the Apply dialog's report."), 0);
        else if (dialog->finished())
            statusBar()->showMessage(dialog->resultText().section(QLatin1Char('\n'), 0, 0), 8000);
    });
    dialog->open();
}

std::pair<HostSession *, QString> MainWindow::selectedMdev() const
{
    HostSession *s = currentSession();
    const FleetNode node = currentNode();
    if (!s || !node.isValid())
        return {nullptr, {}};
    if (node.kind == NodeKind::Mdev)
        return {s, node.key};
    if (node.kind == NodeKind::Guest) {
        const auto snap = s->snapshot();
        const Guest *g = snap ? snap->guest(node.key) : nullptr;
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
    // Window-modal without a loop of its own, like every dialog of the console.
    auto *dialog = new ReportDialog(m_fleet, s, mdev, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
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
    auto *window = new ReportsWindow(m_fleet, guest.isEmpty() && s ? s->uri().text : QString(), guest, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->open();
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
    auto *window = new MigrationRunsWindow(m_fleet->store(), guest, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->open();
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
    QMenu menu(this);
    m_hostActions->fillTreeMenu(menu, s, m_fleetModel->nodeAt(i));
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

FleetNode MainWindow::currentNode() const
{
    return m_fleetModel->nodeAt(m_tree->currentIndex());
}

HostSession *MainWindow::currentSession() const
{
    const FleetNode node = currentNode();
    return node.isValid() ? m_fleet->session(node.hostUri) : nullptr;
}

bool MainWindow::selectNode(const FleetNode &node)
{
    const QModelIndex i = m_fleetModel->find(node);
    if (!i.isValid())
        return false;
    m_tree->expand(i.parent());
    m_tree->setCurrentIndex(i);
    return true;
}

void MainWindow::onTreeSelection()
{
    const FleetNode node = currentNode();
    HostSession *s = currentSession();
    if (!s) {
        m_inspector->showNothing();
        return;
    }
    m_undoGroup->setActiveStack(s->undoStack());
    const NodeKind kind = node.kind;
    const QString &key = node.key;
    if (!m_restoringSelection)
        m_pendingSelection = {};
    showHostLogs(s);
    const auto snap = s->preview();
    if (!snap) {
        m_matrix->showMatrix(nullptr, {});
        m_matrixPanel->setTitle(s->state() == HostSession::State::Failed
                                   ? tr("%1 is unavailable: %2").arg(s->uri().text, ErrorText::describe(s->error()))
                                   : tr("Reading %1…").arg(s->uri().text));
        m_inspector->showNothing();
        return;
    }
    if (kind == FleetModel::Kind::Mdev) {
        m_matrix->showMatrix(s, key);
        updatePendingState();
        const Guest *g = snap->guestOfMdev(key);
        m_matrixPanel->setTitle(g ? tr("Matrix of mdev %1 on %2, used by %3").arg(key, s->uri().text, g->name)
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
        m_matrix->showMatrix(s, mdev);
    m_matrixPanel->setTitle(mdev.isEmpty() ? tr("All mdevs on %1").arg(s->uri().text)
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

void MainWindow::refreshInspector()
{
    HostSession *s = currentSession();
    const auto snap = s ? s->preview() : nullptr;
    if (!snap)
        return;
    const FleetNode node = currentNode();
    switch (node.kind) {
    case FleetModel::Kind::Mdev: m_inspector->showMdev(*snap, node.key); break;
    case FleetModel::Kind::Adapter: m_inspector->showCard(*snap, node.key.toInt()); break;
    case FleetModel::Kind::Guest: m_inspector->showGuest(*snap, node.key); break;
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
    if (m_pendingSelection.isValid() && m_pendingSelection.hostUri == s->uri().text && s->snapshot()) {
        m_restoringSelection = true;
        if (selectNode(m_pendingSelection))
            m_pendingSelection = {};
        m_restoringSelection = false;
    }
    if (s == currentSession())
        onTreeSelection();
}

void MainWindow::showHostLogs(HostSession *s)
{
    const QStringList lines = (s->backend() ? s->backend()->kernelLog() : QStringList()) + s->liveKernelLog();
    if (m_kernelLog->toPlainText() != lines.join(QLatin1Char('\n')))
        m_kernelLog->setPlainText(lines.join(QLatin1Char('\n')));
    const auto journal = m_fleet->store() ? m_fleet->store()->journal(s->uri().text, 200) : Result<QList<JournalEntry>>(QList<JournalEntry>());
    m_auditLog->setEntries(journal ? *journal : QList<JournalEntry>());
}

void MainWindow::selectSoon(const FleetNode &node)
{
    if (!selectNode(node))
        m_pendingSelection = node;
}

void MainWindow::refreshCurrent()
{
    if (HostSession *s = currentSession())
        s->refresh();
}

void MainWindow::restoreLayout()
{
    QSettings st;
    restoreGeometry(st.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(st.value(QStringLiteral("window/state")).toByteArray());
    m_hsplit->restoreState(st.value(QStringLiteral("window/hsplit")).toByteArray());
    m_vsplit->restoreState(st.value(QStringLiteral("window/vsplit")).toByteArray());
    m_tree->header()->restoreState(st.value(QStringLiteral("window/treeHeader")).toByteArray());
    m_pendingSelection = FleetNode::fromSettings(st.value(QStringLiteral("window/selection")));
    if (!m_pendingSelection.isValid() && !m_fleet->sessions().isEmpty())
        m_pendingSelection = {m_fleet->sessions().first()->uri().text, NodeKind::Mdev, demo::uuids::payments};
}

void MainWindow::saveLayout() const
{
    QSettings st;
    st.setValue(QStringLiteral("window/geometry"), saveGeometry());
    st.setValue(QStringLiteral("window/state"), saveState());
    st.setValue(QStringLiteral("window/hsplit"), m_hsplit->saveState());
    st.setValue(QStringLiteral("window/vsplit"), m_vsplit->saveState());
    st.setValue(QStringLiteral("window/treeHeader"), m_tree->header()->saveState());
    if (const FleetNode node = m_fleetModel->nodeAt(m_tree->currentIndex()); node.isValid())
        st.setValue(QStringLiteral("window/selection"), node.toSettings());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A running migration is never abandoned with the window: its own window ends it.
    for (MigrationWizard *wizard : findChildren<MigrationWizard *>()) {
        if (wizard->job && wizard->job->isRunning()) {
            prompt::inform(this, tr("Migration in progress"),
                           tr("The migration of %1 is still running. Let it finish or cancel it in its window first.").arg(wizard->guest()));
            wizard->raise();
            event->ignore();
            return;
        }
    }
    QStringList pending;
    for (HostSession *s : m_fleet->sessions())
        if (s->edits().hasPending())
            pending << s->uri().text;
    if (!pending.isEmpty() && !m_discardConfirmed) {
        event->ignore();
        if (m_closeQuestion) {
            m_closeQuestion->raise();
            return;
        }
        m_closeQuestion = prompt::ask(this, tr("Discard pending changes?"),
                    tr("The changes to %1 have not been applied. Close and discard them?").arg(pending.join(QStringLiteral(", "))),
                    QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel, [this](QMessageBox::StandardButton answer) {
                        if (answer != QMessageBox::Discard)
                            return;
                        m_discardConfirmed = true;
                        close();
                    });
        return;
    }
    saveLayout();
    event->accept();
}

} // namespace ap::ui

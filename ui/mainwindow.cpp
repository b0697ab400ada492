#include "mainwindow.h"

#include "fleet.h"
#include "fleetmodel.h"
#include "inspector.h"
#include "matrixdelegate.h"
#include "matrixmodel.h"

#include <hosts/demofleet.h>
#include <hosts/simulatedhost.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QInputDialog>
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
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("apconsole – crypto adapters of IBM Z KVM hosts"));

    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("fleetTree"));
    m_tree->setModel(m_fleetModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(0, 190);
    m_tree->setAccessibleName(tr("Fleet"));

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
    statusBar()->showMessage(tr("%n host(s) in the fleet", nullptr, int(fleet->sessions().size())));

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
    const auto kind = FleetModel::Kind(i.data(FleetModel::KindRole).toInt());
    const QString key = i.data(FleetModel::KeyRole).toString();
    if (!m_restoringSelection)
        m_pendingSelection.clear();
    showHostLogs(s);
    const auto snap = s->snapshot();
    if (!snap) {
        m_matrixModel->setSource(nullptr, {});
        m_matrixTitle->setText(s->state() == HostSession::State::Failed
                                   ? tr("%1 is unavailable: %2").arg(s->uri().text, s->error().toString())
                                   : tr("Reading %1…").arg(s->uri().text));
        m_inspector->showNothing();
        return;
    }
    if (kind == FleetModel::Kind::Mdev) {
        m_matrixModel->setSource(snap, key);
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
    if (m_matrixModel->host() != snap.get() || !m_matrixModel->mdevUuid().isEmpty())
        m_matrixModel->setSource(snap, {});
    m_matrixTitle->setText(tr("All mdevs on %1").arg(s->uri().text));
    switch (kind) {
    case FleetModel::Kind::Adapter: m_inspector->showCard(*snap, key.toInt()); break;
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
    const QStringList lines = s->backend() ? s->backend()->kernelLog() : QStringList();
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
    bool ok = false;
    const QString uri = QInputDialog::getText(this, tr("Add host"),
                                              tr("Host address (demo:NAME, sysfs:/ROOT, ssh://user@host, qemu+ssh://…):"),
                                              QLineEdit::Normal, QString(), &ok);
    if (!ok || uri.trimmed().isEmpty())
        return;
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
        if (auto *sim = dynamic_cast<SimulatedHost *>(s->backend())) {
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

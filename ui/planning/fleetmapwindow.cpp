#include "fleetmapwindow.h"
#include "../report/profilecombo.h"

#include "evacuationdialog.h"
#include "../common/prompts.h"
#include "../fleet/fleet.h"
#include <common/outputfile.h>

#include <report/fleetrender.h>

#include <QComboBox>
#include <QFileInfo>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ap::ui {

FleetMapWindow::FleetMapWindow(Fleet *fleet, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_model(new FleetMapModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView)
    , m_profile(new QComboBox)
    , m_filter(new QLineEdit)
    , m_status(new QLabel)
    , m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Fleet compatibility map"));
    setObjectName(QStringLiteral("fleetMapWindow"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FleetMapModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FleetMapModel::HostColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setObjectName(QStringLiteral("fleetMapView"));

    for (const migration::DriverProfile p : migration::allProfiles())
        m_profile->addItem(ProfileCombo::label(p), int(p));
    m_filter->setPlaceholderText(tr("Filter by host, guest, mdev or verdict"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("fleetMapFilter"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Destination driver:")));
    top->addWidget(m_profile);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Filter:")));
    top->addWidget(m_filter, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    auto *evacuateButton = buttons->addButton(tr("E&vacuate host…"), QDialogButtonBox::ActionRole);
    evacuateButton->setObjectName(QStringLiteral("evacuateButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &FleetMapWindow::exportDialog);
    connect(evacuateButton, &QPushButton::clicked, this, &FleetMapWindow::evacuate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1100, 520);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &FleetMapWindow::scheduleRefresh);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &FleetMapWindow::compute);
    connect(&m_watcher, &QFutureWatcher<fleet::FleetMap>::finished, this, [this] {
        if (m_watcher.future().resultCount())
            m_model->setMap(m_watcher.result());
        m_status->setText(tr("%n guest(s) with vfio-ap mdevs on %1 host(s).", nullptr, m_model->rowCount()).arg(m_model->map().hosts.size()));
        emit mapUpdated();
        if (m_again) {
            m_again = false;
            compute();
        }
    });
    connect(m_fleet, &Fleet::hostChanged, this, &FleetMapWindow::scheduleRefresh);
    connect(m_fleet, &Fleet::hostAdded, this, &FleetMapWindow::scheduleRefresh);
    connect(m_fleet, &Fleet::hostAboutToBeRemoved, this, &FleetMapWindow::scheduleRefresh);
    compute();
}

// No wait for a computation still running: it works on copies of the snapshots, and its result
// is dropped with the watcher.
FleetMapWindow::~FleetMapWindow() = default;

migration::DriverProfile FleetMapWindow::profile() const
{
    return migration::DriverProfile(m_profile->currentData().toInt());
}

void FleetMapWindow::scheduleRefresh()
{
    m_debounce->start();
}

void FleetMapWindow::compute()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    QList<HostSnapshot> hosts;
    for (HostSession *s : m_fleet->sessions())
        if (const auto snap = s->snapshot())
            hosts.append(*snap);
    m_status->setText(tr("Computing the map of %n host(s)…", nullptr, int(hosts.size())));
    m_watcher.setFuture(fleet::computeFleetMapAsync(hosts, profile()));
}

Status FleetMapWindow::exportTo(const QString &path) const
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QByteArray bytes;
    if (suffix == QLatin1String("csv"))
        bytes = report::fleetMapCsv(m_model->map());
    else if (suffix == QLatin1String("json"))
        bytes = QJsonDocument(report::fleetMapJson(m_model->map())).toJson(QJsonDocument::Indented);
    else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        bytes = report::fleetMapHtml(m_model->map()).toUtf8();
    else
        return makeError(ErrorCode::Usage, path, QStringLiteral("unknown format"), QStringLiteral("Use .csv, .json or .html."));
    return writeOutputFile(path, bytes);
}

void FleetMapWindow::exportDialog()
{
    prompt::saveFile(this, tr("Export the fleet map"), QStringLiteral("fleet-map.html"), tr("HTML (*.html);;CSV (*.csv);;JSON (*.json)"),
                     [this](const QString &path) {
                         if (const Status s = exportTo(path); !s)
                             prompt::warn(this, tr("Export failed"), tr("The map could not be written to %1: %2").arg(path, s.error().detail));
                     });
}

void FleetMapWindow::evacuate()
{
    QStringList hosts;
    for (HostSession *s : m_fleet->sessions())
        if (s->snapshot())
            hosts.append(s->uri().text);
    if (hosts.size() < 2) {
        prompt::inform(this, tr("Evacuate host"), tr("An evacuation needs at least two connected hosts."));
        return;
    }
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    const int preselected = current.isValid() ? int(hosts.indexOf(m_model->map().rows.at(current.row()).host)) : 0;
    prompt::chooseItem(this, tr("Evacuate host"), tr("Move every AP guest off this host:"), hosts, std::max(0, preselected),
                       [this](const QString &host) {
                           // The host may have left the fleet while the operator chose.
                           HostSession *session = m_fleet->session(host);
                           if (!session)
                               return;
                           auto *dialog = new EvacuationDialog(m_fleet, session, profile(), this);
                           dialog->setAttribute(Qt::WA_DeleteOnClose);
                           dialog->show();
                       });
}

} // namespace ap::ui

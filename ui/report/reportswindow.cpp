#include "reportswindow.h"

#include "reportdialog.h"
#include "../common/prompts.h"
#include "../fleet/fleet.h"

#include <report/checkrender.h>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

namespace ap::ui {

ReportHistoryModel::ReportHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReportHistoryModel::setReports(QList<Store::ReportSummary> reports)
{
    beginResetModel();
    m_reports = std::move(reports);
    endResetModel();
}

const Store::ReportSummary *ReportHistoryModel::at(int row) const
{
    return row >= 0 && row < m_reports.size() ? &m_reports[row] : nullptr;
}

int ReportHistoryModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_reports.size()); }
int ReportHistoryModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ReportHistoryModel::data(const QModelIndex &index, int role) const
{
    const Store::ReportSummary *r = at(index.row());
    if (!r || (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::AccessibleTextRole))
        return {};
    switch (index.column()) {
    case Time: return QLocale().toString(r->time.toLocalTime(), QLocale::ShortFormat);
    case Guest: return r->guest.isEmpty() ? r->mdev : r->guest;
    case Route: return QStringLiteral("%1 \u2192 %2").arg(r->source, r->target);
    case Profile: return r->profile;
    case Verdict: return r->errnoName.isEmpty() ? r->verdict : QStringLiteral("%1 (%2)").arg(r->verdict, r->errnoName);
    case Ready: return r->ready ? tr("ready") : tr("not ready");
    default: return {};
    }
}

QVariant ReportHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Guest: return tr("Guest");
    case Route: return tr("From → to");
    case Profile: return tr("Driver");
    case Verdict: return tr("Driver verdict");
    case Ready: return tr("Readiness");
    default: return {};
    }
}

ReportsWindow::ReportsWindow(Fleet *fleet, const QString &host, const QString &guest, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_model(new ReportHistoryModel(this))
{
    setObjectName(QStringLiteral("historyWindow"));
    setWindowTitle(tr("Migration reports"));
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    m_host = new QComboBox;
    m_guest = new QComboBox;
    m_host->addItem(tr("all hosts"), QString());
    m_guest->addItem(tr("all guests"), QString());
    if (fleet->store()) {
        QStringList hosts, guests;
        if (auto all = fleet->store()->reports())
            for (const auto &r : *all) {
                hosts << r.source << r.target;
                if (!r.guest.isEmpty())
                    guests << r.guest;
            }
        hosts.removeDuplicates();
        guests.removeDuplicates();
        hosts.sort();
        guests.sort();
        for (const QString &h : hosts)
            m_host->addItem(h, h);
        for (const QString &g : guests)
            m_guest->addItem(g, g);
    }
    m_host->setCurrentIndex(std::max(0, m_host->findData(host)));
    m_guest->setCurrentIndex(std::max(0, m_guest->findData(guest)));
    filters->addWidget(new QLabel(tr("Host:")));
    filters->addWidget(m_host);
    filters->addWidget(new QLabel(tr("Guest:")));
    filters->addWidget(m_guest);
    filters->addStretch(1);
    layout->addLayout(filters);

    auto *split = new QSplitter(Qt::Vertical);
    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    split->addWidget(m_table);
    m_chart = new QChartView;
    m_chart->setObjectName(QStringLiteral("historyChart"));
    m_chart->setMinimumHeight(220);
    split->addWidget(m_chart);
    layout->addWidget(split, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *open = buttons->addButton(tr("Open"), QDialogButtonBox::ActionRole);
    auto *rerun = buttons->addButton(tr("Run again"), QDialogButtonBox::ActionRole);
    auto *compare = buttons->addButton(tr("Compare with now"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(open, &QPushButton::clicked, this, &ReportsWindow::openSelected);
    connect(rerun, &QPushButton::clicked, this, [this] { rerunSelected(false); });
    connect(compare, &QPushButton::clicked, this, [this] { rerunSelected(true); });
    connect(m_table, &QAbstractItemView::doubleClicked, this, &ReportsWindow::openSelected);
    connect(m_host, &QComboBox::currentIndexChanged, this, &ReportsWindow::reload);
    connect(m_guest, &QComboBox::currentIndexChanged, this, &ReportsWindow::reload);
    resize(900, 640);
    reload();
}

void ReportsWindow::reload()
{
    QList<Store::ReportSummary> list;
    if (m_fleet->store())
        if (auto r = m_fleet->store()->reports(m_host->currentData().toString(), m_guest->currentData().toString()))
            list = *r;
    m_model->setReports(list);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateChart();
}

void ReportsWindow::updateChart()
{
    // Reports per day, stacked by the driver's verdict and readiness.
    QMap<QDate, std::array<int, 3>> perDay; // ready, compatible but not ready, incompatible
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const auto *r = m_model->at(i);
        auto &c = perDay[r->time.toLocalTime().date()];
        c[r->ready ? 0 : r->verdict == u"compatible" ? 1 : 2] += 1;
    }
    auto *ready = new QBarSet(tr("ready"));
    auto *blocked = new QBarSet(tr("compatible, not ready"));
    auto *refused = new QBarSet(tr("incompatible"));
    ready->setColor(QColor(0x2e, 0x9d, 0x4f));
    blocked->setColor(QColor(0xe0, 0x9b, 0x1a));
    refused->setColor(QColor(0xb0, 0x2a, 0x2a));
    QStringList days;
    int most = 0;
    for (auto it = perDay.cbegin(); it != perDay.cend(); ++it) {
        days.append(QLocale().toString(it.key(), QLocale::ShortFormat));
        *ready << it.value()[0];
        *blocked << it.value()[1];
        *refused << it.value()[2];
        most = std::max(most, it.value()[0] + it.value()[1] + it.value()[2]);
    }
    auto *series = new QStackedBarSeries;
    series->append(ready);
    series->append(blocked);
    series->append(refused);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("Migration checks per day"));
    auto *x = new QBarCategoryAxis;
    x->append(days);
    auto *y = new QValueAxis;
    y->setRange(0, std::max(1, most));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickCount(std::min(most, 5) + 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}

void ReportsWindow::openSelected()
{
    const auto *r = m_model->at(m_table->currentIndex().row());
    if (!r || !m_fleet->store())
        return;
    auto json = m_fleet->store()->report(r->id);
    auto report = json ? report::checkReportFromJson(*json) : Result<migration::CheckReport>(json.error());
    if (!report) {
        prompt::warn(this, tr("Migration reports"), tr("The report cannot be opened: %1").arg(report.error().toString()));
        return;
    }
    auto *dialog = new ReportDialog(m_fleet, *report, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ReportsWindow::rerunSelected(bool compare)
{
    const auto *r = m_model->at(m_table->currentIndex().row());
    if (!r)
        return;
    HostSession *source = m_fleet->session(r->source);
    if (!source) {
        prompt::inform(this, tr("Migration reports"), tr("%1 is no longer in the fleet.").arg(r->source));
        return;
    }
    auto *dialog = new ReportDialog(m_fleet, source, r->mdev, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->selectDestination(r->target)) {
        delete dialog;
        prompt::inform(this, tr("Migration reports"), tr("%1 cannot be checked as a destination now.").arg(r->target));
        return;
    }
    dialog->setProfile(migration::parseProfile(r->profile).value_or(migration::DriverProfile::V2));
    if (compare && m_fleet->store())
        if (auto json = m_fleet->store()->report(r->id))
            if (auto earlier = report::checkReportFromJson(*json))
                dialog->setBaseline(*earlier);
    // The new report is stored when the check ends; the list shows it once the dialog closes.
    connect(dialog, &QDialog::finished, this, &ReportsWindow::reload);
    dialog->run();
    dialog->open();
}

} // namespace ap::ui

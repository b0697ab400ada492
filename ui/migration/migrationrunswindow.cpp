#include "migrationrunswindow.h"
#include "../common/prompts.h"

#include "migrationtext.h"
#include <common/outputfile.h>

#include <store/runrecord.h>

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ap::ui {

MigrationRunsModel::MigrationRunsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MigrationRunsModel::setRuns(QList<Store::MigrationRun> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

const Store::MigrationRun *MigrationRunsModel::at(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

int MigrationRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int MigrationRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationRunsModel::data(const QModelIndex &index, int role) const
{
    const Store::MigrationRun *r = index.isValid() ? at(index.row()) : nullptr;
    if (!r)
        return {};
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Time: return QLocale().toString(r->time.toLocalTime(), QLocale::ShortFormat);
        case Guest: return r->guest;
        case Route: return tr("%1 → %2").arg(r->source, r->target);
        case Strategy: return r->strategy;
        case Outcome:
            if (r->ok)
                return tr("migrated");
            if (r->message == u"canceled")
                return tr("cancelled at %1").arg(migrationtext::stepTitle(r->failedStep));
            return r->failedStep.isEmpty() ? tr("failed: %1").arg(r->message)
                                           : tr("failed at %1 (%2)").arg(migrationtext::stepTitle(r->failedStep), r->errnoName);
        case Decisions: {
            QStringList parts;
            if (!r->overrideText.isEmpty())
                parts.append(tr("override past %1 (typed “%2”)").arg(r->overriddenFindings.join(QStringLiteral(", ")), r->overrideText));
            if (!r->injectedFailure.isEmpty()) {
                const auto f = migration::parseInjectedFailure(r->injectedFailure);
                parts.append(tr("injected: %1").arg(f ? migrationtext::failureTitle(*f) : r->injectedFailure));
            }
            return parts.join(QStringLiteral("; "));
        }
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Outcome)
        return r->message;
    return {};
}

QVariant MigrationRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Guest: return tr("Guest");
    case Route: return tr("From → to");
    case Strategy: return tr("Strategy");
    case Outcome: return tr("Outcome");
    case Decisions: return tr("Override / injected failure");
    }
    return {};
}

MigrationRunsWindow::MigrationRunsWindow(std::shared_ptr<Store> store, const QString &guest, QWidget *parent)
    : QDialog(parent)
    , m_store(std::move(store))
    , m_guest(guest)
    , m_model(new MigrationRunsModel(this))
{
    setObjectName(QStringLiteral("migrationRunsWindow"));
    setWindowTitle(guest.isEmpty() ? tr("Migration runs") : tr("Migration runs of %1").arg(guest));
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(Qt::Vertical);
    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    split->addWidget(m_table);
    m_steps = new QTreeWidget;
    m_steps->setHeaderLabels({tr("Step"), tr("Started"), tr("Ended"), tr("Outcome"), tr("Detail")});
    m_steps->setRootIsDecorated(false);
    split->addWidget(m_steps);
    layout->addWidget(split, 1);
    m_status = new QLabel;
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_export = buttons->addButton(tr("&Export as JSON…"), QDialogButtonBox::ActionRole);
    m_export->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MigrationRunsWindow::showSteps);
    connect(m_export, &QPushButton::clicked, this, [this] {
        prompt::saveFile(this, tr("Export migration run"), QStringLiteral("migration-run.json"), tr("JSON (*.json)"), [this](const QString &path) {
            if (Status s = exportSelected(path); !s)
                prompt::warn(this, tr("Export failed"), s.error().toString());
        });
    });
    resize(900, 560);
    reload();
}

void MigrationRunsWindow::reload()
{
    if (!m_store) {
        m_status->setText(tr("No database: runs are not recorded."));
        return;
    }
    auto runs = m_store->migrationRuns(m_guest);
    if (!runs) {
        m_status->setText(tr("The runs could not be read: %1").arg(runs.error().toString()));
        return;
    }
    m_model->setRuns(*runs);
    m_status->setText(tr("%n run(s)", nullptr, int(runs->size())));
    m_table->resizeColumnsToContents();
    if (m_model->rowCount() > 0)
        selectRow(0);
}

void MigrationRunsWindow::selectRow(int row)
{
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, 0));
}

void MigrationRunsWindow::showSteps()
{
    m_steps->clear();
    const Store::MigrationRun *r = m_model->at(m_table->currentIndex().row());
    m_export->setEnabled(r != nullptr);
    if (!r)
        return;
    const auto ms = [](qint64 v) { return v < 0 ? QString() : tr("%1 ms").arg(v); };
    for (const Store::MigrationRunStep &s : r->steps) {
        // A cancelled step shows no errno: it was the operator's choice, not a failure.
        const QString detail = s.outcome == u"cancelled" ? QString() : s.errnoName.isEmpty() ? s.detail : tr("%1: %2").arg(s.errnoName, s.detail);
        m_steps->addTopLevelItem(new QTreeWidgetItem({migrationtext::stepTitle(s.step), ms(s.startedMs), ms(s.endedMs),
                                                      migrationtext::stepStatus(s.outcome), detail}));
    }
    for (int c = 0; c < 4; ++c)
        m_steps->resizeColumnToContents(c);
}

Status MigrationRunsWindow::exportSelected(const QString &path) const
{
    const Store::MigrationRun *r = m_model->at(m_table->currentIndex().row());
    if (!r || !m_store)
        return makeError(ErrorCode::NotFound, path, QStringLiteral("no run selected"));
    auto full = m_store->migrationRun(r->id);
    if (!full)
        return full.error();
    return writeOutputFile(path, QJsonDocument(migration::runRecordToJson(*full)).toJson());
}

} // namespace ap::ui

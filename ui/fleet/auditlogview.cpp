#include "auditlogview.h"
#include "../common/prompts.h"

#include "auditlogmodel.h"

#include <common/outputfile.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ap::ui {

AuditLogView::AuditLogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new AuditLogModel(this))
    , m_filter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("auditLogView"));
    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setPlaceholderText(tr("Search host, user, action, values, path…"));
    m_search->setClearButtonEnabled(true);
    m_export = new QPushButton(tr("Export CSV…"));
    m_export->setObjectName(QStringLiteral("auditExport"));
    bar->addWidget(m_search, 1);
    bar->addWidget(m_export);
    layout->addLayout(bar);
    auto *split = new QSplitter(Qt::Horizontal);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("auditLog"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    // Columns fit their values (a 64-digit mask stays whole; the table scrolls sideways).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_detail = new QPlainTextEdit;
    m_detail->setObjectName(QStringLiteral("auditDetail"));
    m_detail->setReadOnly(true);
    m_detail->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_detail->setPlaceholderText(tr("Select a write to see it in full."));
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    connect(m_search, &QLineEdit::textChanged, this, &AuditLogView::setFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditLogView::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogView::showDetail);
    connect(m_export, &QPushButton::clicked, this, [this] {
        prompt::saveFile(this, tr("Export audit log"), QStringLiteral("audit-log.csv"), tr("CSV files (*.csv)"), [this](const QString &path) {
            if (Status s = exportCsv(path); !s)
                prompt::warn(this, tr("Export audit log"), tr("The audit log could not be saved: %1").arg(s.error().toString()));
        });
    });
}

void AuditLogView::setFilter(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text);
    m_filter->setFilterFixedString(text);
}

int AuditLogView::visibleRows() const { return m_filter->rowCount(); }

QString AuditLogView::detailText() const { return m_detail->toPlainText(); }

void AuditLogView::showDetail()
{
    const QModelIndex at = m_filter->mapToSource(m_table->currentIndex());
    m_detail->setPlainText(at.isValid() ? AuditLogModel::entryText(m_model->entries().at(at.row())) : QString());
}

Status AuditLogView::exportCsv(const QString &path) const
{
    return writeOutputFile(path, m_model->toCsv());
}

} // namespace ap::ui

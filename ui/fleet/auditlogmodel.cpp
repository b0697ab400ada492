#include "auditlogmodel.h"

#include <QLocale>

namespace ap::ui {

AuditLogModel::AuditLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditLogModel::setEntries(QList<JournalEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEntry &e = m_entries.at(index.row());
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Time: return QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat);
    case Action: return e.action;
    case Outcome: return e.err == 0 ? tr("ok") : tr("failed (errno %1)").arg(e.err);
    case Before: return e.before;
    case After: return e.after;
    case Path: return e.path;
    case ColumnCount: break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time: return tr("Time");
    case Action: return tr("Action");
    case Outcome: return tr("Result");
    case Before: return tr("Before");
    case After: return tr("After");
    case Path: return tr("Path");
    case ColumnCount: break;
    }
    return {};
}

} // namespace ap::ui

#include "auditlogmodel.h"

#include <common/csv.h>

#include <QLocale>

namespace ap::ui {

namespace {
QString outcomeText(const JournalEntry &e)
{
    const QString r = e.err == 0 ? AuditLogModel::tr("ok") : AuditLogModel::tr("failed (errno %1)").arg(e.err);
    return e.rollback ? AuditLogModel::tr("%1, undoing an earlier write").arg(r) : r;
}

} // namespace

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

QString AuditLogModel::entryText(const JournalEntry &e)
{
    QString s;
    s += tr("Time: %1").arg(QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat)) + QLatin1Char('\n');
    s += tr("Host: %1").arg(e.host) + QLatin1Char('\n');
    s += tr("User: %1").arg(e.user.isEmpty() ? tr("not recorded") : e.user) + QLatin1Char('\n');
    s += tr("Action: %1").arg(e.action) + QLatin1Char('\n');
    s += tr("Result: %1").arg(outcomeText(e)) + QLatin1Char('\n');
    s += tr("Path: %1").arg(e.path) + QLatin1Char('\n');
    s += tr("Written: %1").arg(QString::fromLatin1(e.value).trimmed()) + QLatin1Char('\n');
    s += tr("Before: %1").arg(e.before) + QLatin1Char('\n');
    s += tr("After: %1").arg(e.after);
    if (!e.kernelLog.isEmpty())
        s += QLatin1Char('\n') + tr("Kernel:") + QLatin1Char('\n') + e.kernelLog.join(QLatin1Char('\n'));
    return s;
}

QByteArray AuditLogModel::toCsv() const
{
    QStringList rows{QStringLiteral("time,host,user,action,errno,rollback,path,value,before,after,kernel_log")};
    for (const JournalEntry &e : m_entries) {
        rows.append(QStringList{e.time.toUTC().toString(Qt::ISODateWithMs), csvField(e.host), csvField(e.user), csvField(e.action),
                                QString::number(e.err), e.rollback ? QStringLiteral("1") : QStringLiteral("0"), csvField(e.path),
                                csvField(QString::fromLatin1(e.value).trimmed()), csvField(e.before), csvField(e.after),
                                csvField(e.kernelLog.join(QLatin1Char('\n')))}
                        .join(QLatin1Char(',')));
    }
    return (rows.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEntry &e = m_entries.at(index.row());
    if (role == Qt::ToolTipRole)
        return entryText(e);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Time: return QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat);
    case Host: return e.host;
    case User: return e.user;
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
    case Host: return tr("Host");
    case User: return tr("User");
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

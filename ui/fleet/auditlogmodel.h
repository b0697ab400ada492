#pragma once

#include <plan/writeplan.h>

#include <QAbstractTableModel>
#include <QList>

namespace ap::ui {

/// The audit log of one host: the journal of the writes apconsole made there, newest first as the
/// store returns them. One row per write: time, host, user, action, result, value before and
/// after, path. Cells show values whole (no cut-off); the tooltip of a row has everything,
/// kernel lines included, and entryText() gives the same for the detail pane and the export.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Host, User, Action, Outcome, Before, After, Path, ColumnCount };

    explicit AuditLogModel(QObject *parent = nullptr);

    /// Replaces the rows (a reset: the journal is read again as a whole).
    void setEntries(QList<JournalEntry> entries);
    const QList<JournalEntry> &entries() const { return m_entries; }

    /// Everything of one entry as labelled lines (full before/after values and kernel lines).
    static QString entryText(const JournalEntry &e);
    /// All rows as CSV, one line per write, the header first (column titles in English, as
    /// other exports; values as stored).
    QByteArray toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<JournalEntry> m_entries;
};

} // namespace ap::ui

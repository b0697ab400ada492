#pragma once

#include <common/result.h>

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ap::ui {

class AuditLogModel;

/// The audit log tab: the writes as a table (host and user columns, values whole), a search
/// field that filters every column, the selected write in full below (before and after values,
/// kernel lines) and an export of the rows to CSV.
class AuditLogView : public QWidget {
    Q_OBJECT
public:
    explicit AuditLogView(QWidget *parent = nullptr);

    AuditLogModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// Shows only rows with `text` in any column (case-insensitive); empty shows all.
    void setFilter(const QString &text);
    int visibleRows() const;
    /// The full text of the selected write (empty when none is selected).
    QString detailText() const;
    /// Writes every row of the model as CSV (what the Export button does after asking for a file).
    Status exportCsv(const QString &path) const;

private:
    void showDetail();

    AuditLogModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    QPushButton *m_export;
};

} // namespace ap::ui

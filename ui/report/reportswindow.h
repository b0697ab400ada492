#pragma once

#include <store/store.h>

#include <QAbstractTableModel>
#include <QDialog>

class QChartView;
class QComboBox;
class QTableView;

namespace ap::ui {

class Fleet;

/// The stored pre-migration reports, newest first.
class ReportHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Guest, Route, Profile, Verdict, Ready, ColumnCount };
    explicit ReportHistoryModel(QObject *parent = nullptr);
    void setReports(QList<Store::ReportSummary> reports);
    const Store::ReportSummary *at(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Store::ReportSummary> m_reports;
};

/// The history of migration checks for a host or guest: a table of past reports that can be
/// re-opened, run again or compared with the current state, and a chart of verdicts over time.
class ReportsWindow : public QDialog {
    Q_OBJECT
public:
    ReportsWindow(Fleet *fleet, const QString &host, const QString &guest, QWidget *parent = nullptr);
    ReportHistoryModel *model() const { return m_model; }
    QChartView *chart() const { return m_chart; }
    void reload();

private:
    void openSelected();
    void rerunSelected(bool compare);
    void updateChart();

    Fleet *m_fleet;
    QComboBox *m_host;
    QComboBox *m_guest;
    QTableView *m_table;
    ReportHistoryModel *m_model;
    QChartView *m_chart;
};

} // namespace ap::ui

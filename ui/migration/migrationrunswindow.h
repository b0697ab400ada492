#pragma once

#include <store/store.h>

#include <QAbstractTableModel>
#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace ap::ui {

/// Stored migration runs, newest first.
class MigrationRunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Guest, Route, Strategy, Outcome, Decisions, ColumnCount };
    explicit MigrationRunsModel(QObject *parent = nullptr);
    void setRuns(QList<Store::MigrationRun> runs);
    const Store::MigrationRun *at(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Store::MigrationRun> m_runs;
};

/// "Migration runs…": every stored run with its steps (time and outcome of each), exportable
/// as JSON (the run, its steps and every event as `apconsole-cli migrate` printed them).
class MigrationRunsWindow : public QDialog {
    Q_OBJECT
public:
    MigrationRunsWindow(std::shared_ptr<Store> store, const QString &guest, QWidget *parent = nullptr);
    MigrationRunsModel *model() const { return m_model; }
    void reload();
    /// Exports the selected run (what the button does after asking for a file).
    Status exportSelected(const QString &path) const;
    void selectRow(int row);

private:
    void showSteps();

    std::shared_ptr<Store> m_store;
    QString m_guest;
    MigrationRunsModel *m_model;
    QTableView *m_table;
    QTreeWidget *m_steps;
    QLabel *m_status;
    QPushButton *m_export;
};

} // namespace ap::ui

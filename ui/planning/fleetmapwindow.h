#pragma once

#include "fleetmapmodel.h"

#include <common/result.h>

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace ap::ui {

class Fleet;

/// The fleet compatibility map window: every guest with a vfio-ap mdev against every host,
/// computed on a worker from the hosts' last snapshots and again whenever a host changes;
/// sortable, filterable, exportable (CSV, JSON, HTML), with "Evacuate host…".
class FleetMapWindow : public QDialog {
    Q_OBJECT
public:
    explicit FleetMapWindow(Fleet *fleet, QWidget *parent = nullptr);
    ~FleetMapWindow() override;

    FleetMapModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    /// Writes the map; the format follows the suffix (.csv, .json, .html).
    Status exportTo(const QString &path) const;
    /// The profile the map is computed for.
    migration::DriverProfile profile() const;

public slots:
    /// Computes the map again (after a short pause, so a burst of host changes costs one run).
    void scheduleRefresh();

signals:
    /// A new map is shown.
    void mapUpdated();

private:
    void compute();
    void exportDialog();
    void evacuate();

    Fleet *m_fleet;
    FleetMapModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QComboBox *m_profile;
    QLineEdit *m_filter;
    QLabel *m_status;
    QTimer *m_debounce;
    QFutureWatcher<fleet::FleetMap> m_watcher;
    bool m_again = false;
};

} // namespace ap::ui

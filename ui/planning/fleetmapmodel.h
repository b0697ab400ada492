#pragma once

#include <fleet/fleetmap.h>

#include <QAbstractTableModel>

namespace ap::ui {

/// The fleet compatibility map as a table: one row per guest with a vfio-ap mdev; columns host,
/// guest, mdev, then one per host of the fleet. A cell shows the verdict in words (and whether an
/// mdev is created there), its tooltip the APQNs and the first blocking reason; the guest's own
/// host shows a dash. SortRole orders cells live < replug < refused.
class FleetMapModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { HostColumn, GuestColumn, MdevColumn, FirstDestinationColumn };
    static constexpr int SortRole = Qt::UserRole + 1;
    /// The cell's Placement verdict as int (fleet::Verdict), invalid for the own host.
    static constexpr int VerdictRole = Qt::UserRole + 2;

    explicit FleetMapModel(QObject *parent = nullptr);

    /// Replaces the map (a reset: the hosts, and so the columns, may have changed).
    void setMap(fleet::FleetMap map);
    const fleet::FleetMap &map() const { return m_map; }
    /// The placement shown at `index`, nullptr for the fixed columns and the guest's own host.
    const fleet::Placement *placement(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The verdict in the operator's words ("live", "replug", "refused").
    static QString verdictText(fleet::Verdict v);
    /// A reason in the operator's words (from its id, with the engine's detail).
    static QString reasonText(const fleet::Reason &r);

private:
    fleet::FleetMap m_map;
};

} // namespace ap::ui

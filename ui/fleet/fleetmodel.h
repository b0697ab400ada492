#pragma once

#include "fleet.h"
#include "fleetnode.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace ap::ui {

/// The fleet tree: hosts, each with its adapters, mdevs and guests. Two columns: the name and
/// the state (connection state for hosts; type and mode, binding or run state below). A host's
/// refresh updates its rows in place, so expanded branches stay expanded.
class FleetModel : public QAbstractItemModel {
    Q_OBJECT
public:
    using Kind = NodeKind;
    enum Role {
        KindRole = Qt::UserRole + 1, ///< Kind as int
        HostUriRole,                 ///< the host's URI (every node)
        KeyRole,                     ///< adapter id, mdev UUID or guest name
    };

    explicit FleetModel(Fleet *fleet, QObject *parent = nullptr);
    ~FleetModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Adapters can be dragged; mdevs take drops (the driver model answers while hovering).
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction | Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

    HostSession *sessionAt(const QModelIndex &index) const;
    /// The node at `index` by value; invalid for an invalid index.
    FleetNode nodeAt(const QModelIndex &index) const;
    /// The index of a node, for restoring a selection; invalid if it does not exist.
    QModelIndex find(const FleetNode &node) const;

signals:
    void dropVerdict(const QString &message, bool accepted) const;

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column = 0) const;
    void addHost(HostSession *s);
    void removeHost(HostSession *s);
    void updateHost(HostSession *s);
    /// Host rows take the fleet's display names again (a host came, went or was renamed).
    void relabel();
    QString hostName(const HostSession *s) const;
    void syncGroup(Node *group, std::vector<std::unique_ptr<Node>> fresh);

    Fleet *m_fleet;
    std::unique_ptr<Node> m_root;
};

} // namespace ap::ui

#pragma once

#include <QString>
#include <QVariant>

#include <utility>

namespace ap::ui {

/// What a row of the fleet tree stands for.
enum class NodeKind { Host, AdapterGroup, MdevGroup, GuestGroup, Adapter, Mdev, Guest, StoppedMdev };

/// A node of the fleet tree named by value (the selection, a node to select once a host is
/// read): the host, the kind of node and its key. Invalid when it names no host.
struct FleetNode {
    FleetNode() = default;
    FleetNode(QString host, NodeKind nodeKind, QString nodeKey)
        : hostUri(std::move(host)), kind(nodeKind), key(std::move(nodeKey)) {}

    QString hostUri;
    NodeKind kind = NodeKind::Host;
    QString key; ///< adapter id, mdev UUID or guest name; the host's URI for a host; empty for a group

    bool isValid() const { return !hostUri.isEmpty(); }
    bool operator==(const FleetNode &) const = default;

    /// For QSettings: a map of host, kind (as a word, so that the enum may grow) and key.
    QVariantMap toSettings() const;
    /// The node saved by toSettings(); invalid for anything else (an older or damaged setting).
    static FleetNode fromSettings(const QVariant &value);
};

} // namespace ap::ui

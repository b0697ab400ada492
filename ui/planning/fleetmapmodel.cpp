#include "fleetmapmodel.h"

#include <QBrush>
#include <QColor>

namespace ap::ui {

using fleet::Verdict;

FleetMapModel::FleetMapModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FleetMapModel::setMap(fleet::FleetMap map)
{
    beginResetModel();
    m_map = std::move(map);
    endResetModel();
}

const fleet::Placement *FleetMapModel::placement(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_map.rows.size() || index.column() < FirstDestinationColumn)
        return nullptr;
    const auto &cells = m_map.rows.at(index.row()).cells;
    const int c = index.column() - FirstDestinationColumn;
    return c < cells.size() && cells.at(c) ? &*cells.at(c) : nullptr;
}

int FleetMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_map.rows.size());
}

int FleetMapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstDestinationColumn + int(m_map.hosts.size());
}

QString FleetMapModel::verdictText(Verdict v)
{
    switch (v) {
    case Verdict::Live: return tr("live");
    case Verdict::Replug: return tr("replug");
    case Verdict::Refused: return tr("refused");
    }
    return {};
}

QString FleetMapModel::reasonText(const fleet::Reason &r)
{
    QString why;
    if (r.id == QLatin1String("master_key_mismatch"))
        why = tr("different master keys");
    else if (r.id == QLatin1String("mdev-refused"))
        why = tr("the destination driver refuses the mdev (its APQNs are taken, reserved for the host or no mdev instance is left)");
    else if (r.id == QLatin1String("driver-refuses"))
        why = tr("the destination driver refuses the migration stream");
    else if (r.id == QLatin1String("queue-incompatible"))
        why = tr("the destination's adapters are of another type or mode");
    else if (r.id == QLatin1String("target_not_migratable") || r.id == QLatin1String("target-not-migratable"))
        why = tr("the destination's kernel cannot migrate vfio-ap devices");
    else if (r.id == QLatin1String("source-not-migratable") || r.id == QLatin1String("source_not_migratable"))
        why = tr("the source's kernel cannot migrate vfio-ap devices");
    else if (r.id == QLatin1String("guest-not-movable"))
        why = tr("the guest cannot move there");
    else if (r.id.startsWith(QLatin1String("target_queue")))
        why = tr("the destination's queues are not usable");
    else if (r.id == QLatin1String("target_mdev_in_use"))
        why = tr("the destination's mdev of that UUID is in use");
    else
        why = tr("not possible");
    return r.text.isEmpty() ? why : tr("%1 (%2)").arg(why, r.text);
}

QVariant FleetMapModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_map.rows.size())
        return {};
    const fleet::FleetRow &row = m_map.rows.at(index.row());
    switch (index.column()) {
    case HostColumn:
        return role == Qt::DisplayRole || role == SortRole ? QVariant(row.host) : QVariant();
    case GuestColumn:
        return role == Qt::DisplayRole || role == SortRole ? QVariant(row.guest.name) : QVariant();
    case MdevColumn:
        return role == Qt::DisplayRole || role == SortRole ? QVariant(row.guest.mdev) : QVariant();
    default:
        break;
    }
    const fleet::Placement *p = placement(index);
    if (!p) {
        if (role == Qt::DisplayRole)
            return QStringLiteral("—");
        if (role == Qt::ToolTipRole)
            return tr("The guest runs here.");
        if (role == SortRole)
            return 3;
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        if (p->accepted() && p->createMdev)
            return p->remapped ? tr("%1, new mdev on other adapters").arg(verdictText(p->verdict)) : tr("%1, new mdev").arg(verdictText(p->verdict));
        return verdictText(p->verdict);
    case Qt::ToolTipRole: {
        QStringList lines;
        if (p->accepted()) {
            QStringList apqns;
            for (const Apqn q : p->apqns())
                apqns.append(q.toString());
            lines.append(p->createMdev ? tr("Creates mdev %1 with APQNs %2").arg(p->mdev, apqns.join(QStringLiteral(", ")))
                                       : tr("Uses the existing mdev %1").arg(p->mdev));
        }
        if (p->blocker)
            lines.append(p->accepted() ? tr("Not live: %1").arg(reasonText(*p->blocker)) : tr("Refused: %1").arg(reasonText(*p->blocker)));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::BackgroundRole:
        switch (p->verdict) {
        case Verdict::Live: return QBrush(QColor(0xd8, 0xf0, 0xd8));
        case Verdict::Replug: return QBrush(QColor(0xff, 0xf3, 0xc4));
        case Verdict::Refused: return QBrush(QColor(0xf6, 0xd0, 0xd0));
        }
        return {};
    case Qt::ForegroundRole:
        return QBrush(Qt::black);
    case SortRole:
        return int(p->verdict);
    case VerdictRole:
        return int(p->verdict);
    default:
        return {};
    }
}

QVariant FleetMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HostColumn: return tr("Host");
    case GuestColumn: return tr("Guest");
    case MdevColumn: return tr("mdev");
    default:
        if (section - FirstDestinationColumn < m_map.hosts.size())
            return tr("→ %1").arg(m_map.hosts.at(section - FirstDestinationColumn));
        return {};
    }
}

} // namespace ap::ui

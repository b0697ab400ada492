#include "fleetmodel.h"
#include "../common/errortext.h"

#include "definitionactions.h"
#include "fleeticons.h"

#include "../matrix/dropverdict.h"
#include "../matrix/matrixmime.h"
#include "../migration/migrationtext.h"


namespace ap::ui {

struct FleetModel::Node {
    explicit Node(Kind k) : kind(k) {}
    Kind kind;
    Node *parent = nullptr;
    HostSession *session = nullptr;
    QString key;
    QString name;
    QString status;
    QString tooltip;
    QIcon icon; ///< adapters, mdevs and guests; hosts take theirs from the session's state
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
};

namespace {
QString hostStatus(const HostSession *s)
{
    switch (s->state()) {
    case HostSession::State::Connecting: return FleetModel::tr("connecting…");
    case HostSession::State::Connected:
        // A host read with issues (unreadable or inconsistent attributes) says so in the tree.
        if (s->snapshot() && !s->snapshot()->issues.isEmpty())
            return FleetModel::tr("connected, %n issue(s)", nullptr, int(s->snapshot()->issues.size()));
        return FleetModel::tr("connected");
    case HostSession::State::Failed:
        switch (s->error().code) {
        case ErrorCode::HostKeyUnknown: return FleetModel::tr("unknown host key");
        case ErrorCode::HostKeyChanged: return FleetModel::tr("host key changed: refused");
        case ErrorCode::AuthenticationFailed: return FleetModel::tr("authentication failed");
        case ErrorCode::Timeout: return FleetModel::tr("not answering");
        case ErrorCode::Unreachable: return FleetModel::tr("unreachable");
        case ErrorCode::Unsupported: return FleetModel::tr("not supported");
        default: return FleetModel::tr("unavailable");
        }
    }
    return {};
}
} // namespace

FleetModel::FleetModel(Fleet *fleet, QObject *parent)
    : QAbstractItemModel(parent)
    , m_fleet(fleet)
    , m_root(std::make_unique<Node>(Kind::Host))
{
    for (HostSession *s : fleet->sessions())
        addHost(s);
    connect(fleet, &Fleet::hostAdded, this, &FleetModel::addHost);
    connect(fleet, &Fleet::hostAboutToBeRemoved, this, &FleetModel::removeHost);
    connect(fleet, &Fleet::hostChanged, this, &FleetModel::updateHost);
    connect(fleet, &Fleet::namesChanged, this, &FleetModel::relabel);
}

void FleetModel::relabel()
{
    for (const auto &h : m_root->children) {
        const QString name = hostName(h->session);
        if (name == h->name)
            continue;
        h->name = name;
        emit dataChanged(indexOf(h.get()), indexOf(h.get()));
    }
}

QString FleetModel::hostName(const HostSession *s) const
{
    const QString name = m_fleet->displayName(s);
    return s->uri().libvirt.isEmpty() || !m_fleet->customName(s).isEmpty() ? name : tr("%1 + libvirt").arg(name);
}

FleetModel::~FleetModel() = default;

FleetModel::Node *FleetModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex FleetModel::indexOf(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, node);
}

QModelIndex FleetModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= 2 || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    Node *p = nodeOf(parent);
    if (size_t(row) >= p->children.size())
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex FleetModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int FleetModel::columnCount(const QModelIndex &) const { return 2; }

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == 0 ? n->name : n->status;
    case Qt::ToolTipRole:
        return n->tooltip.isEmpty() ? QVariant() : QVariant(n->tooltip);
    case Qt::AccessibleTextRole:
        return n->status.isEmpty() ? n->name : n->name + QStringLiteral(", ") + n->status;
    case Qt::DecorationRole: {
        if (index.column() != 0)
            return {};
        switch (n->kind) {
        case Kind::Host: return hostIcon(n->session->state());
        case Kind::AdapterGroup:
        case Kind::MdevGroup:
        case Kind::GuestGroup: return groupIcon();
        case Kind::Adapter:
        case Kind::Mdev:
        case Kind::StoppedMdev:
        case Kind::Guest: return n->icon;
        }
        return {};
    }
    case KindRole: return int(n->kind);
    case HostUriRole: return n->session ? n->session->uri().text : QString();
    case KeyRole: return n->key;
    default: return {};
    }
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Fleet") : tr("State");
}

Qt::ItemFlags FleetModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const Node *n = nodeOf(index);
    if (n->kind == Kind::Adapter)
        f |= Qt::ItemIsDragEnabled;
    if (n->kind == Kind::Mdev)
        f |= Qt::ItemIsDropEnabled;
    return f;
}

HostSession *FleetModel::sessionAt(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->session : nullptr;
}

QStringList FleetModel::mimeTypes() const { return {matrixMimeType()}; }

QMimeData *FleetModel::mimeData(const QModelIndexList &indexes) const
{
    MatrixDrag drag;
    for (const QModelIndex &i : indexes) {
        const Node *n = nodeOf(i);
        if (i.column() != 0 || n->kind != Kind::Adapter)
            continue;
        if (!drag.host.isEmpty() && drag.host != n->session->uri().text)
            return nullptr; // one host per drag
        drag.host = n->session->uri().text;
        drag.items.append({MatrixItem::Kind::Adapter, n->key.toInt(), {}});
    }
    return drag.items.isEmpty() ? nullptr : encodeMatrixDrag(drag);
}

bool FleetModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &parent) const
{
    const auto drag = decodeMatrixDrag(data);
    if (!drag)
        return false;
    if (!parent.isValid() || nodeOf(parent)->kind != Kind::Mdev) {
        // Said, so that the status bar does not keep promising the last mdev's drop.
        emit dropVerdict(tr("Drop onto an mdev to assign to it."), false);
        return false;
    }
    const DropVerdict v = evaluateDrop(nodeOf(parent)->session, nodeOf(parent)->key, *drag, false, action == Qt::MoveAction);
    emit dropVerdict(v.message, v.accepted);
    return v.accepted;
}

bool FleetModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &parent)
{
    const auto drag = decodeMatrixDrag(data);
    if (!drag || !parent.isValid() || nodeOf(parent)->kind != Kind::Mdev)
        return false;
    Node *n = nodeOf(parent);
    const DropVerdict v = evaluateDrop(n->session, n->key, *drag, false, action == Qt::MoveAction);
    emit dropVerdict(v.message, v.accepted);
    if (v.accepted)
        performDrop(n->session, n->key, v);
    return false;
}

FleetNode FleetModel::nodeAt(const QModelIndex &index) const
{
    const Node *n = index.isValid() ? nodeOf(index) : nullptr;
    if (!n || !n->session)
        return {};
    return {n->session->uri().text, n->kind, n->key};
}

QModelIndex FleetModel::find(const FleetNode &node) const
{
    for (const auto &host : m_root->children) {
        if (host->session->uri().text != node.hostUri)
            continue;
        if (node.kind == Kind::Host)
            return indexOf(host.get());
        for (const auto &group : host->children) {
            if (group->kind == node.kind)
                return indexOf(group.get());
            for (const auto &item : group->children)
                if (item->kind == node.kind && item->key == node.key)
                    return indexOf(item.get());
        }
    }
    return {};
}

void FleetModel::addHost(HostSession *s)
{
    const int row = int(m_root->children.size());
    beginInsertRows({}, row, row);
    auto host = std::make_unique<Node>(Kind::Host);
    host->parent = m_root.get();
    host->session = s;
    host->key = s->uri().text;
    // The name tells hosts apart (the operator's, or a short distinct form of the address); the
    // tooltip has the full address(es).
    host->name = hostName(s);
    host->status = hostStatus(s);
    for (Kind g : {Kind::AdapterGroup, Kind::MdevGroup, Kind::GuestGroup}) {
        auto group = std::make_unique<Node>(g);
        group->parent = host.get();
        group->session = s;
        group->name = g == Kind::AdapterGroup ? tr("Adapters") : g == Kind::MdevGroup ? tr("Mediated devices") : tr("Guests");
        host->children.push_back(std::move(group));
    }
    m_root->children.push_back(std::move(host));
    endInsertRows();
    updateHost(s);
}

void FleetModel::removeHost(HostSession *s)
{
    for (size_t i = 0; i < m_root->children.size(); ++i) {
        if (m_root->children[i]->session != s)
            continue;
        beginRemoveRows({}, int(i), int(i));
        m_root->children.erase(m_root->children.begin() + qsizetype(i));
        endRemoveRows();
        return;
    }
}

void FleetModel::syncGroup(Node *group, std::vector<std::unique_ptr<Node>> fresh)
{
    const QModelIndex gi = indexOf(group);
    bool sameKeys = fresh.size() == group->children.size();
    for (size_t i = 0; sameKeys && i < fresh.size(); ++i)
        sameKeys = fresh[i]->key == group->children[i]->key && fresh[i]->kind == group->children[i]->kind;
    if (sameKeys) {
        for (size_t i = 0; i < fresh.size(); ++i) {
            Node *old = group->children[i].get();
            old->name = fresh[i]->name;
            old->status = fresh[i]->status;
            old->tooltip = fresh[i]->tooltip;
            old->icon = fresh[i]->icon;
        }
        if (!fresh.empty())
            emit dataChanged(index(0, 0, gi), index(int(fresh.size()) - 1, 1, gi));
    } else {
        if (!group->children.empty()) {
            beginRemoveRows(gi, 0, int(group->children.size()) - 1);
            group->children.clear();
            endRemoveRows();
        }
        if (!fresh.empty()) {
            beginInsertRows(gi, 0, int(fresh.size()) - 1);
            for (auto &n : fresh)
                n->parent = group;
            group->children = std::move(fresh);
            endInsertRows();
        }
    }
    group->status = QString::number(group->children.size());
    emit dataChanged(gi, indexOf(group, 1));
}

void FleetModel::updateHost(HostSession *s)
{
    Node *host = nullptr;
    for (const auto &h : m_root->children)
        if (h->session == s)
            host = h.get();
    if (!host)
        return;
    host->status = hostStatus(s);
    host->tooltip = s->state() == HostSession::State::Failed ? ErrorText::describe(s->error()) : QString();
    if (const auto snap = s->snapshot(); snap && !snap->description.isEmpty())
        host->tooltip = snap->description + (host->tooltip.isEmpty() ? QString() : QLatin1Char('\n') + host->tooltip);
    if (!s->uri().libvirt.isEmpty())
        host->tooltip = s->uri().text.section(QLatin1Char(','), 0, 0) + QLatin1Char('\n') + s->uri().libvirt
            + (host->tooltip.isEmpty() ? QString() : QLatin1Char('\n') + host->tooltip);
    else
        host->tooltip = s->uri().text + (host->tooltip.isEmpty() ? QString() : QLatin1Char('\n') + host->tooltip);
    emit dataChanged(indexOf(host), indexOf(host, 1));
    const auto snap = s->snapshot();
    if (!snap)
        return;

    auto make = [s](Kind kind, QIcon icon, QString key, QString name, QString status, QString tip = {}) {
        auto n = std::make_unique<Node>(kind);
        n->icon = std::move(icon);
        n->session = s;
        n->key = std::move(key);
        n->name = std::move(name);
        n->status = std::move(status);
        n->tooltip = std::move(tip);
        return n;
    };
    std::vector<std::unique_ptr<Node>> adapters, mdevs, guests;
    for (const Card &c : snap->cards) {
        QString status = c.typeName().isEmpty() ? tr("unknown type") : c.typeName();
        if (!c.config)
            status += tr(", deconfigured");
        if (c.chkstop)
            status += tr(", checkstopped");
        adapters.push_back(make(Kind::Adapter, adapterIcon(c.mode()), QString::number(c.id), tr("Adapter 0x%1").arg(c.id, 2, 16, QLatin1Char('0')), status));
    }
    // What libvirt knows of an mdev's lifetime (nothing on hosts without a libvirt address).
    // What libvirt knows of an mdev's lifetime (nothing on hosts without a libvirt address).
    const auto lifetime = [](const Mdev &m) -> QString {
        switch (m.lifetime()) {
        case Mdev::Lifetime::Unknown: return {};
        case Mdev::Lifetime::Transient: return tr(", transient");
        case Mdev::Lifetime::Persistent: return tr(", persistent");
        case Mdev::Lifetime::PersistentAutostart: return tr(", persistent, starts at boot");
        }
        return {};
    };
    for (const Mdev &m : snap->mdevs) {
        const Guest *g = snap->guestOfMdev(m.uuid);
        const auto drift = definitions::driftOf(*snap, m.uuid);
        const bool drifted = drift && !drift->isEmpty();
        mdevs.push_back(make(Kind::Mdev, mdevIcon(true), m.uuid, m.uuid.left(8) + QStringLiteral("\u2026"),
                             (g ? tr("%1 (%2)").arg(g->name, migrationtext::guestState(guestStateName(g->state))) : tr("no guest")) + lifetime(m)
                                 + (drifted ? tr(", differs from its definition") : QString()),
                             m.uuid + QLatin1Char('\n') + tr("%n APQN(s) assigned, ", nullptr, int(m.matrix().size()))
                                 + tr("%n in the guest matrix", nullptr, int(m.guestMatrix().size()))
                                 + (drifted ? QLatin1Char('\n') + tr("Running differs from definition: %1").arg(DefinitionActions::driftText(*drift)) : QString())));
    }
    for (const Mdev &m : snap->inactiveMdevs)
        mdevs.push_back(make(Kind::StoppedMdev, mdevIcon(false), m.uuid, m.uuid.left(8) + QStringLiteral("\u2026"),
                             tr("defined, not started") + (m.autostart.value_or(false) ? tr(", starts at boot") : QString()),
                             m.uuid + QLatin1Char('\n') + tr("Persistent mdev with %n APQN(s); not in sysfs until it is started.", nullptr,
                                                              int(m.matrix().size()))));
    for (const Guest &g : snap->guests)
        guests.push_back(make(Kind::Guest, guestIcon(), g.name, g.name, migrationtext::guestState(guestStateName(g.state)), g.mdev.isEmpty() ? tr("no vfio-ap device") : tr("vfio-ap mdev %1").arg(g.mdev)));
    syncGroup(host->children[0].get(), std::move(adapters));
    syncGroup(host->children[1].get(), std::move(mdevs));
    syncGroup(host->children[2].get(), std::move(guests));
}

} // namespace ap::ui

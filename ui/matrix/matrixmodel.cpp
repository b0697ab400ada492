#include "matrixmodel.h"

#include "dropverdict.h"
#include "../fleet/hostsession.h"
#include "matrixmime.h"

#include <QSet>

namespace ap::ui {

namespace {
QString hex2(int v) { return QStringLiteral("0x%1").arg(v, 2, 16, QLatin1Char('0')); }
QString hex4(int v) { return QStringLiteral("0x%1").arg(v, 4, 16, QLatin1Char('0')); }
} // namespace

MatrixModel::MatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MatrixModel::setSource(std::shared_ptr<const HostSnapshot> host, const QString &mdevUuid)
{
    IdMask adapters, domains;
    if (host) {
        for (const Card &c : host->cards)
            adapters.set(c.id);
        domains = host->bus.configuredDomains;
        for (const Mdev &m : host->mdevs) {
            if (!mdevUuid.isEmpty() && m.uuid != mdevUuid)
                continue;
            adapters = adapters | m.adapters;
            domains = domains | m.domains | m.controlDomains;
        }
    }
    const QList<int> a = adapters.ids();
    const QList<int> d = domains.ids();
    const bool sameShape = a == m_adapters && d == m_domains;
    if (!sameShape)
        beginResetModel();
    m_host = std::move(host);
    m_mdev = mdevUuid;
    m_adapters = a;
    m_domains = d;
    m_resolver = m_host ? std::make_unique<driver::ApqnStateResolver>(*m_host, m_mdev) : nullptr;
    m_mdevIndex.clear();
    m_anyAdapters = {};
    m_anyDomains = {};
    if (m_host) {
        for (qsizetype i = 0; i < m_host->mdevs.size(); ++i) {
            const Mdev &m = m_host->mdevs[i];
            m_mdevIndex.insert(m.uuid, int(i));
            m_anyAdapters = m_anyAdapters | m.adapters;
            m_anyDomains = m_anyDomains | m.domains | m.controlDomains;
        }
    }
    if (!sameShape) {
        endResetModel();
    } else if (rowCount() > 0 && columnCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
    }
}

HostSession *MatrixModel::session() const
{
    return m_session.data();
}

void MatrixModel::setSession(HostSession *session, const QString &mdevUuid)
{
    if (m_session != session) {
        disconnect(m_sessionConnection);
        disconnect(m_sessionGone);
        m_session = session;
        if (session) {
            m_sessionConnection = connect(session, &HostSession::previewChanged, this, &MatrixModel::showPreview);
            m_sessionGone = connect(session, &QObject::destroyed, this, [this] { setSource(nullptr, {}); });
        }
    }
    m_mdev = mdevUuid;
    showPreview();
}

void MatrixModel::showPreview()
{
    setSource(m_session ? m_session->preview() : nullptr, m_mdev);
}

std::optional<Apqn> MatrixModel::apqnAt(const QModelIndex &index) const
{
    const int a = adapterAt(index.row());
    const int d = domainAt(index.column());
    if (a < 0 || d < 0)
        return std::nullopt;
    return Apqn{quint8(a), quint8(d)};
}

int MatrixModel::rowOfAdapter(int adapter) const
{
    const qsizetype i = m_adapters.indexOf(adapter);
    return i < 0 ? -1 : int(i) + 1;
}

int MatrixModel::columnOfDomain(int domain) const
{
    return int(m_domains.indexOf(domain));
}

bool MatrixModel::rowInScope(int row, Scope scope) const
{
    if (isControlRow(row))
        return true;
    const int a = adapterAt(row);
    if (a < 0)
        return false;
    const Mdev *m = scope == Scope::ThisMdev && m_host ? m_host->mdev(m_mdev) : nullptr;
    switch (scope) {
    case Scope::All: return true;
    case Scope::ThisMdev:
        if (m)
            return m->adapters.test(a);
        [[fallthrough]];
    case Scope::Assigned: return m_anyAdapters.test(a);
    }
    return true;
}

bool MatrixModel::columnInScope(int column, Scope scope) const
{
    const int d = domainAt(column);
    if (d < 0)
        return false;
    const Mdev *m = scope == Scope::ThisMdev && m_host ? m_host->mdev(m_mdev) : nullptr;
    switch (scope) {
    case Scope::All: return true;
    case Scope::ThisMdev:
        if (m)
            return m->domains.test(d) || m->controlDomains.test(d);
        [[fallthrough]];
    case Scope::Assigned: return m_anyDomains.test(d);
    }
    return true;
}

MatrixModel::CellSummary MatrixModel::summary(int row, int column) const
{
    CellSummary c;
    if (!m_host)
        return c;
    if (isControlRow(row)) {
        const QModelIndex i = index(row, column);
        c.control = data(i, ControlDomainRole).toBool();
        return c;
    }
    const auto apqn = apqnAt(index(row, column));
    if (!apqn)
        return c;
    const driver::ApqnState s = m_resolver->state(*apqn);
    c.ownership = int(s.ownership);
    c.owner = s.ownership == driver::ApqnState::Ownership::OtherMdev ? mdevIndex(s.otherMdev)
        : s.ownership == driver::ApqnState::Ownership::InGuest || s.ownership == driver::ApqnState::Ownership::AssignedFiltered
                || s.ownership == driver::ApqnState::Ownership::Assigned
        ? mdevIndex(m_mdev)
        : -1;
    c.problem = !s.queueExists || s.checkstopped || !s.configured;
    return c;
}

QString MatrixModel::typeModeLabel(const Card *c)
{
    if (!c)
        return QStringLiteral("?");
    const CryptoMode mode = c->mode();
    const QString type = cexShortName(c->hwtype, mode);
    switch (mode) {
    case CryptoMode::Cca: return type + QStringLiteral("\u00B7CCA");
    case CryptoMode::Ep11: return type + QStringLiteral("\u00B7EP11");
    case CryptoMode::Accelerator:
    case CryptoMode::None: break;
    }
    return type;
}

int MatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_host ? 0 : int(m_adapters.size()) + 1;
}

int MatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_host ? 0 : int(m_domains.size());
}

Qt::ItemFlags MatrixModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        // The empty area around the cells takes a drop like a cell does (the verdict says so).
        return m_session && !m_mdev.isEmpty() ? Qt::ItemIsDropEnabled : Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_session) {
        f |= Qt::ItemIsDragEnabled;
        if (!m_mdev.isEmpty())
            f |= Qt::ItemIsDropEnabled;
    }
    return f;
}

QList<MatrixItem> MatrixModel::itemsFor(const QModelIndexList &indexes) const
{
    QHash<int, int> perRow, perColumn;
    for (const QModelIndex &i : indexes) {
        perRow[i.row()] += 1;
        perColumn[i.column()] += 1;
    }
    QList<MatrixItem> items;
    QSet<int> wholeRows, wholeColumns;
    for (auto it = perRow.cbegin(); it != perRow.cend(); ++it)
        if (it.value() == columnCount() && !isControlRow(it.key()))
            wholeRows.insert(it.key());
    for (auto it = perColumn.cbegin(); it != perColumn.cend(); ++it)
        if (it.value() >= rowCount() - 1 && rowCount() > 1 && wholeRows.size() < rowCount() - 1)
            wholeColumns.insert(it.key());
    QList<int> rows = wholeRows.values(), cols = wholeColumns.values();
    std::sort(rows.begin(), rows.end());
    std::sort(cols.begin(), cols.end());
    for (int r : rows)
        items.append({MatrixItem::Kind::Adapter, adapterAt(r), {}});
    for (int c : cols)
        items.append({MatrixItem::Kind::Domain, domainAt(c), {}});
    QModelIndexList sorted = indexes;
    std::sort(sorted.begin(), sorted.end(), [](const QModelIndex &a, const QModelIndex &b) {
        return a.row() != b.row() ? a.row() < b.row() : a.column() < b.column();
    });
    for (const QModelIndex &i : sorted) {
        if (wholeRows.contains(i.row()) || wholeColumns.contains(i.column()))
            continue;
        if (isControlRow(i.row()))
            items.append({MatrixItem::Kind::ControlDomain, domainAt(i.column()), {}});
        else if (const auto a = apqnAt(i))
            items.append({MatrixItem::Kind::Apqn, 0, *a});
    }
    return items;
}

QStringList MatrixModel::mimeTypes() const { return {matrixMimeType()}; }

QMimeData *MatrixModel::mimeData(const QModelIndexList &indexes) const
{
    if (!m_session || indexes.isEmpty())
        return nullptr;
    return encodeMatrixDrag({m_session->uri().text, m_mdev, itemsFor(indexes)});
}

bool MatrixModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const
{
    const auto drag = decodeMatrixDrag(data);
    if (!drag || !m_session)
        return false;
    if (m_mdev.isEmpty()) {
        emit dropVerdict(tr("This view shows every mdev: select one mdev to drop onto it."), false);
        return false;
    }
    const int targetRow = parent.isValid() ? parent.row() : row;
    Q_UNUSED(column)
    const DropVerdict v = evaluateDrop(m_session, m_mdev, *drag, targetRow == 0, action == Qt::MoveAction);
    emit dropVerdict(v.message, v.accepted);
    return v.accepted;
}

bool MatrixModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    const auto drag = decodeMatrixDrag(data);
    if (!drag || !m_session || m_mdev.isEmpty())
        return false;
    Q_UNUSED(column)
    const int targetRow = parent.isValid() ? parent.row() : row;
    const DropVerdict v = evaluateDrop(m_session, m_mdev, *drag, targetRow == 0, action == Qt::MoveAction);
    emit dropVerdict(v.message, v.accepted);
    if (!v.accepted)
        return false;
    performDrop(m_session, m_mdev, v);
    // Never let the view remove the dragged cells: leaving an mdev is part of the command.
    return false;
}

QString MatrixModel::describe(const QModelIndex &index) const
{
    if (!m_host || !index.isValid())
        return {};
    const int d = domainAt(index.column());
    if (isControlRow(index.row())) {
        const Mdev *m = m_host->mdev(m_mdev);
        if (!m)
            return tr("Domain %1: control domain of %n mdev(s)", nullptr,
                      int(std::count_if(m_host->mdevs.cbegin(), m_host->mdevs.cend(), [d](const Mdev &x) { return x.controlDomains.test(d); })))
                .arg(hex4(d));
        const QString pending = m_session && m_session->edits().isPendingControlDomain(m_mdev, d) ? tr(", pending until Apply") : QString();
        return (m->controlDomains.test(d) ? tr("Domain %1: control domain of this mdev").arg(hex4(d))
                                          : tr("Domain %1: not a control domain of this mdev").arg(hex4(d))) + pending;
    }
    const auto apqn = apqnAt(index);
    if (!apqn)
        return {};
    const driver::ApqnState s = m_resolver->state(*apqn);
    const Card *card = m_host->card(apqn->adapter);
    QString text = tr("Adapter %1, domain %2").arg(hex2(apqn->adapter), hex4(apqn->domain));
    text += QStringLiteral(": ") + (card && !card->typeName().isEmpty() ? card->typeName() : tr("unknown type"));
    switch (s.ownership) {
    case driver::ApqnState::Ownership::InGuest:
        text += tr(", assigned to mdev %1, in the guest matrix").arg(m_mdev);
        break;
    case driver::ApqnState::Ownership::AssignedFiltered:
        text += tr(", assigned to mdev %1, not in the guest matrix: %2").arg(m_mdev, s.reason);
        break;
    case driver::ApqnState::Ownership::Assigned:
        text += tr(", assigned to mdev %1; whether the guest gets it is unknown (this view does not show the guest matrix)").arg(m_mdev);
        break;
    case driver::ApqnState::Ownership::OtherMdev:
        text += tr(", assigned to mdev %1").arg(s.otherMdev);
        break;
    case driver::ApqnState::Ownership::Unknown:
        text += tr(", unknown: this view shows neither the mdev's matrix nor the host's masks");
        break;
    case driver::ApqnState::Ownership::ReservedForHost:
        text += tr(", reserved for the host");
        break;
    case driver::ApqnState::Ownership::Free:
        text += tr(", free");
        break;
    }
    if (m_session && !m_mdev.isEmpty() && m_session->edits().isPendingCell(m_mdev, *apqn))
        text += tr(", pending until Apply");
    if (!s.queueExists)
        text += tr(", no queue device (not in the host configuration)");
    else {
        if (!s.configured)
            text += tr(", deconfigured");
        if (s.checkstopped)
            text += tr(", checkstopped");
        text += s.driver.isEmpty() ? tr(", unbound") : tr(", driver %1").arg(s.driver);
    }
    return text;
}

QVariant MatrixModel::data(const QModelIndex &index, int role) const
{
    if (!m_host || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const int d = domainAt(index.column());
    if (isControlRow(index.row())) {
        const Mdev *m = m_host->mdev(m_mdev);
        bool isControl = false;
        if (m)
            isControl = m->controlDomains.test(d);
        else
            for (const Mdev &x : m_host->mdevs)
                isControl = isControl || x.controlDomains.test(d);
        switch (role) {
        case Qt::DisplayRole: return isControl ? QStringLiteral("CD") : QString();
        case ControlDomainRole: return isControl;
        case PendingRole: return m_session && !m_mdev.isEmpty() && m_session->edits().isPendingControlDomain(m_mdev, d);
        case Qt::AccessibleTextRole:
        case Qt::ToolTipRole: return describe(index);
        default: return {};
        }
    }
    const auto apqn = apqnAt(index);
    if (!apqn)
        return {};
    switch (role) {
    case ShortTypeRole: {
        const Card *c = m_host->card(apqn->adapter);
        return c ? cexShortName(c->hwtype, c->mode()) : QStringLiteral("?");
    }
    case Qt::DisplayRole:
    case TypeModeRole: return typeModeLabel(m_host->card(apqn->adapter));
    case OwnershipRole: return int(m_resolver->state(*apqn).ownership);
    case OwnerRole: return summary(index.row(), index.column()).owner;
    case ProblemRole: {
        const driver::ApqnState s = m_resolver->state(*apqn);
        if (!s.queueExists) return tr("no queue");
        if (s.checkstopped) return tr("checkstopped");
        if (!s.configured) return tr("deconfigured");
        return QString();
    }
    case ApqnRole: return apqn->value();
    case PendingRole: return m_session && !m_mdev.isEmpty() && m_session->edits().isPendingCell(m_mdev, *apqn);
    case Qt::AccessibleTextRole:
    case Qt::ToolTipRole: return describe(index);
    default: return {};
    }
}

QVariant MatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_host)
        return {};
    if (orientation == Qt::Horizontal) {
        const int d = domainAt(section);
        if (d < 0)
            return {};
        if (role == Qt::DisplayRole)
            return QString::number(d, 16).rightJustified(2, QLatin1Char('0'));
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return tr("Domain %1").arg(hex4(d));
        return {};
    }
    if (section == 0) {
        if (role == Qt::DisplayRole)
            return tr("Control");
        if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
            return tr("Control domains");
        return {};
    }
    const int a = adapterAt(section);
    if (a < 0)
        return {};
    const Card *c = m_host->card(a);
    if (role == Qt::DisplayRole)
        return c ? QStringLiteral("%1 %2").arg(hex2(a), c->typeName()) : hex2(a);
    if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
        return c ? tr("Adapter %1: %2").arg(hex2(a), c->typeName()) : tr("Adapter %1: not in the host configuration").arg(hex2(a));
    return {};
}

} // namespace ap::ui

#pragma once

#include <driver/apqnstate.h>
#include <editing/matrixedits.h>
#include <model/hostsnapshot.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <memory>
#include <optional>

namespace ap::ui {

class HostSession;

/// The adapter x domain matrix of one mdev (or, with no mdev, the whole host's ownership).
/// Row 0 is the control-domain row; rows 1.. are adapters, columns are usage domains. Cells are
/// computed on demand from the snapshot, so a 256 x 256 host costs nothing until painted, and a
/// refresh with the same rows and columns is one dataChanged, not a reset.
/// Bound to a host session, it shows the preview (pending changes marked), is a drag source (cells,
/// whole rows = adapters, whole columns = domains) and, for an mdev, a drop target whose answer
/// comes from the driver model while the drag hovers.
class MatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        OwnershipRole = Qt::UserRole + 1, ///< driver::ApqnState::Ownership as int (adapter rows)
        ShortTypeRole,                    ///< "8C"
        TypeModeRole,                     ///< "8C·CCA", "8P·EP11", "8A": type and mode
        OwnerRole,                        ///< int: index of the owning mdev in the host's list, -1 if none
        ControlDomainRole,                ///< bool, control-domain row: assigned to the mdev
        ProblemRole,                      ///< QString: "checkstopped", "deconfigured", "no queue" or empty
        ApqnRole,                         ///< quint16 APQN value (adapter rows)
        PendingRole,                      ///< bool: differs from the host until Apply
    };

    /// Which adapters (rows) and domains (columns) a filtered view keeps; the control row stays.
    enum class Scope {
        All,      ///< every adapter and domain of the host
        Assigned, ///< those assigned to any mdev
        ThisMdev, ///< those of the shown mdev (the host-wide view: as Assigned)
    };

    /// One cell for the overview: everything needed to colour it, computed in one go.
    struct CellSummary {
        int ownership = -1; ///< driver::ApqnState::Ownership as int; -1 for the control row
        int owner = -1;     ///< index of the owning mdev, -1 if none
        bool problem = false;
        bool control = false; ///< control row: a control domain
    };

    explicit MatrixModel(QObject *parent = nullptr);

    /// Shows `mdevUuid` of `host` (empty uuid: the host-wide view), read-only.
    void setSource(std::shared_ptr<const HostSnapshot> host, const QString &mdevUuid);
    /// Shows `mdevUuid` of the session's preview and follows its edits; a session that goes away
    /// (its host removed) empties the model.
    void setSession(HostSession *session, const QString &mdevUuid);
    HostSession *session() const;
    const HostSnapshot *host() const { return m_host.get(); }
    QString mdevUuid() const { return m_mdev; }

    bool isControlRow(int row) const { return row == 0; }
    int adapterAt(int row) const { return row >= 1 && row <= m_adapters.size() ? m_adapters[row - 1] : -1; }
    int domainAt(int column) const { return column >= 0 && column < m_domains.size() ? m_domains[column] : -1; }
    std::optional<Apqn> apqnAt(const QModelIndex &index) const;
    int rowOfAdapter(int adapter) const;   ///< -1 if not shown
    bool rowInScope(int row, Scope scope) const;
    bool columnInScope(int column, Scope scope) const;
    CellSummary summary(int row, int column) const;
    /// Index of an mdev in the host's list (the host-wide view's colour and number), -1 if unknown.
    int mdevIndex(const QString &uuid) const { return m_mdevIndex.value(uuid, -1); }
    /// "8C·CCA", "8P·EP11", "8A"; "?" when the adapter is unknown.
    static QString typeModeLabel(const Card *card);
    int columnOfDomain(int domain) const;  ///< -1 if not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// The sentence screen readers read for a cell (also the tooltip's first line).
    QString describe(const QModelIndex &index) const;

    /// What the indexes stand for: whole rows are adapters, whole columns domains, control-row
    /// cells control domains, other cells APQNs.
    QList<MatrixItem> itemsFor(const QModelIndexList &indexes) const;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction | Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction | Qt::MoveAction; }

signals:
    /// While a drag hovers: whether the kernel would accept the drop, and why not.
    void dropVerdict(const QString &message, bool accepted) const;

private:
    void showPreview();

    QPointer<HostSession> m_session;
    QMetaObject::Connection m_sessionConnection;
    QMetaObject::Connection m_sessionGone;
    std::shared_ptr<const HostSnapshot> m_host;
    QString m_mdev;
    QList<int> m_adapters;
    QList<int> m_domains;
    QHash<QString, int> m_mdevIndex;
    IdMask m_anyAdapters, m_anyDomains; ///< assigned to any mdev
    std::unique_ptr<driver::ApqnStateResolver> m_resolver;
};

} // namespace ap::ui

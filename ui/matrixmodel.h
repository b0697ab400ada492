#pragma once

#include <driver/apqnstate.h>
#include <model/hostsnapshot.h>

#include <QAbstractTableModel>

#include <memory>
#include <optional>

namespace ap::ui {

/// The adapter x domain matrix of one mdev (or, with no mdev, the whole host's ownership).
/// Row 0 is the control-domain row; rows 1.. are adapters, columns are usage domains. Cells are
/// computed on demand from the snapshot, so a 256 x 256 host costs nothing until painted, and a
/// refresh with the same rows and columns is one dataChanged, not a reset.
class MatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        OwnershipRole = Qt::UserRole + 1, ///< driver::ApqnState::Ownership as int (adapter rows)
        ShortTypeRole,                    ///< "8C"
        ControlDomainRole,                ///< bool, control-domain row: assigned to the mdev
        ProblemRole,                      ///< QString: "checkstopped", "deconfigured", "no queue" or empty
        ApqnRole,                         ///< quint16 APQN value (adapter rows)
    };

    explicit MatrixModel(QObject *parent = nullptr);

    /// Shows `mdevUuid` of `host` (empty uuid: the host-wide view).
    void setSource(std::shared_ptr<const HostSnapshot> host, const QString &mdevUuid);
    const HostSnapshot *host() const { return m_host.get(); }
    QString mdevUuid() const { return m_mdev; }

    bool isControlRow(int row) const { return row == 0; }
    int adapterAt(int row) const { return row >= 1 && row <= m_adapters.size() ? m_adapters[row - 1] : -1; }
    int domainAt(int column) const { return column >= 0 && column < m_domains.size() ? m_domains[column] : -1; }
    std::optional<Apqn> apqnAt(const QModelIndex &index) const;
    int rowOfAdapter(int adapter) const;   ///< -1 if not shown
    int columnOfDomain(int domain) const;  ///< -1 if not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    /// The sentence screen readers read for a cell (also the tooltip's first line).
    QString describe(const QModelIndex &index) const;

private:
    std::shared_ptr<const HostSnapshot> m_host;
    QString m_mdev;
    QList<int> m_adapters;
    QList<int> m_domains;
    std::unique_ptr<driver::ApqnStateResolver> m_resolver;
};

} // namespace ap::ui

#pragma once

#include "../driver/outcome.h"
#include "../plan/writeplan.h"
#include "../model/hostsnapshot.h"

#include <QHash>

#include <memory>

namespace ap {

/// What an operator drags or picks: a whole adapter, a usage domain, a control domain or an
/// APQN (its adapter and its domain).
struct MatrixItem {
    enum class Kind { Adapter, Domain, ControlDomain, Apqn };
    Kind kind = Kind::Adapter;
    int id = 0;  ///< adapter or domain id (Adapter, Domain, ControlDomain)
    Apqn apqn;   ///< for Apqn
    friend bool operator==(const MatrixItem &, const MatrixItem &) = default;
};

/// Pending changes to the mdevs of one host: a preview over the last snapshot read, nothing
/// written until plan() is applied. Every question about a change is answered by the driver
/// model on the preview, so what the editor promises is what the kernel will say.
class MatrixEdits {
public:
    /// A new base (after a read or an apply). Pending targets are kept; those that now equal
    /// the host's state are dropped.
    void setBase(std::shared_ptr<const HostSnapshot> base);
    const HostSnapshot *base() const { return m_base.get(); }
    /// The host as it will be once the pending changes are written: assignments and the guest
    /// matrices the driver will derive from them.
    const HostSnapshot &preview() const { return m_preview; }
    std::shared_ptr<const HostSnapshot> previewShared() const { return m_previewShared; }

    /// Pending targets by mdev UUID.
    const QHash<QString, MatrixAssignment> &pending() const { return m_pending; }
    bool hasPending() const { return !m_pending.isEmpty(); }
    /// Replaces the pending targets (what undo and redo do).
    void setPending(const QHash<QString, MatrixAssignment> &pending);

    /// Whether an APQN's state in `uuid` differs between the host and the preview.
    bool isPendingCell(QStringView uuid, Apqn q) const;
    bool isPendingControlDomain(QStringView uuid, int domain) const;

    /// The pending targets after adding (assign) or removing items to/from `uuid`. With `from`
    /// set (a move from another mdev), the items are also removed from there. An APQN cannot be
    /// removed alone: its adapter or its domain goes, whichever takes fewer other APQNs along.
    QHash<QString, MatrixAssignment> afterChange(const QString &uuid, const QList<MatrixItem> &items, bool assign,
                                                 const QString &from = {}) const;
    /// What the kernel would answer to that change (the first refusal on the way), on the preview.
    driver::Outcome check(const QString &uuid, const QList<MatrixItem> &items, bool assign, const QString &from = {}) const;

    /// Every pending change as one transaction: mdevs that only lose ids first, so that what
    /// moves between mdevs is free before it is assigned again.
    WritePlan plan() const;

private:
    void rebuildPreview();

    std::shared_ptr<const HostSnapshot> m_base;
    QHash<QString, MatrixAssignment> m_pending;
    HostSnapshot m_preview;
    std::shared_ptr<const HostSnapshot> m_previewShared;
};

} // namespace ap

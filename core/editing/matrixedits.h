#pragma once

#include "../driver/outcome.h"
#include "../plan/matrixplan.h"
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
/// written until plan() is applied. Every question about a change is answered by planning all
/// pending changes from the host's state (plans::changeMatrices) and replaying those writes
/// through the driver model, so what the editor accepts is exactly what Apply will write and
/// the preview is the host as the kernel will leave it.
class MatrixEdits {
public:
    /// A new base (after a read or an apply). Pending targets are kept; those that now equal
    /// the host's state are dropped.
    void setBase(std::shared_ptr<const HostSnapshot> base);
    const HostSnapshot *base() const { return m_base.get(); }
    /// The host as it will be once the pending changes are written: the replay of plan() with
    /// everything the driver derives (while pending changes cannot be written, e.g. after the
    /// host changed under them, the targets laid over the host).
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
    /// The verdict on a whole set of pending targets: their plan from the host's state and its
    /// replay (without derived state; fast enough to ask while hovering).
    MatrixVerdict judge(const QHash<QString, MatrixAssignment> &pending) const;
    /// judge(afterChange(...)): what the kernel answers to the writes that change would lead to
    /// (the first refusal on the way). ENOENT when `uuid` is not an mdev of the host.
    driver::Outcome check(const QString &uuid, const QList<MatrixItem> &items, bool assign, const QString &from = {}) const;

    /// Every pending change as one transaction (plans::changeMatrices from the host's state).
    WritePlan plan() const;

private:
    void rebuildPreview();

    std::shared_ptr<const HostSnapshot> m_base;
    QHash<QString, MatrixAssignment> m_pending;
    HostSnapshot m_preview;
    std::shared_ptr<const HostSnapshot> m_previewShared;
};

} // namespace ap

#pragma once

#include "apqn.h"
#include "idmask.h"

#include <QList>
#include <QString>

#include <optional>

namespace ap {

/// A vfio_ap mediated device: the assigned matrix (adapters x usage domains, plus control
/// domains) and the guest matrix the driver derives from it (§4.5).
struct Mdev {
    QString uuid;          ///< lowercase
    IdMask adapters;       ///< assigned APM
    IdMask domains;        ///< assigned AQM
    IdMask controlDomains; ///< assigned ADM
    IdMask guestAdapters;  ///< guest (shadow) APM
    IdMask guestDomains;   ///< guest (shadow) AQM
    /// Defined with mdevctl / libvirt, so it outlives a reboot; nullopt where the host's view
    /// cannot tell (sysfs alone, libvirt's test driver).
    std::optional<bool> persistent;
    std::optional<bool> autostart; ///< a persistent mdev started at boot; nullopt: not known
    /// false: the view does not show the assignment (a libvirt mdev without attributes); the
    /// id masks are then empty placeholders, shown as unknown, never as "nothing assigned".
    bool matrixKnown = true;
    /// false: the view does not show the guest matrix the driver derived (libvirt alone).
    bool guestMatrixKnown = true;

    /// What `persistent` and `autostart` say together.
    enum class Lifetime { Unknown, Transient, Persistent, PersistentAutostart };
    Lifetime lifetime() const
    {
        if (!persistent)
            return Lifetime::Unknown;
        if (!*persistent)
            return Lifetime::Transient;
        return autostart.value_or(false) ? Lifetime::PersistentAutostart : Lifetime::Persistent;
    }

    bool assigns(Apqn q) const { return adapters.test(q.adapter) && domains.test(q.domain); }
    bool inGuestMatrix(Apqn q) const { return guestAdapters.test(q.adapter) && guestDomains.test(q.domain); }
    /// APQNs of the assigned matrix, adapters outer, domains inner, ascending.
    QList<Apqn> matrix() const;
    /// APQNs of the guest matrix in the same order (the migration stream's order).
    QList<Apqn> guestMatrix() const;

    friend bool operator==(const Mdev &, const Mdev &) = default;
};

/// An mdev's assignment: what `ap_config` holds (adapters, usage domains, control domains).
struct MatrixAssignment {
    IdMask adapters;
    IdMask domains;
    IdMask controlDomains;

    static MatrixAssignment of(const Mdev &m) { return {m.adapters, m.domains, m.controlDomains}; }
    bool assigns(Apqn q) const { return adapters.test(q.adapter) && domains.test(q.domain); }
    friend bool operator==(const MatrixAssignment &, const MatrixAssignment &) = default;
};

/// APQNs of adapters x domains, adapters outer, domains inner.
QList<Apqn> crossProduct(const IdMask &adapters, const IdMask &domains);

} // namespace ap

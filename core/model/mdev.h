#pragma once

#include "apqn.h"
#include "idmask.h"

#include <QList>
#include <QString>

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

    bool assigns(Apqn q) const { return adapters.test(q.adapter) && domains.test(q.domain); }
    bool inGuestMatrix(Apqn q) const { return guestAdapters.test(q.adapter) && guestDomains.test(q.domain); }
    /// APQNs of the assigned matrix, adapters outer, domains inner, ascending.
    QList<Apqn> matrix() const;
    /// APQNs of the guest matrix in the same order (the migration stream's order).
    QList<Apqn> guestMatrix() const;

    friend bool operator==(const Mdev &, const Mdev &) = default;
};

/// APQNs of adapters x domains, adapters outer, domains inner.
QList<Apqn> crossProduct(const IdMask &adapters, const IdMask &domains);

} // namespace ap

#pragma once

#include "../driver/migration/profile.h"
#include "../driver/outcome.h"
#include "../model/hostsnapshot.h"
#include "../plan/writeplan.h"

#include <optional>

/// Fleet planning: where a guest with a vfio-ap mdev can go. Every answer comes from the engine
/// of the pre-migration report (buildPlan, runCheck, the readiness findings) run on the
/// destination as it would be once the destination mdev exists; nothing here restates a rule.
namespace ap::fleet {

/// What a destination's driver and the hosts allow for one guest.
enum class Verdict { Live, Replug, Refused };
QString verdictName(Verdict v); ///< "live", "replug", "refused"

/// Why a destination refuses a guest (or, for a replug placement, why it is not live).
struct Reason {
    /// Stable id: a readiness finding id ("master_key_mismatch"), a strategy blocker id
    /// ("target-not-migratable"), or one of "driver-refuses" (the destination driver's decision),
    /// "mdev-refused" (creating or assigning the destination mdev), "queue-incompatible" (type or
    /// mode), "guest-not-movable" (not running, name taken), "no-strategy".
    QString id;
    QString text; ///< the engine's technical detail (English; the UI words it from id)
    int err = 0;  ///< the kernel's errno when the driver refused, else 0
};

/// One guest on one destination.
struct Placement {
    QString sourceHost;
    QString targetHost;
    QString guest;
    QString mdev;                  ///< the guest's mdev UUID; the destination mdev has the same
    Verdict verdict = Verdict::Refused;
    bool createMdev = false;       ///< the destination lacks the mdev and it is created
    MatrixAssignment matrix;       ///< the destination mdev's assignment (existing or to create)
    bool remapped = false;         ///< replug onto other adapters than the source's (same domains)
    std::optional<Reason> blocker; ///< Refused: the first blocking reason; Replug: why not live

    bool accepted() const { return verdict != Verdict::Refused; }
    /// The APQNs of `matrix`, adapters outer, domains inner.
    QList<Apqn> apqns() const { return crossProduct(matrix.adapters, matrix.domains); }
};

/// The guests of a host that have a vfio-ap mdev on it, by name.
QList<Guest> apGuests(const HostSnapshot &h);

/// Where `guest` (on `source`) can go on `destination`, taking the destination as it is (with
/// any mdevs and guests placed there already). Prefers live over replug. The destination mdev
/// keeps the guest's UUID; when missing it is created with the source's guest matrix (adapters,
/// usage domains) and control domains; a replug-only placement may move it onto other adapters
/// of the same type and mode (same domains) where the source's APQNs are taken. Never fails:
/// an impossible move is Refused with the reason.
Placement placeGuest(const HostSnapshot &source, const QString &guest, const HostSnapshot &destination,
                     migration::DriverProfile profile);

/// The writes that create the destination mdev of `p` on `destination` (create, then its
/// matrix as plans::changeMatrix writes it); no steps when the mdev exists.
WritePlan mdevCreationPlan(const HostSnapshot &destination, const Placement &p);

/// Applies a plan's writes to a snapshot through the driver model, as the simulated kernel
/// takes them; stops at the first refusal and returns it (earlier writes stay applied).
driver::Outcome applyThroughDriver(HostSnapshot &h, const WritePlan &plan);

} // namespace ap::fleet

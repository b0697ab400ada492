#pragma once

#include "outcome.h"
#include "../model/hostsnapshot.h"

#include <QByteArrayView>

#include <optional>

/// The vfio_ap driver model: the kernel's rules for the AP bus masks and the vfio_ap matrix
/// device, written once and used by the simulated hosts (which obey them), by the matrix editor
/// (which asks them before anything is written) and by the migration engine. Each operation
/// follows the kernel's order of checks and returns the kernel's errno and log lines; on failure
/// the snapshot is unchanged. Operations that succeed update everything the kernel would derive:
/// guest matrices, queue bindings, the vfio_ap queue `status` and available instances.
namespace ap::driver {

/// The largest adapter / domain id an mdev may hold (the QCI limits captured at create time).
int maxAdapterId(const HostSnapshot &h);
int maxDomainId(const HostSnapshot &h);

enum class MatrixPart { Adapter, Domain, ControlDomain };

// ---- Questions (never change the snapshot) -------------------------------------------------

/// §4.4 step 4 on a whole candidate matrix: EADDRNOTAVAIL if any APQN is reserved for the host
/// (adapter in apmask AND domain in aqmask), else EADDRINUSE with one warning per APQN shared
/// with the first other mdev that holds any of them.
Outcome validateMatrix(const HostSnapshot &h, QStringView uuid, const IdMask &adapters, const IdMask &domains);

/// What `assign_<part>` of `id` would answer for this mdev, in the kernel's order (ENODEV above
/// the maximum, already assigned = success, then validateMatrix). Control domains are only
/// range-checked: they may be shared.
Outcome checkAssign(const HostSnapshot &h, QStringView uuid, MatrixPart part, int id);

/// What an `ap_config` write of this whole configuration would answer: validateMatrix, then
/// ENODEV if any id exceeds its maximum.
Outcome checkConfig(const HostSnapshot &h, QStringView uuid, const IdMask &adapters, const IdMask &domains,
                    const IdMask &controlDomains);

/// §4.5: the guest matrix the driver derives for an mdev from its assignment and the host.
struct GuestMatrix {
    IdMask adapters;
    IdMask domains;
    IdMask controlDomains;
    /// Adapters removed because one of their queues is not passable, with the first such APQN.
    QList<std::pair<int, Apqn>> filteredAdapters;
};
GuestMatrix computeGuestMatrix(const HostSnapshot &h, const IdMask &adapters, const IdMask &domains,
                               const IdMask &controlDomains);

/// Passable: the queue device exists and is bound to vfio_ap.
bool isPassable(const HostSnapshot &h, Apqn q);

// ---- Writes (change the snapshot on success) -----------------------------------------------

/// Whether a write recomputes the derived state at once (refreshDerivedState) or leaves it to
/// one call after a batch. The rules never read derived state, so a verdict on a sequence of
/// writes need not pay for it on a 65,536-queue host.
enum class Derive { Now, Later };

/// assign_/unassign_ adapter, domain or control domain, with the text as written to the file.
Outcome assign(HostSnapshot &h, QStringView uuid, MatrixPart part, QByteArrayView text, Derive derive = Derive::Now);
Outcome unassign(HostSnapshot &h, QStringView uuid, MatrixPart part, QByteArrayView text, Derive derive = Derive::Now);
/// `ap_config` write (§4.3).
Outcome writeApConfig(HostSnapshot &h, QStringView uuid, QByteArrayView text, Derive derive = Derive::Now);
/// `apmask` / `aqmask` write with the commit rule (§1.3): EINVAL, or EBUSY when the change would
/// take an assigned APQN away from an mdev; then queues are re-bound.
Outcome writeApmask(HostSnapshot &h, QByteArrayView text, Derive derive = Derive::Now);
Outcome writeAqmask(HostSnapshot &h, QByteArrayView text, Derive derive = Derive::Now);
/// The mdev type's `create` (§4.2): EINVAL, EEXIST, EUSERS.
Outcome createMdev(HostSnapshot &h, QByteArrayView text, Derive derive = Derive::Now);
/// An mdev's `remove`: 0 is a no-op; a guest using it has its device unplugged first.
Outcome removeMdev(HostSnapshot &h, QStringView uuid, QByteArrayView text, Derive derive = Derive::Now);

/// Recomputes what the driver derives: every mdev's guest matrix and the vfio_ap queue status.
/// (Bindings change only when a mask write re-probes queues.) Simulators call it after loading.
void refreshDerivedState(HostSnapshot &h);

// ---- Attribute paths -------------------------------------------------------------------------

/// A writable attribute the driver model knows. Anything else is refused before it is written.
struct WritableAttribute {
    enum class Kind {
        Apmask, Aqmask, CreateMdev, RemoveMdev, ApConfig,
        AssignAdapter, UnassignAdapter, AssignDomain, UnassignDomain,
        AssignControlDomain, UnassignControlDomain,
    } kind;
    QString uuid; ///< for per-mdev attributes
};
/// Classifies a path relative to the host root ("sys/devices/vfio_ap/matrix/<uuid>/assign_domain").
std::optional<WritableAttribute> classifyWritable(QStringView path);
/// The path of a writable attribute.
QString writablePath(const WritableAttribute &a);
/// Dispatches a write to the operation above. ENOENT for an unknown path or mdev.
Outcome writeAttribute(HostSnapshot &h, QStringView path, QByteArrayView value, Derive derive = Derive::Now);

} // namespace ap::driver

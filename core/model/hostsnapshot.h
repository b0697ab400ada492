#pragma once

#include "card.h"
#include "guest.h"
#include "idmask.h"
#include "mdev.h"
#include "mdevdefinition.h"
#include "queue.h"
#include "../common/error.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ap {

/// `/sys/bus/ap`: limits, host reservation masks and the QCI configuration.
struct BusInfo {
    int maxAdapterId = 63;
    int maxDomainId = 15;
    IdMask apmask = IdMask::all(); ///< set bit = adapter reserved for host drivers
    IdMask aqmask = IdMask::all(); ///< set bit = domain reserved for host drivers
    QStringList features;          ///< QCI facilities (APSC APXA QACT RC8A APSB)
    bool qciAvailable = true;      ///< false: the `*_mask` files say "not supported"
    IdMask configuredAdapters;     ///< `ap_adapter_mask` (QCI apm)
    IdMask configuredDomains;      ///< `ap_usage_domain_mask` (QCI aqm)
    IdMask configuredControlDomains; ///< `ap_control_domain_mask` (QCI adm)
    int defaultDomain = -1;        ///< `ap_domain`
    /// false: the view does not show the mask (libvirt alone) or its file could not be read;
    /// the mask then holds a placeholder every renderer shows as unknown.
    bool apmaskKnown = true;
    bool aqmaskKnown = true;

    friend bool operator==(const BusInfo &, const BusInfo &) = default;
};

/// `/sys/devices/vfio_ap/matrix`: the vfio_ap parent device.
struct MatrixInfo {
    bool present = true;           ///< vfio_ap loaded
    QStringList features;          ///< "guest_matrix hotplug ap_config [migratable]"
    int availableInstances = 65536;
    bool availableInstancesKnown = true; ///< false: the view does not show it

    bool has(QStringView feature) const { return features.contains(feature); }
    friend bool operator==(const MatrixInfo &, const MatrixInfo &) = default;
};

/// Whether this console may write the host's vfio_ap attributes (the type's `create`, each
/// mdev's `assign_adapter` / `ap_config`), as found where the host was read: a read-only mount
/// or a user without permission is Denied before any write is tried.
struct WritePermission {
    enum class State {
        Unknown,       ///< the view could not tell (no attribute to test, an old dump)
        Writable,      ///< every attribute tested is writable by this process
        Denied,        ///< `path` is not writable by this process
        NotApplicable, ///< the view writes through libvirt, not sysfs
    };
    State state = State::Unknown;
    QString path; ///< Denied: the first attribute found not writable, relative to the root

    friend bool operator==(const WritePermission &, const WritePermission &) = default;
};

/// Everything the console knows about one host at one moment. Cards are sorted by id, queues
/// by APQN, mdevs by UUID, guests by name. Attributes that could not be read are recorded in
/// `issues` (each naming the file and the text) and left at their defaults: one bad file never
/// drops the host.
struct HostSnapshot {
    QString host;        ///< the host's URI or display name
    QString description; ///< free text, e.g. "IBM z16 LPAR" (simulated hosts)
    BusInfo bus;
    MatrixInfo matrix;
    bool secureExecutionGuest = false; ///< `/sys/firmware/uv/prot_virt_guest` is 1
    /// What the host shows of its kernel and vfio_ap module (empty where unreadable): the hints
    /// for which revision of the migration series it carries.
    QString kernelRelease;    ///< /proc/sys/kernel/osrelease
    QString vfioApVersion;    ///< /sys/module/vfio_ap/version
    QString vfioApSrcversion; ///< /sys/module/vfio_ap/srcversion
    QList<Card> cards;
    QList<Queue> queues;
    QList<Mdev> mdevs;   ///< the active mdevs (in sysfs): all the driver knows
    /// Persistent mdevs defined but not started (libvirt, mdevctl): no sysfs device, so no
    /// driver rule counts them; starting one makes it an mdev like the others.
    QList<Mdev> inactiveMdevs;
    QList<Guest> guests;
    QList<Error> issues;
    /// false: the view shows AP ids only (libvirt alone): the bus's QCI masks, card types and
    /// functions, queue bindings, modes and states are placeholders no rule may take for facts.
    bool apDetailKnown = true;
    /// Master key patterns last seen per APQN while the queue was bound to zcrypt: sysfs shows
    /// `mkvps` only then, and the queues that matter for a migration are bound to vfio_ap.
    QHash<Apqn, Mkvps> lastSeenMkvps;
    /// The persistent mdev definitions and AP bus masks (mdevctl, 41-ap.rules); nullopt where
    /// the host's view does not show them (libvirt alone, a view that could not read them).
    std::optional<HostDefinitions> definitions;
    /// Whether the matrix attributes can be written from here (see WritePermission).
    WritePermission writes;

    const Card *card(int id) const;
    Card *card(int id);
    const Queue *queue(Apqn apqn) const;
    Queue *queue(Apqn apqn);
    const Mdev *mdev(QStringView uuid) const;
    Mdev *mdev(QStringView uuid);
    /// A persistent mdev defined but not started (inactiveMdevs), nullptr if none.
    const Mdev *inactiveMdev(QStringView uuid) const;
    const Guest *guest(QStringView name) const;
    /// The guest whose vfio-ap hostdev is this mdev, if any.
    const Guest *guestOfMdev(QStringView uuid) const;

    /// Adapter bit in apmask AND domain bit in aqmask.
    bool isReservedForHost(Apqn q) const { return bus.apmask.test(q.adapter) && bus.aqmask.test(q.domain); }
    /// The mdevs other than `exceptUuid` that have this APQN assigned.
    QStringList mdevsAssigning(Apqn q, QStringView exceptUuid = {}) const;

    /// Re-establishes the sort orders (after edits by a simulator or a generator).
    void sort();

    /// The queue's visible mkvps, else the last seen one; nullptr if none is known.
    const Mkvps *knownMkvps(Apqn q, bool *lastSeen = nullptr) const;

    /// Equality of everything sysfs shows (ignores host name, description, guests, issues and
    /// last-seen master keys).
    bool sameSysfsState(const HostSnapshot &o) const;
};

} // namespace ap

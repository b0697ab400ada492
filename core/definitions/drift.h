#pragma once

#include "../model/hostsnapshot.h"

#include <QString>

#include <optional>

/// Running against persistent: where an active mdev's matrix differs from its definition.
namespace ap::definitions {

/// What the running matrix has that the definition lacks ("+") and the reverse ("-").
struct Drift {
    MatrixAssignment running;
    MatrixAssignment defined;

    IdMask addedAdapters() const { return running.adapters.minus(defined.adapters); }
    IdMask removedAdapters() const { return defined.adapters.minus(running.adapters); }
    IdMask addedDomains() const { return running.domains.minus(defined.domains); }
    IdMask removedDomains() const { return defined.domains.minus(running.domains); }
    IdMask addedControlDomains() const { return running.controlDomains.minus(defined.controlDomains); }
    IdMask removedControlDomains() const { return defined.controlDomains.minus(running.controlDomains); }
    bool isEmpty() const { return running == defined; }
    /// "+adapter 0x05 -domain 0x12 +control domain 0x20", the running side's view.
    QString summary() const;
};

/// The drift of an active mdev against its definition; nullopt when it is not active, has no
/// definition, or the host's definitions are not known. An empty Drift: they agree.
std::optional<Drift> driftOf(const HostSnapshot &h, QStringView uuid);
/// UUIDs of the active mdevs whose running matrix differs from their definition.
QStringList driftedMdevs(const HostSnapshot &h);

/// Where mdevctl's view of the active mdevs (HostDefinitions::mdevctlActive) and sysfs disagree:
/// one issue per mdev mdevctl lists as active that sysfs lacks, and per sysfs mdev mdevctl does
/// not list (a device created or removed between the two reads, or mdevctl looking elsewhere).
/// Empty where mdevctl was not asked.
QList<Error> activeViewDifferences(const HostSnapshot &h);

/// Makes the snapshot's mdevs say what the definitions say: persistence and autostart of the
/// active mdevs, and the defined ones not started as inactiveMdevs. Does nothing without
/// definitions.
void applyDefinitions(HostSnapshot &h);

} // namespace ap::definitions

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ap {

/// A KVM guest as far as the console cares: its name, run state and the vfio-ap mdev it uses.
struct Guest {
    enum class State : quint8 { Running, Paused, ShutOff };
    /// Where libvirt holds a vfio-ap hostdev: in the running guest only (gone at its next start),
    /// in its persistent definition only (plugged at its next start), or in both.
    enum class Presence : quint8 { Live, Persistent, Both };
    struct ApHostdev {
        QString uuid; ///< the mdev's UUID (lowercase)
        Presence presence = Presence::Both;
        friend bool operator==(const ApHostdev &, const ApHostdev &) = default;
    };

    QString name;
    State state = State::ShutOff;
    QString mdev; ///< UUID of its (first) vfio-ap hostdev as the guest runs (a stopped guest: as defined), empty if none
    /// Every vfio-ap hostdev of the guest and where it is; only views that read libvirt's
    /// persistent definitions fill it (empty elsewhere).
    QList<ApHostdev> apHostdevs = {}; // "= {}": the three-member initialisations stay warning-free

    /// The UUIDs of hostdevs in the persistent definition only, in order.
    QStringList definitionOnlyMdevs() const;

    friend bool operator==(const Guest &, const Guest &) = default;
};

/// "running", "paused", "shut off" (the inventory vocabulary, as virsh words it).
QString guestStateName(Guest::State s);
bool parseGuestState(QStringView text, Guest::State &out);
/// "live", "persistent", "both" (the inventory JSON's words).
QString presenceName(Guest::Presence p);
std::optional<Guest::Presence> parsePresence(QStringView text);

} // namespace ap

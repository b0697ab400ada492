#pragma once

#include <QString>

namespace ap {

/// A KVM guest as far as the console cares: its name, run state and the vfio-ap mdev it uses.
struct Guest {
    enum class State : quint8 { Running, Paused, ShutOff };
    QString name;
    State state = State::ShutOff;
    QString mdev; ///< UUID of its vfio-ap hostdev, empty if none

    friend bool operator==(const Guest &, const Guest &) = default;
};

/// "running", "paused", "shut off" (the inventory vocabulary, as virsh words it).
QString guestStateName(Guest::State s);
bool parseGuestState(QStringView text, Guest::State &out);

} // namespace ap

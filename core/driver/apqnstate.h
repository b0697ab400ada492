#pragma once

#include "vfioapdriver.h"

namespace ap::driver {

/// What one APQN is, seen from one mdev (or from the host when no mdev is given): the states the
/// matrix view shows, with the reason where there is one.
struct ApqnState {
    enum class Ownership {
        InGuest,          ///< assigned to this mdev and in its guest matrix
        AssignedFiltered, ///< assigned to this mdev but not given to the guest (reason says why)
        Assigned,         ///< assigned to this mdev; whether the guest gets it, the view does not show
        OtherMdev,        ///< assigned to another mdev (otherMdev)
        ReservedForHost,  ///< adapter in apmask and domain in aqmask
        Unknown,          ///< the view shows neither this mdev's matrix nor the host's masks
        Free,             ///< could be assigned (stays last: views iterate up to it)
    };
    Ownership ownership = Ownership::Free;
    QString otherMdev;       ///< for OtherMdev
    QString reason;          ///< for AssignedFiltered: why the guest does not get it
    bool queueExists = true; ///< a queue device exists (the APQN is in the host configuration)
    bool configured = true;  ///< queue `config`
    bool checkstopped = false;
    QString driver;          ///< the queue's driver, empty if unbound or absent
};

/// Precomputed per-mdev context so that painting 65,536 cells does not recompute guest matrices.
class ApqnStateResolver {
public:
    ApqnStateResolver(const HostSnapshot &host, QStringView mdevUuid);
    ApqnState state(Apqn apqn) const;

private:
    const HostSnapshot &m_host;
    const Mdev *m_mdev = nullptr;
    GuestMatrix m_guest;
};

} // namespace ap::driver

#pragma once

#include "hostindex.h"
#include "profile.h"
#include "../../model/hostsnapshot.h"

#include <optional>

namespace ap::migration {

/// What PQAP(TAPQ) without the T bit answers for a queue, as far as sysfs lets us tell: no
/// queue device -> rc 01 (not available); deconfigured -> 03; checkstopped -> 04; a queue whose
/// `ap_functions` cannot be read (the kernel's own TAPQ got an rc above 05) -> kUnreadableRc.
/// The async bit is never visible in sysfs and is taken as clear.
struct TapqAnswer {
    int rc = 0;
    bool async = false;
    Hwinfo gr2; ///< the queue's live hwinfo (BS included); zero where unknown
    /// rc 00, 02, 03, 04, 05: the codes every revision accepts.
    bool known() const { return rc == 0 || (rc >= 2 && rc <= 5); }
};
inline constexpr int kUnreadableRc = 6; ///< stands for "some rc above 05" (AP_RESPONSE_INVALID_ADDRESS)
TapqAnswer tapq(const HostIndex &h, Apqn apqn);

/// v2's stored hwinfo: the card's hwinfo captured at queue probe, card-masked (BS and bits 18-31
/// zero), with the card's nd, ml and qd as far as sysfs shows them (nd from the bus's domain
/// limit, ml from `max_msg_size`, qd from `depth`).
Hwinfo probeHwinfo(const HostSnapshot &h, const Card &c);

/// The hwinfo the driver of a revision uses for a queue: v2 probeHwinfo() of its card; later
/// revisions the live TAPQ GR2. nullopt when the queue or its card is absent, or (later
/// revisions) its live `ap_functions` could not be read.
std::optional<Hwinfo> driverHwinfo(DriverProfile p, const HostIndex &h, Apqn apqn);
/// The same for one queue, without an index.
std::optional<Hwinfo> driverHwinfo(DriverProfile p, const HostSnapshot &h, Apqn apqn);

} // namespace ap::migration

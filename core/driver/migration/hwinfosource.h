#pragma once

#include "profile.h"
#include "../../model/hostsnapshot.h"

#include <optional>

namespace ap::migration {

/// The TAPQ hwinfo the driver of a profile uses for a queue, derived from what sysfs shows:
/// v2 the card's hwinfo captured at probe (card `ap_functions`, card `raw_hwtype`, card-masked:
/// BS and bits 18-31 zero); v3 a live query of the queue (queue `ap_functions` including BS,
/// card `raw_hwtype`). nullopt when the queue or its card is absent, or (v3) its live
/// `ap_functions` could not be read.
std::optional<Hwinfo> driverHwinfo(DriverProfile p, const HostSnapshot &h, Apqn apqn);

} // namespace ap::migration

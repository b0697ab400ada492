#pragma once

#include "../model/hostsnapshot.h"

#include <QString>

namespace ap::report {

/// A host's inventory as plain text for terminals: bus, cards, queue summary, mdevs, guests and
/// the attributes that could not be read.
QString inventoryText(const HostSnapshot &h);

} // namespace ap::report

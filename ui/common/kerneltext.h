#pragma once

#include <driver/outcome.h>

#include <QString>

namespace ap::ui {

/// What an errno from the vfio_ap driver or the AP bus means for the operator, and what to do.
QString errnoHint(int err);
/// "EFAULT (Bad address)".
QString errnoText(int err);
/// "EADDRINUSE (Address already in use): <the kernel's first line>" and the hint, for a refusal.
QString refusalText(const driver::Outcome &o);
/// Why the console cannot predict the driver's answer, and what gives it the missing facts.
QString unknownText(driver::Unknown u);

} // namespace ap::ui

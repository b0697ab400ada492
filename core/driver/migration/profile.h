#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace ap::migration {

/// Which revision of the vfio_ap migration series a kernel carries (driver-revisions.md §0).
/// v2 (2026-04-07), v3 (2026-06-30), v4 (2026-07-07, v3's code under its own name), and the two
/// later stored copies B and C. What differs between them lives in revision.h.
enum class DriverProfile { V2, V3, V4, B, C };

/// Every profile, oldest first.
QList<DriverProfile> allProfiles();
QString profileName(DriverProfile p); ///< "v2", "v3", "v4", "b", "c" (what the CLI takes)
/// Accepts the names above, case-insensitively ("B" too); nullopt otherwise.
std::optional<DriverProfile> parseProfile(QStringView name);

} // namespace ap::migration

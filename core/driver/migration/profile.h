#pragma once

#include <QString>

#include <optional>

namespace ap::migration {

/// Which revision of the vfio_ap migration series the destination kernel carries.
/// v2: the series of 2026-04-07 (probe-time card hwinfo, chunked writes work).
/// v3: the series of 2026-06-30 (live TAPQ per queue, the whole stream in one write).
enum class DriverProfile { V2, V3 };

QString profileName(DriverProfile p); ///< "v2", "v3"
std::optional<DriverProfile> parseProfile(QStringView name);

} // namespace ap::migration

#pragma once

#include "../model/hostsnapshot.h"

#include <QStringList>

#include <optional>

namespace ap::demo {

/// Names of the built-in simulated hosts ("zlab-a", ...): two IBM z16 LPARs with CEX8 adapters
/// whose kernels carry the vfio_ap migration series (`migratable`), and one z15 LPAR with CEX7
/// adapters without it; then the maintenance fleet (maintenanceHostNames).
QStringList hostNames();
/// The hosts that make fleet planning meaningful: "zlab-d" (z16 with room to spare), "zlab-e"
/// (z16 whose vfio_ap APQNs are all taken), "zlab-f" (z16 loaded with other master keys) and
/// "zlab-g" (an older z14 with CEX6 adapters, no migration support).
QStringList maintenanceHostNames();
/// The initial state of a built-in host (also "zlab-x", not in the fleet: 256 x 256 with three
/// mdevs, for trying the matrix at its limit), as its sysfs would show it, with its mdev definitions
/// (zlab-a's hsm mdev runs with an adapter its definition lacks: drift); nullopt for unknown names.
std::optional<HostSnapshot> initialState(const QString &name);

/// UUIDs of the demo's mdevs, for tests and documentation.
namespace uuids {
inline const QString payments = QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01");
inline const QString hsm = QStringLiteral("7c1d2e3f-8a9b-4c0d-9e1f-3a4b5c6d7e02");
inline const QString spare = QStringLiteral("9e8d7c6b-5a49-4382-8716-0f1e2d3c4b03");
inline const QString analytics = QStringLiteral("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d04");
inline const QString legacy = QStringLiteral("c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e05");
// The maintenance fleet's.
inline const QString web = QStringLiteral("d4e5f6a7-b8c9-4d0e-8f1a-3b4c5d6e7f06");
inline const QString database = QStringLiteral("e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8a07");
inline const QString machineLearning = QStringLiteral("f6a7b8c9-d0e1-4f2a-8b3c-5d6e7f8a9b08");
inline const QString ledger = QStringLiteral("a7b8c9d0-e1f2-4a3b-8c4d-6e7f8a9b0c09");
inline const QString archive = QStringLiteral("b8c9d0e1-f2a3-4b4c-8d5e-7f8a9b0c1d10");
// zlab-x's (256 x 256).
inline const QString wide = QStringLiteral("c9d0e1f2-a3b4-4c5d-8e6f-8a9b0c1d2e11");
inline const QString tail = QStringLiteral("d0e1f2a3-b4c5-4d6e-8f7a-9b0c1d2e3f12");
inline const QString scattered = QStringLiteral("e1f2a3b4-c5d6-4e7f-8a8b-0c1d2e3f4a13");
} // namespace uuids

} // namespace ap::demo

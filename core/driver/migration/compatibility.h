#pragma once

#include "profile.h"
#include "../../model/apqn.h"
#include "../../model/hwinfo.h"

#include <QStringList>

/// The destination driver's per-queue compatibility rule and the diagnostics it logs, for each
/// profile, quirks included (kernel-interfaces §6.6-§6.8).
namespace ap::migration {

/// v2: (S & M) == (T & M) or (S.fac == T.fac and S.at <= T.at).
/// v3: as v2, but the second clause also needs BS == 0 on both sides (and a class relaxation
/// that equal facility words make dead).
bool queueCompatible(DriverProfile p, Hwinfo source, Hwinfo target);

/// The lines the destination kernel logs for an incompatible queue, in its order, each prefixed
/// "vfio_ap_mdev <uuid>: " and without trailing newline. Empty when the queue is compatible.
QStringList incompatibilityLog(DriverProfile p, const QString &mdevUuid, Apqn apqn, Hwinfo source, Hwinfo target);

} // namespace ap::migration

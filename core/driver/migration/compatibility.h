#pragma once

#include "driverlog.h"
#include "profile.h"
#include "../../model/apqn.h"
#include "../../model/hwinfo.h"

#include <QStringList>

/// The destination driver's per-queue compatibility rule and the lines it logs for an
/// incompatible queue, per revision (revision.h: CompatRule, reporter order, dialect).
namespace ap::migration {

/// v2: (S & M) == (T & M) or (S.fac == T.fac and S.at <= T.at).
/// v3, v4: as v2, but the second clause also needs BS == 0 on both sides.
/// B, C: BS 0 on both, facility bits 0-7 equal, S.at <= T.at, not (S native and T not).
bool queueCompatible(DriverProfile p, Hwinfo source, Hwinfo target);

/// Logs the reporter lines for one incompatible queue into `log` (header first, then each
/// differing feature, in the revision's order). Nothing when the queue is compatible.
void reportIncompatibility(KernelLog &log, Apqn apqn, Hwinfo source, Hwinfo target);

/// The same lines for one queue on its own (no rate limit carried over).
QStringList incompatibilityLog(DriverProfile p, const QString &mdevUuid, Apqn apqn, Hwinfo source, Hwinfo target);

} // namespace ap::migration

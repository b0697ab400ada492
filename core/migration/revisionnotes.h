#pragma once

#include "check.h"

namespace ap::migration {

/// Why the driver revisions answer a check differently, one sentence per cause as translatable
/// data ("Rejected by B, C; accepted by v2, v3/v4: equal non-zero BS (1), APQN 05.0004.").
/// Empty when every revision gives the same verdict and errno.
QList<FindingText> revisionNotes(const CheckInput &input, const QString &targetMdev, const QList<RevisionDecision> &decisions);

} // namespace ap::migration

#pragma once

#include "check.h"

namespace ap::migration {

/// Why the driver revisions answer a check differently, one English sentence per cause
/// ("B and C reject APQN 05.0004: equal non-zero BS (1) that v2 accepts"). Empty when every
/// revision gives the same verdict and errno.
QStringList revisionNotes(const CheckInput &input, const QString &targetMdev, const QList<RevisionDecision> &decisions);

} // namespace ap::migration

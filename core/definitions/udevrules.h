#pragma once

#include "../common/result.h"
#include "../model/mdevdefinition.h"

#include <QByteArray>
#include <QString>

/// The persistent AP bus masks in `/etc/udev/rules.d/41-ap.rules`, as chzdev writes them
/// (`ATTR{../../bus/ap/apmask}="0x…"`) and ap-check reads them: a line whose first key is an
/// `ATTR{…apmask}` or `ATTR{…aqmask}` assignment sets that mask; every line must be udev syntax
/// (comma-separated `KEY op "value"` entries, `#` comments). A malformed line is an
/// ErrorCode::Parse whose `where` is "FILE:LINE".
namespace ap::definitions {

Result<PersistentMasks> parseApRules(const QByteArray &text, const QString &origin);

/// The relative path of the rule file below a host's root.
QString apRulesPath();
/// The directory of the vfio_ap definitions below a host's root.
QString definitionsDir();

} // namespace ap::definitions

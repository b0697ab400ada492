#pragma once

#include "matrixplan.h"

#include "../common/result.h"

#include <QByteArray>

namespace ap {

/// Reads the wanted end state of one or more mdevs, as `apconsole-cli matrix --desired` takes it:
/// {"<mdev UUID>": {"adapters": [ids], "domains": [ids], "control_domains": [ids]}, …}, all three
/// lists for every mdev, ids 0-255. The bytes are untrusted: anything else is a Parse error whose
/// detail names the mdev key and list at fault; `origin` (a file name) is the error's `where`.
Result<MatrixTargets> parseDesiredMatrices(const QByteArray &json, const QString &origin);

} // namespace ap

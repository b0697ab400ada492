#pragma once

#include "../../common/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace ap {

/// Inflates a gzip stream (what `gzip -1` on a host printed). Fails (ErrorCode::Corrupt, naming
/// `origin`) on a damaged or cut stream, or one that would inflate beyond `limit` bytes.
Result<QByteArray> gunzip(QByteArrayView data, const QString &origin, qsizetype limit);

} // namespace ap

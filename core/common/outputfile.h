#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace ap {

/// Writes `data` to an output the operator named (`--output FILE`, an export):
/// - a new or existing regular file is replaced atomically (a temporary file renamed into place):
///   it is complete or untouched;
/// - a symbolic link is followed: the file it points to is written by these same rules, the link
///   stays (a dangling link's target is created);
/// - anything else that exists (/dev/null, a FIFO, a terminal) is opened and written in place,
///   never renamed over.
Status writeOutputFile(const QString &path, const QByteArray &data);

} // namespace ap

#pragma once

#include <QString>

namespace ap {

/// `text` with every control character (C0 but the kept ones, DEL, C1) written as \xNN, so bytes
/// read from a host (attribute contents, file names, remote error text) cannot drive a terminal.
/// `keepNewlines` keeps '\n' and '\t' for multi-line text output.
QString printable(const QString &text, bool keepNewlines = false);

} // namespace ap

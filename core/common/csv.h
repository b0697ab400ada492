#pragma once

#include <QString>

namespace ap {

/// One CSV field as RFC 4180 writes it: quoted (with inner quotes doubled) when it holds a comma,
/// a quote or a line break; as it is otherwise.
QString csvField(const QString &s);

} // namespace ap

#pragma once

#include <QString>

namespace ap {

/// Symbolic name of a positive Linux errno value ("EADDRINUSE"); "E<n>" for unknown values.
QString errnoName(int err);
/// Inverse of errnoName; 0 for an unknown name.
int errnoFromName(QStringView name);
/// The C library's message for the errno ("Address already in use"), as the kernel's caller sees it.
QString errnoMessage(int err);
/// Inverse of errnoMessage, for tools that print strerror() text (dd, sh); 0 when unknown.
int errnoFromMessage(QStringView message);

} // namespace ap

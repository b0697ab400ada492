#pragma once

#include "../../common/result.h"

#include <QString>

namespace ap {

/// Makes sure `path` is a directory only this user can enter: created with mode 0700 when
/// missing; when it exists, lstat() must show a real directory (not a symbolic link) owned by
/// this user with no group or other permission bits. Anything else is refused, never repaired:
/// a directory someone else prepared would let them reach the SSH connections kept inside.
Status ensurePrivateDirectory(const QString &path);

/// Where SSH control sockets live: $XDG_RUNTIME_DIR/apconsole-ssh when the runtime directory is
/// set, else <temp>/apconsole-ssh-<uid>. Either way ensurePrivateDirectory() checks it before use.
QString defaultSshControlDirectory();

} // namespace ap

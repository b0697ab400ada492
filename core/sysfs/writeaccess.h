#pragma once

#include "../common/result.h"
#include "../model/hostsnapshot.h"

#include <QByteArray>
#include <QString>

/// Whether this console may write a host's vfio_ap attributes: the type's `create` and each
/// mdev's `assign_adapter` / `ap_config` (a read-only mount, or a user the files do not let
/// write). Asked where the host is read, so that actions that would write are disabled with the
/// reason instead of failing half-way.
namespace ap::sysfs {

/// The attributes tested, relative to the host root: `create` of the vfio_ap type, then each
/// active mdev's `assign_adapter` and `ap_config` where they exist.
QStringList writeAccessPaths(const QString &root);
/// access(W_OK) on writeAccessPaths() below a local root. Unknown when there is nothing to test.
WritePermission localWritePermission(const QString &root);

/// POSIX sh (busybox) script text, run as `sh -c "$(writeAccessScript())" ROOT`: prints
///
///     #apconsole-access 1\n
///     w sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough/create\n
///     r sys/devices/vfio_ap/matrix/<uuid>/assign_adapter\n     (not writable: `test -w` failed)
///     #end\n
///
/// A fixed text: host data never becomes part of it. Exits 97 if ROOT is not a directory.
QString writeAccessScript();
/// Parses what writeAccessScript() printed, starting at `*pos`; on success *pos is where the
/// listing ends. Strict: any other line, a path outside the tested attributes or a missing end
/// marker is ErrorCode::Corrupt naming `origin`.
Result<WritePermission> parseWriteAccess(const QByteArray &data, qsizetype *pos, const QString &origin);

} // namespace ap::sysfs

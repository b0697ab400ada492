#pragma once

#include <QString>

namespace ap::sysfs {

/// POSIX sh script text: `sh -c "$(dumpScript())" sh ROOT [STATE HAVE NEW]`. Needs find and awk
/// (busybox's do; GNU find's -printf is used when present). Exits 97 if ROOT is not a directory.
/// STATE "new" makes a private directory (mktemp -d) where the host keeps the records it sent,
/// tagged with generation NEW; STATE naming such a directory whose generation is HAVE makes the
/// dump a diff against it (any other STATE: a full dump and a new state directory).
QString dumpScript();

} // namespace ap::sysfs

#pragma once

#include <QString>

namespace ap::sysfs {

/// POSIX sh script text: `sh -c "$(dumpScript())" sh ROOT [STATE HAVE NEW]`. Needs find and awk
/// (busybox's do; GNU find's -printf is used when present). Exits 97 if ROOT is not a directory.
/// STATE "new" makes a private directory (mktemp -d) where the host keeps the records it sent,
/// tagged with generation NEW; STATE naming such a directory whose generation is HAVE makes the
/// dump a diff against it (any other STATE: a full dump and a new state directory). Where the
/// host's uevent count (ROOT/sys/kernel/uevent_seqnum) is the one of a walk less than
/// kFullWalkAgeSeconds ago, the diff re-reads only the volatile attributes (dumpcodes.h) of the
/// directories it knows. Exits 98 if the state changed under it (nothing is printed then).
QString dumpScript();

inline constexpr int kFullWalkAgeSeconds = 300;
/// With a state directory the walk (or the quick re-read) runs in one worker per online CPU of
/// the host, at most this many; the records meet in one awk that diffs and prints them.
inline constexpr int kMaxWalkers = 4;

} // namespace ap::sysfs

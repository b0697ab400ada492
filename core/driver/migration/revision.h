#pragma once

#include "profile.h"

/// The one table of what differs between the revisions of the vfio_ap migration driver
/// (driver-revisions.md §1). Stream codec, source device, RESUMING file, compatibility rule,
/// validation and log lines all read their behaviour from here; no revision's code is a copy of
/// another's.
namespace ap::migration {

/// Byte layout of the stream header (entries are 16 bytes in every revision).
struct HeaderLayout {
    int size;             ///< 8, 16, 40, 48
    int countOffset;      ///< u32 num_queues
    int configSizeOffset; ///< v3's u64 config_sz, -1 if none
    int admOffset;        ///< u64 adm[4] (control domains), -1 if none
    bool magicAndVersion; ///< C: u32 magic "vfap" at 0, u32 version 1 at 4
};

/// Where the source puts each entry's `data`.
enum class DataOrigin {
    CardAtProbe, ///< v2: the card's hwinfo captured at queue probe (card-masked)
    LiveTapq,    ///< later: PQAP(TAPQ) without the T bit, unmasked
};

/// When the source builds the configuration it streams.
enum class SourceSnapshot {
    AtStopCopy,      ///< v2: at STOP -> STOP_COPY
    EveryRead,       ///< v3: rebuilt on every read() (a change between reads tears the stream)
    FirstReadCached, ///< B, C: at the first read(), then served from a cache until reset/close
};

/// The RESUMING write() algorithm.
enum class WriteAlgorithm {
    FixedBuffer, ///< v2: buffer sized from the destination's own guest matrix at STOP -> RESUMING
    OneShot,     ///< v3: sized from the first write's header; the buffer is kept only on success
    Chunked,     ///< B: sized from the first 4 bytes; pos committed before the copy
    Staged,      ///< C: a 12-byte staging buffer, then sized; no bounds check on that write
};

enum class CompatRule {
    V2, ///< (S&M)==(T&M) or (fac32 equal and S.at <= T.at)
    V3, ///< V2 plus BS 0 on both sides in the second clause (class relaxation dead)
    B,  ///< BS 0 on both, fac8 equal, S.at <= T.at, not (S native and T not)
};

/// What the destination requires of each source APQN before comparing hardware.
enum class QueueCheck {
    InGuestMatrix, ///< v2: in the destination mdev's guest matrix
    BoundOnHost,   ///< later: the queue exists on the host and is bound to vfio_ap
};

/// How a host running as a Secure Execution guest answers.
enum class SecureExecution {
    EpermLogged,  ///< set_state: EPERM and a log line on every call
    NoMigration,  ///< no migration ops registered: the VFIO core answers ENOTTY
};

/// Which set of format strings the revision prints (driverlog.cpp).
enum class LogDialect { V2, V3, B, C };

struct Revision {
    DriverProfile profile;
    DriverProfile sameCodeAs; ///< v4 carries v3's code unchanged
    const char *label;        ///< "v2", "v3", "v4", "B", "C"
    HeaderLayout header;
    DataOrigin data;
    SourceSnapshot snapshot;
    WriteAlgorithm write;
    CompatRule rule;
    QueueCheck queueCheck;
    bool controlDomains;        ///< migrated in the stream, checked against the host QCI ADM, applied
    bool firstIncompatibleEnds; ///< v2 stops at the first incompatible queue; later: all, last wins
    int incompatibleErrno;      ///< EFAULT; EINVAL from B on
    /// Unknown TAPQ response codes: v3 fails only when the async bit is set (inverted), B and C
    /// only when it is not.
    bool tapqFailsWithAsync;
    SecureExecution secureExecution;
    LogDialect dialect;
    bool ratelimited;           ///< C: pr_err_ratelimited, 10 lines per call site per 5 s
    /// Reporter order: v2 prints the class lines before an AP type line it always prints; later
    /// revisions print the AP type line only for an older target, then BS, then class.
    bool v2ReporterOrder;
};

const Revision &revision(DriverProfile p);
/// The profiles with their own code (v2, v3, B, C): one column each in a "by revision" table.
QList<DriverProfile> distinctRevisions();
/// "v2", "v3/v4", "B", "C": the column heading of a distinct revision.
QString revisionColumn(DriverProfile p);

} // namespace ap::migration

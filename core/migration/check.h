#pragma once

#include "blockers.h"
#include "findings.h"
#include "../driver/migration/profile.h"
#include "../common/result.h"
#include "../model/hostsnapshot.h"

#include <QDateTime>

#include <optional>

namespace ap::migration {

/// One source queue, side by side with the destination's.
struct QueueComparison {
    Apqn apqn;
    Hwinfo source;
    std::optional<Hwinfo> target;     ///< nullopt: no such queue (or unreadable) on the destination
    std::optional<bool> compatible;   ///< the rule's answer; nullopt without a target
    QString sourceType;               ///< "CEX8C"
    QString targetType;
    /// The adapter's queue depth (hwinfo qd) and largest message in bytes as its card shows
    /// them (`depth`, `max_msg_size`); nullopt where the card's attributes were not read.
    /// The sysfs-derived hwinfo above carries neither, so these are what a report shows.
    std::optional<int> sourceDepth, targetDepth;
    std::optional<int> sourceMaxMessage, targetMaxMessage;

    friend bool operator==(const QueueComparison &, const QueueComparison &) = default;
};

/// What the destination driver decides when the whole stream is written in one piece.
struct DriverDecision {
    bool compatible = false;
    int err = 0;             ///< 0 or the errno the destination's write (or state change) returns
    QStringList kernelLog;   ///< the lines it logs, in order
    qint64 streamBytes = 0;
    /// Non-empty: the kernel's behaviour is undefined here (why); compatible and err are not a
    /// prediction.
    QString undefined;
    /// Non-empty: the console cannot predict the answer, the hosts' views lack what it needs
    /// (why, in English; the report's `cannot_decide` findings say it translatably).
    QString unknown;
    int suppressedLines = 0; ///< C: lines its rate limit drops
    /// The same stream written in pieces of the check's chunk size: the errno (0: accepted) and,
    /// when non-empty, why that is undefined. nullopt when the stream fits in one piece.
    std::optional<int> chunkedErr;
    QString chunkedUndefined;
};

/// One distinct revision's decision (v4 shares v3's).
struct RevisionDecision {
    DriverProfile profile;
    DriverDecision decision;
};

struct CheckInput {
    HostSnapshot source;
    HostSnapshot target;
    QString mdev;          ///< the source mdev; empty: `guest` has no vfio-ap device in it
    QString guest;         ///< the guest to migrate (needed only without `mdev`)
    QString targetMdev;    ///< empty: the same UUID (what libvirt requires)
    DriverProfile profile = DriverProfile::V2;
    int chunkBytes = 4096; ///< the write size to model for chunked transfers
    MigrationBlockers blockers; ///< what the source's libvirt says (hosts with a libvirt address)
    /// false: decide for input.profile's revision only (byRevision then holds just it); for
    /// callers that weigh many host pairs, such as the fleet map.
    bool allRevisions = true;
};

/// A pre-migration report: the driver's verdict (for the chosen profile), each queue compared,
/// and the readiness findings beyond the driver. ready = compatible and no error finding.
struct CheckReport {
    DriverProfile profile = DriverProfile::V2;
    QString sourceHost;
    QString targetHost;
    QString mdev;
    QString targetMdev;
    QString guest;         ///< the guest using the source mdev, if known
    QDateTime time;
    DriverDecision decision;
    QList<QueueComparison> queues;
    QList<Finding> findings;
    bool ready = false;
    /// Every distinct revision's decision (v2, v3 for v3/v4, B, C), in that order.
    QList<RevisionDecision> byRevision;
    /// Why the revisions answer differently, one sentence each (empty when they agree).
    QList<FindingText> revisionNotes;

    /// The findings that keep it from being ready (severity error), in report order.
    QList<Finding> blocking() const;
};

/// The destination driver's decision for one profile (also used by the migration runner).
/// `chunkBytes` > 0 also models the stream written in pieces of that size (chunkedErr).
DriverDecision decide(DriverProfile profile, const HostSnapshot &source, const QString &mdev,
                      const HostSnapshot &target, const QString &targetMdev, int chunkBytes = 0);

/// The decision of every distinct revision (distinctRevisions()), each computed once.
QList<RevisionDecision> decideAllRevisions(const HostSnapshot &source, const QString &mdev, const HostSnapshot &target,
                                           const QString &targetMdev, int chunkBytes = 0);

/// Runs the whole check for input.profile. Fails only when the source mdev does not exist
/// (ErrorCode::NotFound). Without an mdev, the check of input.guest (which must exist): no
/// driver is involved, the findings say what travels (deviceFreeFindings).
Result<CheckReport> runCheck(const CheckInput &input);
/// The check for every profile (v2, v3, v4, B, C), sharing the per-revision decisions.
Result<QList<CheckReport>> runCheckAllProfiles(const CheckInput &input);

} // namespace ap::migration

#pragma once

#include "../migration/check.h"

#include <QList>

namespace ap::report {

/// Queues that compare alike, collapsed into one line of a report.
struct QueueGroup {
    enum class Kind {
        Refused,    ///< the destination driver rejects these queues
        Missing,    ///< no queue (or no readable hwinfo) on the destination
        Differs,    ///< accepted, but some field differs between source and destination
        Identical,  ///< accepted and alike field for field
    };
    Kind kind = Kind::Identical;
    QList<Apqn> apqns;               ///< ascending
    migration::QueueComparison sample; ///< the first queue; the others compare the same way
};

/// Groups the compared queues by everything a report shows of them except the APQN (types,
/// both hwinfo words, the verdict, depth and message size) and orders the groups refused,
/// missing, differing, identical; within a kind by their first APQN. Linear in the queues.
QList<QueueGroup> groupQueues(const QList<migration::QueueComparison> &queues);

} // namespace ap::report

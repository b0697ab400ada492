#pragma once

#include <QString>

namespace ap::migration {

/// virDomainGetJobStats, the fields the wizard shows (VIR_DOMAIN_JOB_*).
struct JobStats {
    enum class Type { None = 0, Bounded = 1, Unbounded = 2, Completed = 3, Failed = 4, Canceled = 5 };
    Type type = Type::None;
    qint64 timeElapsedMs = 0;
    qint64 dataTotal = 0;
    qint64 dataProcessed = 0;
    qint64 dataRemaining = 0;
    qint64 memIteration = 0;
    qint64 expectedDowntimeMs = 0;
};

/// A libvirt domain event a migration follows (ecosystem §3.5).
struct DomainEvent {
    enum class Kind {
        Lifecycle,    ///< VIR_DOMAIN_EVENT_ID_LIFECYCLE: event and detail
        Iteration,    ///< VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION: a new pass over guest memory
        JobCompleted, ///< VIR_DOMAIN_EVENT_ID_JOB_COMPLETED: the final statistics
    };
    /// virDomainEventType values (VIR_DOMAIN_EVENT_STARTED = 2 …).
    enum Lifecycle { Defined = 0, Undefined = 1, Started = 2, Suspended = 3, Resumed = 4, Stopped = 5, Shutdown = 6, PmSuspended = 7, Crashed = 8 };
    Kind kind = Kind::Lifecycle;
    QString guest;
    int event = 0;   ///< Lifecycle
    int detail = 0;  ///< Lifecycle: VIR_DOMAIN_EVENT_*_MIGRATED and friends
    int iteration = 0;
    JobStats stats;  ///< JobCompleted

    /// The guest's run state after a lifecycle event, in the run events' words ("running",
    /// "paused", "gone"); empty for events that do not change it.
    QString guestState() const;
};

} // namespace ap::migration

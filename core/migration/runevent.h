#pragma once

#include "../driver/migration/vfiostate.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ap::migration {

enum class Side { None, Source, Destination };
QString sideName(Side s); ///< "", "source", "destination"

/// One thing that happened during a migration run, in the order it happened. The wizard draws
/// them, the store keeps them and `apconsole-cli migrate` prints each as one JSON line, so all
/// three say exactly the same.
struct RunEvent {
    enum class Kind {
        Plan,      ///< the run starts: strategy and step ids
        Inject,    ///< a demo failure was injected (text = its name)
        Step,      ///< a plan step changed status (step, status, text)
        State,     ///< a VFIO device entered a state (side, from, to, requested)
        Stream,    ///< migration data moved (bytes = written so far, total)
        Memory,    ///< guest memory pre-copy progress (iteration, bytes, remaining, downtimeMs, total)
        Kernel,    ///< a kernel log line (side, text)
        Guest,     ///< the guest's run state on a host (side, text = "running" / "paused" / "gone")
        Result,    ///< the end (ok, step = the failed step, err, text, log = destination lines)
        Device,    ///< a VFIO device was opened (in state `to`) or closed (side, text)
    };
    /// Cancelled: the operator stopped the run during or before this step (not a failure).
    enum class StepStatus { Started, Done, Failed, Skipped, Cancelled };

    Kind kind = Kind::Step;
    qint64 timeMs = 0;          ///< since the run started
    QString step;
    StepStatus status = StepStatus::Started;
    Side side = Side::None;
    VfioState from = VfioState::Error;
    VfioState to = VfioState::Error;
    VfioState requested = VfioState::Error;
    qint64 bytes = 0;
    qint64 total = 0;
    int iteration = 0;
    qint64 remaining = 0;
    qint64 downtimeMs = 0;
    QString text;
    QString strategy;           ///< Plan
    QStringList steps;          ///< Plan: step ids in order
    bool ok = false;            ///< Result
    int err = 0;                ///< Result / Step: errno
    QStringList log;            ///< Result: the destination's kernel lines of the failure
    std::optional<VfioState> sourceState;      ///< Result: final device states
    std::optional<VfioState> destinationState; ///< Result: nullopt = device closed or host away

    /// The JSON line (only the fields of this kind). `withTime` false drops "t" (for comparing
    /// two runs).
    QJsonObject toJson(bool withTime = true) const;
    static std::optional<RunEvent> fromJson(const QJsonObject &o);
};

QString stepStatusName(RunEvent::StepStatus s); ///< "started", "done", "failed", "skipped", "cancelled"

} // namespace ap::migration

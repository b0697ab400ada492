#pragma once

#include <editing/matrixdiff.h>
#include <plan/matrixplan.h>

#include <QJsonObject>

namespace ap::cli {

/// What `apconsole-cli matrix` reports: the verdict on the change, the plain per-mdev diff and
/// the exact writes, and after an apply what the host answered.
struct MatrixOutcome {
    QString host;
    enum class State { Acceptable, Applied, Refused, Unchanged, Unknown } state = State::Acceptable;
    bool dryRun = false;
    QList<MdevChange> changes;
    WritePlan plan;
    int err = 0;            ///< the kernel's errno when refused
    QStringList kernelLog;  ///< the lines the kernel logged for the refused (or applied) writes
    int failedStep = -1;
    QString reason;          ///< why it was refused before any write was judged
    bool rolledBack = false; ///< an apply refused half-way was undone
    /// --update-definition: per mdev, "would-update" (dry run), "updated", "not-updated" (the writes
    /// failed) or "failed: <why>".
    QList<std::pair<QString, QString>> definitions;
};

QString matrixText(const MatrixOutcome &o);
QJsonObject matrixJson(const MatrixOutcome &o);

} // namespace ap::cli

#pragma once

#include "matrixmime.h"

#include <driver/outcome.h>
#include <editing/matrixdiff.h>

namespace ap::ui {

class HostSession;

/// What a drop onto an mdev would do, judged by the one rule (MatrixEdits::judge: the plan of all
/// pending changes replayed through the driver model) before anything is written. The drop does
/// exactly this: performDrop pushes `next`, nothing recomputed.
struct DropVerdict {
    bool accepted = false;
    QString message;                 ///< the full effect in the operator's words (status bar, tooltip)
    QList<MatrixItem> items;         ///< the items as they land (control-row drops become control domains)
    QString from;                    ///< the mdev the items move out of, if any
    driver::Outcome outcome;
    QHash<QString, MatrixAssignment> next; ///< the pending targets once dropped
    QList<MdevChange> changes;       ///< what the drop changes, per mdev, against the preview
};

/// Evaluates dropping `drag` onto mdev `target` of `session`. `asControlDomains` is set when the
/// drop lands on the control-domain row; `move` when the items leave their source mdev.
DropVerdict evaluateDrop(const HostSession *session, const QString &target, const MatrixDrag &drag, bool asControlDomains, bool move);

/// Pushes the change a verdict describes as one undo step (nothing when it was refused).
void performDrop(HostSession *session, const QString &target, const DropVerdict &verdict);

/// "adapter 0x03 and domain 0x20", "APQN 03.0020" — ids in the operator's words.
QString itemWords(const QList<MatrixItem> &items);
/// "payments-01 (running: gains adapter 0x03 and domain 0x20: 4 → 15 queues)": the guest's name
/// (or the mdev's short UUID), then what the mdev gains and loses and its queues before → after.
QString changeWords(const MdevChange &c);

} // namespace ap::ui

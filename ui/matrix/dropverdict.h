#pragma once

#include "matrixmime.h"

#include <driver/outcome.h>

namespace ap::ui {

class HostSession;

/// What a drop onto an mdev would do, asked of the driver model before anything is written.
struct DropVerdict {
    bool accepted = false;
    QString message;                 ///< for the status bar and the drop tooltip
    QList<MatrixItem> items;         ///< the items as they land (control-row drops become control domains)
    QString from;                    ///< the mdev the items move out of, if any
    driver::Outcome outcome;
};

/// Evaluates dropping `drag` onto mdev `target` of `session`. `asControlDomains` is set when the
/// drop lands on the control-domain row; `move` when the items leave their source mdev.
DropVerdict evaluateDrop(const HostSession *session, const QString &target, const MatrixDrag &drag, bool asControlDomains, bool move);

/// Pushes the change a verdict describes as one undo step.
void performDrop(HostSession *session, const QString &target, const DropVerdict &verdict);

} // namespace ap::ui

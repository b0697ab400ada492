#include "dropverdict.h"

#include "../fleet/hostsession.h"
#include "../common/kerneltext.h"

#include <QCoreApplication>

namespace ap::ui {

DropVerdict evaluateDrop(const HostSession *session, const QString &target, const MatrixDrag &drag, bool asControlDomains, bool move)
{
    DropVerdict v;
    const HostSnapshot *base = session ? session->edits().base() : nullptr;
    if (!base || target.isEmpty()) {
        v.message = QCoreApplication::translate("DropVerdict", "Select an mdev to drop onto.");
        return v;
    }
    if (drag.host != session->uri().text) {
        v.message = QCoreApplication::translate("DropVerdict", "Adapters and domains cannot move between hosts; an mdev only takes its own host's queues.");
        return v;
    }
    if (drag.fromMdev == target) {
        v.message = QCoreApplication::translate("DropVerdict", "These are already in this mdev.");
        return v;
    }
    for (const MatrixItem &i : drag.items) {
        if (!asControlDomains) {
            v.items.append(i);
            continue;
        }
        if (i.kind == MatrixItem::Kind::Adapter) {
            v.message = QCoreApplication::translate("DropVerdict", "Adapters cannot be control domains.");
            return v;
        }
        v.items.append({MatrixItem::Kind::ControlDomain, i.kind == MatrixItem::Kind::Apqn ? i.apqn.domain : i.id, {}});
    }
    v.from = move ? drag.fromMdev : QString();
    v.outcome = session->edits().check(target, v.items, true, v.from);
    v.accepted = v.outcome.ok();
    const int n = int(v.items.size());
    v.message = v.accepted ? (v.from.isEmpty() ? QCoreApplication::translate("DropVerdict", "Drop to assign %n item(s) to mdev %1.", nullptr, n).arg(target.left(8))
                                               : QCoreApplication::translate("DropVerdict", "Drop to move %n item(s) from mdev %1 to mdev %2.", nullptr, n).arg(v.from.left(8), target.left(8)))
                           : QCoreApplication::translate("DropVerdict", "The kernel would refuse: %1").arg(refusalText(v.outcome));
    return v;
}

void performDrop(HostSession *session, const QString &target, const DropVerdict &verdict)
{
    if (!session || !verdict.accepted)
        return;
    const int n = int(verdict.items.size());
    const QString text = verdict.from.isEmpty() ? QCoreApplication::translate("DropVerdict", "Assign %n item(s) to mdev %1", nullptr, n).arg(target.left(8))
                                                : QCoreApplication::translate("DropVerdict", "Move %n item(s) to mdev %1", nullptr, n).arg(target.left(8));
    session->changePending(session->edits().afterChange(target, verdict.items, true, verdict.from), text);
}

} // namespace ap::ui

#include "queue.h"

namespace ap {

namespace drivers {
const QString &vfioAp() { static const QString s = QStringLiteral("vfio_ap"); return s; }
const QString &cex4queue() { static const QString s = QStringLiteral("cex4queue"); return s; }
const QString &cex4card() { static const QString s = QStringLiteral("cex4card"); return s; }
QString intern(const QString &name)
{
    if (name == vfioAp()) return vfioAp();
    if (name == cex4queue()) return cex4queue();
    if (name == cex4card()) return cex4card();
    return name;
}
} // namespace drivers

// Compared with the literal: copying the shared name costs two atomic operations per call, and
// these run for every queue of a 65,536-queue matrix.
bool Queue::isBoundToVfio() const { return QStringView(driver) == u"vfio_ap"; }
bool Queue::isBoundToZcrypt() const { return QStringView(driver) == u"cex4queue"; }

QString vfioQueueStatusText(VfioQueueStatus s)
{
    switch (s) {
    case VfioQueueStatus::Unassigned: return QStringLiteral("unassigned");
    case VfioQueueStatus::Assigned: return QStringLiteral("assigned");
    case VfioQueueStatus::InUse: return QStringLiteral("in use");
    }
    return {};
}

} // namespace ap

#include "kerneltext.h"

#include <common/errnonames.h>

#include <QCoreApplication>

#include <cerrno>

namespace ap::ui {

namespace {

/// The kernel's line without the "vfio_ap_mdev <uuid>: " prefix.
QString stripPrefix(const QString &line)
{
    const qsizetype colon = line.indexOf(QStringLiteral(": "));
    return line.startsWith(QLatin1String("vfio_ap_mdev ")) && colon > 0 ? line.mid(colon + 2) : line;
}
} // namespace

QString errnoHint(int err)
{
    switch (err) {
    case EADDRINUSE: return QCoreApplication::translate("KernelText", "Another mdev holds one of these queues; unassign it there first (or drag it from that mdev to move it).");
    case EADDRNOTAVAIL: return QCoreApplication::translate("KernelText", "The queue is reserved for the host: release its adapter in apmask or its domain in aqmask first.");
    case ENODEV: return QCoreApplication::translate("KernelText", "The id is above the highest adapter or domain this host's configuration allows.");
    case EBUSY: return QCoreApplication::translate("KernelText", "An mdev uses the queues this mask change would take away; unassign them first.");
    case EINVAL: return QCoreApplication::translate("KernelText", "The kernel did not accept the value written.");
    case EEXIST: return QCoreApplication::translate("KernelText", "An mdev with this UUID exists already.");
    case EUSERS: return QCoreApplication::translate("KernelText", "No more mdevs can be created on this host.");
    case EIO: return QCoreApplication::translate("KernelText", "The write failed on the host; nothing was changed by it.");
    case ENOENT: return QCoreApplication::translate("KernelText", "The attribute or the mdev does not exist (any more) on the host.");
    case EACCES: return QCoreApplication::translate("KernelText", "apconsole writes only the vfio_ap attributes it knows.");
    default: return {};
    }
}

QString refusalText(const driver::Outcome &o)
{
    if (o.ok())
        return {};
    QString s = QStringLiteral("%1 (%2)").arg(errnoName(o.err), errnoMessage(o.err));
    if (!o.log.isEmpty())
        s += QStringLiteral(": ") + stripPrefix(o.log.first()) + (o.log.size() > 1 ? QCoreApplication::translate("KernelText", " (and %1 more)").arg(o.log.size() - 1) : QString());
    const QString hint = errnoHint(o.err);
    return hint.isEmpty() ? s : s + QStringLiteral(". ") + hint;
}

QString errnoText(int err)
{
    return QStringLiteral("%1 (%2)").arg(errnoName(err), errnoMessage(err));
}

QString unknownText(driver::Unknown u)
{
    switch (u) {
    case driver::Unknown::None: return {};
    case driver::Unknown::ApDetail:
        return QCoreApplication::translate("KernelText", "libvirt shows AP ids only; the host's masks and queue bindings decide. Give the host an SSH address (its menu, Edit address…).");
    case driver::Unknown::HostMasks:
        return QCoreApplication::translate("KernelText", "the host's apmask or aqmask could not be read; see the host's issues and refresh.");
    case driver::Unknown::MdevMatrix:
        return QCoreApplication::translate("KernelText", "this view does not show the mdev's current matrix. Give the host an SSH address (its menu, Edit address…).");
    }
    return {};
}

} // namespace ap::ui

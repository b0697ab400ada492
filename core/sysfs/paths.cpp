#include "paths.h"

namespace ap::sysfs::paths {

QString bus() { return QStringLiteral("sys/bus/ap"); }
QString busDevices() { return QStringLiteral("sys/bus/ap/devices"); }
QString devices() { return QStringLiteral("sys/devices/ap"); }
QString vfioRoot() { return QStringLiteral("sys/devices/vfio_ap"); }
QString matrix() { return QStringLiteral("sys/devices/vfio_ap/matrix"); }
QString mdevType() { return QStringLiteral("sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough"); }
QString seGuestFlag() { return QStringLiteral("sys/firmware/uv/prot_virt_guest"); }
QString osRelease() { return QStringLiteral("proc/sys/kernel/osrelease"); }
QString vfioApModule() { return QStringLiteral("sys/module/vfio_ap"); }
QString cardName(int adapter) { return QStringLiteral("card%1").arg(adapter, 2, 16, QLatin1Char('0')); }
QString queueName(Apqn a) { return a.toString(); }
QString card(int adapter) { return devices() + QLatin1Char('/') + cardName(adapter); }
QString queue(Apqn a) { return card(a.adapter) + QLatin1Char('/') + queueName(a); }
QString mdev(QStringView uuid) { return matrix() + QLatin1Char('/') + uuid; }
QString join(const QString &dir, QStringView name) { return dir + QLatin1Char('/') + name; }

} // namespace ap::sysfs::paths

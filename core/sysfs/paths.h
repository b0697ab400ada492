#pragma once

#include "../model/apqn.h"

#include <QString>

/// Paths of the AP and vfio_ap sysfs trees, relative to a host's root ("sys/bus/ap/apmask").
namespace ap::sysfs::paths {

QString bus();            ///< sys/bus/ap
QString busDevices();     ///< sys/bus/ap/devices
QString devices();        ///< sys/devices/ap
QString vfioRoot();       ///< sys/devices/vfio_ap
QString matrix();         ///< sys/devices/vfio_ap/matrix
QString mdevType();       ///< sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough
QString seGuestFlag();    ///< sys/firmware/uv/prot_virt_guest
QString osRelease();      ///< proc/sys/kernel/osrelease
QString vfioApModule();   ///< sys/module/vfio_ap
QString cardName(int adapter);  ///< card05
QString queueName(Apqn apqn);   ///< 05.0004
QString card(int adapter);      ///< sys/devices/ap/card05
QString queue(Apqn apqn);       ///< sys/devices/ap/card05/05.0004
QString mdev(QStringView uuid); ///< sys/devices/vfio_ap/matrix/<uuid>
/// Joins a directory and a name with '/'.
QString join(const QString &dir, QStringView name);

} // namespace ap::sysfs::paths

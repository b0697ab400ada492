#pragma once

#include "../common/result.h"
#include "../model/hostsnapshot.h"

namespace ap {

/// One host seen two ways, made one: `sysfsView` (SSH or a local tree: cards, queues, bindings,
/// masks, the active mdevs' matrices) is the truth for everything the driver decides on;
/// `libvirtView` adds the guests (names, run states, which mdev each uses), the persistence and
/// autostart of mdevs and the persistent mdevs defined but not started. Where the two disagree
/// (an mdev libvirt defines with another assignment than sysfs shows, a guest using an mdev
/// neither view has) the result names it in `issues`; nothing either view knows is dropped.
HostSnapshot mergeHostViews(HostSnapshot sysfsView, const HostSnapshot &libvirtView, const QString &host);

/// Names in `issues` every guest's vfio-ap mdev the host lacks (or has only defined, not
/// started): libvirt cannot start such a guest. For merged and plain libvirt hosts alike.
void flagGuestsWithoutMdev(HostSnapshot &h, const QString &host);
/// The same for one mdev `guest` uses (a guest's further vfio-ap hostdevs).
void flagMissingMdev(HostSnapshot &h, const QString &host, const QString &guest, const QString &uuid);

} // namespace ap

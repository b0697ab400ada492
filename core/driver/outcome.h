#pragma once

#include <QString>
#include <QStringList>

namespace ap::driver {

/// Why the console cannot predict the driver's answer at all (not an answer of the kernel).
enum class Unknown {
    None,
    ApDetail,   ///< the view shows AP ids only (libvirt alone): masks and bindings unknown
    HostMasks,  ///< apmask or aqmask could not be read
    MdevMatrix, ///< the view does not show an mdev's current matrix
};
/// The English reason, for logs and the CLI; the console words it in ui/.
QString unknownReason(Unknown u);

/// What the vfio_ap driver answers to one write: 0 or a positive errno, and the kernel log
/// lines it prints on the way (already prefixed "vfio_ap_mdev <uuid>: " where the kernel does).
/// With `unknown` set there is no prediction: err and log say nothing.
struct Outcome {
    int err = 0;
    QStringList log;
    Unknown unknown = Unknown::None;

    bool ok() const { return err == 0 && unknown == Unknown::None; }
    static Outcome failure(int err, QStringList log = {}) { return {err, std::move(log)}; }
};

/// "vfio_ap_mdev <uuid>: " — the prefix dev_* messages of an mdev carry.
QString mdevLogPrefix(QStringView uuid);

} // namespace ap::driver

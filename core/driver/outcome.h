#pragma once

#include <QString>
#include <QStringList>

namespace ap::driver {

/// What the vfio_ap driver answers to one write: 0 or a positive errno, and the kernel log
/// lines it prints on the way (already prefixed "vfio_ap_mdev <uuid>: " where the kernel does).
struct Outcome {
    int err = 0;
    QStringList log;

    bool ok() const { return err == 0; }
    static Outcome failure(int err, QStringList log = {}) { return {err, std::move(log)}; }
};

/// "vfio_ap_mdev <uuid>: " — the prefix dev_* messages of an mdev carry.
QString mdevLogPrefix(QStringView uuid);

} // namespace ap::driver

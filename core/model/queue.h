#pragma once

#include "apqn.h"
#include "mkvps.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ap {

/// The vfio_ap driver's view of one of its queues (`status` attribute).
enum class VfioQueueStatus : quint8 { Unassigned, Assigned, InUse };

/// An AP queue device (`/sys/devices/ap/cardXX/XX.YYYY`).
struct Queue {
    Apqn apqn;
    QString driver;                   ///< "cex4queue", "vfio_ap" or empty (unbound)
    bool config = true;
    bool chkstop = false;
    std::optional<std::uint32_t> functions; ///< live `ap_functions` incl. BS; nullopt if EIO
    std::optional<quint64> requestCount;    ///< nullopt when the kernel shows "-" (uninitiated)
    std::optional<bool> online;       ///< zcrypt `online` (cex4queue only)
    std::optional<Mkvps> mkvps;       ///< zcrypt CCA/EP11 `mkvps`
    QStringList opModes;              ///< EP11 queue `op_modes`
    std::optional<VfioQueueStatus> vfioStatus; ///< vfio_ap `status` (vfio_ap only)
    QString seBind;                   ///< `se_bind` text without newline; empty if absent
    QString seAssociate;              ///< `se_associate`; empty if absent

    bool isBoundToVfio() const;
    bool isBoundToZcrypt() const;

    friend bool operator==(const Queue &, const Queue &) = default;
};

QString vfioQueueStatusText(VfioQueueStatus s);

namespace drivers {
const QString &vfioAp();    ///< "vfio_ap"
const QString &cex4queue(); ///< "cex4queue"
const QString &cex4card();  ///< "cex4card"
/// A shared instance of a known driver name (saves memory on hosts with 65,536 queues).
QString intern(const QString &name);
} // namespace drivers

} // namespace ap

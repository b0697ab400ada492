#pragma once

#include "../../common/result.h"
#include "../../model/hostsnapshot.h"

#include <QList>
#include <QString>

#include <optional>

/// libvirt's XML for AP node devices and guests (ecosystem §1.2, §2.1), parsed into the
/// console's model. Pure functions: the libvirt host and the tests use them alike.
namespace ap::libvirtxml {

struct NodeDevice {
    enum class Kind { Other, Card, Queue, Matrix, Mdev };
    QString name;                 ///< "ap_card05", "ap_05_0004", "mdev_<uuid>[_matrix]"
    QString parent;
    Kind kind = Kind::Other;
    int adapter = -1;             ///< ap_card, ap_queue
    int domain = -1;              ///< ap_queue
    QString uuid;                 ///< mdev (lowercase)
    QString mdevType;             ///< mdev: "vfio_ap-passthrough"
    QList<std::pair<QString, QString>> attrs; ///< mdev: <attr name value/> in order
    int availableInstances = -1;  ///< ap_matrix
    /// mdev: virNodeDeviceIsActive / IsPersistent / GetAutostart; nullopt where the driver
    /// cannot tell (an mdev of unknown activity is taken as active: libvirt listed it).
    std::optional<bool> active;
    std::optional<bool> persistent;
    std::optional<bool> autostart;
};

struct DomainInfo {
    QString name;
    QStringList apMdevs;          ///< UUIDs of its vfio-ap hostdevs (lowercase)
    bool persistent = true;       ///< virDomainIsPersistent: false for a transient guest
    /// A running or paused persistent guest: the vfio-ap hostdevs of its persistent definition
    /// (VIR_DOMAIN_XML_INACTIVE); nullopt where it was not read (then where each hostdev is
    /// stays unknown).
    std::optional<QStringList> definedApMdevs;
};

/// Parses one node device's XML (virNodeDeviceGetXMLDesc). Corrupt with the element at fault.
Result<NodeDevice> parseNodeDevice(const QString &xml);
/// Parses a domain's XML (virDomainGetXMLDesc) for its name and vfio-ap mdev hostdevs.
Result<DomainInfo> parseDomain(const QString &xml);
/// The UUID in an mdev node device name, either form ("mdev_<uuid>" or "mdev_<uuid>_<parent>").
std::optional<QString> uuidFromMdevName(QStringView name);

/// Builds what the console knows from libvirt's view: cards and queues (ids only: libvirt shows
/// no types or bindings), the vfio_ap matrix device, mdevs with the assignment their attrs
/// describe (inactive persistent ones apart, in inactiveMdevs), and guests with their mdev and
/// run state, each vfio-ap hostdev marked live, persistent-only or both. Attributes libvirt
/// cannot show stay at
/// their defaults and are listed once in `issues`.
HostSnapshot buildSnapshot(const QString &host, const QList<NodeDevice> &devices,
                           const QList<std::pair<DomainInfo, Guest::State>> &domains);

} // namespace ap::libvirtxml

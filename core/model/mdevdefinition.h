#pragma once

#include "idmask.h"
#include "mdev.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace ap {

/// A persistent mdev definition as mdevctl keeps it (`/etc/mdevctl.d/<parent>/<uuid>`): the
/// parent, the type, whether it starts at boot and the attributes mdevctl writes on start.
struct MdevDefinition {
    QString uuid;                                        ///< lowercase
    QString parent = QStringLiteral("matrix");
    QString type = QStringLiteral("vfio_ap-passthrough");
    bool autostart = false;                              ///< "start": "auto"
    MatrixAssignment matrix;                             ///< what the assign_* / ap_config attrs assign
    /// Attributes the console does not interpret, kept in their order so an export writes them back.
    QList<std::pair<QString, QString>> otherAttrs;
    /// Values naming several ids in one attribute ("4,0xab"): ap-check reads them, but mdevctl
    /// writes the value as it is and the kernel refuses it (EINVAL).
    QStringList listValues;

    friend bool operator==(const MdevDefinition &, const MdevDefinition &) = default;
};

/// The AP bus masks the udev rule `/etc/udev/rules.d/41-ap.rules` (written by chzdev) sets at
/// boot; a mask the rule does not set is nullopt (ap-check then takes the active one).
struct PersistentMasks {
    std::optional<IdMask> apmask;
    std::optional<IdMask> aqmask;
    bool ruleFilePresent = false;

    friend bool operator==(const PersistentMasks &, const PersistentMasks &) = default;
};

/// What a host keeps across reboots for vfio_ap: its mdev definitions and persistent masks.
struct HostDefinitions {
    QList<MdevDefinition> definitions; ///< sorted by UUID
    PersistentMasks masks;
    QString source;                    ///< where they were read: "mdevctl", "files", "simulated"
    /// The mdevs mdevctl lists as active (`mdevctl list --dumpjson`), sorted; nullopt where
    /// mdevctl was not asked (no mdevctl on the host, a view that reads files only).
    std::optional<QStringList> mdevctlActive;

    const MdevDefinition *find(QStringView uuid) const;
    MdevDefinition *find(QStringView uuid);
    void sort();

    friend bool operator==(const HostDefinitions &, const HostDefinitions &) = default;
};

} // namespace ap

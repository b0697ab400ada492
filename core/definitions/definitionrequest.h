#pragma once

#include "definitionrules.h"
#include "../model/mdevdefinition.h"

#include <QString>

namespace ap::definitions {

/// One change to a host's persistent definitions or to an mdev's life, as mdevctl offers them.
struct DefinitionRequest {
    enum class Kind {
        Define,         ///< `mdevctl define --jsonfile`: `definition` becomes persistent
        Modify,         ///< `mdevctl modify --defined --jsonfile`: `definition` replaces the stored one
        Start,          ///< `mdevctl start --uuid`: the defined mdev is started
        StartTransient, ///< `mdevctl start --jsonfile`: a transient mdev from `definition`
        Stop,           ///< `mdevctl stop`
        SetAutostart,   ///< `mdevctl modify --auto|--manual`
        Undefine,       ///< `mdevctl undefine`
    };
    Kind kind = Kind::Define;
    QString uuid;
    MdevDefinition definition; ///< Define, Modify, StartTransient (its uuid is `uuid`)
    bool autostart = false;    ///< SetAutostart

    /// mdevctl's name of the action ("define", "modify", "start", "stop", "undefine").
    QString actionName() const;
};

/// The persistent definition of `uuid` made to hold `matrix`: a Modify of the existing definition
/// (start mode and other attrs kept), or a Define with the mdev's known start mode where the host
/// shows none. What checkUpdateDefinition() judges and the Apply dialog and CLI then run.
DefinitionRequest updateRequest(const HostSnapshot &h, const QString &uuid, const MatrixAssignment &matrix);

/// The rules the request must pass on this host (see definitionrules.h).
Verdict check(const HostSnapshot &h, const DefinitionRequest &r);

/// The request applied to the host's view of its definitions and mdevs, as mdevctl would leave
/// them (a started definition becomes an active mdev; the driver's derived state is the caller's).
/// Used by simulated hosts; nothing is checked here.
void applyToDefinitions(HostDefinitions &defs, const DefinitionRequest &r);

} // namespace ap::definitions

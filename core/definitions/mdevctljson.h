#pragma once

#include "../common/result.h"
#include "../model/mdevdefinition.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

/// mdevctl's JSON for vfio_ap definitions (mdevctl README, `mdevctl list --dumpjson`):
/// `{"mdev_type": "vfio_ap-passthrough", "start": "auto"|"manual", "attrs": [{"assign_adapter": "5"}, …]}`.
/// Attribute values are read the way ap-check reads them (strtol base 0: decimal, 0x hex, a
/// leading 0 octal; ap-check also takes comma lists and `ap_config` "apm,aqm,adm"). A malformed
/// file is an ErrorCode::Parse whose `where` is "FILE:LINE".
namespace ap::definitions {

/// One configuration: a definition file's content or a `--jsonfile`. `origin` names the file.
Result<MdevDefinition> parseConfig(const QByteArray &json, const QString &origin, const QString &uuid);
/// `mdevctl list --defined --dumpjson`: `[{"<parent>": [{"<uuid>": {config}}, …]}]`. Definitions
/// of parents other than `matrix` (vfio_ccw, vGPUs) are not the console's and are skipped.
Result<QList<MdevDefinition>> parseList(const QByteArray &json, const QString &origin);
/// The configuration in mdevctl's format, as `mdevctl define --jsonfile` takes it and mdevctl
/// writes it: adapters, then domains, then control domains, then the other attrs in their order.
QByteArray toConfigJson(const MdevDefinition &d);
/// A definition of this assignment (attrs in the console's order), manual start.
MdevDefinition definitionOf(const QString &uuid, const MatrixAssignment &matrix, bool autostart);

/// An id as ap-check reads one (strtol base 0), nullopt for anything else or above 255.
std::optional<int> parseId(QStringView text);

} // namespace ap::definitions

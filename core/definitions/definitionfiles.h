#pragma once

#include "../common/result.h"
#include "../model/mdevdefinition.h"

#include <QByteArray>
#include <QString>

#include <optional>

/// Reading a host's definitions and persistent masks: from mdevctl (`mdevctl list --defined
/// --dumpjson`) where the host root is "/" and mdevctl is installed, else from the files below
/// the root (`ROOT/etc/mdevctl.d/matrix/<uuid>`), and the rule file `ROOT/etc/udev/rules.d/41-ap.rules`.
namespace ap::definitions {

/// POSIX sh script text, run as `sh -c "$(definitionsScript())" ROOT`: prints mdevctl's list and
/// every definition file and the rule file, each length-prefixed, in one stream. Exits 97 if ROOT
/// is not a directory. A fixed text: host data never becomes part of it.
QString definitionsScript();
/// Parses what definitionsScript() printed. `origin` names the host. nullopt: the host shows
/// neither mdevctl nor `etc/mdevctl.d` nor the rule file, so its definitions are unknown.
Result<std::optional<HostDefinitions>> parseDefinitionsDump(const QByteArray &dump, const QString &origin);
/// Reads the files below a local root (`sysfs:ROOT` hosts, tests); nullopt as above.
Result<std::optional<HostDefinitions>> readDefinitionFiles(const QString &root);

} // namespace ap::definitions

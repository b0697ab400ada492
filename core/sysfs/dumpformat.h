#pragma once

#include "sysfssource.h"
#include "../common/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

/// The batched dump: one shell command, run on the host with its root as the first argument,
/// that prints every attribute the console needs in a single stream, whatever the number of
/// queues (find and grep do the walking; nothing runs per file). The command is a fixed text;
/// host data never becomes part of it.
namespace ap::sysfs {

/// POSIX sh script text: `sh -c "$(dumpScript())" sh ROOT`. Exits 97 if ROOT is not a directory.
QString dumpScript();

/// Parses the dump printed by dumpScript(). `origin` names the host for error messages.
Result<std::shared_ptr<DumpSource>> parseDump(const QByteArray &dump, const QString &origin);

class DumpParser {
public:
    static Result<std::shared_ptr<DumpSource>> parse(const QByteArray &dump, const QString &origin);
};

} // namespace ap::sysfs

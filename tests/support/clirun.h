#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ap::test {

/// What one run of a command-line program left behind.
struct CliRun {
    int code = -1; ///< the exit code; -1 when it crashed or ran for over a minute
    QByteArray out;
    QByteArray err;
};

/// Runs `program` with `args` and its store in `database` (APCONSOLE_DB), waiting for its end.
CliRun runCli(const QString &program, const QStringList &args, const QString &database);

} // namespace ap::test

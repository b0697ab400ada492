#include "clirun.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace ap::test {

CliRun runCli(const QString &program, const QStringList &args, const QString &database)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("APCONSOLE_DB"), database);
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace ap::test

#include "libvirthostsfixture.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <unistd.h>

namespace ap::test {

namespace {

Result<QString> runProgram(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return makeError(ErrorCode::Timeout, program, args.join(u' '));
    }
    const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return makeError(ErrorCode::Io, program + u' ' + args.join(u' '), err);
    return QString::fromLocal8Bit(p.readAllStandardOutput());
}

Status toStatus(const Result<QString> &r)
{
    return r ? Status() : Status(r.error());
}

} // namespace

LibvirtHostsFixture::LibvirtHostsFixture(QString script, QString dir)
    : m_script(std::move(script))
    , m_dir(std::move(dir))
{
    // 127.X.Y from the process id: two test runs (two worktrees) never share an address.
    const int pid = int(::getpid());
    m_net = QStringLiteral("127.%1.%2").arg(100 + pid % 100).arg(1 + (pid / 100) % 250);
}

LibvirtHostsFixture::~LibvirtHostsFixture()
{
    (void)down();
}

QString LibvirtHostsFixture::unavailableReason()
{
    if (::getuid() != 0)
        return QStringLiteral("real libvirt hosts need root (mount namespaces)");
    for (const char *tool : {"libvirtd", "qemu-system-x86_64", "virsh", "unshare", "cc", "ld"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty()
            && QStandardPaths::findExecutable(QLatin1String(tool), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}).isEmpty())
            return QStringLiteral("%1 is missing (scripts/install-deps.sh installs it)").arg(QLatin1String(tool));
    }
    return {};
}

Result<QString> LibvirtHostsFixture::run(const QStringList &args) const
{
    return runProgram(m_script, args, 120000);
}

Status LibvirtHostsFixture::up()
{
    return toStatus(run({QStringLiteral("up"), m_dir, QStringLiteral("--net"), m_net}));
}

Status LibvirtHostsFixture::down(char host)
{
    QStringList args{QStringLiteral("down"), m_dir};
    if (host)
        args.append(QString(QLatin1Char(host)));
    return toStatus(run(args));
}

Status LibvirtHostsFixture::startGuest(const QString &name, char host, int memoryMiB, bool dirty, const QString &apConfig)
{
    QStringList args{QStringLiteral("guest"), m_dir, name, QStringLiteral("--host"), QString(QLatin1Char(host)),
                     QStringLiteral("--memory"), QString::number(memoryMiB)};
    if (dirty)
        args.append(QStringLiteral("--dirty"));
    if (!apConfig.isEmpty())
        args += {QStringLiteral("--ap-config"), apConfig};
    return toStatus(run(args));
}

QString LibvirtHostsFixture::uri(char host) const
{
    return QStringLiteral("qemu+tcp://%1.%2:16509/system").arg(m_net, host == 'a' ? QStringLiteral("2") : QStringLiteral("3"));
}

Result<QString> LibvirtHostsFixture::virsh(char host, const QStringList &args) const
{
    return runProgram(QStringLiteral("virsh"), QStringList{QStringLiteral("-q"), QStringLiteral("-c"), uri(host)} + args, 60000);
}

} // namespace ap::test

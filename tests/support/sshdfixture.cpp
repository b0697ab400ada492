#include "sshdfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ap::test {

namespace {

bool run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

/// Every process below `root` (children first), from /proc.
QList<qint64> descendants(qint64 root)
{
    QHash<qint64, QList<qint64>> children;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        const qsizetype close = s.lastIndexOf(')');
        const QList<QByteArray> fields = s.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children[fields.at(1).toLongLong()].append(pid);
    }
    QList<qint64> out;
    std::function<void(qint64)> walk = [&](qint64 p) {
        for (qint64 c : children.value(p)) {
            walk(c);
            out.append(c);
        }
    };
    walk(root);
    return out;
}

/// Binds port 0 on 127.0.0.1 (probe) or connects to `port`; returns the port, or 0.
int loopback(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(quint16(port));
    int result = 0;
    if (port == 0) {
        socklen_t len = sizeof a;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 && ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len) == 0)
            result = ntohs(a.sin_port);
    } else if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0) {
        result = port;
    }
    ::close(fd);
    return result;
}

} // namespace

SshdFixture::SshdFixture(QString dir)
    : m_dir(std::move(dir))
{
}

SshdFixture::~SshdFixture()
{
    stop();
}

bool SshdFixture::available()
{
    return QFileInfo::exists(QStringLiteral("/usr/sbin/sshd")) && QFileInfo::exists(QStringLiteral("/usr/bin/ssh"))
        && QFileInfo::exists(QStringLiteral("/usr/bin/ssh-keygen"));
}

QString SshdFixture::uri(const QString &root) const
{
    const passwd *pw = ::getpwuid(::getuid());
    return QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(QString::fromLocal8Bit(pw ? pw->pw_name : "root")).arg(m_port).arg(root);
}

Status SshdFixture::prepare()
{
    if (m_prepared)
        return {};
    const auto keygen = [this](const char *name) {
        const QString path = m_dir + QLatin1Char('/') + QLatin1String(name);
        QFile::remove(path);
        QFile::remove(path + QStringLiteral(".pub"));
        return run(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                                                  QString(), QStringLiteral("-f"), path});
    };
    if (!keygen("hostkey") || !keygen("client_key") || !keygen("wrong_key"))
        return makeError(ErrorCode::Io, m_dir, QStringLiteral("ssh-keygen failed"));
    QFile pub(m_dir + QStringLiteral("/client_key.pub"));
    if (!pub.open(QIODevice::ReadOnly) || !writeFile(m_dir + QStringLiteral("/authorized_keys"), pub.readAll()))
        return makeError(ErrorCode::Io, m_dir, QStringLiteral("cannot write authorized_keys"));
    m_port = loopback(0);
    if (m_port == 0)
        return makeError(ErrorCode::Io, QStringLiteral("127.0.0.1"), QStringLiteral("no free port"));
    const QByteArray client = "Host *\n  IdentityFile " + m_dir.toLocal8Bit() + "/client_key\n  IdentitiesOnly yes\n"
                              "  PreferredAuthentications publickey\n";
    const QByteArray wrong = "Host *\n  IdentityFile " + m_dir.toLocal8Bit() + "/wrong_key\n  IdentitiesOnly yes\n"
                             "  PreferredAuthentications publickey\n";
    if (!writeFile(clientConfig(), client) || !writeFile(wrongKeyConfig(), wrong) || !writeFile(knownHostsFile(), {}))
        return makeError(ErrorCode::Io, m_dir, QStringLiteral("cannot write the client configuration"));
    if (::getuid() == 0)
        QDir().mkpath(QStringLiteral("/run/sshd"));
    QDir().mkpath(m_dir + QStringLiteral("/home"));
    m_prepared = true;
    return {};
}

Status SshdFixture::start(const QString &forceCommand)
{
    if (Status s = prepare(); !s)
        return s;
    stop();
    QByteArray config = "Port " + QByteArray::number(m_port) + "\nListenAddress 127.0.0.1\nHostKey " + m_dir.toLocal8Bit()
        + "/hostkey\nPidFile " + m_dir.toLocal8Bit() + "/sshd.pid\nAuthorizedKeysFile " + m_dir.toLocal8Bit()
        + "/authorized_keys\nStrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
          "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\nMaxSessions 64\nMaxStartups 64\n"
          // The sessions' shell must not read the machine user's ~/.bashrc (bash does under sshd):
          // a slow or locking one (pyenv's rehash) stalls every remote command, and a test that
          // kills a session can leave its lock behind for every later one.
          "SetEnv HOME=" + m_dir.toLocal8Bit() + "/home\n";
    if (!forceCommand.isEmpty())
        config += "ForceCommand " + forceCommand.toLocal8Bit() + '\n';
    const QString path = m_dir + QStringLiteral("/sshd_config");
    if (!writeFile(path, config))
        return makeError(ErrorCode::Io, path, QStringLiteral("cannot write sshd_config"));
    m_sshd.setProcessChannelMode(QProcess::MergedChannels);
    m_sshd.start(QStringLiteral("/usr/sbin/sshd"), {QStringLiteral("-D"), QStringLiteral("-f"), path, QStringLiteral("-E"),
                                                     m_dir + QStringLiteral("/sshd.log")});
    if (!m_sshd.waitForStarted(5000))
        return makeError(ErrorCode::Unsupported, QStringLiteral("/usr/sbin/sshd"), m_sshd.errorString());
    for (int i = 0; i < 200; ++i) {
        if (loopback(m_port) == m_port)
            return {};
        if (m_sshd.state() == QProcess::NotRunning)
            break;
        QThread::msleep(25);
    }
    QFile log(m_dir + QStringLiteral("/sshd.log"));
    (void)log.open(QIODevice::ReadOnly);
    return makeError(ErrorCode::Unreachable, QStringLiteral("sshd"), QStringLiteral("did not start: %1 %2")
                                                                         .arg(QString::fromLocal8Bit(m_sshd.readAll()), QString::fromLocal8Bit(log.readAll())));
}

void SshdFixture::stop()
{
    if (m_sshd.state() == QProcess::NotRunning)
        return;
    for (const qint64 pid : descendants(m_sshd.processId()))
        ::kill(pid_t(pid), SIGKILL);
    m_sshd.kill();
    m_sshd.waitForFinished(5000);
}

void SshdFixture::exportClientEnvironment() const
{
    qputenv("APCONSOLE_SSH_CONFIG", clientConfig().toLocal8Bit());
    qputenv("APCONSOLE_SSH_KNOWN_HOSTS", knownHostsFile().toLocal8Bit());
    qputenv("APCONSOLE_SSH_CONTROL_DIR", (m_dir + QStringLiteral("/ctl")).toLocal8Bit());
    qputenv("APCONSOLE_SSH_CONNECT_TIMEOUT", "5");
    // Each test opens its own connection (a kept one would hide a changed key or a restart).
    qputenv("APCONSOLE_SSH_CONTROL_PERSIST", "0");
}

QString SshdFixture::hostKeyFingerprint() const
{
    QProcess p;
    p.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-l"), QStringLiteral("-f"), m_dir + QStringLiteral("/hostkey.pub")});
    p.waitForFinished(10000);
    return QString::fromLatin1(p.readAllStandardOutput()).section(QLatin1Char(' '), 1, 1);
}

} // namespace ap::test

#include "sshclient.h"

#include "privatedirectory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <csignal>
#include <sys/types.h>

namespace ap {

namespace {

QString envOr(const char *name, const QString &fallback)
{
    const QString v = qEnvironmentVariable(name);
    return v.isEmpty() ? fallback : v;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

QString lastLine(const QByteArray &text)
{
    const QStringList lines = QString::fromLocal8Bit(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString l = it->trimmed();
        if (!l.isEmpty())
            return l;
    }
    return {};
}

/// Runs a local helper (ssh-keyscan, ssh-keygen) to completion.
Result<RemoteResult> runLocal(const QString &program, const QStringList &args, const QByteArray &input, QDeadlineTimer deadline)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return makeError(ErrorCode::Unsupported, program, QStringLiteral("cannot run %1: %2").arg(program, p.errorString())).withHint(Hint::InstallSshClient);
    p.write(input);
    p.closeWriteChannel();
    while (!p.waitForFinished(50)) {
        if (p.state() == QProcess::NotRunning)
            break;
        if (deadline.hasExpired()) {
            p.kill();
            p.waitForFinished(1000);
            return makeError(ErrorCode::Timeout, program, QStringLiteral("%1 did not finish in time").arg(program));
        }
    }
    return RemoteResult{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

SshSettings SshSettings::fromEnvironment()
{
    SshSettings s;
    s.configFile = qEnvironmentVariable("APCONSOLE_SSH_CONFIG");
    s.knownHostsFile = envOr("APCONSOLE_SSH_KNOWN_HOSTS",
                             QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/ssh_known_hosts"));
    s.controlDir = envOr("APCONSOLE_SSH_CONTROL_DIR", defaultSshControlDirectory());
    bool ok = false;
    const int t = qEnvironmentVariableIntValue("APCONSOLE_SSH_CONNECT_TIMEOUT", &ok);
    if (ok && t > 0)
        s.connectTimeoutSec = t;
    const int persist = qEnvironmentVariableIntValue("APCONSOLE_SSH_CONTROL_PERSIST", &ok);
    if (ok && persist >= 0)
        s.controlPersistSec = persist;
    if (qEnvironmentVariable("APCONSOLE_SSH_INCREMENTAL") == QLatin1String("0"))
        s.incrementalReads = false;
    const QString z = qEnvironmentVariable("APCONSOLE_SSH_COMPRESSION");
    if (z == QLatin1String("always"))
        s.compression = Compression::Always;
    else if (z == QLatin1String("never"))
        s.compression = Compression::Never;
    return s;
}

SshClient::SshClient(HostUri uri, SshSettings settings)
    : m_uri(std::move(uri))
    , m_settings(std::move(settings))
{
    const QByteArray key = (m_settings.configFile + QLatin1Char('|') + m_uri.user + QLatin1Char('@') + m_uri.host + QLatin1Char(':')
                            + QString::number(m_uri.port)).toUtf8();
    // Socket paths are limited to ~100 bytes: a short hash names the connection.
    m_controlPath = m_settings.controlDir + QLatin1Char('/') + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
}

SshClient::~SshClient()
{
    // A persistent master outlives the client on purpose: the next run of the console uses it.
    QMutexLocker lock(&m_masterMutex);
    if (m_settings.controlPersistSec == 0 && processAlive(m_masterPid))
        ::kill(pid_t(m_masterPid), SIGTERM);
}

bool SshClient::connected() const
{
    return QFileInfo::exists(m_controlPath);
}

bool SshClient::control(const QString &verb) const
{
    QProcess p;
    p.start(m_settings.sshProgram, baseArguments() << QStringLiteral("-O") << verb << QStringLiteral("--") << m_uri.host);
    if (!p.waitForFinished(5000)) {
        p.kill();
        p.waitForFinished(1000);
        return false;
    }
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString SshClient::shellQuote(const QString &text)
{
    QString q = text;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QStringList SshClient::userKnownHostsFiles() const
{
    QMutexLocker l(&m_knownHostsMutex);
    if (m_userKnownHosts)
        return *m_userKnownHosts;
    QStringList args;
    if (!m_settings.configFile.isEmpty())
        args << QStringLiteral("-F") << m_settings.configFile;
    args << QStringLiteral("-G");
    if (m_uri.port > 0)
        args << QStringLiteral("-p") << QString::number(m_uri.port);
    if (!m_uri.user.isEmpty())
        args << QStringLiteral("-l") << m_uri.user;
    args << QStringLiteral("--") << m_uri.host;
    QProcess p;
    p.start(m_settings.sshProgram, args);
    QStringList files;
    if (p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) {
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            if (line.startsWith("userknownhostsfile "))
                files = QString::fromLocal8Bit(line.mid(19).trimmed()).split(u' ', Qt::SkipEmptyParts);
        }
    } else {
        p.kill();
        p.waitForFinished(1000);
    }
    if (files.isEmpty()) // OpenSSH's default where ssh -G cannot say
        files = {QStringLiteral("~/.ssh/known_hosts"), QStringLiteral("~/.ssh/known_hosts2")};
    files.removeAll(m_settings.knownHostsFile);
    m_userKnownHosts = files;
    return files;
}

QStringList SshClient::baseArguments() const
{
    // The console's own file first (where trusted keys are written), then the user's own.
    QStringList knownHosts{m_settings.knownHostsFile};
    knownHosts += userKnownHostsFiles();
    for (QString &f : knownHosts)
        if (f.contains(u' '))
            f = QLatin1Char('"') + f + QLatin1Char('"');
    QStringList a;
    if (!m_settings.configFile.isEmpty())
        a << QStringLiteral("-F") << m_settings.configFile;
    a << QStringLiteral("-o") << QStringLiteral("BatchMode=yes")
      << QStringLiteral("-o") << QStringLiteral("ConnectTimeout=%1").arg(m_settings.connectTimeoutSec)
      << QStringLiteral("-o") << QStringLiteral("ServerAliveInterval=5")
      << QStringLiteral("-o") << QStringLiteral("ServerAliveCountMax=3")
      << QStringLiteral("-o") << QStringLiteral("StrictHostKeyChecking=yes")
      << QStringLiteral("-o") << QStringLiteral("UserKnownHostsFile=%1").arg(knownHosts.join(u' '))
      << QStringLiteral("-o") << QStringLiteral("ControlPath=%1").arg(m_controlPath)
      << QStringLiteral("-o") << QStringLiteral("LogLevel=ERROR");
    if (m_uri.port > 0)
        a << QStringLiteral("-p") << QString::number(m_uri.port);
    if (!m_uri.user.isEmpty())
        a << QStringLiteral("-l") << m_uri.user;
    return a;
}

QStringList SshClient::commandArguments(const QString &remoteCommand) const
{
    return baseArguments() << QStringLiteral("-o") << QStringLiteral("ControlMaster=no") << QStringLiteral("-T")
                           << QStringLiteral("--") << m_uri.host << remoteCommand;
}

Error SshClient::transportError(const QByteArray &stderrText) const
{
    const QString text = QString::fromLocal8Bit(stderrText);
    const QString where = m_uri.text;
    if (text.contains(QLatin1String("REMOTE HOST IDENTIFICATION HAS CHANGED")) || text.contains(QLatin1String("Host key for ")))
        return makeError(ErrorCode::HostKeyChanged, where, QStringLiteral("the host's key has changed since it was trusted"),
                         QStringLiteral("This may be an attack, or the host was reinstalled. Verify the new key with the host's administrator "
                                        "and remove the old one from %1 before connecting again.").arg(m_settings.knownHostsFile));
    if (text.contains(QLatin1String("Host key verification failed")) || text.contains(QLatin1String("host key is known")))
        return makeError(ErrorCode::HostKeyUnknown, where, QStringLiteral("the host's key is not known")).withHint(Hint::TrustHostKey);
    if (text.contains(QLatin1String("Permission denied")) || text.contains(QLatin1String("Too many authentication failures")))
        return makeError(ErrorCode::AuthenticationFailed, where, QStringLiteral("authentication failed: %1").arg(lastLine(stderrText))).withHint(Hint::LoadKeyIntoAgent);
    if (text.contains(QLatin1String("timed out")))
        return makeError(ErrorCode::Timeout, where, QStringLiteral("the connection timed out: %1").arg(lastLine(stderrText)));
    if (text.contains(QLatin1String("closed by")) || text.contains(QLatin1String("reset by")) || text.contains(QLatin1String("Broken pipe"))
        || text.contains(QLatin1String("disconnect")) || text.contains(QLatin1String("Timeout, server")))
        return makeError(ErrorCode::Unreachable, where, QStringLiteral("the connection dropped: %1").arg(lastLine(stderrText))).withHint(Hint::WritesNotRetried);
    const QString last = lastLine(stderrText);
    return makeError(ErrorCode::Unreachable, where, last.isEmpty() ? QStringLiteral("ssh failed without a message") : last).withHint(Hint::CheckHostAddress);
}

Status SshClient::ensureMaster(QDeadlineTimer deadline)
{
    QMutexLocker lock(&m_masterMutex);
    const bool persist = m_settings.controlPersistSec > 0;
    if ((m_masterReady || processAlive(m_masterPid)) && QFileInfo::exists(m_controlPath))
        return {};
    if (processAlive(m_masterPid))
        ::kill(pid_t(m_masterPid), SIGTERM);
    m_masterPid = 0;
    m_masterReady = false;
    if (persist && QFileInfo::exists(m_controlPath) && control(QStringLiteral("check"))) {
        m_masterReady = true;
        m_reused = true;
        return {};
    }
    if (Status ok = ensurePrivateDirectory(m_settings.controlDir); !ok)
        return ok;
    QFile::remove(m_controlPath);
    const QString log = m_controlPath + QStringLiteral(".log");
    QFile::remove(log);
    QProcess p;
    p.setProgram(m_settings.sshProgram);
    p.setArguments(baseArguments() << QStringLiteral("-M") << QStringLiteral("-N") << QStringLiteral("-o") << QStringLiteral("ControlMaster=yes")
                                   << QStringLiteral("-o")
                                   << (persist ? QStringLiteral("ControlPersist=%1").arg(m_settings.controlPersistSec) : QStringLiteral("ControlPersist=no"))
                                   << QStringLiteral("--") << m_uri.host);
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(log);
    qint64 pid = 0;
    if (!p.startDetached(&pid))
        return makeError(ErrorCode::Unsupported, m_uri.text, QStringLiteral("cannot run %1").arg(m_settings.sshProgram)).withHint(Hint::InstallSshClient);
    // With ControlPersist ssh forks into the background once authenticated and the process
    // started here ends: the socket existing is what counts.
    while (!QFileInfo::exists(m_controlPath)) {
        if (!processAlive(pid) && !QFileInfo::exists(m_controlPath)) {
            QFile f(log);
            (void)f.open(QIODevice::ReadOnly);
            return transportError(f.readAll());
        }
        if (deadline.hasExpired()) {
            ::kill(pid_t(pid), SIGTERM);
            return makeError(ErrorCode::Timeout, m_uri.text, QStringLiteral("no SSH connection within the time limit"));
        }
        QThread::msleep(10);
    }
    m_masterPid = pid;
    m_masterReady = persist;
    return {};
}

Result<RemoteResult> SshClient::run(const QString &remoteCommand, const QByteArray &input, QDeadlineTimer deadline,
                                    const std::function<bool()> &canceled)
{
    if (Status s = ensureMaster(deadline); !s)
        return s.error();
    QProcess p;
    p.start(m_settings.sshProgram, commandArguments(remoteCommand));
    if (!p.waitForStarted(5000))
        return makeError(ErrorCode::Unsupported, m_uri.text, QStringLiteral("cannot run %1: %2").arg(m_settings.sshProgram, p.errorString())).withHint(Hint::InstallSshClient);
    ++m_invocations;
    p.write(input);
    p.closeWriteChannel();
    while (!p.waitForFinished(50)) {
        if (p.state() == QProcess::NotRunning)
            break;
        const bool stop = canceled && canceled();
        if (stop || deadline.hasExpired()) {
            p.kill();
            p.waitForFinished(1000);
            if (stop)
                return makeError(ErrorCode::Canceled, m_uri.text, QStringLiteral("request canceled"));
            return makeError(ErrorCode::Timeout, m_uri.text, QStringLiteral("the host did not answer in time")).withHint(Hint::SlowHostRetry);
        }
    }
    RemoteResult r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    if (r.exitCode == 255 || r.exitCode < 0)
        return transportError(r.err);
    return r;
}

void SshClient::disconnect()
{
    QMutexLocker lock(&m_masterMutex);
    if (processAlive(m_masterPid))
        ::kill(pid_t(m_masterPid), SIGTERM);
    if (m_settings.controlPersistSec > 0 && QFileInfo::exists(m_controlPath))
        (void)control(QStringLiteral("exit")); // a kept master, ours or an earlier client's
    m_masterPid = 0;
    m_masterReady = false;
    QFile::remove(m_controlPath + QStringLiteral(".log"));
}

Result<HostKeyInfo> SshClient::scanHostKey(QDeadlineTimer deadline) const
{
    QStringList args{QStringLiteral("-T"), QString::number(m_settings.connectTimeoutSec)};
    if (m_uri.port > 0)
        args << QStringLiteral("-p") << QString::number(m_uri.port);
    args << QStringLiteral("--") << m_uri.host;
    auto scan = runLocal(QStringLiteral("ssh-keyscan"), args, {}, deadline);
    if (!scan)
        return scan.error();
    HostKeyInfo info;
    for (const QByteArray &line : scan->out.split('\n')) {
        if (!line.trimmed().isEmpty() && !line.startsWith('#'))
            info.knownHostsLines.append(QString::fromLatin1(line.trimmed()));
    }
    if (info.knownHostsLines.isEmpty())
        return makeError(ErrorCode::Unreachable, m_uri.text, QStringLiteral("the host offered no key: %1").arg(lastLine(scan->err)));
    auto fp = runLocal(QStringLiteral("ssh-keygen"), {QStringLiteral("-l"), QStringLiteral("-f"), QStringLiteral("-")},
                       info.knownHostsLines.join(QLatin1Char('\n')).toLatin1() + '\n', deadline);
    if (!fp)
        return fp.error();
    for (const QByteArray &line : fp->out.split('\n')) {
        if (!line.trimmed().isEmpty())
            info.fingerprints.append(QString::fromLatin1(line.trimmed()));
    }
    return info;
}

Status SshClient::trustHostKey(const HostKeyInfo &key) const
{
    QDir().mkpath(QFileInfo(m_settings.knownHostsFile).absolutePath());
    QFile f(m_settings.knownHostsFile);
    if (!f.open(QIODevice::Append | QIODevice::Text))
        return makeError(ErrorCode::Io, m_settings.knownHostsFile, f.errorString());
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    for (const QString &line : key.knownHostsLines)
        f.write(line.toLatin1() + '\n');
    if (!f.flush())
        return makeError(ErrorCode::Io, m_settings.knownHostsFile, f.errorString());
    return {};
}

} // namespace ap

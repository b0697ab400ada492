#pragma once

#include "../hosturi.h"
#include "../../common/result.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QMutex>
#include <QStringList>

#include <atomic>
#include <optional>
#include <functional>

namespace ap {

/// How apconsole runs OpenSSH; defaults honour the user's ssh config and agent.
struct SshSettings {
    QString configFile;        ///< passed as -F (APCONSOLE_SSH_CONFIG); empty: the user's ~/.ssh/config
    QString knownHostsFile;    ///< where accepted host keys go (APCONSOLE_SSH_KNOWN_HOSTS); the
                               ///< user's own UserKnownHostsFile (from their ssh config, default
                               ///< ~/.ssh/known_hosts) is consulted as well
    QString controlDir;        ///< private (0700, ours, checked) directory for ControlMaster sockets (APCONSOLE_SSH_CONTROL_DIR)
    int connectTimeoutSec = 10; ///< APCONSOLE_SSH_CONNECT_TIMEOUT
    /// Seconds the connection stays open after the console's last command, for later commands
    /// and later runs of the console (ssh's ControlPersist); 0 ends it with the client
    /// (APCONSOLE_SSH_CONTROL_PERSIST).
    int controlPersistSec = 600;
    /// Inventory reads after the first send only what changed since (APCONSOLE_SSH_INCREMENTAL=0 turns it off).
    bool incrementalReads = true;
    /// gzip on the host for the inventory stream: Auto compresses where it pays (not over a
    /// loopback address, and only for streams larger than compressAboveBytes).
    enum class Compression { Auto, Always, Never } compression = Compression::Auto; ///< APCONSOLE_SSH_COMPRESSION=auto|always|never
    qint64 compressAboveBytes = 256 * 1024;
    QString sshProgram = QStringLiteral("ssh");

    /// The defaults with the environment overrides above applied.
    static SshSettings fromEnvironment();
};

/// A host key offered by a server, for the operator to trust or not.
struct HostKeyInfo {
    QStringList knownHostsLines; ///< as ssh-keyscan printed them
    QStringList fingerprints;    ///< "256 SHA256:… [127.0.0.1]:2222 (ED25519)"
};

/// One remote command's outcome (the transport worked; the command may still have failed).
struct RemoteResult {
    int exitCode = 0;
    QByteArray out;
    QByteArray err;
};

/// The OpenSSH client, run as a program with argument lists (never through a local shell):
/// BatchMode (no prompt ever waits on a TTY), ConnectTimeout, ServerAlive, strict host-key
/// checking, and one private ControlMaster connection per host that every command reuses.
/// Thread-safe; each call blocks (run it on a worker).
class SshClient {
public:
    SshClient(HostUri uri, SshSettings settings);
    ~SshClient();

    const HostUri &uri() const { return m_uri; }

    /// Runs `remoteCommand` (one string the remote shell executes: keep it a fixed text and
    /// quote any argument with shellQuote) with `input` on its stdin. Transport failures are
    /// typed: HostKeyUnknown (detail carries the offered fingerprint), HostKeyChanged,
    /// AuthenticationFailed, Unreachable (refused, no route, connection dropped), Timeout,
    /// Canceled. A remote exit code is not an error here.
    Result<RemoteResult> run(const QString &remoteCommand, const QByteArray &input, QDeadlineTimer deadline,
                             const std::function<bool()> &canceled = {});

    /// The argument list for a long-running remote command (a log follower), through the
    /// shared connection.
    QStringList commandArguments(const QString &remoteCommand) const;
    QString program() const { return m_settings.sshProgram; }

    /// Remote commands started so far (the ControlMaster connection itself is not counted).
    int invocations() const { return m_invocations.load(); }

    /// Asks the server for its keys (ssh-keyscan) and fingerprints them (ssh-keygen -l).
    Result<HostKeyInfo> scanHostKey(QDeadlineTimer deadline) const;
    /// Appends the keys to the console's known_hosts file: later connections accept this host.
    Status trustHostKey(const HostKeyInfo &key) const;

    /// Ends the ControlMaster connection (the next command opens a new one).
    void disconnect();
    /// Whether the shared connection's socket is there (a command would not open a new one).
    bool connected() const;
    /// Whether this client found a connection left open by an earlier one (ControlPersist)
    /// instead of opening its own.
    bool reusedConnection() const { return m_reused.load(); }
    const SshSettings &settings() const { return m_settings; }

    /// 'text' for a POSIX shell: single quotes, embedded quotes as '\''.
    static QString shellQuote(const QString &text);

private:
    QStringList baseArguments() const;
    /// The known-hosts files the user's own ssh configuration gives this host (`ssh -G`), asked
    /// once: the console adds its file beside them instead of overriding the user's setting.
    QStringList userKnownHostsFiles() const;
    Status ensureMaster(QDeadlineTimer deadline);
    /// `ssh -O VERB` against the control socket (check, exit); true if ssh says yes.
    bool control(const QString &verb) const;
    Error transportError(const QByteArray &stderrText) const;

    HostUri m_uri;
    SshSettings m_settings;
    QString m_controlPath;
    QMutex m_masterMutex;
    qint64 m_masterPid = 0;
    bool m_masterReady = false; ///< a persistent master answered; trusted until a command fails
    std::atomic_bool m_reused = false;
    std::atomic_int m_invocations = 0;
    mutable QMutex m_knownHostsMutex;
    mutable std::optional<QStringList> m_userKnownHosts;
};

} // namespace ap

#pragma once

// A real OpenSSH server on 127.0.0.1 for the SSH tests and benchmark: generated host and client
// keys, a private config, and the environment that points apconsole's ssh client at it.

#include <common/result.h>

#include <QProcess>
#include <QString>

namespace ap::test {

class SshdFixture {
public:
    /// Everything lives under `dir` (a temporary directory the caller owns).
    explicit SshdFixture(QString dir);
    ~SshdFixture();

    static bool available(); ///< /usr/sbin/sshd, ssh and ssh-keygen exist

    /// Starts sshd (keys and config are made on the first call; the port stays the same across
    /// restarts). `forceCommand`, if set, wraps every session (to slow it down or break it).
    Status start(const QString &forceCommand = {});
    /// Kills sshd and every session process it spawned, as a crash or a reboot would.
    void stop();

    int port() const { return m_port; }
    QString uri(const QString &root) const;
    /// Sets APCONSOLE_SSH_CONFIG (client key, user), APCONSOLE_SSH_KNOWN_HOSTS (empty at first)
    /// and APCONSOLE_SSH_CONTROL_DIR for this process and its children; connections are not
    /// kept after a client ends (APCONSOLE_SSH_CONTROL_PERSIST=0).
    void exportClientEnvironment() const;
    QString knownHostsFile() const { return m_dir + QStringLiteral("/apconsole_known_hosts"); }
    QString clientConfig() const { return m_dir + QStringLiteral("/ssh_config"); }
    QString hostKeyFingerprint() const; ///< "SHA256:…" of the server's key
    /// A client config that offers a key the server does not accept.
    QString wrongKeyConfig() const { return m_dir + QStringLiteral("/ssh_config_wrong"); }

private:
    Status prepare();

    QString m_dir;
    int m_port = 0;
    bool m_prepared = false;
    QProcess m_sshd;
};

} // namespace ap::test

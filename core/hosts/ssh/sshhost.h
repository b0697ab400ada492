#pragma once

#include "sshclient.h"
#include "../hostbackend.h"
#include "../../driver/migration/vfiostate.h"

#include <memory>
#include <optional>

namespace ap {

class HostRecords;
namespace sysfs { class DumpSource; }

/// A host reached with OpenSSH (`ssh://[user@]host[:port][/ROOT]`). The whole inventory is one
/// remote command (the batched dump, parsed locally by the same reader as local trees, then the
/// mdev definitions and persistent masks, see definitions/definitionfiles.h), retried
/// with backoff when the connection fails. After the first read the host keeps what it sent
/// (a private directory of its own) and later reads carry only the directories that changed
/// (sysfs/dumpformat.h); large streams are gzip'ed on the host where that pays; each sysfs write is one invocation of a fixed remote
/// command that takes the path and the bytes on its stdin, so neither host data nor user input
/// is ever interpreted by a shell. Writes never retry by themselves.
class SshHost final : public HostBackend {
public:
    SshHost(HostUri uri, SshSettings settings, std::shared_ptr<HostRecords> store = {});
    ~SshHost() override;

    SshClient &client() { return *m_client; }

    /// The fixed remote commands (exposed for the documentation and the tests).
    static QString writeCommand(const QString &root);
    static QString readCommand(const QString &root);
    /// Follows the host's kernel log: journalctl -k, else dmesg -W; for a tree root other than
    /// "/", the file ROOT/kmsg (how test and demo trees carry a kernel log).
    static QString kernelLogCommand(const QString &root);
    /// Runs mdevctl for a DefinitionRequest: stdin is the UUID on the first line, then the
    /// configuration JSON where the action takes one (`--jsonfile /dev/stdin`). The action is
    /// one of the fixed words of DefinitionRequest; for a ROOT other than "/" mdevctl is pointed
    /// below it with MDEVCTL_ENV_ROOT (mdevctl 1.3 and later).
    static QString mdevctlCommand(const QString &root, const QString &action);

    /// The VFIO migration state of an mdev's device from debugfs
    /// (`/sys/kernel/debug/vfio/<uuid>/migration/state`); nullopt where the kernel lacks it or
    /// the device is not open. Blocking; call it from a worker.
    Result<std::optional<migration::VfioState>> migrationState(const QString &uuid, QDeadlineTimer deadline);

    /// Read retries after a failed connection: attempts and the first pause (doubled each time).
    void setReadRetries(int attempts, int firstPauseMs);

    /// The next read is a full one, as the first read is (the host's directory is reused).
    /// Call from the backend's worker or between reads.
    void forgetReadState();

    /// What the last successful read moved, for the benchmarks and the status line.
    struct ReadStats {
        qint64 wireBytes = 0;  ///< stdout bytes received (compressed, if it was)
        qint64 dumpBytes = 0;  ///< the stream after decompression
        bool compressed = false;
        bool incremental = false; ///< a diff against the previous read
        int directories = 0;     ///< directories whose records arrived
    };
    ReadStats lastReadStats() const;
    /// The stream the remote read command prints, for the tests: ROOT, then the state
    /// directory, the generation held, the next generation, and "gzip" or "plain".
    static QString inventoryCommand(const QString &root, const QString &state, quint64 have, quint64 next, bool gzip);

private:
    class Access;
    Result<HostSnapshot> doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline) override;
    Result<ApplyReport> doApply(const WritePlan &plan, const std::function<void(int)> &progress) override;
    Status doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer deadline) override;
    Result<HostSnapshot> readOnce(const std::function<bool()> &canceled, QDeadlineTimer deadline);

    bool wantCompression() const;

    std::unique_ptr<SshClient> m_client;
    mutable QMutex m_readMutex; ///< guards the read state below
    std::shared_ptr<const sysfs::DumpSource> m_last; ///< what the host last sent, merged
    QString m_statePath; ///< the host's directory for diffs, kept across full reads
    quint64 m_generation = 0;
    qint64 m_lastDumpBytes = -1;
    ReadStats m_stats;
    std::shared_ptr<HostRecords> m_store;
    int m_attempts = 3;
    int m_firstPauseMs = 300;
};

} // namespace ap

#pragma once

#include "hostbackend.h"
#include "../driver/migration/vfiodevice.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>

#include <memory>

namespace ap {

class HostRecords;

/// A simulated host: an in-memory kernel that obeys the driver model. It can be loaded from any
/// snapshot (a demo host, a copy of a real host, a sysfs tree) and, given a store, persists its
/// state after every successful write so edits survive restarts. Failures can be injected for
/// demonstrations and tests.
class SimulatedHost final : public HostBackend {
public:
    SimulatedHost(HostUri uri, HostSnapshot initial, std::shared_ptr<HostRecords> store = {});
    ~SimulatedHost() override;

    /// The current state (a copy; thread-safe).
    HostSnapshot snapshot() const;
    /// Replaces the whole state (e.g. "reset demo").
    void load(HostSnapshot snapshot);
    /// Every line the simulated kernel printed, normal operations included, each stamped like
    /// dmesg ("[   42.123456] vfio_ap_mdev …").
    QStringList kernelLog() const override;

    /// Failure injection: the Nth write from now (1 = the next) fails with `err`. Calls add up:
    /// failWrite(4, EIO) and failWrite(5, EIO) fail a step and then the first undo.
    void failWrite(int nth, int err);
    /// Every request takes this long first (a slow host).
    void setLatency(int ms);
    /// Requests fail with ErrorCode::Unreachable while set (a host going away).
    void setReachable(bool reachable);
    bool isReachable() const;

    /// Changes the state directly, as things outside the sysfs writes do (a guest started or
    /// moved, a demo failure injected); then re-derives what the driver derives and persists.
    /// `change` returns its own failure (e.g. the driver's refusal), which leaves nothing changed.
    /// A failure to save the changed state goes to the kernel log and is an issue of every read
    /// until a save succeeds (the change itself stays made).
    Status modify(const std::function<Status(HostSnapshot &state, QStringList &kernelLog)> &change);

    // ---- The VFIO migration interface of the simulated kernel (one device per opened mdev) ----
    // Every call fails with ErrorCode::Unreachable while the host is away.

    /// open_device: a guest opens the mdev; its migration device starts in RUNNING.
    /// NotFound without such an mdev (libvirt's "mediated device not found").
    Status openMigrationDevice(const QString &uuid, migration::DriverProfile profile);
    /// close_device (the guest's QEMU went away). Closing an unopened device does nothing.
    void closeMigrationDevice(const QString &uuid);
    /// The device's state, or NotFound when it is not open.
    Result<migration::VfioState> migrationState(const QString &uuid) const;
    Result<migration::VfioMigrationDevice::Transition> setMigrationState(const QString &uuid, migration::VfioState requested);
    Result<QByteArray> readMigrationData(const QString &uuid, qint64 max);
    Result<migration::ResumingFile::Answer> writeMigrationData(const QString &uuid, const QByteArray &chunk);

private:
    class Access;
    Result<HostSnapshot> doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline) override;
    Result<ApplyReport> doApply(const WritePlan &plan, const std::function<void(int)> &progress) override;
    /// The simulated mdevctl with ap-check as its callout: refuses what definitions::check()
    /// refuses, with ap-check's words; a start writes the matrix through the driver model.
    Status doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer deadline) override;
    Status waitLatency(QDeadlineTimer deadline, const std::function<bool()> &canceled) const;
    Status reachableLocked() const;
    Result<migration::VfioMigrationDevice *> deviceLocked(const QString &uuid) const;
    Status persistLocked();
    /// Appends kernel lines with a dmesg time stamp.
    void logLocked(const QStringList &lines);

    mutable QMutex m_mutex;
    HostSnapshot m_state;
    QStringList m_kernelLog;          ///< "[    seconds] line", as dmesg prints it
    QElapsedTimer m_uptime;
    static constexpr double kBootSeconds = 42.0; ///< the simulated kernel was up this long when the console started
    std::shared_ptr<HostRecords> m_store;
    qint64 m_writes = 0;              ///< attribute writes so far
    QHash<qint64, int> m_failures;    ///< write number -> errno to answer instead
    int m_latencyMs = 0;
    bool m_reachable = true;
    std::optional<Error> m_saveError; ///< the last failed save of m_state, until one succeeds
    QHash<QString, std::shared_ptr<migration::VfioMigrationDevice>> m_devices;
};

} // namespace ap

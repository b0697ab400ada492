#pragma once

#include "hostbackend.h"

#include <QMutex>

#include <memory>

namespace ap {

class Store;

/// A simulated host: an in-memory kernel that obeys the driver model. It can be loaded from any
/// snapshot (a demo host, a copy of a real host, a sysfs tree) and, given a store, persists its
/// state after every successful write so edits survive restarts. Failures can be injected for
/// demonstrations and tests.
class SimulatedHost final : public HostBackend {
public:
    SimulatedHost(HostUri uri, HostSnapshot initial, std::shared_ptr<Store> store = {});
    ~SimulatedHost() override;

    /// The current state (a copy; thread-safe).
    HostSnapshot snapshot() const;
    /// Replaces the whole state (e.g. "reset demo").
    void load(HostSnapshot snapshot);
    QStringList kernelLog() const override;

    /// Failure injection: the Nth write from now (1 = the next) fails with `err`.
    void failWrite(int nth, int err);
    /// Every request takes this long first (a slow host).
    void setLatency(int ms);
    /// Requests fail with ErrorCode::Unreachable while set (a host going away).
    void setReachable(bool reachable);

private:
    class Access;
    Result<HostSnapshot> doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline) override;
    Result<ApplyReport> doApply(const WritePlan &plan, const std::function<void(int)> &progress) override;
    Status waitLatency(QDeadlineTimer deadline, const std::function<bool()> &canceled) const;

    mutable QMutex m_mutex;
    HostSnapshot m_state;
    QStringList m_kernelLog;
    std::shared_ptr<Store> m_store;
    int m_failAfter = 0;
    int m_failErr = 0;
    int m_latencyMs = 0;
    bool m_reachable = true;
};

} // namespace ap

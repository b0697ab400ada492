#pragma once

#include <QSemaphore>

#include <atomic>

#include <functional>

namespace ap {

/// The CPU slots every host read of the process shares: a fleet of 50 hosts reads as many hosts
/// at a time as the machine has cores, not 50 at once, so the reads finish in turn and the GUI
/// thread always finds a core. A read holds one slot while it runs (its deadline starts only
/// once it has one) and may borrow the free ones for its helper threads. Reads that mostly wait
/// on the network (SSH, libvirt) take no slot while they wait; an SSH read takes one to parse.
class ReadScheduler {
public:
    /// The process's scheduler: one slot per core.
    static ReadScheduler &instance();
    explicit ReadScheduler(int slotCount);

    int size() const { return m_size; }
    /// Changes the number of slots; only while no read holds one (tests size the pool).
    void resize(int slotCount);

    /// One slot, held until destroyed.
    class Slot {
    public:
        Slot() = default;
        Slot(Slot &&other) noexcept;
        Slot &operator=(Slot &&other) noexcept;
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        ~Slot();
        /// Slots held: 0 for a wait that was canceled.
        int count() const { return m_count; }
        explicit operator bool() const { return m_count > 0; }

    private:
        friend class ReadScheduler;
        Slot(ReadScheduler *owner, int count) : m_owner(owner), m_count(count) {}
        ReadScheduler *m_owner = nullptr;
        int m_count = 0;
    };

    /// Runs the calling thread, and the threads it starts from now on, a little below the
    /// process's interactive threads (Linux: nice +5 for this thread only), so that a fleet's
    /// reads never take a core from the GUI thread while it has work. Once per thread.
    static void lowerThisThread();

    /// Waits for a slot; an empty Slot once `canceled` answers true (polled while waiting).
    Slot acquire(const std::function<bool()> &canceled = {});
    /// Up to `wanted` slots that are free right now, without waiting (possibly none).
    Slot borrow(int wanted);
    /// Slots free now (for tests and the benchmarks).
    int available() const { return m_free.available(); }
    /// Reads waiting in acquire() now (for tests and the benchmarks).
    int waiting() const { return m_waiting.load(); }

private:
    int m_size;
    QSemaphore m_free;
    std::atomic_int m_waiting{0};
};

} // namespace ap

#include "readscheduler.h"

#include <QThread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <utility>

namespace ap {

namespace {
/// Enough for the scheduler to prefer the GUI thread (weight 1024 against 335 per reader),
/// little enough that reads still progress on a machine busy with other work.
[[maybe_unused]] constexpr int kNiceOffset = 5;
} // namespace

ReadScheduler &ReadScheduler::instance()
{
    static ReadScheduler scheduler(QThread::idealThreadCount());
    return scheduler;
}

ReadScheduler::ReadScheduler(int slotCount)
    : m_size(std::max(1, slotCount))
    , m_free(m_size)
{
}

void ReadScheduler::resize(int slotCount)
{
    slotCount = std::max(1, slotCount);
    if (slotCount > m_size)
        m_free.release(slotCount - m_size);
    else if (slotCount < m_size)
        m_free.acquire(m_size - slotCount);
    m_size = slotCount;
}

void ReadScheduler::lowerThisThread()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    // Per thread on Linux (not POSIX): the nice value belongs to the thread and is inherited by
    // the threads it creates. Failure only leaves the thread as it was.
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kNiceOffset + getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())));
#endif
}

ReadScheduler::Slot ReadScheduler::acquire(const std::function<bool()> &canceled)
{
    // A queued read that is canceled (the host closed, a refresh replacing it) leaves the queue
    // within this interval.
    constexpr int kPollMs = 50;
    if (m_free.tryAcquire(1))
        return Slot(this, 1);
    ++m_waiting;
    while (!m_free.tryAcquire(1, kPollMs)) {
        if (canceled && canceled()) {
            --m_waiting;
            return {};
        }
    }
    --m_waiting;
    return Slot(this, 1);
}

ReadScheduler::Slot ReadScheduler::borrow(int wanted)
{
    int got = 0;
    while (got < wanted && m_free.tryAcquire(1))
        ++got;
    return Slot(this, got);
}

ReadScheduler::Slot::Slot(Slot &&other) noexcept
    : m_owner(std::exchange(other.m_owner, nullptr))
    , m_count(std::exchange(other.m_count, 0))
{
}

ReadScheduler::Slot &ReadScheduler::Slot::operator=(Slot &&other) noexcept
{
    if (this != &other) {
        if (m_owner && m_count > 0)
            m_owner->m_free.release(m_count);
        m_owner = std::exchange(other.m_owner, nullptr);
        m_count = std::exchange(other.m_count, 0);
    }
    return *this;
}

ReadScheduler::Slot::~Slot()
{
    if (m_owner && m_count > 0)
        m_owner->m_free.release(m_count);
}

} // namespace ap

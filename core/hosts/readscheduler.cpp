#include "readscheduler.h"

#include <QThread>

#include <algorithm>
#include <utility>

namespace ap {

ReadScheduler &ReadScheduler::instance()
{
    static ReadScheduler scheduler(QThread::idealThreadCount());
    return scheduler;
}

ReadScheduler::ReadScheduler(int slots)
    : m_slots(std::max(1, slots))
    , m_free(m_slots)
{
}

void ReadScheduler::resize(int slots)
{
    slots = std::max(1, slots);
    if (slots > m_slots)
        m_free.release(slots - m_slots);
    else if (slots < m_slots)
        m_free.acquire(m_slots - slots);
    m_slots = slots;
}

ReadScheduler::Slot ReadScheduler::acquire(const std::function<bool()> &canceled)
{
    // A queued read that is canceled (the host closed, a refresh replacing it) leaves the queue
    // within this interval.
    constexpr int kPollMs = 50;
    while (!m_free.tryAcquire(1, kPollMs)) {
        if (canceled && canceled())
            return {};
    }
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

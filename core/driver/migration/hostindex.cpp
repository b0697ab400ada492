#include "hostindex.h"

namespace ap::migration {

HostIndex::HostIndex(const HostSnapshot &h)
    : m_host(h)
    , m_queues(1 << 16, nullptr)
{
    for (const Queue &q : h.queues)
        m_queues[q.apqn.value()] = &q;
    for (const Card &c : h.cards)
        if (c.id >= 0 && c.id < int(m_cards.size()))
            m_cards[size_t(c.id)] = &c;
}

} // namespace ap::migration

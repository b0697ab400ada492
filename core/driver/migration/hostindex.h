#pragma once

#include "../../model/hostsnapshot.h"

#include <array>
#include <vector>

namespace ap::migration {

/// Constant-time lookups of a snapshot's queues and cards, built once per pass over a guest
/// matrix. HostSnapshot's own lookups are binary searches: fine for one queue, too slow when
/// every revision looks at 65,536 queues several times. Valid while the snapshot is unchanged.
class HostIndex {
public:
    explicit HostIndex(const HostSnapshot &h);
    const HostSnapshot &host() const { return m_host; }
    const Queue *queue(Apqn q) const { return m_queues[q.value()]; }
    const Card *card(int id) const { return id >= 0 && id < int(m_cards.size()) ? m_cards[size_t(id)] : nullptr; }

private:
    const HostSnapshot &m_host;
    std::vector<const Queue *> m_queues;
    std::array<const Card *, 256> m_cards{};
};

} // namespace ap::migration

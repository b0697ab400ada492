#include "pathindex.h"

#include <QHashFunctions>

#include <atomic>
#include <utility>

namespace ap::sysfs {

namespace {

std::atomic<bool> g_colliding{false};

} // namespace

PathIndex::PathIndex()
    : m_seed(QHashSeed::globalSeed())
    , m_colliding(g_colliding.load(std::memory_order_relaxed))
{
}

void PathIndex::setCollidingForTesting(bool on)
{
    g_colliding.store(on, std::memory_order_relaxed);
}

quint32 PathIndex::hash(QByteArrayView path) const
{
    return m_colliding ? 0u : quint32(qHashBits(path.data(), size_t(path.size()), m_seed));
}

void PathIndex::reserve(qsizetype count)
{
    size_t length = m_slots.empty() ? 16 : m_slots.size();
    while (size_t(count) * 4 > length * 3)
        length *= 2;
    if (length != m_slots.size())
        rehash(length);
}

void PathIndex::rehash(size_t length)
{
    // Only the stored hashes are needed to move the entries: no path is looked at.
    const std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(length, Slot{0, -1}));
    const size_t mask = length - 1;
    for (const Slot &s : old) {
        if (s.number < 0)
            continue;
        size_t i = s.hash & mask;
        while (m_slots[i].number >= 0)
            i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

} // namespace ap::sysfs

#pragma once

#include <QByteArrayView>

#include <vector>

namespace ap::sysfs {

/// Paths (as bytes) to the numbers of the records that hold them, for a table that keeps the
/// paths themselves elsewhere (DumpSource: slices of the received dumps). Per path it stores a
/// 32-bit hash and the number, in one open-addressed array. The hash is seeded per process and
/// every hit is compared with the real path, so paths whose hashes collide, by chance or made
/// to by a host, are still told apart.
class PathIndex {
public:
    PathIndex();

    /// Room for `count` paths without growing.
    void reserve(qsizetype count);
    quint32 hash(QByteArrayView path) const;

    /// The number stored for `path` (whose hash() is `h`), or -1. pathOf(number) gives a stored
    /// number's path.
    template <typename PathOf>
    qint32 find(QByteArrayView path, quint32 h, const PathOf &pathOf) const;
    /// Stores `number` for `path` unless the path is there already: then returns the number
    /// stored before, else -1.
    template <typename PathOf>
    qint32 insert(QByteArrayView path, quint32 h, qint32 number, const PathOf &pathOf);

    qsizetype size() const { return m_size; }
    qsizetype bytes() const { return qsizetype(m_slots.capacity() * sizeof(Slot)); }

    /// For tests: indexes made while this is on give every path the same hash, so that finding a
    /// path rests on comparing paths alone.
    static void setCollidingForTesting(bool on);

private:
    struct Slot {
        quint32 hash;
        qint32 number; ///< -1: free
    };
    /// The slot for `path`: where it is stored, or the free slot where it would go.
    template <typename PathOf>
    size_t slotOf(QByteArrayView path, quint32 h, const PathOf &pathOf) const;
    void rehash(size_t length);

    std::vector<Slot> m_slots; ///< a power of two long (or empty), never more than 3/4 used
    qsizetype m_size = 0;
    size_t m_seed;
    bool m_colliding;
};

template <typename PathOf>
size_t PathIndex::slotOf(QByteArrayView path, quint32 h, const PathOf &pathOf) const
{
    const size_t mask = m_slots.size() - 1;
    size_t i = h & mask;
    while (m_slots[i].number >= 0 && !(m_slots[i].hash == h && pathOf(m_slots[i].number) == path))
        i = (i + 1) & mask;
    return i;
}

template <typename PathOf>
qint32 PathIndex::find(QByteArrayView path, quint32 h, const PathOf &pathOf) const
{
    return m_slots.empty() ? -1 : m_slots[slotOf(path, h, pathOf)].number;
}

template <typename PathOf>
qint32 PathIndex::insert(QByteArrayView path, quint32 h, qint32 number, const PathOf &pathOf)
{
    reserve(m_size + 1);
    Slot &s = m_slots[slotOf(path, h, pathOf)];
    if (s.number >= 0)
        return s.number;
    s = Slot{h, number};
    ++m_size;
    return -1;
}

} // namespace ap::sysfs

#include "hostsnapshot.h"

#include <algorithm>

namespace ap {

namespace {
template <typename List, typename Key, typename Proj>
auto findSorted(List &list, const Key &key, Proj proj) -> decltype(&list[0])
{
    auto it = std::lower_bound(list.begin(), list.end(), key,
                               [&](const auto &item, const Key &k) { return proj(item) < k; });
    if (it == list.end() || !(proj(*it) == key))
        return nullptr;
    return &*it;
}
} // namespace

const Card *HostSnapshot::card(int id) const { return findSorted(cards, id, [](const Card &c) { return c.id; }); }
Card *HostSnapshot::card(int id) { return findSorted(cards, id, [](const Card &c) { return c.id; }); }
const Queue *HostSnapshot::queue(Apqn a) const { return findSorted(queues, a, [](const Queue &q) { return q.apqn; }); }
Queue *HostSnapshot::queue(Apqn a) { return findSorted(queues, a, [](const Queue &q) { return q.apqn; }); }

const Mdev *HostSnapshot::mdev(QStringView uuid) const
{
    for (const auto &m : mdevs)
        if (m.uuid == uuid)
            return &m;
    return nullptr;
}

const Mdev *HostSnapshot::inactiveMdev(QStringView uuid) const
{
    for (const auto &m : inactiveMdevs)
        if (m.uuid == uuid)
            return &m;
    return nullptr;
}

Mdev *HostSnapshot::mdev(QStringView uuid)
{
    for (auto &m : mdevs)
        if (m.uuid == uuid)
            return &m;
    return nullptr;
}

const Guest *HostSnapshot::guest(QStringView name) const
{
    for (const auto &g : guests)
        if (g.name == name)
            return &g;
    return nullptr;
}

const Guest *HostSnapshot::guestOfMdev(QStringView uuid) const
{
    for (const auto &g : guests)
        if (!g.mdev.isEmpty() && g.mdev == uuid)
            return &g;
    return nullptr;
}

QStringList HostSnapshot::mdevsAssigning(Apqn q, QStringView exceptUuid) const
{
    QStringList out;
    for (const auto &m : mdevs)
        if (m.uuid != exceptUuid && m.assigns(q))
            out.append(m.uuid);
    return out;
}

namespace {
// Lists are nearly always sorted already; checking is linear, sorting moves large values.
template<typename List, typename Less>
void sortIfNeeded(List &list, Less less)
{
    if (!std::is_sorted(list.cbegin(), list.cend(), less))
        std::sort(list.begin(), list.end(), less);
}
} // namespace

void HostSnapshot::sort()
{
    sortIfNeeded(cards, [](const Card &a, const Card &b) { return a.id < b.id; });
    sortIfNeeded(queues, [](const Queue &a, const Queue &b) { return a.apqn < b.apqn; });
    const auto byUuid = [](const Mdev &a, const Mdev &b) { return a.uuid < b.uuid; };
    sortIfNeeded(mdevs, byUuid);
    sortIfNeeded(inactiveMdevs, byUuid);
    sortIfNeeded(guests, [](const Guest &a, const Guest &b) { return a.name < b.name; });
}

const Mkvps *HostSnapshot::knownMkvps(Apqn q, bool *lastSeen) const
{
    if (lastSeen)
        *lastSeen = false;
    if (const Queue *qu = queue(q); qu && qu->mkvps)
        return &*qu->mkvps;
    auto it = lastSeenMkvps.constFind(q);
    if (it == lastSeenMkvps.constEnd())
        return nullptr;
    if (lastSeen)
        *lastSeen = true;
    return &*it;
}

bool HostSnapshot::sameSysfsState(const HostSnapshot &o) const
{
    return bus == o.bus && matrix == o.matrix && secureExecutionGuest == o.secureExecutionGuest
        && cards == o.cards && queues == o.queues && mdevs == o.mdevs;
}

} // namespace ap

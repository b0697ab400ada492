#include "vfioapdriver.h"
#include "apconfigwrite.h"

#include "../model/kernelnumber.h"
#include "../sysfs/paths.h"

#include <QUuid>
#include <QVarLengthArray>

#include <algorithm>

#include <cerrno>
#include <vector>

namespace ap::driver {

namespace {

QString hexApqn(Apqn q) { return q.toString(); }

IdMask &partOf(Mdev &m, MatrixPart p)
{
    switch (p) {
    case MatrixPart::Adapter: return m.adapters;
    case MatrixPart::Domain: return m.domains;
    case MatrixPart::ControlDomain: return m.controlDomains;
    }
    return m.adapters;
}

int maxFor(const HostSnapshot &h, MatrixPart p)
{
    return p == MatrixPart::Adapter ? maxAdapterId(h) : maxDomainId(h);
}

bool guestRunning(const HostSnapshot &h, QStringView uuid)
{
    const Guest *g = h.guestOfMdev(uuid);
    return g && g->state != Guest::State::ShutOff;
}

// IdMask keeps the kernel's bit order: id 0 is the most significant bit of the first word.
bool bit(const IdMask &mask, int id) { return (mask.words()[size_t(id >> 6)] >> (63 - (id & 63))) & 1U; }

void updateQueueStatus(HostSnapshot &h)
{
    // Called after every modelled write: the guest's state is looked up once per mdev, not
    // once per queue, and the mask tests stay inline (an APQN's ids are 0..255 by type).
    QVarLengthArray<bool, 16> running;
    for (const Mdev &m : h.mdevs)
        running.append(guestRunning(h, m.uuid));
    // Read through a const list: a copied host shares its queues until a status really changes.
    const QList<Queue> &queues = std::as_const(h.queues);
    for (qsizetype qi = 0; qi < queues.size(); ++qi) {
        const Queue &q = queues.at(qi);
        std::optional<VfioQueueStatus> status;
        if (q.isBoundToVfio()) {
            status = VfioQueueStatus::Unassigned;
            const int a = q.apqn.adapter, d = q.apqn.domain;
            for (qsizetype i = 0; i < h.mdevs.size(); ++i) {
                const Mdev &m = h.mdevs.at(i);
                if (!bit(m.adapters, a) || !bit(m.domains, d))
                    continue;
                status = running.at(i) && bit(m.guestAdapters, a) && bit(m.guestDomains, d) ? VfioQueueStatus::InUse
                                                                                             : VfioQueueStatus::Assigned;
                break;
            }
        }
        if (q.vfioStatus != status)
            h.queues[qi].vfioStatus = status;
    }
}

void refreshMdev(HostSnapshot &h, Mdev &m)
{
    const GuestMatrix g = computeGuestMatrix(h, m.adapters, m.domains, m.controlDomains);
    m.guestAdapters = g.adapters;
    m.guestDomains = g.domains;
}

/// The driver re-probes a queue whose reservation no longer matches its driver (§1.3).
void rebindQueues(HostSnapshot &h)
{
    for (Queue &q : h.queues) {
        if (q.driver.isEmpty())
            continue; // unbound by the operator; a mask change does not bind it
        const bool reserved = h.isReservedForHost(q.apqn);
        if (reserved && q.isBoundToVfio()) {
            q.driver = drivers::cex4queue();
            q.vfioStatus.reset();
            q.requestCount = 0;
            const Card *c = h.card(q.apqn.adapter);
            q.online = c && c->config && !c->chkstop && q.config;
            auto seen = h.lastSeenMkvps.constFind(q.apqn);
            if (seen != h.lastSeenMkvps.constEnd())
                q.mkvps = *seen;
        } else if (!reserved && q.isBoundToZcrypt()) {
            if (q.mkvps)
                h.lastSeenMkvps.insert(q.apqn, *q.mkvps);
            q.driver = drivers::vfioAp();
            q.requestCount.reset(); // vfio_ap never re-initialises a queue taken from zcrypt: "-"
            q.online.reset();
            q.mkvps.reset();
            q.opModes.clear();
        }
    }
}

void derived(HostSnapshot &h, Derive derive)
{
    if (derive == Derive::Now)
        refreshDerivedState(h);
}

Outcome parseId(QByteArrayView text, std::uint64_t &id)
{
    const KernelNumber n = parseKstrtoul(text);
    if (n.error)
        return Outcome::failure(n.error);
    id = n.value;
    return {};
}

bool withinMax(const IdMask &m, int max) { return m.highest() <= max; }

Outcome maskWrite(HostSnapshot &h, QByteArrayView text, bool adapters, Derive derive)
{
    IdMask &current = adapters ? h.bus.apmask : h.bus.aqmask;
    IdMask next;
    if (!IdMask::parseMaskWrite(text, current, next))
        return Outcome::failure(EINVAL);
    const IdMask newlyReserved = next.minus(current);
    if (!newlyReserved.isEmpty()) {
        // vfio_ap's in_use(): newly reserved adapters x current aqmask (or current apmask x
        // newly reserved domains), against each mdev in turn; the first one holding any wins.
        const IdMask &apm = adapters ? newlyReserved : h.bus.apmask;
        const IdMask &aqm = adapters ? h.bus.aqmask : newlyReserved;
        for (const Mdev &m : h.mdevs) {
            const IdMask a = apm & m.adapters;
            const IdMask d = aqm & m.domains;
            if (a.isEmpty() || d.isEmpty())
                continue;
            Outcome o = Outcome::failure(EBUSY);
            for (const Apqn q : crossProduct(a, d))
                o.log.append(mdevLogPrefix(m.uuid) + QStringLiteral("Can not reserve queue %1 for host driver: in use by mdev").arg(hexApqn(q)));
            return o;
        }
    }
    current = next;
    rebindQueues(h);
    derived(h, derive);
    return {};
}

} // namespace

int maxAdapterId(const HostSnapshot &h) { return h.bus.maxAdapterId; }
int maxDomainId(const HostSnapshot &h) { return h.bus.maxDomainId; }

Outcome validateMatrix(const HostSnapshot &h, QStringView uuid, const IdMask &adapters, const IdMask &domains)
{
    if (!(adapters & h.bus.apmask).isEmpty() && !(domains & h.bus.aqmask).isEmpty())
        return Outcome::failure(EADDRNOTAVAIL);
    for (const Mdev &other : h.mdevs) {
        if (other.uuid == uuid)
            continue;
        const IdMask a = adapters & other.adapters;
        const IdMask d = domains & other.domains;
        if (a.isEmpty() || d.isEmpty())
            continue;
        Outcome o = Outcome::failure(EADDRINUSE);
        for (const Apqn q : crossProduct(a, d))
            o.log.append(mdevLogPrefix(uuid)
                         + QStringLiteral("Userspace may not assign queue %1 to mdev: already assigned to %2").arg(hexApqn(q), other.uuid));
        return o;
    }
    return {};
}

Outcome checkAssign(const HostSnapshot &h, QStringView uuid, MatrixPart part, int id)
{
    const Mdev *m = h.mdev(uuid);
    if (!m)
        return Outcome::failure(ENOENT);
    if (id < 0 || id > maxFor(h, part))
        return Outcome::failure(ENODEV);
    Mdev candidate = *m;
    IdMask &mask = partOf(candidate, part);
    if (mask.test(id) || part == MatrixPart::ControlDomain)
        return {};
    mask.set(id);
    return validateMatrix(h, uuid, candidate.adapters, candidate.domains);
}

Outcome checkConfig(const HostSnapshot &h, QStringView uuid, const IdMask &adapters, const IdMask &domains,
                    const IdMask &controlDomains)
{
    Outcome o = validateMatrix(h, uuid, adapters, domains);
    if (!o.ok())
        return o;
    if (!withinMax(adapters, maxAdapterId(h)) || !withinMax(domains, maxDomainId(h))
        || !withinMax(controlDomains, maxDomainId(h)))
        return Outcome::failure(ENODEV);
    return {};
}

bool isPassable(const HostSnapshot &h, Apqn q)
{
    const Queue *queue = h.queue(q);
    return queue && queue->isBoundToVfio();
}

GuestMatrix computeGuestMatrix(const HostSnapshot &h, const IdMask &adapters, const IdMask &domains,
                               const IdMask &controlDomains)
{
    GuestMatrix g;
    if (!h.bus.qciAvailable)
        return g; // without QCI the driver's configuration snapshot is zero: nothing passes
    g.adapters = adapters & h.bus.configuredAdapters;
    g.domains = domains & h.bus.configuredDomains;
    g.controlDomains = controlDomains & h.bus.configuredControlDomains;
    if (g.domains.isEmpty())
        return g;
    const QList<int> doms = g.domains.ids();
    // One pass over the host's queues instead of a search per APQN (a full matrix has 65,536).
    std::vector<bool> passable(1 << 16);
    for (const Queue &q : h.queues)
        if (q.isBoundToVfio())
            passable[q.apqn.value()] = true;
    for (int a : g.adapters.ids()) {
        for (int d : doms) {
            const Apqn q{quint8(a), quint8(d)};
            if (!passable[q.value()]) {
                g.adapters.clear(a);
                g.filteredAdapters.append({a, q});
                break;
            }
        }
    }
    return g;
}

void refreshDerivedState(HostSnapshot &h)
{
    for (Mdev &m : h.mdevs)
        refreshMdev(h, m);
    updateQueueStatus(h);
}

Outcome assign(HostSnapshot &h, QStringView uuid, MatrixPart part, QByteArrayView text, Derive derive)
{
    Mdev *m = h.mdev(uuid);
    if (!m)
        return Outcome::failure(ENOENT);
    std::uint64_t id = 0;
    if (Outcome o = parseId(text, id); !o.ok())
        return o;
    if (id > std::uint64_t(maxFor(h, part)))
        return Outcome::failure(ENODEV);
    Outcome o = checkAssign(h, uuid, part, int(id));
    if (!o.ok())
        return o;
    partOf(*m, part).set(int(id));
    derived(h, derive);
    return o;
}

Outcome unassign(HostSnapshot &h, QStringView uuid, MatrixPart part, QByteArrayView text, Derive derive)
{
    Mdev *m = h.mdev(uuid);
    if (!m)
        return Outcome::failure(ENOENT);
    std::uint64_t id = 0;
    if (Outcome o = parseId(text, id); !o.ok())
        return o;
    if (id > std::uint64_t(maxFor(h, part)))
        return Outcome::failure(ENODEV);
    partOf(*m, part).clear(int(id));
    derived(h, derive);
    return {};
}

std::optional<MatrixAssignment> parseApConfigWrite(QByteArrayView text)
{
    constexpr qsizetype kApConfigStrlen = 3 * (256 / 4 + 3);
    QByteArrayView rest = text.first(std::min(text.size(), kApConfigStrlen));
    // kstrndup stops at a NUL as well.
    if (const qsizetype nul = rest.indexOf('\0'); nul >= 0)
        rest = rest.first(nul);
    IdMask parsed[3];
    bool exhausted = false;
    for (IdMask &mask : parsed) {
        if (exhausted)
            return std::nullopt;
        qsizetype end = 0;
        while (end < rest.size() && rest[end] != ',' && rest[end] != '\n')
            ++end;
        const QByteArrayView field = rest.first(end);
        if (end == rest.size())
            exhausted = true; // strsep: no delimiter left, the next field is missing
        else
            rest = rest.sliced(end + 1);
        if (!IdMask::parseAbsolute(field, mask))
            return std::nullopt;
    }
    return MatrixAssignment{parsed[0], parsed[1], parsed[2]};
}

Outcome writeApConfig(HostSnapshot &h, QStringView uuid, QByteArrayView text, Derive derive)
{
    Mdev *m = h.mdev(uuid);
    if (!m)
        return Outcome::failure(ENOENT);
    const std::optional<MatrixAssignment> parsed = parseApConfigWrite(text);
    if (!parsed)
        return Outcome::failure(EINVAL);
    Outcome o = checkConfig(h, uuid, parsed->adapters, parsed->domains, parsed->controlDomains);
    if (!o.ok())
        return o;
    m->adapters = parsed->adapters;
    m->domains = parsed->domains;
    m->controlDomains = parsed->controlDomains;
    derived(h, derive);
    return o;
}

Outcome writeApmask(HostSnapshot &h, QByteArrayView text, Derive derive) { return maskWrite(h, text, true, derive); }
Outcome writeAqmask(HostSnapshot &h, QByteArrayView text, Derive derive) { return maskWrite(h, text, false, derive); }

Outcome createMdev(HostSnapshot &h, QByteArrayView text, Derive derive)
{
    if (text.size() != 36 && text.size() != 37)
        return Outcome::failure(EINVAL);
    const QByteArrayView body = text.first(36);
    if (text.size() == 37 && text[36] != '\n')
        return Outcome::failure(EINVAL);
    for (qsizetype i = 0; i < 36; ++i) {
        const char c = body[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (dash ? c != '-' : !hex)
            return Outcome::failure(EINVAL);
    }
    const QString uuid = QString::fromLatin1(body).toLower();
    if (h.mdev(uuid))
        return Outcome::failure(EEXIST);
    if (h.matrix.availableInstances <= 0)
        return Outcome::failure(EUSERS);
    Mdev m;
    m.uuid = uuid;
    // Only the mdev list changes; keep it in uuid order without re-sorting the whole host.
    const auto at = std::lower_bound(h.mdevs.begin(), h.mdevs.end(), uuid, [](const Mdev &x, const QString &u) { return x.uuid < u; });
    h.mdevs.insert(at, m);
    h.matrix.availableInstances -= 1;
    derived(h, derive);
    return {};
}

Outcome removeMdev(HostSnapshot &h, QStringView uuid, QByteArrayView text, Derive derive)
{
    if (!h.mdev(uuid))
        return Outcome::failure(ENOENT);
    std::uint64_t v = 0;
    if (Outcome o = parseId(text, v); !o.ok())
        return Outcome::failure(EINVAL);
    if (v == 0)
        return {};
    Outcome o;
    if (guestRunning(h, uuid)) {
        // The VFIO core asks the user (QEMU) to release the device; QEMU unplugs it from the
        // guest and the removal completes.
        o.log.append(mdevLogPrefix(uuid) + QStringLiteral("Relaying device request to user (#0)"));
    }
    for (Guest &g : h.guests)
        if (g.mdev == uuid)
            g.mdev.clear();
    h.mdevs.removeIf([&](const Mdev &m) { return m.uuid == uuid; });
    h.matrix.availableInstances += 1;
    derived(h, derive);
    return o;
}

std::optional<WritableAttribute> classifyWritable(QStringView path)
{
    using K = WritableAttribute::Kind;
    const QString bus = sysfs::paths::bus() + QLatin1Char('/');
    if (path == QString(bus + u"apmask"))
        return WritableAttribute{K::Apmask, {}};
    if (path == QString(bus + u"aqmask"))
        return WritableAttribute{K::Aqmask, {}};
    if (path == QString(sysfs::paths::mdevType() + u"/create"))
        return WritableAttribute{K::CreateMdev, {}};
    const QString matrix = sysfs::paths::matrix() + QLatin1Char('/');
    if (!path.startsWith(matrix))
        return std::nullopt;
    const QStringView rest = path.mid(matrix.size());
    if (rest.size() < 38 || rest[36] != QLatin1Char('/'))
        return std::nullopt;
    const QString uuid = rest.first(36).toString();
    if (QUuid::fromString(uuid).isNull() || uuid != uuid.toLower())
        return std::nullopt;
    const QStringView attr = rest.mid(37);
    static const std::pair<const char *, K> kAttrs[] = {
        {"remove", K::RemoveMdev}, {"ap_config", K::ApConfig},
        {"assign_adapter", K::AssignAdapter}, {"unassign_adapter", K::UnassignAdapter},
        {"assign_domain", K::AssignDomain}, {"unassign_domain", K::UnassignDomain},
        {"assign_control_domain", K::AssignControlDomain}, {"unassign_control_domain", K::UnassignControlDomain},
    };
    for (const auto &[name, kind] : kAttrs)
        if (attr == QLatin1String(name))
            return WritableAttribute{kind, uuid};
    return std::nullopt;
}

QString writablePath(const WritableAttribute &a)
{
    using K = WritableAttribute::Kind;
    const auto mdevAttr = [&](const char *name) -> QString { return sysfs::paths::mdev(a.uuid) + QLatin1Char('/') + QLatin1String(name); };
    switch (a.kind) {
    case K::Apmask: return sysfs::paths::bus() + u"/apmask";
    case K::Aqmask: return sysfs::paths::bus() + u"/aqmask";
    case K::CreateMdev: return sysfs::paths::mdevType() + u"/create";
    case K::RemoveMdev: return mdevAttr("remove");
    case K::ApConfig: return mdevAttr("ap_config");
    case K::AssignAdapter: return mdevAttr("assign_adapter");
    case K::UnassignAdapter: return mdevAttr("unassign_adapter");
    case K::AssignDomain: return mdevAttr("assign_domain");
    case K::UnassignDomain: return mdevAttr("unassign_domain");
    case K::AssignControlDomain: return mdevAttr("assign_control_domain");
    case K::UnassignControlDomain: return mdevAttr("unassign_control_domain");
    }
    return {};
}

Outcome writeAttribute(HostSnapshot &h, QStringView path, QByteArrayView value, Derive derive)
{
    const auto attr = classifyWritable(path);
    if (!attr)
        return Outcome::failure(ENOENT);
    using K = WritableAttribute::Kind;
    switch (attr->kind) {
    case K::Apmask: return writeApmask(h, value, derive);
    case K::Aqmask: return writeAqmask(h, value, derive);
    case K::CreateMdev: return createMdev(h, value, derive);
    case K::RemoveMdev: return removeMdev(h, attr->uuid, value, derive);
    case K::ApConfig: return writeApConfig(h, attr->uuid, value, derive);
    case K::AssignAdapter: return assign(h, attr->uuid, MatrixPart::Adapter, value, derive);
    case K::UnassignAdapter: return unassign(h, attr->uuid, MatrixPart::Adapter, value, derive);
    case K::AssignDomain: return assign(h, attr->uuid, MatrixPart::Domain, value, derive);
    case K::UnassignDomain: return unassign(h, attr->uuid, MatrixPart::Domain, value, derive);
    case K::AssignControlDomain: return assign(h, attr->uuid, MatrixPart::ControlDomain, value, derive);
    case K::UnassignControlDomain: return unassign(h, attr->uuid, MatrixPart::ControlDomain, value, derive);
    }
    return Outcome::failure(ENOENT);
}

} // namespace ap::driver

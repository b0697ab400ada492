#include "drift.h"

#include "../common/result.h"

namespace ap::definitions {

QString Drift::summary() const
{
    QStringList parts;
    const auto add = [&parts](QChar sign, const char *what, const IdMask &ids) {
        for (int id : ids.ids())
            parts << QStringLiteral("%1%2 0x%3").arg(sign).arg(QLatin1String(what)).arg(id, 2, 16, QLatin1Char('0'));
    };
    add(QLatin1Char('+'), "adapter", addedAdapters());
    add(QLatin1Char('-'), "adapter", removedAdapters());
    add(QLatin1Char('+'), "domain", addedDomains());
    add(QLatin1Char('-'), "domain", removedDomains());
    add(QLatin1Char('+'), "control domain", addedControlDomains());
    add(QLatin1Char('-'), "control domain", removedControlDomains());
    return parts.join(QLatin1Char(' '));
}

std::optional<Drift> driftOf(const HostSnapshot &h, QStringView uuid)
{
    const Mdev *m = h.mdev(uuid);
    if (!m || !h.definitions)
        return std::nullopt;
    const MdevDefinition *d = h.definitions->find(uuid);
    if (!d)
        return std::nullopt;
    return Drift{MatrixAssignment::of(*m), d->matrix};
}

QStringList driftedMdevs(const HostSnapshot &h)
{
    QStringList out;
    for (const Mdev &m : h.mdevs)
        if (const auto d = driftOf(h, m.uuid); d && !d->isEmpty())
            out << m.uuid;
    return out;
}

QList<Error> activeViewDifferences(const HostSnapshot &h)
{
    QList<Error> out;
    if (!h.definitions || !h.definitions->mdevctlActive)
        return out;
    const QStringList &active = *h.definitions->mdevctlActive;
    for (const QString &uuid : active)
        if (!h.mdev(uuid))
            out.append(makeError(ErrorCode::NotFound, h.host,
                                 QStringLiteral("mdevctl lists mdev %1 as active, sysfs has no such device").arg(uuid)));
    for (const Mdev &m : h.mdevs)
        if (!active.contains(m.uuid))
            out.append(makeError(ErrorCode::NotFound, h.host,
                                 QStringLiteral("sysfs has mdev %1, mdevctl does not list it as active").arg(m.uuid)));
    return out;
}

void applyDefinitions(HostSnapshot &h)
{
    if (!h.definitions)
        return;
    for (Mdev &m : h.mdevs) {
        const MdevDefinition *d = h.definitions->find(m.uuid);
        m.persistent = d != nullptr;
        m.autostart = d && d->autostart;
    }
    h.inactiveMdevs.clear();
    for (const MdevDefinition &d : h.definitions->definitions) {
        if (h.mdev(d.uuid))
            continue;
        Mdev m;
        m.uuid = d.uuid;
        m.adapters = d.matrix.adapters;
        m.domains = d.matrix.domains;
        m.controlDomains = d.matrix.controlDomains;
        m.persistent = true;
        m.autostart = d.autostart;
        h.inactiveMdevs.append(m);
    }
}

} // namespace ap::definitions

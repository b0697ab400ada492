#include "inventorytext.h"

#include <QMap>

namespace ap::report {

namespace {
QString yesNo(bool v) { return v ? QStringLiteral("yes") : QStringLiteral("no"); }
QString hexIds(const IdMask &m)
{
    QStringList out;
    for (int id : m.ids())
        out.append(QStringLiteral("0x%1").arg(id, 2, 16, QLatin1Char('0')));
    return out.isEmpty() ? QStringLiteral("-") : out.join(QLatin1Char(','));
}
QString presenceText(Guest::Presence p)
{
    switch (p) {
    case Guest::Presence::Live: return QStringLiteral("running guest only (not in its persistent definition)");
    case Guest::Presence::Persistent: return QStringLiteral("persistent definition only (plugged at the guest's next start)");
    case Guest::Presence::Both: return QStringLiteral("running guest and persistent definition");
    }
    return {};
}
} // namespace

QString inventoryText(const HostSnapshot &h)
{
    QString s;
    s += QStringLiteral("Host %1").arg(h.host);
    if (!h.description.isEmpty())
        s += QStringLiteral(" (%1)").arg(h.description);
    s += QLatin1Char('\n');
    const QString unknown = QStringLiteral("unknown");
    s += QStringLiteral("AP bus: max adapter id %1, max domain id %2, features %3\n")
             .arg(h.bus.maxAdapterId).arg(h.bus.maxDomainId)
             .arg(!h.apDetailKnown ? unknown : h.bus.qciAvailable ? h.bus.features.join(QLatin1Char(' ')) : QStringLiteral("(no QCI)"));
    s += QStringLiteral("  apmask %1\n  aqmask %2\n")
             .arg(h.bus.apmaskKnown ? h.bus.apmask.toHex() : unknown, h.bus.aqmaskKnown ? h.bus.aqmask.toHex() : unknown);
    if (h.matrix.present)
        s += QStringLiteral("vfio_ap: features %1; %2 mdev instances available\n")
                 .arg(h.apDetailKnown ? h.matrix.features.join(QLatin1Char(' ')) : unknown,
                      h.matrix.availableInstancesKnown ? QString::number(h.matrix.availableInstances) : unknown);
    else
        s += QStringLiteral("vfio_ap: not loaded\n");
    if (h.secureExecutionGuest)
        s += QStringLiteral("This host is a Secure Execution guest.\n");

    s += QStringLiteral("\nCards (%1):\n").arg(h.cards.size());
    s += QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
             .arg(QStringLiteral("ID"), -5).arg(QStringLiteral("TYPE"), -6).arg(QStringLiteral("MODE"), -6)
             .arg(QStringLiteral("FUNCTIONS"), -11).arg(QStringLiteral("CONFIG"), -7).arg(QStringLiteral("ONLINE"), -7)
             .arg(QStringLiteral("CHKSTOP"));
    // A view with AP ids only (libvirt alone) shows nothing of the cards but their ids.
    for (const Card &c : h.cards)
        s += !h.apDetailKnown
            ? QStringLiteral("  %1 %2\n").arg(QStringLiteral("0x%1").arg(c.id, 2, 16, QLatin1Char('0')), -5).arg(QStringLiteral("(type, mode, functions and state unknown)"))
            : QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
                 .arg(QStringLiteral("0x%1").arg(c.id, 2, 16, QLatin1Char('0')), -5)
                 .arg(c.typeName().isEmpty() ? QStringLiteral("?") : c.typeName(), -6)
                 .arg(modeKey(c.mode()).isEmpty() ? QStringLiteral("-") : modeKey(c.mode()), -6)
                 .arg(QStringLiteral("0x%1").arg(c.functions, 8, 16, QLatin1Char('0')).toUpper().replace(QLatin1String("0X"), QLatin1String("0x")), -11)
                 .arg(yesNo(c.config), -7)
                 .arg(c.online ? yesNo(*c.online) : QStringLiteral("-"), -7)
                 .arg(yesNo(c.chkstop));

    QMap<QString, int> byDriver;
    for (const Queue &q : h.queues)
        byDriver[q.driver.isEmpty() ? QStringLiteral("unbound") : q.driver] += 1;
    QStringList parts;
    for (auto it = byDriver.cbegin(); it != byDriver.cend(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    s += QStringLiteral("\nQueues: %1 (%2)\n").arg(h.queues.size()).arg(h.apDetailKnown ? parts.join(QStringLiteral(", ")) : QStringLiteral("bindings unknown"));

    const auto lifetime = [](const Mdev &m) -> QString {
        switch (m.lifetime()) {
        case Mdev::Lifetime::Unknown: return {};
        case Mdev::Lifetime::Transient: return QStringLiteral("  transient");
        case Mdev::Lifetime::Persistent: return QStringLiteral("  persistent");
        case Mdev::Lifetime::PersistentAutostart: return QStringLiteral("  persistent, autostart");
        }
        return {};
    };
    s += QStringLiteral("\nMdevs (%1):\n").arg(h.mdevs.size());
    for (const Mdev &m : h.mdevs) {
        const Guest *g = h.guestOfMdev(m.uuid);
        s += QStringLiteral("  %1%2%3\n").arg(m.uuid, g ? QStringLiteral("  guest %1 (%2)").arg(g->name, guestStateName(g->state)) : QString(), lifetime(m));
        if (m.matrixKnown)
            s += QStringLiteral("    adapters %1; domains %2; control domains %3\n")
                     .arg(hexIds(m.adapters), hexIds(m.domains), hexIds(m.controlDomains));
        else
            s += QStringLiteral("    matrix unknown (this view does not show the mdev's assignment)\n");
        s += m.guestMatrixKnown && m.matrixKnown
            ? QStringLiteral("    guest matrix: %1 of %2 APQNs\n").arg(m.guestMatrix().size()).arg(m.matrix().size())
            : QStringLiteral("    guest matrix: unknown\n");
    }
    if (!h.inactiveMdevs.isEmpty()) {
        s += QStringLiteral("\nDefined, not started (%1):\n").arg(h.inactiveMdevs.size());
        for (const Mdev &m : h.inactiveMdevs)
            s += m.matrixKnown ? QStringLiteral("  %1%2\n    adapters %3; domains %4; control domains %5\n")
                                     .arg(m.uuid, lifetime(m), hexIds(m.adapters), hexIds(m.domains), hexIds(m.controlDomains))
                               : QStringLiteral("  %1%2\n    matrix unknown\n").arg(m.uuid, lifetime(m));
    }
    if (!h.guests.isEmpty()) {
        s += QStringLiteral("\nGuests (%1):\n").arg(h.guests.size());
        for (const Guest &g : h.guests) {
            s += QStringLiteral("  %1 %2 %3\n").arg(g.name, -16).arg(guestStateName(g.state), -9)
                     .arg(g.mdev.isEmpty() ? QStringLiteral("-") : g.mdev);
            for (const Guest::ApHostdev &d : g.apHostdevs)
                s += QStringLiteral("    vfio-ap hostdev %1: %2\n").arg(d.uuid, presenceText(d.presence));
        }
    }
    if (!h.issues.isEmpty()) {
        s += QStringLiteral("\nAttributes that could not be read (%1):\n").arg(h.issues.size());
        for (const Error &e : h.issues)
            s += QStringLiteral("  %1: %2\n").arg(e.where, e.detail);
    }
    return s;
}

} // namespace ap::report

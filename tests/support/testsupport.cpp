#include "testsupport.h"

#include <driver/vfioapdriver.h>
#include <sysfs/dumpformat.h>
#include <sysfs/dumpscript.h>

#include <QProcess>

namespace ap::test {

HostSnapshot makeHost(int adapters, int domains, bool releaseAll)
{
    HostSnapshot h;
    h.host = QStringLiteral("test");
    h.bus.maxAdapterId = std::max(63, adapters - 1);
    h.bus.maxDomainId = std::max(84, domains - 1);
    h.bus.apmask = releaseAll ? IdMask() : IdMask::all();
    h.bus.aqmask = releaseAll ? IdMask() : IdMask::all();
    h.bus.features = {QStringLiteral("APSC"), QStringLiteral("APXA"), QStringLiteral("QACT")};
    h.bus.configuredAdapters = IdMask::range(0, adapters - 1);
    h.bus.configuredDomains = IdMask::range(0, domains - 1);
    h.bus.configuredControlDomains = IdMask::range(0, domains - 1);
    h.bus.defaultDomain = 0;
    h.matrix.features = {QStringLiteral("guest_matrix"), QStringLiteral("hotplug"), QStringLiteral("ap_config")};
    const std::uint32_t f = Hwinfo::kFacApsc | Hwinfo::kFacCca | Hwinfo::kFacApxa | 0x00800000u;
    for (int a = 0; a < adapters; ++a) {
        Card c;
        c.id = a;
        c.hwtype = c.rawHwtype = 14;
        c.functions = f;
        c.depth = 7;
        c.maxMessageSize = 24576;
        c.driver = drivers::cex4card();
        c.typeString = QStringLiteral("CEX8C");
        c.online = true;
        c.requestCount = 0;
        h.cards.append(c);
        for (int d = 0; d < domains; ++d) {
            Queue q;
            q.apqn = Apqn{quint8(a), quint8(d)};
            q.functions = f;
            q.requestCount = 0;
            if (h.isReservedForHost(q.apqn)) {
                q.driver = drivers::cex4queue();
                q.online = true;
            } else {
                q.driver = drivers::vfioAp();
            }
            h.queues.append(q);
        }
    }
    driver::refreshDerivedState(h);
    return h;
}

Mdev &addMdev(HostSnapshot &h, const QString &uuid, const QList<int> &adapters, const QList<int> &domains,
              const QList<int> &controlDomains)
{
    Mdev m;
    m.uuid = uuid;
    m.adapters = IdMask::fromIds(adapters);
    m.domains = IdMask::fromIds(domains);
    m.controlDomains = IdMask::fromIds(controlDomains);
    h.mdevs.append(m);
    h.matrix.availableInstances -= 1;
    h.sort();
    driver::refreshDerivedState(h);
    return *h.mdev(uuid);
}

HostSnapshot makeHalfReleasedHost(int adapters, int domains, const QString &uuid)
{
    HostSnapshot h = makeHost(adapters, domains, false);
    h.bus.apmask = IdMask::range(adapters / 2, 255);
    h.bus.aqmask = IdMask::range(0, 255);
    for (Queue &q : h.queues) {
        q.driver = h.isReservedForHost(q.apqn) ? drivers::cex4queue() : drivers::vfioAp();
        if (q.isBoundToZcrypt())
            q.online = true;
        else
            q.online.reset();
    }
    addMdev(h, uuid, IdMask::range(0, adapters / 2 - 1).ids(), IdMask::range(0, domains - 1).ids());
    return h;
}

QByteArray runDump(const QString &root, const QStringList &args, const QString &path)
{
    QProcess p;
    if (!path.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), path + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        p.setProcessEnvironment(env);
    }
    p.start(QStringLiteral("/bin/sh"), QStringList{QStringLiteral("-c"), sysfs::dumpScript(), QStringLiteral("sh"), root} + args);
    if (!p.waitForFinished(60000))
        return {};
    return p.readAllStandardOutput();
}

} // namespace ap::test

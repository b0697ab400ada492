// Fleet planning: the compatibility map of N hosts with four AP guests each (every guest against
// every other host), and an evacuation plan for a host with 20 AP guests. One host in five holds
// other master keys (refusals, and the replug search over other adapters).
#include "benchutil.h"
#include "testsupport.h"

#include <fleet/evacuation.h>
#include <fleet/fleetmap.h>

#include <QCoreApplication>
#include <QThreadPool>

#include <cstdio>

using namespace ap;

namespace {

HostSnapshot fleetHost(int index, int guests)
{
    HostSnapshot h = test::makeHost(6, 85);
    h.host = QStringLiteral("bench:h%1").arg(index);
    h.matrix.features.append(QStringLiteral("migratable"));
    const QByteArray keys = index % 5 == 4 ? "bbbb" : "aaaa";
    for (const Queue &q : h.queues) {
        Mkvps m;
        m.registers = {{MkvpRegister::Kind::Aes, MkvpRegister::Slot::Cur, MkvpRegister::State::Valid, keys + QByteArray::number(q.apqn.domain)}};
        h.lastSeenMkvps.insert(q.apqn, m);
    }
    for (int g = 0; g < guests; ++g) {
        const QString uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(index * 1000 + g, 12, 10, QLatin1Char('0'));
        test::addMdev(h, uuid, {g % 6}, {4 * (g / 6) + 2 * (index % 2), 4 * (g / 6) + 2 * (index % 2) + 1});
        h.guests.append(Guest{QStringLiteral("h%1-g%2").arg(index).arg(g), Guest::State::Running, uuid});
    }
    return h;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("threads: %d\n\n| hosts | AP guests | cells | map |\n| ---: | ---: | ---: | ---: |\n", QThreadPool::globalInstance()->maxThreadCount());
    for (const int hosts : {10, 25, 50, 100}) {
        QList<HostSnapshot> fleet;
        for (int i = 0; i < hosts; ++i)
            fleet.append(fleetHost(i, 4));
        int cells = 0;
        const double ms = bench::medianMs(3, [&] {
            const fleet::FleetMap map = fleet::computeFleetMap(fleet, migration::DriverProfile::V2);
            cells = 0;
            for (const auto &r : map.rows)
                cells += int(std::count_if(r.cells.cbegin(), r.cells.cend(), [](const auto &c) { return c.has_value(); }));
        });
        std::printf("| %d | %d | %d | %.0f ms |\n", hosts, hosts * 4, cells, ms);
    }
    std::printf("\n| AP guests to place | destinations | placed | plan (with replay) |\n| ---: | ---: | ---: | ---: |\n");
    for (const int guests : {5, 10, 20, 40}) {
        for (const int destinations : {5, 10, 20}) {
            const HostSnapshot source = fleetHost(0, guests);
            QList<HostSnapshot> others;
            for (int i = 1; i <= destinations; ++i)
                others.append(fleetHost(i, 2));
            qsizetype placed = 0;
            const double ms = bench::medianMs(3, [&] {
                placed = fleet::planEvacuation(source, others, migration::DriverProfile::V2).moves.size();
            });
            std::printf("| %d | %d | %lld | %.0f ms |\n", guests, destinations, static_cast<long long>(placed), ms);
        }
    }
    return 0;
}

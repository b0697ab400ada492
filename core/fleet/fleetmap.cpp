#include "fleetmap.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

namespace ap::fleet {

FleetMap computeFleetMap(const QList<HostSnapshot> &hosts, migration::DriverProfile profile)
{
    FleetMap map;
    map.profile = profile;
    for (const HostSnapshot &h : hosts)
        map.hosts.append(h.host);
    struct Job {
        qsizetype source;
        Guest guest;
    };
    QList<Job> jobs;
    for (qsizetype i = 0; i < hosts.size(); ++i)
        for (const Guest &g : apGuests(hosts.at(i)))
            jobs.append({i, g});
    map.rows = QtConcurrent::blockingMapped<QList<FleetRow>>(jobs, [&hosts, profile](const Job &job) {
        FleetRow row;
        row.host = hosts.at(job.source).host;
        row.guest = job.guest;
        for (qsizetype t = 0; t < hosts.size(); ++t)
            row.cells.append(t == job.source ? std::nullopt
                                             : std::optional<Placement>(placeGuest(hosts.at(job.source), job.guest.name, hosts.at(t), profile)));
        return row;
    });
    return map;
}

QFuture<FleetMap> computeFleetMapAsync(QList<HostSnapshot> hosts, migration::DriverProfile profile)
{
    return QtConcurrent::run([hosts = std::move(hosts), profile] { return computeFleetMap(hosts, profile); });
}

} // namespace ap::fleet

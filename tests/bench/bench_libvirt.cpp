// Live migration between two real libvirt hosts (scripts/libvirt-hosts.sh, needs root): the
// console's runner against `virsh migrate` of the same 128 MiB guest in the same run. Prints the
// time from "start migration" to the first progress figure and the whole migration, median of
// `runs` round trips (default 3): the console moves the guest a -> b, virsh moves it back.
// Usage: bench_libvirt [RUNS]
#include "libvirthostsfixture.h"

#include <hosts/libvirt/libvirthost.h>
#include <migration/migrationplan.h>
#include <migration/runnerfactory.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace ap;
using namespace ap::migration;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    if (const QString why = test::LibvirtHostsFixture::unavailableReason(); !why.isEmpty()) {
        std::fprintf(stderr, "bench_libvirt: %s\n", qPrintable(why));
        return 1;
    }
    QTemporaryDir dir;
    test::LibvirtHostsFixture hosts(QStringLiteral(APCONSOLE_SOURCE_DIR "/scripts/libvirt-hosts.sh"), dir.path());
    if (const Status s = hosts.up(); !s) {
        std::fprintf(stderr, "bench_libvirt: %s\n", qPrintable(s.error().toString()));
        return 1;
    }
    const QString guest = QStringLiteral("bench-128");
    if (const Status s = hosts.startGuest(guest, 'a', 128); !s) {
        std::fprintf(stderr, "bench_libvirt: %s\n", qPrintable(s.error().toString()));
        return 1;
    }
    LibvirtHost a(*HostUri::parse(hosts.uri('a')));
    LibvirtHost b(*HostUri::parse(hosts.uri('b')));
    const auto virshBack = [&] {
        QElapsedTimer t;
        t.start();
        const auto r = hosts.virsh('b', {QStringLiteral("migrate"), QStringLiteral("--live"), QStringLiteral("--p2p"), QStringLiteral("--persistent"),
                                        QStringLiteral("--undefinesource"), guest, hosts.uri('a')});
        if (!r) {
            std::fprintf(stderr, "bench_libvirt: virsh migrate: %s\n", qPrintable(r.error().toString()));
            std::exit(1);
        }
        return double(t.nsecsElapsed()) / 1e6;
    };
    const auto console = [&](double &firstProgressMs) {
        QElapsedTimer t;
        t.start(); // "Start migration": both hosts read, the plan made, the job run
        const auto src = a.readInventory().result();
        const auto dst = b.readInventory().result();
        if (!src || !dst) {
            std::fprintf(stderr, "bench_libvirt: a host could not be read\n");
            std::exit(1);
        }
        MigrationRequest r;
        r.guest = guest;
        r.viaLibvirt = true;
        const auto plan = buildPlan(*src, *dst, r);
        const auto work = plan ? migrationWork(a, b, *plan, {}) : Result<MigrationJob::Work>(plan.error());
        if (!work) {
            std::fprintf(stderr, "bench_libvirt: %s\n", qPrintable(work.error().toString()));
            std::exit(1);
        }
        firstProgressMs = -1;
        const std::atomic_bool cancel = false;
        const RunEvent result = (*work)([&](const RunEvent &e) {
            if (e.kind == RunEvent::Kind::Memory && e.bytes > 0 && firstProgressMs < 0)
                firstProgressMs = double(t.nsecsElapsed()) / 1e6;
        }, cancel);
        if (!result.ok) {
            std::fprintf(stderr, "bench_libvirt: the console's migration failed: %s\n", qPrintable(result.text));
            std::exit(1);
        }
        return double(t.nsecsElapsed()) / 1e6;
    };
    // Warm-up: the first migration to each host probes QEMU's capabilities (+1 s).
    double ignored = 0;
    console(ignored);
    virshBack();
    QList<double> first, whole, viaVirsh;
    for (int i = 0; i < runs; ++i) {
        double f = 0;
        whole.append(console(f));
        first.append(f);
        viaVirsh.append(virshBack());
    }
    std::printf("128 MiB guest, %d runs (median)\n", runs);
    std::printf("console: start migration -> first progress figure  %8.0f ms\n", median(first));
    std::printf("console: whole live migration (reads + plan + job) %8.0f ms\n", median(whole));
    std::printf("virsh migrate --live --p2p, same guest             %8.0f ms\n", median(viaVirsh));
    std::printf("ratio console / virsh                              %8.2f\n", median(whole) / median(viaVirsh));
    return 0;
}

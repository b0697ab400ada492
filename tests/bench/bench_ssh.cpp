// Full inventory over SSH (a real sshd on 127.0.0.1) against the same tree read locally plus the
// transfer alone (as many bytes through the same kept connection), then refreshes after one
// changed attribute — one the kernel changes without a uevent (the walk is skipped) and one that
// comes with a uevent (walked, only the change sent) — with and without gzip on the host, and the
// client's memory for a read against the snapshot's own size.
// Usage: bench_ssh [WORKDIR] [RUNS] [LARGEST]   (needs /usr/sbin/sshd; LARGEST: 0-3, default 3 = 256x256)
#include "benchutil.h"
#include "sshdfixture.h"
#include "testsupport.h"

#include <hosts/ssh/sshhost.h>
#include <hosts/sysfshost.h>
#include <sysfs/paths.h>
#include <sysfs/treewriter.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>

using namespace ap;

namespace {

/// Peak resident set size in KiB since the last resetPeak().
long peakKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return 0;
}

void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

/// Heap in use, including the large blocks malloc maps on their own.
long long heapBytes()
{
    const struct mallinfo2 m = mallinfo2();
    return static_cast<long long>(m.uordblks + m.hblkhd);
}

bool setFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString work = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::tempPath();
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    const int largest = argc > 3 ? std::atoi(argv[3]) : 3;
    if (!test::SshdFixture::available()) {
        std::fprintf(stderr, "bench_ssh: sshd is not installed\n");
        return 1;
    }
    QTemporaryDir dir(work + QStringLiteral("/apbench-ssh-XXXXXX"));
    test::SshdFixture sshd(dir.path());
    if (Status s = sshd.start(); !s) {
        std::fprintf(stderr, "bench_ssh: %s\n", qPrintable(s.error().toString()));
        return 1;
    }
    sshd.exportClientEnvironment();
    qputenv("APCONSOLE_SSH_CONTROL_PERSIST", "60"); // as the console runs: the connection is kept
    struct Size { int adapters, domains; };
    const Size sizes[] = {{4, 16}, {16, 85}, {64, 85}, {256, 256}};
    std::printf("| tree | queues | local read | transfer alone | ssh: first read (connects) | ssh: full read | ratio to local + transfer | "
                "refresh, no uevent | refresh after a uevent | ratio (no uevent / uevent) to the full read | "
                "stream: full / gzip -1 / refresh | full read with gzip | remote commands per read | client peak RSS of a read | snapshot |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    bool trusted = false;
    for (int i = 0; i <= largest && i < 4; ++i) {
        const Size s = sizes[i];
        const QString root = dir.filePath(QStringLiteral("tree-%1x%2").arg(s.adapters).arg(s.domains));
        const long long heap0 = heapBytes();
        HostSnapshot h = test::makeHost(s.adapters, s.domains);
        const long long snapshotBytes = heapBytes() - heap0;
        if (!sysfs::writeTree(h, root) || !QDir().mkpath(root + QStringLiteral("/sys/kernel"))
            || !setFile(root + QStringLiteral("/sys/kernel/uevent_seqnum"), "1000\n")) {
            std::fprintf(stderr, "bench_ssh: cannot write %s\n", qPrintable(root));
            return 1;
        }
        const auto options = [] {
            SshSettings st = SshSettings::fromEnvironment();
            st.compression = SshSettings::Compression::Never;
            return st;
        };
        auto remote = std::make_unique<SshHost>(*HostUri::parse(sshd.uri(root)), options());
        if (!trusted) {
            auto key = remote->client().scanHostKey(QDeadlineTimer(10000));
            if (!key || !remote->client().trustHostKey(*key)) {
                std::fprintf(stderr, "bench_ssh: cannot trust the host key\n");
                return 1;
            }
            trusted = true;
        }
        // First read: opens (or, from the second size on, finds) the kept connection; its peak
        // memory is the client's cost of a full read.
        const long rss0 = bench::rssKiB();
        resetPeak();
        QElapsedTimer first;
        first.start();
        auto r = remote->readInventory({600000}).result();
        const double firstMs = double(first.nsecsElapsed()) / 1e6;
        const long peak = peakKiB() - rss0;
        if (!r) {
            std::fprintf(stderr, "bench_ssh: %s\n", qPrintable(r.error().toString()));
            return 1;
        }
        const qint64 fullBytes = remote->lastReadStats().dumpBytes;
        r = makeError(ErrorCode::Internal, QString(), QString()); // drop the snapshot

        SysfsHost local(*HostUri::parse(QStringLiteral("sysfs:") + root));
        const double localMs = bench::medianMs(runs, [&] { (void)local.readInventory({600000}).result(); });

        // Full reads (no state kept on the host: every read is a first one).
        const int before = remote->client().invocations();
        const double fullMs = bench::medianMs(runs, [&] {
            remote->forgetReadState();
            (void)remote->readInventory({600000}).result();
        });
        const double perRead = double(remote->client().invocations() - before) / runs;

        // The floor for moving the stream: as many bytes through the same kept connection.
        const QString transferCommand = QStringLiteral("head -c %1 /dev/zero").arg(fullBytes);
        const double transferMs = bench::medianMs(runs, [&] {
            (void)remote->client().run(transferCommand, {}, QDeadlineTimer(600000));
        });

        // Refreshes after one changed attribute: a queue's request count (no uevent: the walk is
        // skipped) and a queue's config with the uevent the kernel sends for it (walked).
        const QString queueDir = root + QLatin1Char('/') + sysfs::paths::queue(Apqn{0, 1});
        const QString seqnum = root + QStringLiteral("/sys/kernel/uevent_seqnum");
        int flip = 0;
        bool configured = true;
        int uevents = 1000;
        qint64 refreshBytes = 0;
        bool refreshOk = true;
        (void)remote->readInventory({600000}).result(); // the state the refreshes start from
        const auto refresh = [&](bool uevent) {
            return bench::medianMs(runs, [&] {
                ++flip;
                if (uevent) {
                    configured = !configured;
                    (void)setFile(queueDir + QStringLiteral("/config"), configured ? "1\n" : "0\n");
                    (void)setFile(seqnum, QByteArray::number(++uevents) + '\n');
                } else {
                    (void)setFile(queueDir + QStringLiteral("/request_count"), QByteArray::number(900000 + flip) + '\n');
                }
                const auto rr = remote->readInventory({600000}).result();
                refreshOk = refreshOk && rr && remote->lastReadStats().incremental && remote->lastReadStats().directories == 1;
                refreshBytes = remote->lastReadStats().wireBytes;
            });
        };
        const double quickMs = refresh(false);
        const double walkedMs = refresh(true);
        // ...and what it produced equals a full local read of the changed tree.
        const auto refreshed = remote->readInventory({600000}).result();
        const auto direct = local.readInventory({600000}).result();
        refreshOk = refreshOk && refreshed && direct && refreshed->sameSysfsState(*direct);

        // The same full read with gzip -1 on the host.
        SshSettings zs = SshSettings::fromEnvironment();
        zs.compression = SshSettings::Compression::Always;
        SshHost zipped(*HostUri::parse(sshd.uri(root)), zs);
        qint64 gzBytes = 0;
        const double gzMs = bench::medianMs(runs, [&] {
            zipped.forgetReadState();
            (void)zipped.readInventory({600000}).result();
            gzBytes = zipped.lastReadStats().wireBytes;
        });

        std::printf("| %d x %d | %lld | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2fx | %.1f ms%s | %.1f ms | %.2f / %.2f | %.2f / %.2f / %.3f MB | %.1f ms | %.0f | %.1f MB | %.1f MB |\n",
                    s.adapters, s.domains, static_cast<long long>(h.queues.size()), localMs, transferMs, firstMs, fullMs,
                    fullMs / (localMs + transferMs), quickMs, refreshOk ? "" : " (WRONG)", walkedMs, quickMs / fullMs, walkedMs / fullMs,
                    double(fullBytes) / 1e6, double(gzBytes) / 1e6, double(refreshBytes) / 1e6, gzMs, perRead, double(peak) / 1024.0,
                    double(snapshotBytes) / 1e6);
        std::fflush(stdout);
        remote.reset();
    }
    // End the kept connection: the benchmark leaves nothing running.
    SshClient(*HostUri::parse(sshd.uri(dir.path())), SshSettings::fromEnvironment()).disconnect();
    return 0;
}

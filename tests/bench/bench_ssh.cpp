// Full inventory over SSH (a real sshd on 127.0.0.1) against the same tree read locally.
// Usage: bench_ssh [WORKDIR] [RUNS]   (needs /usr/sbin/sshd; run as the user sshd lets in)
#include "benchutil.h"
#include "sshdfixture.h"
#include "testsupport.h"

#include <hosts/ssh/sshhost.h>
#include <hosts/sysfshost.h>
#include <sysfs/treewriter.h>

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>

#include <cstdio>

using namespace ap;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString work = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::tempPath();
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
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
    struct Size { int adapters, domains; };
    const Size sizes[] = {{4, 16}, {16, 85}, {64, 85}, {256, 256}};
    std::printf("| tree | queues | local read | ssh: first read (connects) | ssh: later reads | remote commands per read |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    bool trusted = false;
    for (const Size s : sizes) {
        const QString root = dir.filePath(QStringLiteral("tree-%1x%2").arg(s.adapters).arg(s.domains));
        HostSnapshot h = test::makeHost(s.adapters, s.domains);
        if (!sysfs::writeTree(h, root)) {
            std::fprintf(stderr, "bench_ssh: cannot write %s\n", qPrintable(root));
            return 1;
        }
        SysfsHost local(*HostUri::parse(QStringLiteral("sysfs:") + root));
        const double localMs = bench::medianMs(runs, [&] { (void)local.readInventory({600000}).result(); });
        SshHost remote(*HostUri::parse(sshd.uri(root)), SshSettings::fromEnvironment());
        if (!trusted) {
            auto key = remote.client().scanHostKey(QDeadlineTimer(10000));
            if (!key || !remote.client().trustHostKey(*key)) {
                std::fprintf(stderr, "bench_ssh: cannot trust the host key\n");
                return 1;
            }
            trusted = true;
        }
        QElapsedTimer first;
        first.start();
        const auto r = remote.readInventory({600000}).result();
        const double firstMs = double(first.nsecsElapsed()) / 1e6;
        if (!r) {
            std::fprintf(stderr, "bench_ssh: %s\n", qPrintable(r.error().toString()));
            return 1;
        }
        const int before = remote.client().invocations();
        const double laterMs = bench::medianMs(runs, [&] { (void)remote.readInventory({600000}).result(); });
        const double perRead = double(remote.client().invocations() - before) / runs;
        std::printf("| %d x %d | %lld | %.1f ms | %.1f ms | %.1f ms | %.0f |\n", s.adapters, s.domains, static_cast<long long>(h.queues.size()), localMs,
                    firstMs, laterMs, perRead);
        std::fflush(stdout);
    }
    return 0;
}

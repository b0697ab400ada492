#pragma once

#include <QElapsedTimer>
#include <malloc.h>
#include <QFile>
#include <QStringList>

#include <fcntl.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <vector>

namespace bench {

/// Median wall time in milliseconds of `runs` calls.
inline double medianMs(int runs, const std::function<void()> &f)
{
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer e;
        e.start();
        f();
        t.push_back(double(e.nsecsElapsed()) / 1e6);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

/// Bytes of heap in use in the main malloc arena (glibc); single-threaded code only.
inline long long heapInUse()
{
    return static_cast<long long>(mallinfo2().uordblks);
}

/// Resident set size of this process in KiB.
inline long rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return 0;
}

struct Run {
    double ms = 0;
    long maxRssKiB = 0;
};

/// Runs args[0] with stdout to /dev/null and stderr to `stderrFile` (or inherited when empty),
/// `env` ("NAME=value") added: the wall time and the child's peak RSS.
inline Run runChild(const QStringList &args, const QByteArrayList &env = {}, const QString &stderrFile = {})
{
    std::vector<std::string> words;
    for (const QString &a : args)
        words.push_back(a.toStdString());
    std::vector<char *> argv;
    for (std::string &w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    const QByteArray errPath = QFile::encodeName(stderrFile);
    QElapsedTimer t;
    t.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        if (!errPath.isEmpty())
            dup2(open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600), 2);
        for (const QByteArray &e : env)
            putenv(const_cast<char *>(e.constData()));
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    return {double(t.nsecsElapsed()) / 1e6, usage.ru_maxrss};
}

} // namespace bench

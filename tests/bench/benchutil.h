#pragma once

#include <QElapsedTimer>
#include <malloc.h>
#include <QFile>

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

} // namespace bench

#include "memorycopy.h"

#include <algorithm>

namespace ap::migration {

QList<MemorySample> simulatePrecopy(const MemoryCopyParams &p)
{
    QList<MemorySample> samples;
    const qint64 bw = std::max<qint64>(1, p.bandwidthBytesPerSecond);
    const qint64 step = std::max<qint64>(1, p.reportEveryBytes);
    qint64 transferred = 0;
    qint64 elapsedMs = 0;
    qint64 toSend = std::max<qint64>(0, p.memoryBytes);
    for (int iteration = 1; iteration <= std::max(1, p.maxIterations); ++iteration) {
        qint64 sent = 0;
        qint64 dirtied = 0;
        while (sent < toSend) {
            const qint64 n = std::min(step, toSend - sent);
            sent += n;
            transferred += n;
            const qint64 ms = n * 1000 / bw;
            elapsedMs += ms;
            dirtied = std::min(p.memoryBytes, dirtied + p.dirtyBytesPerSecond * ms / 1000);
            const qint64 remaining = toSend - sent + dirtied;
            samples.append({iteration, transferred, remaining, remaining * 1000 / bw, elapsedMs});
        }
        toSend = dirtied;
        if (toSend * 1000 / bw <= p.downtimeLimitMs)
            break;
    }
    if (samples.isEmpty())
        samples.append({1, 0, 0, 0, 0});
    return samples;
}

} // namespace ap::migration

#include "vfiostate.h"

#include <cerrno>

namespace ap::migration {

namespace {

constexpr quint32 kRequired[kVfioStateCount] = {
    0xFFFFFFFFu,                           // ERROR: never satisfiable
    StopCopyFlag,                          // STOP
    StopCopyFlag,                          // RUNNING
    StopCopyFlag,                          // STOP_COPY
    StopCopyFlag,                          // RESUMING
    StopCopyFlag | P2PFlag,                // RUNNING_P2P
    StopCopyFlag | PreCopyFlag,            // PRE_COPY
    StopCopyFlag | P2PFlag | PreCopyFlag,  // PRE_COPY_P2P
};

// vfio_from_fsm_table[current][requested] (kernel-interfaces §5.2).
constexpr int kTable[kVfioStateCount][kVfioStateCount] = {
    {0, 0, 0, 0, 0, 0, 0, 0},
    {0, 1, 5, 3, 4, 5, 5, 5},
    {0, 5, 2, 5, 5, 5, 6, 5},
    {0, 1, 1, 3, 1, 1, 0, 0},
    {0, 1, 1, 1, 4, 1, 1, 1},
    {0, 1, 2, 1, 1, 5, 2, 7},
    {0, 2, 2, 7, 2, 2, 6, 7},
    {0, 5, 5, 3, 5, 5, 6, 7},
};

const char *const kNames[kVfioStateCount] = {"ERROR", "STOP", "RUNNING", "STOP_COPY", "RESUMING", "RUNNING_P2P", "PRE_COPY", "PRE_COPY_P2P"};

Error einval(VfioState cur, VfioState req)
{
    return makeError(ErrorCode::Kernel, QStringLiteral("VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE"),
                     QStringLiteral("no path from %1 to %2").arg(vfioStateName(cur), vfioStateName(req)), {}, EINVAL);
}

} // namespace

QString vfioStateName(VfioState s)
{
    const int i = int(s);
    return i >= 0 && i < kVfioStateCount ? QString::fromLatin1(kNames[i]) : QStringLiteral("?");
}

std::optional<VfioState> parseVfioState(QStringView name)
{
    for (int i = 0; i < kVfioStateCount; ++i)
        if (name.compare(QLatin1String(kNames[i]), Qt::CaseInsensitive) == 0)
            return VfioState(i);
    return std::nullopt;
}

std::optional<quint32> parseMigrationFlags(QStringView text)
{
    quint32 flags = 0;
    for (QStringView word : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (word == u"stop_copy")
            flags |= StopCopyFlag;
        else if (word == u"p2p")
            flags |= P2PFlag;
        else if (word == u"pre_copy")
            flags |= PreCopyFlag;
        else
            return std::nullopt;
    }
    return flags;
}

bool isSupported(VfioState s, quint32 flags)
{
    const int i = int(s);
    if (i < 0 || i >= kVfioStateCount)
        return false;
    return (kRequired[i] & flags) == kRequired[i];
}

Result<VfioState> nextState(VfioState cur, VfioState req, quint32 flags)
{
    if (!isSupported(cur, flags) || !isSupported(req, flags))
        return einval(cur, req);
    int next = kTable[int(cur)][int(req)];
    while (!isSupported(VfioState(next), flags) && next != int(VfioState::Error))
        next = kTable[next][int(req)];
    if (next == int(VfioState::Error))
        return einval(cur, req); // the fixed kernel; see unpatchedKernelLocksUp()
    return VfioState(next);
}

bool unpatchedKernelLocksUp(VfioState cur, VfioState req, quint32 flags)
{
    if (!isSupported(cur, flags) || !isSupported(req, flags))
        return false; // refused before the walk
    int at = int(cur);
    for (int step = 0; step <= kVfioStateCount && at != int(req); ++step) {
        int next = kTable[at][int(req)];
        while (!isSupported(VfioState(next), flags) && next != int(VfioState::Error))
            next = kTable[next][int(req)];
        if (next == int(VfioState::Error))
            return true;
        at = next;
    }
    return false;
}

Result<QList<VfioState>> statePath(VfioState cur, VfioState req, quint32 flags)
{
    QList<VfioState> path;
    VfioState at = cur;
    if (!isSupported(cur, flags) || !isSupported(req, flags))
        return einval(cur, req);
    while (at != req) {
        auto n = nextState(at, req, flags);
        if (!n)
            return n.error();
        at = *n;
        path.append(at);
        if (path.size() > kVfioStateCount)
            return einval(cur, req); // cannot happen with the kernel's table; guards against a loop
    }
    return path;
}

} // namespace ap::migration

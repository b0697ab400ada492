#include "errnonames.h"

#include <cerrno>
#include <cstring>
#include <iterator>

namespace ap {

namespace {
struct ErrnoName {
    int value;
    const char *name;
};

// The errno values the AP bus, vfio_ap and the VFIO core can produce (kernel-interfaces §0.3),
// plus the ones host I/O commonly meets.
constexpr ErrnoName kNames[] = {
    {EPERM, "EPERM"},       {ENOENT, "ENOENT"},   {EIO, "EIO"},
    {ENXIO, "ENXIO"},       {E2BIG, "E2BIG"},     {EAGAIN, "EAGAIN"},
    {ENOMEM, "ENOMEM"},     {EACCES, "EACCES"},   {EFAULT, "EFAULT"},
    {EBUSY, "EBUSY"},       {EEXIST, "EEXIST"},   {ENODEV, "ENODEV"},
    {ENOTDIR, "ENOTDIR"},   {EISDIR, "EISDIR"},   {EINVAL, "EINVAL"},
    {ENOSPC, "ENOSPC"},     {ENOTTY, "ENOTTY"},   {ESPIPE, "ESPIPE"},
    {EROFS, "EROFS"},       {ERANGE, "ERANGE"},   {EUSERS, "EUSERS"},
    {EOPNOTSUPP, "EOPNOTSUPP"}, {EADDRINUSE, "EADDRINUSE"},
    {EADDRNOTAVAIL, "EADDRNOTAVAIL"}, {ETIMEDOUT, "ETIMEDOUT"},
    {ECANCELED, "ECANCELED"}, {EINTR, "EINTR"},
    {EHOSTUNREACH, "EHOSTUNREACH"}, {ECONNRESET, "ECONNRESET"}, {ECONNREFUSED, "ECONNREFUSED"},
};
} // namespace

QString errnoName(int err)
{
    for (const auto &n : kNames)
        if (n.value == err)
            return QString::fromLatin1(n.name);
    return QStringLiteral("E%1").arg(err);
}

int errnoFromName(QStringView name)
{
    for (const auto &n : kNames)
        if (name == QLatin1String(n.name))
            return n.value;
    return 0;
}

QString errnoMessage(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

int errnoFromMessage(QStringView message)
{
    const QStringView m = message.trimmed();
    for (int e = 1; e < 134; ++e) {
        if (m == errnoMessage(e))
            return e;
    }
    return 0;
}

} // namespace ap

#include "checkinput.h"

#include "blockers.h"

namespace ap::migration {

namespace {

Result<HostSnapshot> resultOf(QFuture<Result<HostSnapshot>> &f, const HostBackend *backend)
{
    f.waitForFinished();
    if (f.resultCount() == 0)
        return makeError(ErrorCode::Canceled, backend->uri().text, QStringLiteral("read canceled"));
    return f.result();
}

} // namespace

Result<CheckInput> readCheckInput(HostBackend *source, HostBackend *target, const QString &mdev,
                                  DriverProfile profile, const QString &guest)
{
    if (!source || !target)
        return makeError(ErrorCode::Unsupported, QString(), QStringLiteral("the host has no backend"));
    auto s = source->readInventory();
    auto t = target->readInventory();
    auto src = resultOf(s, source);
    if (!src)
        return src.error();
    // The source's libvirt answers while the target is still being read.
    CheckInput in;
    in.blockers = askMigrationBlockers(*source, *src, mdev);
    auto dst = resultOf(t, target);
    if (!dst)
        return dst.error();
    in.source = std::move(*src);
    in.target = std::move(*dst);
    in.mdev = mdev;
    in.guest = guest;
    in.profile = profile;
    return in;
}

} // namespace ap::migration

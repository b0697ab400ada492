#include "writeplan.h"

#include "../driver/vfioapdriver.h"

namespace ap::plans {

namespace {
using K = driver::WritableAttribute::Kind;

QString attr(K kind, const QString &uuid = {}) { return driver::writablePath({kind, uuid}); }

} // namespace

WritePlan createMdev(const QString &uuid)
{
    WritePlan p;
    p.summary = QStringLiteral("create mdev %1").arg(uuid);
    p.steps.append({{attr(K::CreateMdev), uuid.toLatin1() + '\n'}, SysfsWrite{attr(K::RemoveMdev, uuid), "1\n"},
                    QStringLiteral("create mdev %1").arg(uuid)});
    return p;
}

WritePlan removeMdev(const QString &uuid)
{
    WritePlan p;
    p.summary = QStringLiteral("remove mdev %1").arg(uuid);
    p.steps.append({{attr(K::RemoveMdev, uuid), "1\n"}, std::nullopt, QStringLiteral("remove mdev %1").arg(uuid)});
    return p;
}

WritePlan setApmask(const HostSnapshot &h, const IdMask &mask)
{
    WritePlan p;
    p.summary = QStringLiteral("set apmask");
    p.steps.append({{attr(K::Apmask), mask.toHex().toLatin1() + '\n'}, SysfsWrite{attr(K::Apmask), h.bus.apmask.toHex().toLatin1() + '\n'},
                    QStringLiteral("set apmask to %1").arg(mask.toHex())});
    return p;
}

WritePlan setAqmask(const HostSnapshot &h, const IdMask &mask)
{
    WritePlan p;
    p.summary = QStringLiteral("set aqmask");
    p.steps.append({{attr(K::Aqmask), mask.toHex().toLatin1() + '\n'}, SysfsWrite{attr(K::Aqmask), h.bus.aqmask.toHex().toLatin1() + '\n'},
                    QStringLiteral("set aqmask to %1").arg(mask.toHex())});
    return p;
}

} // namespace ap::plans

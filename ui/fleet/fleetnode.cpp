#include "fleetnode.h"

#include <array>
#include <utility>

namespace ap::ui {

namespace {
constexpr std::array<std::pair<NodeKind, const char *>, 8> kKindNames{{
    {NodeKind::Host, "host"},
    {NodeKind::AdapterGroup, "adapters"},
    {NodeKind::MdevGroup, "mdevs"},
    {NodeKind::GuestGroup, "guests"},
    {NodeKind::Adapter, "adapter"},
    {NodeKind::Mdev, "mdev"},
    {NodeKind::Guest, "guest"},
    {NodeKind::StoppedMdev, "stopped-mdev"},
}};
} // namespace

QVariantMap FleetNode::toSettings() const
{
    QString kindName;
    for (const auto &[k, name] : kKindNames)
        if (k == kind)
            kindName = QString::fromLatin1(name);
    return {{QStringLiteral("host"), hostUri}, {QStringLiteral("kind"), kindName}, {QStringLiteral("key"), key}};
}

FleetNode FleetNode::fromSettings(const QVariant &value)
{
    const QVariantMap map = value.toMap();
    const QString kindName = map.value(QStringLiteral("kind")).toString();
    for (const auto &[k, name] : kKindNames)
        if (kindName == QLatin1String(name))
            return {map.value(QStringLiteral("host")).toString(), k, map.value(QStringLiteral("key")).toString()};
    return {};
}

} // namespace ap::ui

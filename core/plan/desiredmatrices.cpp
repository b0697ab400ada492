#include "desiredmatrices.h"

#include "../sysfs/attributeparsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace ap {

namespace {

std::optional<IdMask> jsonIds(const QJsonValue &v)
{
    if (!v.isArray())
        return std::nullopt;
    IdMask m;
    for (const QJsonValue &e : v.toArray()) {
        const double d = e.toDouble(-1);
        if (!e.isDouble() || d != double(int(d)) || d < 0 || d > 255)
            return std::nullopt;
        m.set(int(d));
    }
    return m;
}

} // namespace

Result<MatrixTargets> parseDesiredMatrices(const QByteArray &json, const QString &origin)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject() || doc.object().isEmpty())
        return makeError(ErrorCode::Parse, origin,
                         QStringLiteral("not a JSON object of mdev UUIDs (%1)")
                             .arg(pe.error != QJsonParseError::NoError ? pe.errorString() : QStringLiteral("no mdev named")));
    MatrixTargets targets;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString uuid = it.key().toLower();
        if (!sysfs::isCanonicalUuid(uuid) || !it.value().isObject())
            return makeError(ErrorCode::Parse, origin, QStringLiteral("'%1' is not an mdev UUID with an object of ids").arg(it.key()));
        if (targets.contains(uuid))
            return makeError(ErrorCode::Parse, origin, QStringLiteral("%1 is named twice").arg(uuid));
        const std::pair<const char *, IdMask MatrixAssignment::*> parts[] = {
            {"adapters", &MatrixAssignment::adapters}, {"domains", &MatrixAssignment::domains}, {"control_domains", &MatrixAssignment::controlDomains}};
        const QJsonObject lists = it.value().toObject();
        if (lists.size() != 3)
            return makeError(ErrorCode::Parse, origin, QStringLiteral("%1: needs exactly the lists adapters, domains and control_domains").arg(it.key()));
        MatrixAssignment t;
        for (auto l = lists.begin(); l != lists.end(); ++l) {
            const auto part = std::find_if(std::begin(parts), std::end(parts), [&](const auto &p) { return l.key() == QLatin1String(p.first); });
            const auto ids = jsonIds(l.value());
            if (part == std::end(parts) || !ids)
                return makeError(ErrorCode::Parse, origin,
                                 QStringLiteral("%1: '%2' must be one of adapters, domains, control_domains with a list of ids 0-255").arg(it.key(), l.key()));
            t.*(part->second) = *ids;
        }
        targets.insert(uuid, t);
    }
    return targets;
}

} // namespace ap

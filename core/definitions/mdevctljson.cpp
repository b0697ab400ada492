#include "mdevctljson.h"

#include "../sysfs/attributeparsers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ap::definitions {

namespace {

/// 1-based line of a byte offset.
int lineAt(const QByteArray &text, qsizetype offset)
{
    return int(text.left(std::max<qsizetype>(0, offset)).count('\n')) + 1;
}

/// The line of the n-th (0-based) occurrence of `needle`, or 1 when it cannot be found.
int lineOf(const QByteArray &text, const QByteArray &needle, int nth = 0)
{
    qsizetype at = -1;
    for (int i = 0; i <= nth; ++i) {
        at = text.indexOf(needle, at + 1);
        if (at < 0)
            return 1;
    }
    return lineAt(text, at);
}

Error parseError(const QString &origin, int line, const QString &detail)
{
    return makeError(ErrorCode::Parse, QStringLiteral("%1:%2").arg(origin).arg(line), detail,
                     QStringLiteral("Correct the file; nothing was written."));
}

QByteArray quoted(const QString &s)
{
    return '"' + s.toUtf8() + '"';
}

/// Reads one definition object; `base` is the offset search start for line numbers.
Result<MdevDefinition> readConfig(const QJsonObject &o, const QByteArray &raw, const QString &origin, const QString &uuid)
{
    MdevDefinition d;
    d.uuid = uuid.toLower();
    if (!sysfs::isCanonicalUuid(d.uuid))
        return parseError(origin, lineOf(raw, quoted(uuid)), QStringLiteral("\"%1\" is not an mdev UUID").arg(uuid));
    const QJsonValue type = o.value(QStringLiteral("mdev_type"));
    if (!type.isString())
        return parseError(origin, lineOf(raw, "\"mdev_type\""), QStringLiteral("\"mdev_type\" is missing or not a string"));
    d.type = type.toString();
    if (d.type != QLatin1String("vfio_ap-passthrough"))
        return parseError(origin, lineOf(raw, "\"mdev_type\""),
                          QStringLiteral("mdev_type \"%1\" is not vfio_ap-passthrough").arg(d.type));
    const QJsonValue start = o.value(QStringLiteral("start"));
    if (!start.isUndefined()) {
        if (start == QJsonValue(QStringLiteral("auto")))
            d.autostart = true;
        else if (start != QJsonValue(QStringLiteral("manual")))
            return parseError(origin, lineOf(raw, "\"start\""), QStringLiteral("\"start\" must be \"auto\" or \"manual\""));
    }
    const QJsonValue attrs = o.value(QStringLiteral("attrs"));
    if (!attrs.isUndefined() && !attrs.isArray())
        return parseError(origin, lineOf(raw, "\"attrs\""), QStringLiteral("\"attrs\" is not an array"));
    QHash<QString, int> seen; // occurrences per key, to find each one's line
    for (const QJsonValue &a : attrs.toArray()) {
        const QJsonObject entry = a.toObject();
        if (!a.isObject() || entry.size() != 1)
            return parseError(origin, lineOf(raw, "\"attrs\""), QStringLiteral("every entry of \"attrs\" must be an object with one key"));
        const QString key = entry.begin().key();
        const int line = lineOf(raw, quoted(key), seen[key]++);
        if (!entry.begin().value().isString())
            return parseError(origin, line, QStringLiteral("the value of \"%1\" is not a string").arg(key));
        const QString value = entry.begin().value().toString();
        IdMask *target = key == QLatin1String("assign_adapter") ? &d.matrix.adapters
            : key == QLatin1String("assign_domain")              ? &d.matrix.domains
            : key == QLatin1String("assign_control_domain")      ? &d.matrix.controlDomains
                                                                  : nullptr;
        if (target) {
            const QStringList parts = value.split(QLatin1Char(','));
            for (const QString &p : parts) {
                const auto id = parseId(p.trimmed());
                if (!id)
                    return parseError(origin, line, QStringLiteral("\"%1\": \"%2\" is not an id from 0 to 255").arg(key, value));
                target->set(*id);
            }
            if (parts.size() > 1)
                d.listValues << QStringLiteral("%1=%2").arg(key, value);
        } else if (key == QLatin1String("ap_config")) {
            const QStringList masks = value.trimmed().split(QLatin1Char(','));
            MatrixAssignment m;
            if (masks.size() != 3 || !IdMask::parseAbsolute(masks[0].toLatin1(), m.adapters)
                || !IdMask::parseAbsolute(masks[1].toLatin1(), m.domains) || !IdMask::parseAbsolute(masks[2].toLatin1(), m.controlDomains))
                return parseError(origin, line, QStringLiteral("\"ap_config\" must be three masks \"APM,AQM,ADM\""));
            d.matrix = m; // ap_config replaces the whole assignment, as the kernel does
        } else {
            d.otherAttrs.append({key, value});
        }
    }
    return d;
}

} // namespace

std::optional<int> parseId(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    int base = 10;
    QStringView digits = text;
    if (text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) {
        base = 16;
        digits = text.mid(2);
    } else if (text.size() > 1 && text.front() == QLatin1Char('0')) {
        base = 8; // strtol base 0: a leading 0 means octal
        digits = text.mid(1);
    }
    bool ok = false;
    const uint v = digits.toUInt(&ok, base);
    if (!ok || digits.isEmpty() || digits.front() == QLatin1Char('+') || digits.front() == QLatin1Char('-') || v > 255)
        return std::nullopt;
    return int(v);
}

Result<MdevDefinition> parseConfig(const QByteArray &json, const QString &origin, const QString &uuid)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &e);
    if (e.error != QJsonParseError::NoError)
        return parseError(origin, lineAt(json, e.offset), QStringLiteral("not JSON: %1").arg(e.errorString()));
    if (!doc.isObject())
        return parseError(origin, 1, QStringLiteral("an mdevctl configuration is a JSON object"));
    return readConfig(doc.object(), json, origin, uuid);
}

Result<QList<MdevDefinition>> parseList(const QByteArray &json, const QString &origin)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(json.trimmed().isEmpty() ? QByteArray("[]") : json, &e);
    if (e.error != QJsonParseError::NoError)
        return parseError(origin, lineAt(json, e.offset), QStringLiteral("not JSON: %1").arg(e.errorString()));
    if (!doc.isArray())
        return parseError(origin, 1, QStringLiteral("mdevctl's list is a JSON array"));
    QList<MdevDefinition> out;
    for (const QJsonValue &parents : doc.array()) {
        const QJsonObject byParent = parents.toObject();
        for (auto p = byParent.begin(); p != byParent.end(); ++p) {
            if (p.key() != QLatin1String("matrix"))
                continue;
            for (const QJsonValue &dev : p.value().toArray()) {
                const QJsonObject byUuid = dev.toObject();
                for (auto u = byUuid.begin(); u != byUuid.end(); ++u) {
                    auto d = readConfig(u.value().toObject(), json, origin, u.key());
                    if (!d)
                        return d.error();
                    d->parent = p.key();
                    out.append(*d);
                }
            }
        }
    }
    return out;
}

MdevDefinition definitionOf(const QString &uuid, const MatrixAssignment &matrix, bool autostart)
{
    MdevDefinition d;
    d.uuid = uuid.toLower();
    d.autostart = autostart;
    d.matrix = matrix;
    return d;
}

QByteArray toConfigJson(const MdevDefinition &d)
{
    QJsonArray attrs;
    const auto add = [&attrs](const char *key, const IdMask &ids) {
        for (int id : ids.ids())
            attrs.append(QJsonObject{{QLatin1String(key), QStringLiteral("0x%1").arg(id, 2, 16, QLatin1Char('0'))}});
    };
    add("assign_adapter", d.matrix.adapters);
    add("assign_domain", d.matrix.domains);
    add("assign_control_domain", d.matrix.controlDomains);
    for (const auto &[k, v] : d.otherAttrs)
        attrs.append(QJsonObject{{k, v}});
    QJsonObject o;
    o.insert(QStringLiteral("mdev_type"), d.type);
    o.insert(QStringLiteral("start"), d.autostart ? QStringLiteral("auto") : QStringLiteral("manual"));
    o.insert(QStringLiteral("attrs"), attrs);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace ap::definitions

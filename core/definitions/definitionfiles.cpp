#include "definitionfiles.h"

#include "mdevctljson.h"
#include "udevrules.h"
#include "../sysfs/attributeparsers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ap::definitions {

QString definitionsScript()
{
    // Each section: "#KIND LENGTH NAME\n" then LENGTH bytes. ${#out} counts bytes under LC_ALL=C.
    return QStringLiteral(
        "export LC_ALL=C\n"
        "cd -- \"$0\" 2>/dev/null || exit 97\n"
        "printf '#apconsole-definitions 1\\n'\n"
        "if [ \"$0\" = / ] && command -v mdevctl >/dev/null 2>&1; then\n"
        "  if out=$(mdevctl list --defined --dumpjson 2>/dev/null); then printf '#mdevctl %s -\\n%s' \"${#out}\" \"$out\"; fi\n"
        "fi\n"
        // mdevctl's view of what is active; below a tree root the one pointed there (MDEVCTL_ENV_ROOT).
        "if command -v mdevctl >/dev/null 2>&1; then\n"
        "  if [ \"$0\" = / ]; then out=$(mdevctl list --dumpjson 2>/dev/null)\n"
        "  elif [ -d etc/mdevctl.d ]; then out=$(MDEVCTL_ENV_ROOT=$0 mdevctl list --dumpjson 2>/dev/null)\n"
        "  else false; fi && printf '#active %s -\\n%s' \"${#out}\" \"$out\"\n"
        "fi\n"
        "[ -d etc/mdevctl.d ] && printf '#dir 0 etc/mdevctl.d\\n'\n"
        "for f in etc/mdevctl.d/matrix/*; do\n"
        "  [ -f \"$f\" ] || continue\n"
        "  case \"$f\" in *[!0-9a-zA-Z/._-]*) continue;; esac\n"
        "  printf '#file %s %s\\n' \"$(wc -c < \"$f\")\" \"$f\"; cat -- \"$f\"\n"
        "done\n"
        "f=etc/udev/rules.d/41-ap.rules\n"
        "[ -f \"$f\" ] && printf '#rules %s %s\\n' \"$(wc -c < \"$f\")\" \"$f\" && cat -- \"$f\"\n"
        "printf '#end\\n'\n");
}

Result<std::optional<HostDefinitions>> parseDefinitionsDump(const QByteArray &dump, const QString &origin)
{
    const QByteArray header = "#apconsole-definitions 1\n";
    if (!dump.startsWith(header))
        return makeError(ErrorCode::Corrupt, origin, QStringLiteral("the definitions listing does not start with its header"));
    HostDefinitions out;
    out.source = QStringLiteral("files");
    std::optional<QList<MdevDefinition>> fromMdevctl;
    bool dir = false;
    QList<MdevDefinition> fromFiles;
    qsizetype at = header.size();
    while (true) {
        const qsizetype eol = dump.indexOf('\n', at);
        if (eol < 0)
            return makeError(ErrorCode::Corrupt, origin, QStringLiteral("the definitions listing was cut short"));
        const QList<QByteArray> head = dump.mid(at, eol - at).split(' ');
        at = eol + 1;
        if (head.value(0) == "#end")
            break;
        bool ok = false;
        const qsizetype length = head.value(1).trimmed().toLongLong(&ok);
        if (head.size() != 3 || !ok || length < 0 || at + length > dump.size())
            return makeError(ErrorCode::Corrupt, origin, QStringLiteral("the definitions listing has a malformed section"));
        const QByteArray body = dump.mid(at, length);
        const QString name = QString::fromUtf8(head[2]);
        at += length;
        if (head[0] == "#dir") {
            dir = true;
        } else if (head[0] == "#mdevctl") {
            auto list = parseList(body, QStringLiteral("%1: mdevctl list --defined --dumpjson").arg(origin));
            if (!list)
                return list.error();
            fromMdevctl = *list;
        } else if (head[0] == "#active") {
            auto list = parseList(body, QStringLiteral("%1: mdevctl list --dumpjson").arg(origin));
            if (!list)
                return list.error();
            QStringList active;
            for (const MdevDefinition &d : *list)
                active << d.uuid;
            active.sort();
            out.mdevctlActive = active;
        } else if (head[0] == "#file") {
            const QString uuid = name.section(QLatin1Char('/'), -1);
            if (!sysfs::isCanonicalUuid(uuid.toLower()))
                continue; // not a definition (mdevctl ignores it too)
            auto d = parseConfig(body, QStringLiteral("%1:/%2").arg(origin, name), uuid);
            if (!d)
                return d.error();
            fromFiles.append(*d);
        } else if (head[0] == "#rules") {
            auto masks = parseApRules(body, QStringLiteral("%1:/%2").arg(origin, name));
            if (!masks)
                return masks.error();
            out.masks = *masks;
        } else {
            return makeError(ErrorCode::Corrupt, origin, QStringLiteral("the definitions listing has an unknown section"));
        }
    }
    if (!fromMdevctl && !dir && !out.masks.ruleFilePresent)
        return std::optional<HostDefinitions>();
    if (fromMdevctl) {
        out.definitions = *fromMdevctl;
        out.source = QStringLiteral("mdevctl");
    } else {
        out.definitions = fromFiles;
    }
    out.sort();
    return std::optional<HostDefinitions>(out);
}

Result<std::optional<HostDefinitions>> readDefinitionFiles(const QString &root)
{
    if (!QFileInfo::exists(QDir(root).filePath(QStringLiteral("etc/mdevctl.d"))) && !QFileInfo::exists(QDir(root).filePath(apRulesPath())))
        return std::optional<HostDefinitions>();
    HostDefinitions out;
    out.source = QStringLiteral("files");
    const QDir dir(QDir(root).filePath(definitionsDir()));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        if (!sysfs::isCanonicalUuid(name.toLower()))
            continue;
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, f.fileName(), f.errorString());
        auto d = parseConfig(f.readAll(), f.fileName(), name);
        if (!d)
            return d.error();
        out.definitions.append(*d);
    }
    QFile rules(QDir(root).filePath(apRulesPath()));
    if (rules.exists()) {
        if (!rules.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, rules.fileName(), rules.errorString());
        auto masks = parseApRules(rules.readAll(), rules.fileName());
        if (!masks)
            return masks.error();
        out.masks = *masks;
    }
    out.sort();
    return std::optional<HostDefinitions>(out);
}

} // namespace ap::definitions

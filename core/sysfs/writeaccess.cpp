#include "writeaccess.h"

#include "attributeparsers.h"
#include "paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

namespace ap::sysfs {

namespace {

const char *const kMdevAttributes[] = {"assign_adapter", "ap_config"};

/// Whether `path` is one writeAccessPaths() may name: create, or an mdev's matrix attribute.
bool isTestedPath(QStringView path)
{
    if (path == QString(paths::mdevType() + QStringLiteral("/create")))
        return true;
    const QString prefix = paths::matrix() + QLatin1Char('/');
    if (!path.startsWith(prefix))
        return false;
    const QStringView rest = path.sliced(prefix.size());
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash < 0 || !isCanonicalUuid(rest.first(slash)))
        return false;
    const QStringView name = rest.sliced(slash + 1);
    for (const char *a : kMdevAttributes)
        if (name == QLatin1String(a))
            return true;
    return false;
}

WritePermission fromResults(const QList<std::pair<QString, bool>> &results)
{
    WritePermission p;
    for (const auto &[path, writable] : results) {
        if (!writable) {
            p.state = WritePermission::State::Denied;
            p.path = path;
            return p;
        }
        p.state = WritePermission::State::Writable;
    }
    return p;
}

} // namespace

QStringList writeAccessPaths(const QString &root)
{
    QStringList out;
    const QDir base(root);
    const QString create = paths::mdevType() + QStringLiteral("/create");
    if (QFileInfo(base.filePath(create)).isFile())
        out << create;
    const QDir matrix(base.filePath(paths::matrix()));
    for (const QString &name : matrix.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!isCanonicalUuid(name))
            continue;
        for (const char *a : kMdevAttributes) {
            const QString p = paths::join(paths::mdev(name), QString::fromLatin1(a));
            if (QFileInfo(base.filePath(p)).isFile())
                out << p;
        }
    }
    return out;
}

WritePermission localWritePermission(const QString &root)
{
    QList<std::pair<QString, bool>> results;
    const QDir base(root);
    for (const QString &p : writeAccessPaths(root))
        results.append({p, ::access(QFile::encodeName(base.filePath(p)).constData(), W_OK) == 0});
    return fromResults(results);
}

QString writeAccessScript()
{
    // Only names of the kernel's shape are printed: anything else in the tree is skipped.
    return QStringLiteral(
        "export LC_ALL=C\n"
        "cd -- \"$0\" 2>/dev/null || exit 97\n"
        "printf '#apconsole-access 1\\n'\n"
        "for f in sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough/create "
        "sys/devices/vfio_ap/matrix/*-*-*-*-*/assign_adapter sys/devices/vfio_ap/matrix/*-*-*-*-*/ap_config; do\n"
        "  [ -f \"$f\" ] || continue\n"
        "  case \"$f\" in *[!0-9a-z/._-]*) continue;; esac\n"
        "  if [ -w \"$f\" ]; then printf 'w %s\\n' \"$f\"; else printf 'r %s\\n' \"$f\"; fi\n"
        "done\n"
        "printf '#end\\n'\n");
}

Result<WritePermission> parseWriteAccess(const QByteArray &data, qsizetype *pos, const QString &origin)
{
    const auto corrupt = [&](const QString &what) {
        return makeError(ErrorCode::Corrupt, origin, QStringLiteral("write access listing: %1").arg(what));
    };
    qsizetype at = *pos;
    const auto line = [&](QByteArray &out) {
        const qsizetype eol = data.indexOf('\n', at);
        if (eol < 0)
            return false;
        out = data.mid(at, eol - at);
        at = eol + 1;
        return true;
    };
    QByteArray l;
    if (!line(l) || l != "#apconsole-access 1")
        return corrupt(QStringLiteral("missing header"));
    QList<std::pair<QString, bool>> results;
    while (true) {
        if (!line(l))
            return corrupt(QStringLiteral("missing end marker"));
        if (l == "#end")
            break;
        if (l.size() < 3 || (l[0] != 'w' && l[0] != 'r') || l[1] != ' ')
            return corrupt(QStringLiteral("malformed line"));
        const QString path = QString::fromLatin1(l.sliced(2));
        if (!isTestedPath(path))
            return corrupt(QStringLiteral("unexpected path \"%1\"").arg(path.left(120)));
        results.append({path, l[0] == 'w'});
    }
    *pos = at;
    return fromResults(results);
}

} // namespace ap::sysfs

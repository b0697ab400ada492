#include "outputfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

namespace ap {

namespace {

constexpr int kMaxLinkHops = 40; // as the kernel's ELOOP limit

Status writeInPlace(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return makeError(ErrorCode::Io, path, f.errorString());
    if (f.write(data) != data.size())
        return makeError(ErrorCode::Io, path, f.errorString());
    return {};
}

Status writeReplacing(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        return makeError(ErrorCode::Io, path, f.errorString());
    return {};
}

} // namespace

Status writeOutputFile(const QString &path, const QByteArray &data)
{
    QString target = path;
    for (int hop = 0; hop <= kMaxLinkHops; ++hop) {
        struct stat st {};
        if (::lstat(QFile::encodeName(target).constData(), &st) != 0)
            return writeReplacing(target, data); // does not exist yet: created whole
        if (S_ISLNK(st.st_mode)) {
            const QFileInfo link(target);
            const QString next = link.symLinkTarget();
            if (next.isEmpty())
                return makeError(ErrorCode::Io, target, QStringLiteral("cannot read the symbolic link"));
            target = next;
            continue;
        }
        if (S_ISREG(st.st_mode))
            return writeReplacing(target, data);
        if (S_ISDIR(st.st_mode))
            return makeError(ErrorCode::Usage, target, QStringLiteral("is a directory"));
        return writeInPlace(target, data);
    }
    return makeError(ErrorCode::Io, path, QStringLiteral("too many levels of symbolic links"));
}

} // namespace ap

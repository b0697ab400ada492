#include "privatedirectory.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace ap {

Status ensurePrivateDirectory(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return makeError(ErrorCode::Io, path, QStringLiteral("cannot create the private directory: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    struct stat st {};
    if (::lstat(native.constData(), &st) != 0)
        return makeError(ErrorCode::Io, path, QStringLiteral("cannot inspect the private directory: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    const Hint hint = Hint::PrivateDirectoryRefused;
    if (S_ISLNK(st.st_mode))
        return makeError(ErrorCode::Io, path, QStringLiteral("refused as private directory: it is a symbolic link")).withHint(hint);
    if (!S_ISDIR(st.st_mode))
        return makeError(ErrorCode::Io, path, QStringLiteral("refused as private directory: it is not a directory")).withHint(hint);
    if (st.st_uid != ::getuid())
        return makeError(ErrorCode::Io, path, QStringLiteral("refused as private directory: it belongs to uid %1, not %2").arg(st.st_uid).arg(::getuid())).withHint(hint);
    if ((st.st_mode & 077) != 0)
        return makeError(ErrorCode::Io, path, QStringLiteral("refused as private directory: its mode is %1, not 0700")
                                                  .arg(QString::number(st.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0')))).withHint(hint);
    return {};
}

QString defaultSshControlDirectory()
{
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty() && QDir::isAbsolutePath(runtime))
        return runtime + QStringLiteral("/apconsole-ssh");
    return QDir::tempPath() + QStringLiteral("/apconsole-ssh-%1").arg(::getuid());
}

} // namespace ap

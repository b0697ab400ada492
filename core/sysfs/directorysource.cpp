#include "sysfssource.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace ap::sysfs {

DirectorySource::DirectorySource(QString root)
    : m_root(std::move(root))
{
    while (m_root.size() > 1 && m_root.endsWith(QLatin1Char('/')))
        m_root.chop(1);
    m_rootBytes = m_root == QLatin1String("/") ? QByteArray() : m_root.toLocal8Bit();
}

QByteArray DirectorySource::absolute(const QString &path) const
{
    return m_rootBytes + '/' + path.toLocal8Bit();
}

SysfsSource::File DirectorySource::read(const QString &path) const
{
    // Plain POSIX calls: this runs for every attribute of up to 65,536 queues, and sysfs
    // attributes are at most one page.
    File f;
    const QByteArray abs = absolute(path);
    const int fd = ::open(abs.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            f.status = File::Status::Missing;
        } else {
            f.status = File::Status::Error;
            f.error = QString::fromLocal8Bit(std::strerror(errno));
        }
        return f;
    }
    char buf[4096];
    QByteArray content;
    while (true) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            f.status = File::Status::Error;
            f.error = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return f;
        }
        if (n == 0)
            break;
        content.append(buf, n);
        if (content.size() > (1 << 20))
            break; // no sysfs attribute is this large; do not let a hostile tree exhaust memory
    }
    ::close(fd);
    f.status = File::Status::Ok;
    f.content = std::move(content);
    return f;
}

std::optional<QString> DirectorySource::readLink(const QString &path) const
{
    char buf[4096];
    const QByteArray abs = absolute(path);
    const ssize_t n = ::readlink(abs.constData(), buf, sizeof buf - 1);
    if (n < 0)
        return std::nullopt;
    return QString::fromLocal8Bit(buf, n);
}

QStringList DirectorySource::list(const QString &dir) const
{
    QStringList out;
    const QByteArray abs = absolute(dir);
    DIR *d = ::opendir(abs.constData());
    if (!d)
        return out;
    while (dirent *e = ::readdir(d)) {
        if (e->d_name[0] == '.' && (e->d_name[1] == 0 || (e->d_name[1] == '.' && e->d_name[2] == 0)))
            continue;
        out.append(QString::fromLocal8Bit(e->d_name));
    }
    ::closedir(d);
    return out;
}

} // namespace ap::sysfs

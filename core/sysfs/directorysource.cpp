#include "sysfssource.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ap::sysfs {

namespace {
constexpr int kMaxAttributeBytes = 1 << 20; // no sysfs attribute comes near: a hostile tree's file
} // namespace

DirectorySource::DirectorySource(QString root, QDeadlineTimer deadline)
    : m_root(std::move(root))
    , m_deadline(deadline)
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
    auto fail = [&f](const QString &why) {
        f.status = File::Status::Error;
        f.error = why;
        return f;
    };
    if (m_deadline.hasExpired())
        return fail(QStringLiteral("not read: the deadline passed"));
    const QByteArray abs = absolute(path);
    // Non-blocking, and only regular files: a FIFO or device planted in a tree must not hang us.
    const int fd = ::open(abs.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            f.status = File::Status::Missing;
            return f;
        }
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail(QStringLiteral("not a regular file"));
    }
    char buf[4096];
    QByteArray content;
    while (true) {
        if (m_deadline.hasExpired()) {
            ::close(fd);
            return fail(QStringLiteral("not read completely: the deadline passed"));
        }
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const QString why = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            return fail(why);
        }
        if (n == 0)
            break;
        content.append(buf, n);
        if (content.size() > kMaxAttributeBytes) {
            ::close(fd);
            return fail(QStringLiteral("larger than %1 bytes: not a sysfs attribute").arg(kMaxAttributeBytes));
        }
        // A short read of a regular file is its end (sysfs hands out a whole attribute in one
        // read): a second read() would only say so, for every attribute of every queue.
        if (size_t(n) < sizeof buf)
            break;
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

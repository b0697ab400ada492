#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace ap::sysfs {

/// Read access to a host's sysfs, by paths relative to the host root ("sys/bus/ap/apmask").
/// Implementations are safe to call from several threads at once.
class SysfsSource {
public:
    virtual ~SysfsSource() = default;

    struct File {
        enum class Status { Ok, Missing, Error } status = Status::Missing;
        QByteArray content;
        QString error; ///< the OS error text when status is Error (e.g. "Input/output error")
    };
    virtual File read(const QString &path) const = 0;
    /// Target of a symbolic link, nullopt if the path is not a link.
    virtual std::optional<QString> readLink(const QString &path) const = 0;
    /// Names in a directory (unsorted), empty if it does not exist.
    virtual QStringList list(const QString &dir) const = 0;
    /// What the source is, for error messages ("/srv/tree", "ssh://host").
    virtual QString describe() const = 0;
};

/// A tree on the local file system below `root` (a real "/" or a copy laid out the same way).
/// Only regular files are read (opened non-blocking: a FIFO or device is an error, never a
/// hang), at most 1 MiB each; once `deadline` passes every read fails at once, also midway.
class DirectorySource final : public SysfsSource {
public:
    explicit DirectorySource(QString root, QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));
    File read(const QString &path) const override;
    std::optional<QString> readLink(const QString &path) const override;
    QStringList list(const QString &dir) const override;
    QString describe() const override { return m_root; }

private:
    QByteArray absolute(const QString &path) const;
    QString m_root;
    QByteArray m_rootBytes;
    QDeadlineTimer m_deadline;
};

} // namespace ap::sysfs

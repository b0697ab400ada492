#pragma once

#include <QString>
#include <QStringList>

namespace bench {

/// lszcrypt built from an operator's s390-tools checkout, and how to run it on a generated tree.
struct Lszcrypt {
    QString binary;      ///< empty when there is none; then `why` says so
    QString why;         ///< the table's words for a missing lszcrypt
    QString version;     ///< first line of `lszcrypt -v`
    bool sysfsRoot = false; ///< its libutil honours SYSFS_ROOT; otherwise /sys is bind-mounted

    /// The command line of `lszcrypt -V` over the tree at `root` (root/sys being its sysfs).
    QStringList command(const QString &root) const;
    /// The environment that goes with command().
    QByteArrayList environment(const QString &root) const;
};

/// Copies what lszcrypt needs from `checkout` (common.mak, include/, libutil/, zconf/zcrypt/) to
/// `work`/s390-tools-lszcrypt, so the checkout stays untouched, and runs make there. Build
/// errors go to stderr; the result then has no binary and says why.
Lszcrypt buildLszcrypt(const QString &checkout, const QString &work);

/// The number of lines `args` writes to stdout (not timed).
int outputLines(const QStringList &args, const QByteArrayList &env = {});

/// The system calls `args` makes, children included (`strace -c -f`), or -1 without strace.
long syscallCount(const QStringList &args, const QByteArrayList &env, const QString &work);

} // namespace bench

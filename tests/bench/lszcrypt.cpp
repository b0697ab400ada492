#include "lszcrypt.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace bench {

namespace {

// Runs a build step; on failure its last lines go to stderr and the result is false.
bool step(const QString &what, const QString &program, const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(-1) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QList<QByteArray> lines = p.readAll().trimmed().split('\n');
        const QString how = p.error() == QProcess::UnknownError ? QStringLiteral("exit code %1").arg(p.exitCode()) : p.errorString();
        std::fprintf(stderr, "lszcrypt: %s failed (%s):\n", qPrintable(what), qPrintable(how));
        for (qsizetype i = std::max<qsizetype>(0, lines.size() - 20); i < lines.size(); ++i)
            std::fprintf(stderr, "  %s\n", lines[i].constData());
        return false;
    }
    return true;
}

QProcessEnvironment withEnv(const QByteArrayList &env)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QByteArray &kv : env)
        e.insert(QString::fromLocal8Bit(kv.left(kv.indexOf('='))), QString::fromLocal8Bit(kv.mid(kv.indexOf('=') + 1)));
    return e;
}

} // namespace

QStringList Lszcrypt::command(const QString &root) const
{
    const QString sys = root + QStringLiteral("/sys");
    if (sysfsRoot)
        return {binary, QStringLiteral("-V")};
    // Older libutil reads /sys only: a private mount namespace with the tree over /sys.
    return {QStringLiteral("unshare"), QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"),
            QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("mount --bind \"$1\" /sys && exec \"$2\" -V"),
            QStringLiteral("sh"), sys, binary};
}

QByteArrayList Lszcrypt::environment(const QString &root) const
{
    if (!sysfsRoot)
        return {};
    return {"SYSFS_ROOT=" + QFile::encodeName(root + QStringLiteral("/sys"))};
}

Lszcrypt buildLszcrypt(const QString &checkout, const QString &work)
{
    Lszcrypt l;
    const QString src = QFileInfo(checkout).absoluteFilePath();
    const QStringList needed{QStringLiteral("common.mak"), QStringLiteral("common_autocomp.mak"), QStringLiteral("include"),
                             QStringLiteral("libutil"), QStringLiteral("zconf/zcrypt")};
    for (const QString &n : needed) {
        if (!QFileInfo::exists(src + u'/' + n)) {
            std::fprintf(stderr, "lszcrypt: %s has no %s\n", qPrintable(src), qPrintable(n));
            l.why = QStringLiteral("lszcrypt: %1 is no s390-tools checkout").arg(src);
            return l;
        }
    }
    const QString dst = QFileInfo(work).absoluteFilePath() + QStringLiteral("/s390-tools-lszcrypt");
    QDir(dst).removeRecursively();
    l.why = QStringLiteral("lszcrypt: the build from %1 failed (see stderr)").arg(src);
    if (!QDir().mkpath(dst + QStringLiteral("/zconf")))
        return l;
    for (const QString &n : needed)
        if (!step(QStringLiteral("copying ") + n, QStringLiteral("cp"), {QStringLiteral("-a"), src + u'/' + n, dst + u'/' + n}, dst))
            return l;
    if (!step(QStringLiteral("make lszcrypt"), QStringLiteral("make"),
              {QStringLiteral("-j2"), QStringLiteral("-C"), QStringLiteral("zconf/zcrypt"), QStringLiteral("lszcrypt")}, dst))
        return l;

    QFile path(dst + QStringLiteral("/libutil/util_path.c"));
    l.sysfsRoot = path.open(QIODevice::ReadOnly) && path.readAll().contains("SYSFS_ROOT");
    if (!l.sysfsRoot && (geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())) {
        std::fprintf(stderr, "lszcrypt: this libutil reads /sys only (no SYSFS_ROOT); bind-mounting a tree needs root and unshare\n");
        l.why = QStringLiteral("lszcrypt: reads /sys only, and the bind mount needs root");
        return l;
    }
    l.binary = dst + QStringLiteral("/zconf/zcrypt/lszcrypt");
    QProcess v;
    v.start(l.binary, {QStringLiteral("-v")});
    v.waitForFinished(-1);
    l.version = QString::fromLocal8Bit(v.readAllStandardOutput().split('\n').first());
    l.why.clear();
    return l;
}

int outputLines(const QStringList &args, const QByteArrayList &env)
{
    QProcess p;
    p.setProcessEnvironment(withEnv(env));
    p.setStandardErrorFile(QProcess::nullDevice());
    p.start(args.first(), args.mid(1));
    p.waitForFinished(-1);
    return int(p.readAllStandardOutput().count('\n'));
}

long syscallCount(const QStringList &args, const QByteArrayList &env, const QString &work)
{
    if (QStandardPaths::findExecutable(QStringLiteral("strace")).isEmpty())
        return -1;
    const QString out = work + QStringLiteral("/apbench-strace.txt");
    QProcess p;
    p.setProcessEnvironment(withEnv(env));
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    p.start(QStringLiteral("strace"), QStringList{QStringLiteral("-c"), QStringLiteral("-f"), QStringLiteral("-o"), out} + args);
    p.waitForFinished(-1);
    QFile f(out);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    // The summary's last line: "100.00 seconds usecs/call calls [errors] total".
    const QList<QByteArray> words = f.readAll().trimmed().split('\n').last().simplified().split(' ');
    f.close();
    f.remove();
    return words.size() >= 5 && words.last() == "total" ? words[3].toLong() : -1;
}

} // namespace bench

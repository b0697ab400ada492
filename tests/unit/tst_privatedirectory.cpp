#include <hosts/ssh/privatedirectory.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace ap;

class TstPrivateDirectory : public QObject {
    Q_OBJECT
private slots:
    void createdPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ctl"));
        QVERIFY(ensurePrivateDirectory(path).ok());
        struct stat st {};
        QCOMPARE(::lstat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0700);
        QVERIFY(ensurePrivateDirectory(path).ok()); // ours already: accepted as it is
    }

    void openModeRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ctl"));
        QCOMPARE(::mkdir(QFile::encodeName(path).constData(), 0755), 0);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0755), 0);
        const Status s = ensurePrivateDirectory(path);
        QVERIFY(!s);
        QVERIFY(s.error().detail.contains(QLatin1String("0755")));
        struct stat st {};
        QCOMPARE(::lstat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0755); // refused, not repaired
    }

    void symlinkRefused()
    {
        QTemporaryDir dir;
        const QString real = dir.filePath(QStringLiteral("real"));
        QVERIFY(ensurePrivateDirectory(real).ok());
        const QString link = dir.filePath(QStringLiteral("ctl"));
        QVERIFY(QFile::link(real, link));
        const Status s = ensurePrivateDirectory(link);
        QVERIFY(!s);
        QVERIFY(s.error().detail.contains(QLatin1String("symbolic link")));
    }

    // A directory another user created beforehand (as in a shared /tmp) is never taken over.
    void otherOwnerRefused()
    {
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("ctl"));
        if (::getuid() == 0) {
            QCOMPARE(::mkdir(QFile::encodeName(path).constData(), 0700), 0);
            QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
        } else {
            path = QStringLiteral("/"); // root's, never ours
        }
        const Status s = ensurePrivateDirectory(path);
        QVERIFY(!s);
        QVERIFY(s.error().detail.contains(QLatin1String("belongs to uid")));
    }

    void runtimeDirectoryPreferred()
    {
        const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
        qputenv("XDG_RUNTIME_DIR", "/run/user/4242");
        QCOMPARE(defaultSshControlDirectory(), QStringLiteral("/run/user/4242/apconsole-ssh"));
        qunsetenv("XDG_RUNTIME_DIR");
        QCOMPARE(defaultSshControlDirectory(), QDir::tempPath() + QStringLiteral("/apconsole-ssh-%1").arg(::getuid()));
        if (!saved.isEmpty())
            qputenv("XDG_RUNTIME_DIR", saved);
    }
};

QTEST_GUILESS_MAIN(TstPrivateDirectory)
#include "tst_privatedirectory.moc"

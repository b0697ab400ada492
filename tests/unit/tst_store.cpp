#include <store/store.h>

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ap;

class TstStore : public QObject {
    Q_OBJECT
private slots:
    void hostsSurviveReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        {
            auto s = Store::open(path);
            QVERIFY(s);
            QVERIFY((*s)->addHost(QStringLiteral("sysfs:/srv/one")).ok());
            QVERIFY((*s)->addHost(QStringLiteral("sysfs:/srv/two")).ok());
            QVERIFY((*s)->addHost(QStringLiteral("sysfs:/srv/one")).ok()); // idempotent
        }
        auto s = Store::open(path);
        QVERIFY(s);
        QCOMPARE((*s)->hosts().value(), (QStringList{QStringLiteral("sysfs:/srv/one"), QStringLiteral("sysfs:/srv/two")}));
        QVERIFY((*s)->removeHost(QStringLiteral("sysfs:/srv/one")).ok());
        QCOMPARE((*s)->hosts().value(), QStringList{QStringLiteral("sysfs:/srv/two")});
    }

    void corruptFileIsKeptAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a database, just a file someone broke");
        f.close();
        auto s = Store::open(path);
        QVERIFY(s);
        QVERIFY(!(*s)->recoveredFrom().isEmpty());
        QVERIFY(QFile::exists((*s)->recoveredFrom()));
        QFile kept((*s)->recoveredFrom());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QVERIFY(kept.readAll().startsWith("this is not a database")); // nothing lost
        QVERIFY((*s)->addHost(QStringLiteral("demo:x")).ok());
    }

    void damagedDatabaseIsKeptAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.db"));
        {
            auto s = Store::open(path);
            QVERIFY(s);
            for (int i = 0; i < 200; ++i)
                QVERIFY((*s)->addHost(QStringLiteral("sysfs:/srv/host%1").arg(i)).ok());
        }
        for (const QString &side : {QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + side);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(4096);
        f.write(QByteArray(8192, '\xAB'));
        f.close();
        auto s = Store::open(path);
        QVERIFY(s);
        QVERIFY(!(*s)->recoveredFrom().isEmpty());
        QCOMPARE((*s)->hosts().value(), QStringList());
    }

    void missingDirectoryIsCreated()
    {
        QTemporaryDir dir;
        auto s = Store::open(dir.filePath(QStringLiteral("deep/er/d.db")));
        QVERIFY(s);
        QVERIFY((*s)->recoveredFrom().isEmpty());
    }

    void journalAndSimulatedState()
    {
        QTemporaryDir dir;
        auto s = Store::open(dir.filePath(QStringLiteral("e.db")));
        QVERIFY(s);
        JournalEntry e;
        e.time = QDateTime::currentDateTimeUtc();
        e.host = QStringLiteral("demo:zlab-a");
        e.action = QStringLiteral("assign adapter 0x05");
        e.path = QStringLiteral("sys/devices/vfio_ap/matrix/x/assign_adapter");
        e.value = "0x05\n";
        e.before = QStringLiteral("b");
        e.after = QStringLiteral("a");
        e.err = 98;
        e.kernelLog = {QStringLiteral("line 1"), QStringLiteral("line 2")};
        QVERIFY((*s)->appendJournal({e}).ok());
        auto j = (*s)->journal(QStringLiteral("demo:zlab-a"));
        QVERIFY(j);
        QCOMPARE(j->size(), 1);
        QCOMPARE(j->first().kernelLog, e.kernelLog);
        QCOMPARE(j->first().err, 98);
        QCOMPARE((*s)->journal(QStringLiteral("demo:other"))->size(), 0);
        QCOMPARE((*s)->journal()->size(), 1); // no filter: every host

        QJsonObject o{{QStringLiteral("host"), QStringLiteral("demo:x")}};
        QVERIFY((*s)->saveSimulatedHost(QStringLiteral("x"), o).ok());
        QCOMPARE((*s)->simulatedHost(QStringLiteral("x")).value(), std::optional<QJsonObject>(o));
        QVERIFY(!(*s)->simulatedHost(QStringLiteral("y")).value());
    }
};

QTEST_GUILESS_MAIN(TstStore)
#include "tst_store.moc"

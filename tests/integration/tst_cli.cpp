#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
};
}

class TstCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;

    Run run(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("APCONSOLE_DB"), m_home.filePath(QStringLiteral("cli.db")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(APCONSOLE_CLI), args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
    }

private slots:
    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("inventory"));
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.code, 0);
        QVERIFY(version.out.startsWith("apconsole-cli "));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("inventory without host") << QStringList{QStringLiteral("inventory")};
        QTest::newRow("bad format") << QStringList{QStringLiteral("inventory"), QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("inventory"), QStringLiteral("--hots"), QStringLiteral("x")};
        QTest::newRow("hosts with argument") << QStringList{QStringLiteral("hosts"), QStringLiteral("extra")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("usage"), r.err.constData());
    }

    void hosts()
    {
        const Run r = run({QStringLiteral("hosts")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("demo:zlab-a\ndemo:zlab-b\ndemo:zlab-c\n"));
    }

    void inventoryJson()
    {
        const Run r = run({QStringLiteral("inventory"), QStringLiteral("--host"), QStringLiteral("demo:zlab-b"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        QJsonParseError pe;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("host")).toString(), QStringLiteral("demo:zlab-b"));
        QCOMPARE(o.value(QStringLiteral("cards")).toArray().size(), 5);
        QVERIFY(o.value(QStringLiteral("matrix_features")).toArray().contains(QStringLiteral("migratable")));
    }

    void unreadableHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("unknown demo") << "demo:nowhere" << QByteArray("demo:nowhere");
        QTest::newRow("missing tree") << "sysfs:/nonexistent/tree" << QByteArray("sysfs:/nonexistent/tree");
        QTest::newRow("not an AP host") << "sysfs:/tmp" << QByteArray("no AP bus found");
    }
    void unreadableHost()
    {
        QFETCH(QString, host);
        QFETCH(QByteArray, named);
        const Run r = run({QStringLiteral("inventory"), QStringLiteral("--host"), host});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(named), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void malformedHostIsUsage()
    {
        const Run r = run({QStringLiteral("inventory"), QStringLiteral("--host"), QStringLiteral("demo:$(reboot)")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("demo host name"));
    }

    void treeExportReadsBackEqual()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("root"));
        const Run t = run({QStringLiteral("tree"), QStringLiteral("--host"), QStringLiteral("demo:zlab-c"), QStringLiteral("--output"), root});
        QCOMPARE(t.code, 0);
        const Run a = run({QStringLiteral("inventory"), QStringLiteral("--host"), QStringLiteral("demo:zlab-c")});
        const Run b = run({QStringLiteral("inventory"), QStringLiteral("--host"), QStringLiteral("sysfs:") + root});
        QCOMPARE(a.code, 0);
        QCOMPARE(b.code, 0);
        QJsonObject ja = QJsonDocument::fromJson(a.out).object();
        QJsonObject jb = QJsonDocument::fromJson(b.out).object();
        // sysfs does not know guests, names the host by its URI and carries no last-seen keys.
        for (const char *k : {"host", "guests", "description", "last_seen_mkvps"}) {
            ja.remove(QLatin1String(k));
            jb.remove(QLatin1String(k));
        }
        QCOMPARE(jb, ja);
    }
};

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"

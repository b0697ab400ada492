// apconsole-cli and the driver revisions: check --profile v2|v3|v4|b|c|all, stream
// encode/decode per revision, and the fsm note about unpatched kernels.
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "../support/clirun.h"

namespace {
using Run = ap::test::CliRun;
const QString kMdev = QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01");
} // namespace

class TstCliRevisions : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;

    Run run(const QStringList &args)
    {
        return ap::test::runCli(QStringLiteral(APCONSOLE_CLI), args, m_home.filePath(QStringLiteral("cli.db")));
    }

    Run check(const QString &target, const QString &profile, const QString &format)
    {
        return run({QStringLiteral("check"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"), QStringLiteral("--target"), target,
                    QStringLiteral("--mdev"), kMdev, QStringLiteral("--profile"), profile, QStringLiteral("--format"), format});
    }

private slots:
    void singleProfiles_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("name");
        for (const char *p : {"v2", "v3", "v4", "b", "c"})
            QTest::newRow(p) << QString::fromLatin1(p) << QString::fromLatin1(p);
        QTest::newRow("upper case") << QStringLiteral("B") << QStringLiteral("b");
    }
    void singleProfiles()
    {
        QFETCH(QString, profile);
        QFETCH(QString, name);
        const Run r = check(QStringLiteral("demo:zlab-c"), profile, QStringLiteral("json"));
        QVERIFY2(r.code == 0 || r.code == 1, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("profile")).toString(), name);
        const QJsonArray by = o.value(QStringLiteral("by_revision")).toArray();
        QCOMPARE(by.size(), 4);
        QStringList columns;
        for (const QJsonValue &v : by)
            columns.append(v.toObject().value(QStringLiteral("revision")).toString());
        QCOMPARE(columns, (QStringList{QStringLiteral("v2"), QStringLiteral("v3/v4"), QStringLiteral("B"), QStringLiteral("C")}));
    }

    void allProfilesJson()
    {
        const Run all = check(QStringLiteral("demo:zlab-c"), QStringLiteral("all"), QStringLiteral("json"));
        QCOMPARE(all.code, 1); // zlab-c is not ready for v2
        const QJsonArray profiles = QJsonDocument::fromJson(all.out).object().value(QStringLiteral("profiles")).toArray();
        QCOMPARE(profiles.size(), 5);
        QStringList names;
        for (const QJsonValue &v : profiles)
            names.append(v.toObject().value(QStringLiteral("profile")).toString());
        QCOMPARE(names, (QStringList{QStringLiteral("v2"), QStringLiteral("v3"), QStringLiteral("v4"), QStringLiteral("b"), QStringLiteral("c")}));
        // Each object carries exactly the fields of the single-profile output.
        const QJsonObject single = QJsonDocument::fromJson(check(QStringLiteral("demo:zlab-c"), QStringLiteral("v3"), QStringLiteral("json")).out).object();
        QCOMPARE(profiles[1].toObject().keys(), single.keys());
        QCOMPARE(profiles[1].toObject().value(QStringLiteral("kernel_log")), single.value(QStringLiteral("kernel_log")));
        // v4 carries v3's code.
        const QJsonObject v3 = profiles[1].toObject(), v4 = profiles[2].toObject();
        for (const char *k : {"verdict", "errno", "kernel_log", "stream_bytes"})
            QCOMPARE(v4.value(QLatin1String(k)), v3.value(QLatin1String(k)));
        // The stream grows with each revision's header.
        QCOMPARE(profiles[0].toObject().value(QStringLiteral("stream_bytes")).toInt(), 8 + 16 * 4);
        QCOMPARE(profiles[1].toObject().value(QStringLiteral("stream_bytes")).toInt(), 16 + 16 * 4);
        QCOMPARE(profiles[3].toObject().value(QStringLiteral("stream_bytes")).toInt(), 40 + 16 * 4);
        QCOMPARE(profiles[4].toObject().value(QStringLiteral("stream_bytes")).toInt(), 48 + 16 * 4);
        // An incompatible queue: EFAULT up to v4, EINVAL from B on.
        if (v3.value(QStringLiteral("verdict")).toString() == u"incompatible" && v3.value(QStringLiteral("errno")).toString() == u"EFAULT")
            QCOMPARE(profiles[3].toObject().value(QStringLiteral("errno")).toString(), QStringLiteral("EINVAL"));
    }

    void allProfilesText()
    {
        const Run r = check(QStringLiteral("demo:zlab-c"), QStringLiteral("all"), QStringLiteral("text"));
        QVERIFY2(r.code == 0 || r.code == 1, r.err.constData());
        QCOMPARE(r.out.count("Destination driver ("), 5);
        QVERIFY(r.out.contains("By revision:"));
        QVERIFY(r.out.contains("  v3/v4 "));
    }

    void allProfilesOnlyTextOrJson()
    {
        QCOMPARE(check(QStringLiteral("demo:zlab-b"), QStringLiteral("all"), QStringLiteral("html")).code, 2);
        QCOMPARE(check(QStringLiteral("demo:zlab-b"), QStringLiteral("v5"), QStringLiteral("json")).code, 2);
    }

    void streamPerRevision_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("bytes");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("v2") << QStringLiteral("v2") << 8 + 16 * 4 << QStringList();
        QTest::newRow("v3") << QStringLiteral("v3") << 16 + 16 * 4 << QStringList{QStringLiteral("config_sz")};
        QTest::newRow("v4") << QStringLiteral("v4") << 16 + 16 * 4 << QStringList{QStringLiteral("config_sz")};
        QTest::newRow("b") << QStringLiteral("b") << 40 + 16 * 4 << QStringList{QStringLiteral("control_domains")};
        QTest::newRow("c") << QStringLiteral("c") << 48 + 16 * 4 << QStringList{QStringLiteral("control_domains"), QStringLiteral("magic"), QStringLiteral("version")};
    }
    void streamPerRevision()
    {
        QFETCH(QString, profile);
        QFETCH(int, bytes);
        QFETCH(QStringList, fields);
        const QString file = m_home.filePath(QStringLiteral("payments.") + profile);
        const Run e = run({QStringLiteral("stream"), QStringLiteral("encode"), QStringLiteral("--host"), QStringLiteral("demo:zlab-a"),
                           QStringLiteral("--mdev"), kMdev, QStringLiteral("--profile"), profile, QStringLiteral("--output"), file});
        QCOMPARE(e.code, 0);
        QCOMPARE(QFileInfo(file).size(), bytes);
        const Run d = run({QStringLiteral("stream"), QStringLiteral("decode"), QStringLiteral("--profile"), profile, file});
        QCOMPARE(d.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(d.out).object();
        QCOMPARE(o.value(QStringLiteral("num_queues")).toInt(), 4);
        for (const QString &f : fields)
            QVERIFY2(o.contains(f), qPrintable(f));
        if (profile == u"c")
            QCOMPARE(o.value(QStringLiteral("magic")).toString(), QStringLiteral("0x76666170"));
    }

    void fsmNotesTheUnpatchedLockup()
    {
        const Run r = run({QStringLiteral("fsm"), QStringLiteral("--flags"), QStringLiteral("stop_copy,pre_copy"), QStringLiteral("STOP_COPY"),
                           QStringLiteral("PRE_COPY")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.out.startsWith("EINVAL\n"));
        QVERIFY(r.out.contains("soft lockup"));
        const Run plain = run({QStringLiteral("fsm"), QStringLiteral("--flags"), QStringLiteral("stop_copy"), QStringLiteral("RUNNING"),
                               QStringLiteral("PRE_COPY")});
        QCOMPARE(plain.out, QByteArray("EINVAL\n"));
    }
};

QTEST_GUILESS_MAIN(TstCliRevisions)
#include "tst_clirevisions.moc"

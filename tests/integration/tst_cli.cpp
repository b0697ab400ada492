#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "../support/clirun.h"

namespace {
using Run = ap::test::CliRun;
}

class TstCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;

    Run run(const QStringList &args, const QString &db = QStringLiteral("cli.db"))
    {
        return ap::test::runCli(QStringLiteral(APCONSOLE_CLI), args, m_home.filePath(db));
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
        QCOMPARE(r.out, QByteArray("demo:zlab-a\ndemo:zlab-b\ndemo:zlab-c\ndemo:zlab-d\ndemo:zlab-e\ndemo:zlab-f\ndemo:zlab-g\n"));
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
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("demo host name"));
    }

    // Addresses that would run something: refused as usage errors, and nothing ran.
    void hostileAddressesRunNothing_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("command") << "qemu+ssh://127.0.0.1:1/system?command=%1";
        QTest::newRow("command encoded key") << "qemu+ssh://127.0.0.1:1/system?%63ommand=%1";
        QTest::newRow("netcat") << "qemu+ssh://127.0.0.1:1/system?netcat=%1";
        QTest::newRow("ext transport") << "qemu+ext:///system?command=%1";
        QTest::newRow("ssh option host") << "ssh://-oProxyCommand=%1";
        QTest::newRow("joined command") << "ssh://127.0.0.1:1,qemu+ssh://127.0.0.1:1/system?command=%1";
    }
    void hostileAddressesRunNothing()
    {
        QFETCH(QString, address);
        QTemporaryDir dir;
        const QString marker = dir.filePath(QStringLiteral("ran"));
        const QString evil = dir.filePath(QStringLiteral("evil.sh"));
        QFile script(evil);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(QStringLiteral("#!/bin/sh\ntouch %1\n").arg(marker).toUtf8());
        script.close();
        QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        for (const QString &command : {QStringLiteral("inventory"), QStringLiteral("tree")}) {
            QStringList args{command, QStringLiteral("--host"), address.arg(evil)};
            if (command == QLatin1String("tree"))
                args << QStringLiteral("--output") << dir.filePath(QStringLiteral("out"));
            const Run r = run(args);
            QCOMPARE(r.code, 2);
            QVERIFY(r.out.isEmpty());
        }
        const Run check = run({QStringLiteral("check"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"), QStringLiteral("--target"),
                               address.arg(evil), QStringLiteral("--mdev"), QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01")});
        QCOMPARE(check.code, 2);
        QVERIFY(!QFile::exists(marker));
    }

    void checkWithMissingMdevIsNotUsage()
    {
        const Run r = run({QStringLiteral("check"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"), QStringLiteral("--target"),
                           QStringLiteral("demo:zlab-b"), QStringLiteral("--mdev"), QStringLiteral("00000000-0000-4000-8000-000000000000")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("no mdev"));
    }

    // --output never replaces what is not a regular file; a symlink is followed.
    void outputsAreWrittenInPlace()
    {
        const QString mdev = QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01");
        auto check = [&](const QString &out) {
            return run({QStringLiteral("check"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"), QStringLiteral("--target"),
                        QStringLiteral("demo:zlab-c"), QStringLiteral("--mdev"), mdev, QStringLiteral("--format"), QStringLiteral("json"),
                        QStringLiteral("--output"), out});
        };
        // A character device: still the device afterwards.
        QCOMPARE(check(QStringLiteral("/dev/null")).code, 1);
        QVERIFY(!QFileInfo(QStringLiteral("/dev/null")).isFile());

        QTemporaryDir dir;
        const QString real = dir.filePath(QStringLiteral("real.json"));
        const QString link = dir.filePath(QStringLiteral("link.json"));
        QVERIFY(QFile::link(real, link));
        QCOMPARE(check(link).code, 1);
        QVERIFY(QFileInfo(link).isSymLink()); // the link stays a link ...
        QFile written(real);                   // ... and its target holds the report
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains("\"verdict\""));

        // A FIFO: written in place, read by whoever listens.
        const QString fifo = dir.filePath(QStringLiteral("fifo"));
        QCOMPARE(QProcess::execute(QStringLiteral("mkfifo"), {fifo}), 0);
        QProcess reader;
        reader.start(QStringLiteral("cat"), {fifo});
        QVERIFY(reader.waitForStarted());
        QCOMPARE(check(fifo).code, 1);
        QVERIFY(reader.waitForFinished(30000));
        QVERIFY(reader.readAllStandardOutput().contains("\"verdict\""));
        QVERIFY(!QFileInfo(fifo).isFile());
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
        // The definitions come back from the files the tree carries (read from "files").
        QJsonObject da = ja.value(QStringLiteral("definitions")).toObject(), db = jb.value(QStringLiteral("definitions")).toObject();
        QVERIFY(!db.isEmpty());
        da.remove(QStringLiteral("source"));
        db.remove(QStringLiteral("source"));
        ja.insert(QStringLiteral("definitions"), da);
        jb.insert(QStringLiteral("definitions"), db);
        QCOMPARE(jb, ja);
    }

    void checkExitCodesAndJson()
    {
        const QString mdev = QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01");
        const QString dir = m_home.path();
        const Run notReady = run({QStringLiteral("check"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"), QStringLiteral("--target"),
                                  QStringLiteral("demo:zlab-c"), QStringLiteral("--mdev"), mdev, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(notReady.code, 1);
        const QJsonObject o = QJsonDocument::fromJson(notReady.out).object();
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("incompatible"));
        QCOMPARE(o.value(QStringLiteral("errno")).toString(), QStringLiteral("EFAULT"));
        QCOMPARE(o.value(QStringLiteral("stream_bytes")).toInt(), 72);

        const QString out = dir + QStringLiteral("/report.html");
        const Run html = run({QStringLiteral("check"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"), QStringLiteral("--target"),
                              QStringLiteral("demo:zlab-b"), QStringLiteral("--mdev"), mdev, QStringLiteral("--format"), QStringLiteral("html"),
                              QStringLiteral("--output"), out, QStringLiteral("--profile"), QStringLiteral("v3")});
        QCOMPARE(html.code, 1); // master keys differ
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("Pre-migration report"));

        const Run badProfile = run({QStringLiteral("check"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"), QStringLiteral("--target"),
                                    QStringLiteral("demo:zlab-b"), QStringLiteral("--mdev"), mdev, QStringLiteral("--profile"), QStringLiteral("v9")});
        QCOMPARE(badProfile.code, 2);
        const Run badHost = run({QStringLiteral("check"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"), QStringLiteral("--target"),
                                 QStringLiteral("sysfs:/nonexistent"), QStringLiteral("--mdev"), mdev});
        QCOMPARE(badHost.code, 3);
        QVERIFY(badHost.err.contains("sysfs:/nonexistent"));
    }

    void fsm_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("source") << QStringList{QStringLiteral("--flags"), QStringLiteral("stop_copy"), QStringLiteral("RUNNING"), QStringLiteral("STOP_COPY")}
                                << 0 << QByteArray("STOP\nSTOP_COPY\n");
        QTest::newRow("p2p") << QStringList{QStringLiteral("--flags"), QStringLiteral("stop_copy,p2p"), QStringLiteral("RUNNING"), QStringLiteral("STOP")}
                             << 0 << QByteArray("RUNNING_P2P\nSTOP\n");
        QTest::newRow("einval") << QStringList{QStringLiteral("--flags"), QStringLiteral("stop_copy"), QStringLiteral("RUNNING"), QStringLiteral("PRE_COPY")}
                                << 1 << QByteArray("EINVAL\n");
        QTest::newRow("bad flag") << QStringList{QStringLiteral("--flags"), QStringLiteral("warp"), QStringLiteral("RUNNING"), QStringLiteral("STOP")}
                                  << 2 << QByteArray();
        QTest::newRow("bad state") << QStringList{QStringLiteral("RUNNING"), QStringLiteral("FLYING")} << 2 << QByteArray();
    }
    void fsm()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QByteArray, out);
        const Run r = run(QStringList{QStringLiteral("fsm")} + args);
        QCOMPARE(r.code, code);
        QCOMPARE(r.out, out);
    }

    void streamEncodeDecode()
    {
        const QString file = m_home.filePath(QStringLiteral("payments.v3"));
        const Run e = run({QStringLiteral("stream"), QStringLiteral("encode"), QStringLiteral("--host"), QStringLiteral("demo:zlab-a"),
                           QStringLiteral("--mdev"), QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01"), QStringLiteral("--profile"),
                           QStringLiteral("v3"), QStringLiteral("--output"), file});
        QCOMPARE(e.code, 0);
        QCOMPARE(QFileInfo(file).size(), 16 + 16 * 4);
        const Run d = run({QStringLiteral("stream"), QStringLiteral("decode"), QStringLiteral("--profile"), QStringLiteral("v3"), file});
        QCOMPARE(d.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(d.out).object();
        QCOMPARE(o.value(QStringLiteral("num_queues")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("queues")).toArray().first().toObject().value(QStringLiteral("apqn")).toString(), QStringLiteral("01.0011"));
        const Run wrong = run({QStringLiteral("stream"), QStringLiteral("decode"), QStringLiteral("--profile"), QStringLiteral("v2"), file});
        QCOMPARE(wrong.code, 1);
        QVERIFY(wrong.err.contains("after the 4 queues") || wrong.err.contains("truncated") || wrong.err.contains("bytes after"));
    }

    // No stream is larger than 65,536 entries: an endless or oversized input is refused before
    // it is read whole, naming the file and the limit.
    void streamDecodeRefusesOversizedInput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("endless device") << QStringLiteral("/dev/zero");
        QTest::newRow("oversized file") << QStringLiteral("big");
    }
    void streamDecodeRefusesOversizedInput()
    {
        QFETCH(QString, file);
        if (!file.startsWith(u'/')) {
            file = m_home.filePath(file);
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(8LL * 1024 * 1024)); // sparse: 8 MiB of zeros, more than any v2 stream
        }
        const Run d = run({QStringLiteral("stream"), QStringLiteral("decode"), QStringLiteral("--profile"), QStringLiteral("v2"), file});
        QCOMPARE(d.code, 1);
        QVERIFY2(d.err.contains(file.toUtf8()) && d.err.contains("larger than any v2 stream can be"), d.err.constData());
    }

    // apconsole-cli mdev: ap-check's rules before anything is written, exit codes as check's.
    void mdevCommands_data()
    {
        QTest::addColumn<QString>("args"); // split at spaces; FILE: a definition file, NEW: a new UUID
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("says");
        const QByteArray clash = R"({"mdev_type":"vfio_ap-passthrough","start":"auto","attrs":[{"assign_adapter":"0x01"},{"assign_domain":"0x11"}]})";
        const QByteArray free = R"({"mdev_type":"vfio_ap-passthrough","start":"manual","attrs":[{"assign_adapter":"0x05"},{"assign_domain":"0x31"}]})";
        const QByteArray above = R"({"mdev_type":"vfio_ap-passthrough","start":"manual","attrs":[{"assign_adapter":"70"},{"assign_domain":"0x31"}]})";
        QTest::newRow("define: autostart clash") << "define --host demo:zlab-a --uuid NEW --file FILE" << clash << 1
                                                 << QByteArray("APQN 1.17 is defined for autostart by 5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01");
        QTest::newRow("define manual: dry run") << "define --host demo:zlab-a --uuid NEW --file FILE --manual --dry-run" << clash << 0 << QByteArray("acceptable");
        QTest::newRow("define existing") << "define --host demo:zlab-a --uuid 5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01" << QByteArray() << 1 << QByteArray("Config already exists");
        QTest::newRow("stricter than ap-check") << "define --host demo:zlab-a --uuid NEW --file FILE" << above << 1 << QByteArray("ap-check would let it through");
        QTest::newRow("start transient: in use") << "start --host demo:zlab-a --uuid NEW --file FILE" << clash << 1
                                                 << QByteArray("APQN 1.17 already in use by 5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01");
        QTest::newRow("start transient") << "start --host demo:zlab-a --uuid NEW --file FILE" << free << 0 << QByteArray("done");
        QTest::newRow("autostart a missing definition") << "autostart --host demo:zlab-b --uuid NEW --auto" << QByteArray() << 1 << QByteArray("Config doesn't exist");
        QTest::newRow("undefine then start") << "undefine --host demo:zlab-c --uuid c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e05" << QByteArray() << 0 << QByteArray("done");
        QTest::newRow("malformed file") << "define --host demo:zlab-a --uuid NEW --file FILE" << QByteArray("{\n\"mdev_type\": 5}") << 2 << QByteArray(":2:");
        QTest::newRow("bad action") << "frob --host demo:zlab-a --uuid NEW" << QByteArray() << 2 << QByteArray("usage");
        QTest::newRow("auto and manual") << "autostart --host demo:zlab-a --uuid NEW --auto --manual" << QByteArray() << 2 << QByteArray("exclude");
        QTest::newRow("unreadable host") << "stop --host sysfs:/nonexistent/tree --uuid NEW" << QByteArray() << 3 << QByteArray("nonexistent");
    }
    void mdevCommands()
    {
        QFETCH(QString, args);
        QFETCH(QByteArray, file);
        QFETCH(int, code);
        QFETCH(QByteArray, says);
        const QString path = m_home.filePath(QStringLiteral("def.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(file);
        f.close();
        QStringList list = args.split(QLatin1Char(' '));
        list.replaceInStrings(QStringLiteral("NEW"), QStringLiteral("f0f0f0f0-1111-4222-8333-444444444444"));
        list.replaceInStrings(QStringLiteral("FILE"), path);
        // A store of its own: demo hosts keep what a row changed, the next row starts fresh.
        const Run r = run(QStringList{QStringLiteral("mdev")} + list, QStringLiteral("mdev-%1.db").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')).remove(QLatin1Char(':'))));
        const QByteArray all = r.out + r.err;
        QVERIFY2(r.code == code, all.constData());
        QVERIFY2(all.contains(says), all.constData());
    }

    void fleetMapFormats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("starts");
        QTest::newRow("text") << "text" << QByteArray("Fleet compatibility map (driver profile v2): 9 guests");
        QTest::newRow("csv") << "csv" << QByteArray("host,guest,mdev,destination,verdict,create_mdev,apqns,reason_id,reason\n");
        QTest::newRow("html") << "html" << QByteArray("<!DOCTYPE html>");
    }
    void fleetMapFormats()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, starts);
        const Run r = run({QStringLiteral("fleet-map"), QStringLiteral("--format"), format}, QStringLiteral("fleetmap.db"));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(starts), r.out.left(200).constData());
        QVERIFY(r.out.contains("payments-01"));
    }

    void fleetMapJsonAndUsage()
    {
        const Run r = run({QStringLiteral("fleet-map"), QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--host"),
                           QStringLiteral("demo:zlab-f"), QStringLiteral("--format"), QStringLiteral("json")}, QStringLiteral("fleetmap.db"));
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("hosts")).toArray().size(), 2);
        const QJsonArray guests = o.value(QStringLiteral("guests")).toArray();
        QCOMPARE(guests.size(), 3); // payments-01, batch-07, ledger-05
        const QJsonObject payments = guests.at(1).toObject();
        QCOMPARE(payments.value(QStringLiteral("guest")).toString(), QStringLiteral("payments-01"));
        const QJsonObject cell = payments.value(QStringLiteral("destinations")).toArray().first().toObject();
        QCOMPARE(cell.value(QStringLiteral("verdict")).toString(), QStringLiteral("refused"));
        QCOMPARE(cell.value(QStringLiteral("reason")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("master_key_mismatch"));

        QCOMPARE(run({QStringLiteral("fleet-map"), QStringLiteral("--format"), QStringLiteral("xml")}).code, 2);
        QCOMPARE(run({QStringLiteral("fleet-map"), QStringLiteral("--profile"), QStringLiteral("v9")}).code, 2);
        QCOMPARE(run({QStringLiteral("fleet-map"), QStringLiteral("--host"), QStringLiteral("demo:nowhere")}).code, 2);
        QCOMPARE(run({QStringLiteral("evacuate")}).code, 2);
        QCOMPARE(run({QStringLiteral("evacuate"), QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--parallel"), QStringLiteral("0")}).code, 2);
        QCOMPARE(run({QStringLiteral("evacuate"), QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--to"), QStringLiteral("demo:zlab-a")}).code, 2);
    }

    // A demo host drained end to end: the plan, the mdevs created, both guests migrated one after
    // another, every run stored; the host is empty of AP guests afterwards and a second
    // evacuation has nothing to do.
    void evacuateDemoHostEndToEnd()
    {
        const QString db = QStringLiteral("evacuate.db");
        const Run dry = run({QStringLiteral("evacuate"), QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--dry-run"),
                             QStringLiteral("--format"), QStringLiteral("json")}, db);
        QCOMPARE(dry.code, 0);
        const QJsonObject plan = QJsonDocument::fromJson(dry.out).object();
        QVERIFY(plan.value(QStringLiteral("validated")).toBool());
        QCOMPARE(plan.value(QStringLiteral("moves")).toArray().size(), 2);
        QVERIFY(plan.value(QStringLiteral("unplaced")).toArray().isEmpty());

        const Run r = run({QStringLiteral("evacuate"), QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--format"), QStringLiteral("json")}, db);
        QCOMPARE(r.code, 0);
        const QJsonObject done = QJsonDocument::fromJson(r.out).object();
        const QJsonObject result = done.value(QStringLiteral("run")).toObject();
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), r.out.constData());
        QCOMPARE(result.value(QStringLiteral("moves")).toArray().size(), 2);
        QVERIFY(result.value(QStringLiteral("remaining")).toArray().isEmpty());

        for (const QJsonValue m : done.value(QStringLiteral("moves")).toArray()) {
            const QJsonObject move = m.toObject();
            const Run inv = run({QStringLiteral("inventory"), QStringLiteral("--host"), move.value(QStringLiteral("destination")).toString()}, db);
            QCOMPARE(inv.code, 0);
            const QJsonObject dest = QJsonDocument::fromJson(inv.out).object();
            bool found = false;
            for (const QJsonValue g : dest.value(QStringLiteral("guests")).toArray())
                found = found || g.toObject().value(QStringLiteral("name")).toString() == move.value(QStringLiteral("guest")).toString();
            QVERIFY2(found, qPrintable(move.value(QStringLiteral("guest")).toString()));
        }
        const Run again = run({QStringLiteral("evacuate"), QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--dry-run"),
                               QStringLiteral("--format"), QStringLiteral("json")}, db);
        QCOMPARE(again.code, 0);
        QVERIFY(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("moves")).toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"

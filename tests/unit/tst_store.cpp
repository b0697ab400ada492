#include <store/runrecord.h>
#include <store/store.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ap;

namespace {

QStringList keptAside(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.corrupt-*")}, QDir::Files);
}

/// Runs SQL on the file directly, as another program would (not through Store).
bool rawExec(const QString &path, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

/// PRAGMA user_version of the file, read directly.
int userVersion(const QString &path)
{
    int v = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                v = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return v;
}

} // namespace

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

    void sideFilesMoveWithTheDamagedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.db"));
        for (const QString &name : QStringList{path, path + QStringLiteral("-wal")}) {
            QFile f(name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        auto s = Store::open(path);
        QVERIFY(s);
        QVERIFY(!(*s)->recoveredFrom().isEmpty());
        QVERIFY(QFile::exists((*s)->recoveredFrom() + QStringLiteral("-wal")));
        QVERIFY((*s)->addHost(QStringLiteral("demo:x")).ok());
    }

#ifndef APCONSOLE_TSAN // starts storeworker processes, which TSan cannot follow (CMakeLists.txt)
    // Another process holds SQLite's exclusive lock longer than we wait: the file is left alone,
    // the caller hears "locked", and the other process's commit lands in the real file.
    void lockHeldByAnotherProcess()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("l.db"));
        {
            auto s = Store::open(path);
            QVERIFY(s);
            QVERIFY((*s)->addHost(QStringLiteral("sysfs:/mine")).ok());
        }
        QProcess holder;
        holder.start(QStringLiteral(STOREWORKER), {QStringLiteral("hold"), path});
        QVERIFY(holder.waitForStarted());
        QVERIFY(holder.waitForReadyRead(30000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));

        auto busy = Store::open(path, 200);
        QVERIFY(!busy);
        QCOMPARE(busy.error().code, ErrorCode::Timeout);
        QVERIFY(busy.error().detail.contains(QLatin1String("locked")));
        QCOMPARE(keptAside(dir.path()), QStringList());

        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(30000));
        QCOMPARE(holder.exitCode(), 0);
        auto s = Store::open(path);
        QVERIFY(s);
        QVERIFY((*s)->recoveredFrom().isEmpty());
        QCOMPARE((*s)->hosts().value(), (QStringList{QStringLiteral("sysfs:/held"), QStringLiteral("sysfs:/mine")}));
    }
#endif

    void newerSchemaIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("n.db"));
        {
            auto s = Store::open(path);
            QVERIFY(s);
            QVERIFY((*s)->addHost(QStringLiteral("sysfs:/remembered")).ok());
        }
        QVERIFY(rawExec(path, QStringLiteral("PRAGMA user_version = 9")));
        auto newer = Store::open(path);
        QVERIFY(!newer);
        QCOMPARE(newer.error().code, ErrorCode::Unsupported);
        QVERIFY(newer.error().detail.contains(QLatin1String("schema version 9")));
        QVERIFY(newer.error().hint.contains(QLatin1String("9")));
        QCOMPARE(keptAside(dir.path()), QStringList());
        // The apconsole that knows version 9 still finds everything.
        QVERIFY(rawExec(path, QStringLiteral("PRAGMA user_version = %1").arg(Store::kSchemaVersion)));
        auto s = Store::open(path);
        QVERIFY(s);
        QCOMPARE((*s)->hosts().value(), QStringList{QStringLiteral("sysfs:/remembered")});
    }

#ifndef APCONSOLE_TSAN // starts storeworker processes, which TSan cannot follow (CMakeLists.txt)
    // As an unprivileged user (the worker drops to nobody when the suite runs as root).
    void readOnlyDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        const QString ro = dir.filePath(QStringLiteral("ro"));
        QVERIFY(QDir().mkdir(ro));
        const QString existing = ro + QStringLiteral("/existing.db");
        {
            auto s = Store::open(existing);
            QVERIFY(s);
            QVERIFY((*s)->addHost(QStringLiteral("sysfs:/kept")).ok());
        }
        QVERIFY(QFile::setPermissions(existing, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(QFile::setPermissions(ro, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                              | QFile::ReadOther | QFile::ExeOther));
        for (const QString &path : QStringList{existing, ro + QStringLiteral("/new.db")}) {
            QProcess p;
            p.start(QStringLiteral(STOREWORKER), {QStringLiteral("open"), path});
            QVERIFY(p.waitForFinished(30000));
            QVERIFY2(p.exitCode() == 1, p.readAllStandardError().constData());
            QCOMPARE(p.readAllStandardOutput().trimmed(), QByteArray("io"));
        }
        QCOMPARE(QDir(ro).entryList(QDir::Files), QStringList{QStringLiteral("existing.db")});
    }
#endif

#ifndef APCONSOLE_TSAN // starts storeworker processes, which TSan cannot follow (CMakeLists.txt)
    // Processes starting on a fresh file at the same moment: one creates the schema, the others
    // wait for it; every report of every process is there, nothing is moved aside.
    void parallelFirstRunsLoseNothing()
    {
        constexpr int kRounds = 4;
        constexpr int kProcesses = 8;
        constexpr int kReports = 5;
        for (int round = 0; round < kRounds; ++round) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("p.db"));
            std::vector<std::unique_ptr<QProcess>> workers;
            for (int i = 0; i < kProcesses; ++i) {
                workers.push_back(std::make_unique<QProcess>());
                workers.back()->start(QStringLiteral(STOREWORKER), {QStringLiteral("reports"), path, QString::number(kReports)});
            }
            for (auto &w : workers) {
                QVERIFY(w->waitForFinished(60000));
                QVERIFY2(w->exitCode() == 0, w->readAllStandardError().constData());
            }
            auto s = Store::open(path);
            QVERIFY(s);
            QCOMPARE((*s)->reports()->size(), kProcesses * kReports);
            QCOMPARE(keptAside(dir.path()), QStringList());
        }
    }
#endif

    // A process that died with commits only in its WAL: the next open replays them.
    void crashLeftWalIsReplayed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.db"));
        const QString crashed = dir.filePath(QStringLiteral("crashed.db"));
        auto s = Store::open(path);
        QVERIFY(s);
        for (int i = 0; i < 50; ++i)
            QVERIFY((*s)->addHost(QStringLiteral("sysfs:/srv/host%1").arg(i)).ok());
        // The files as they are on disk while the store is open: what a crash leaves behind.
        QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(QFile::copy(path, crashed));
        QVERIFY(QFile::copy(path + QStringLiteral("-wal"), crashed + QStringLiteral("-wal")));
        auto replayed = Store::open(crashed);
        QVERIFY(replayed);
        QVERIFY((*replayed)->recoveredFrom().isEmpty());
        QCOMPARE((*replayed)->hosts()->size(), 50);
    }

    void foreignKeysAreEnforced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f.db"));
        auto s = Store::open(path);
        QVERIFY(s);
        Store::MigrationRun run;
        run.time = QDateTime::currentDateTimeUtc();
        run.source = QStringLiteral("demo:a");
        run.target = QStringLiteral("demo:b");
        run.guest = QStringLiteral("g");
        run.mdev = QStringLiteral("m");
        run.strategy = QStringLiteral("live");
        run.steps.append({QStringLiteral("create"), 0, 5, QStringLiteral("done"), {}, {}});
        QVERIFY((*s)->saveMigrationRun(run));
        // A step whose run does not exist is refused by SQLite itself.
        QVERIFY(!rawExec(path, QStringLiteral("PRAGMA foreign_keys = ON; INSERT INTO migration_steps (run_id, seq, step, outcome) VALUES (999, 0, 'x', 'done')")));
    }

    void migrationRunsCarryTheirOwnSteps()
    {
        QTemporaryDir dir;
        auto s = Store::open(dir.filePath(QStringLiteral("r.db")));
        QVERIFY(s);
        for (int i = 0; i < 30; ++i) {
            Store::MigrationRun run;
            run.time = QDateTime::currentDateTimeUtc();
            run.source = QStringLiteral("demo:a");
            run.target = QStringLiteral("demo:b");
            run.guest = QStringLiteral("g%1").arg(i % 3);
            run.mdev = QStringLiteral("m");
            run.strategy = QStringLiteral("live");
            for (int step = 0; step <= i % 4; ++step)
                run.steps.append({QStringLiteral("run%1-step%2").arg(i).arg(step), step, step + 1, QStringLiteral("done"), {}, {}});
            QVERIFY((*s)->saveMigrationRun(run));
        }
        const auto check = [](const QList<Store::MigrationRun> &runs) {
            for (const Store::MigrationRun &r : runs) {
                const int i = int(r.id) - 1; // ids count from 1 in saving order
                if (r.steps.size() != i % 4 + 1)
                    return false;
                for (int step = 0; step < r.steps.size(); ++step)
                    if (r.steps[step].step != QStringLiteral("run%1-step%2").arg(i).arg(step))
                        return false;
            }
            return true;
        };
        const auto all = (*s)->migrationRuns();
        QVERIFY(all);
        QCOMPARE(all->size(), 30);
        QCOMPARE(all->first().id, 30); // newest first
        QVERIFY(check(*all));
        const auto some = (*s)->migrationRuns(QStringLiteral("g1"), 4);
        QVERIFY(some);
        QCOMPARE(some->size(), 4);
        QCOMPARE(some->first().id, 29);
        QCOMPARE(some->last().id, 20);
        QVERIFY(check(*some));
    }

    // The history keeps what the operator decided: the typed override past blocking findings and
    // the injected failure, through saving, listing, loading and the JSON export.
    void runsKeepOverrideAndInjectedFailure()
    {
        QTemporaryDir dir;
        auto s = Store::open(dir.filePath(QStringLiteral("o.db")));
        QVERIFY(s);
        migration::MigrationPlan plan;
        plan.sourceHost = QStringLiteral("demo:zlab-a");
        plan.targetHost = QStringLiteral("demo:zlab-b");
        plan.guest = QStringLiteral("payments-01");
        plan.mdev = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10");
        migration::RunEvent result;
        result.kind = migration::RunEvent::Kind::Result;
        result.err = 22;
        const migration::RunDecisions decisions{migration::InjectedFailure::Incompatible, QStringLiteral("payments-01"),
                                                {QStringLiteral("master_key_mismatch")}};
        Store::MigrationRun run = migration::runRecord(plan, {result}, QDateTime::currentDateTimeUtc(), decisions);
        QCOMPARE(run.injectedFailure, QStringLiteral("incompatible"));
        const auto saved = (*s)->saveMigrationRun(run);
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().toString()));
        const qint64 id = *saved;
        const auto listed = (*s)->migrationRuns();
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().overrideText, QStringLiteral("payments-01"));
        QCOMPARE(listed->first().overriddenFindings, QStringList{QStringLiteral("master_key_mismatch")});
        QCOMPARE(listed->first().injectedFailure, QStringLiteral("incompatible"));
        const auto loaded = (*s)->migrationRun(id);
        QVERIFY(loaded);
        QCOMPARE(loaded->overrideText, QStringLiteral("payments-01"));
        QCOMPARE(loaded->injectedFailure, QStringLiteral("incompatible"));
        const QJsonObject json = migration::runRecordToJson(*loaded);
        QCOMPARE(json.value(QStringLiteral("override")).toString(), QStringLiteral("payments-01"));
        QCOMPARE(json.value(QStringLiteral("injectedFailure")).toString(), QStringLiteral("incompatible"));

        // An Inject event alone (the CLI's host-away failure) is recorded too; no override, no entry.
        migration::RunEvent inject;
        inject.kind = migration::RunEvent::Kind::Inject;
        inject.text = QStringLiteral("host-away");
        const Store::MigrationRun plain = migration::runRecord(plan, {inject, result}, QDateTime::currentDateTimeUtc());
        QCOMPARE(plain.injectedFailure, QStringLiteral("host-away"));
        QVERIFY(plain.overrideText.isEmpty() && plain.overriddenFindings.isEmpty());
    }

    // A database of schema version 3 (before the operator's decisions were stored) is brought
    // up to date; its runs read with no override and no injected failure.
    void schemaThreeRunsAreMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v3.db"));
        QVERIFY(rawExec(path, QStringLiteral("CREATE TABLE migration_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL,"
                                             " source TEXT NOT NULL, target TEXT NOT NULL, guest TEXT NOT NULL, mdev TEXT NOT NULL,"
                                             " strategy TEXT NOT NULL, ok INTEGER NOT NULL, failed_step TEXT, errno TEXT, message TEXT,"
                                             " events TEXT NOT NULL)")));
        QVERIFY(rawExec(path, QStringLiteral("CREATE TABLE migration_steps (run_id INTEGER NOT NULL REFERENCES migration_runs(id) ON DELETE CASCADE,"
                                             " seq INTEGER NOT NULL, step TEXT NOT NULL, started_ms INTEGER, ended_ms INTEGER, outcome TEXT NOT NULL,"
                                             " detail TEXT, errno TEXT, PRIMARY KEY (run_id, seq))")));
        QVERIFY(rawExec(path, QStringLiteral("CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, host TEXT NOT NULL,"
                                             " action TEXT NOT NULL, path TEXT NOT NULL, value TEXT NOT NULL, before TEXT, after TEXT,"
                                             " errno INTEGER NOT NULL, kernel_log TEXT, rollback INTEGER NOT NULL)")));
        QVERIFY(rawExec(path, QStringLiteral("INSERT INTO audit_log (time, host, action, path, value, errno, rollback)"
                                             " VALUES ('2026-11-30T10:00:00.000Z', 'demo:a', 'assign adapter 0x05', 'p', '0x05', 0, 0)")));
        QVERIFY(rawExec(path, QStringLiteral("INSERT INTO migration_runs (time, source, target, guest, mdev, strategy, ok, events)"
                                             " VALUES ('2026-11-30T10:00:00.000Z', 'demo:a', 'demo:b', 'g', 'm', 'live', 1, '[]')")));
        // Version 2's reports table, as every database of version 3 has it.
        QVERIFY(rawExec(path, QStringLiteral("CREATE TABLE reports (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, source TEXT NOT NULL,"
                                             " target TEXT NOT NULL, guest TEXT, mdev TEXT NOT NULL, profile TEXT NOT NULL, verdict TEXT NOT NULL,"
                                             " errno TEXT, ready INTEGER NOT NULL, json TEXT NOT NULL)")));
        QVERIFY(rawExec(path, QStringLiteral("PRAGMA user_version = 3")));
        auto s = Store::open(path);
        QVERIFY2(s, s ? "" : qPrintable(s.error().toString()));
        const auto runs = (*s)->migrationRuns();
        QVERIFY(runs);
        QCOMPARE(runs->size(), 1);
        QVERIFY(runs->first().ok);
        QVERIFY(runs->first().overrideText.isEmpty() && runs->first().injectedFailure.isEmpty());
        Store::MigrationRun later = runs->first();
        later.injectedFailure = QStringLiteral("fewer-queues");
        QVERIFY((*s)->saveMigrationRun(later));
        QCOMPARE((*s)->migrationRuns()->first().injectedFailure, QStringLiteral("fewer-queues"));
        // The audit log gained its user column: old entries have none, new ones name the account.
        QCOMPARE((*s)->journal()->size(), 1);
        QVERIFY((*s)->journal()->first().user.isEmpty());
        JournalEntry e;
        e.time = QDateTime::currentDateTimeUtc();
        e.host = QStringLiteral("demo:a");
        e.action = QStringLiteral("assign domain 0x13");
        e.path = QStringLiteral("sys/devices/vfio_ap/matrix/x/assign_domain");
        e.value = "0x13\n";
        e.user = QStringLiteral("operator1");
        QVERIFY((*s)->appendJournal({e}).ok());
        QCOMPARE((*s)->journal()->first().user, QStringLiteral("operator1"));
        // Both steps ran: the per-host driver revisions (version 5) are there as well.
        QVERIFY((*s)->setHostRevision({QStringLiteral("demo:b"), migration::DriverProfile::C, {}, {}}));
        QCOMPARE((*s)->hostRevisions()->size(), 1);
        QCOMPARE(userVersion(path), Store::kSchemaVersion);
    }

    // A database of schema version 4 (run decisions, host names, audit user; no driver revisions)
    // gains the per-host revision table and keeps what it held.
    void schemaFourGainsHostRevisions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v4.db"));
        {
            auto s = Store::open(path);
            QVERIFY(s);
            QVERIFY((*s)->addHost(QStringLiteral("sysfs:/kept")).ok());
        }
        QVERIFY(rawExec(path, QStringLiteral("DROP TABLE host_revisions")));
        QVERIFY(rawExec(path, QStringLiteral("ALTER TABLE reports DROP COLUMN packed")));
        QVERIFY(rawExec(path, QStringLiteral("PRAGMA user_version = 4")));
        auto s = Store::open(path);
        QVERIFY2(s, s ? "" : qPrintable(s.error().toString()));
        QCOMPARE(userVersion(path), Store::kSchemaVersion);
        QCOMPARE((*s)->hosts().value(), QStringList{QStringLiteral("sysfs:/kept")});
        QVERIFY((*s)->hostRevisions()->isEmpty());
        QVERIFY((*s)->setHostRevision({QStringLiteral("sysfs:/kept"), migration::DriverProfile::V4, QStringLiteral("6.17.0"), QStringLiteral("ABC")}));
        QCOMPARE((*s)->hostRevisions()->first().profile, migration::DriverProfile::V4);
    }

    // A database of schema version 5 kept each report as JSON text: those rows stay readable,
    // and reports saved after the upgrade are stored compressed.
    void schemaFiveReportsStayReadable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v5.db"));
        QVERIFY(Store::open(path));
        QVERIFY(rawExec(path, QStringLiteral("ALTER TABLE reports DROP COLUMN packed")));
        QVERIFY(rawExec(path, QStringLiteral("INSERT INTO reports (time, source, target, guest, mdev, profile, verdict, errno, ready, json)"
                                             " VALUES ('2026-11-30T10:00:00Z', 'demo:a', 'demo:b', 'g', 'm', 'v4', 'accepted', '', 1,"
                                             " '{\"source\":\"demo:a\",\"verdict\":\"accepted\"}')")));
        QVERIFY(rawExec(path, QStringLiteral("PRAGMA user_version = 5")));
        auto s = Store::open(path);
        QVERIFY2(s, s ? "" : qPrintable(s.error().toString()));
        QCOMPARE(userVersion(path), Store::kSchemaVersion);
        const auto old = (*s)->report((*s)->reports()->first().id);
        QVERIFY(old);
        QCOMPARE(old->value(QStringLiteral("verdict")).toString(), QStringLiteral("accepted"));

        QJsonArray queues;
        for (int i = 0; i < 4096; ++i)
            queues.append(QJsonObject{{QStringLiteral("apqn"), QStringLiteral("%1.%2").arg(i / 256, 2, 16, QLatin1Char('0')).arg(i % 256, 4, 16, QLatin1Char('0'))},
                                      {QStringLiteral("decision"), QStringLiteral("accepted")}});
        const QJsonObject big{{QStringLiteral("source"), QStringLiteral("demo:a")}, {QStringLiteral("target"), QStringLiteral("demo:b")},
                              {QStringLiteral("mdev"), QStringLiteral("m")}, {QStringLiteral("profile"), QStringLiteral("v4")},
                              {QStringLiteral("verdict"), QStringLiteral("accepted")}, {QStringLiteral("queues"), queues}};
        const auto id = (*s)->saveReport(big);
        QVERIFY2(id, id ? "" : qPrintable(id.error().toString()));
        QCOMPARE((*s)->report(*id).value(), big);
        // What is on disk is the compressed form, a fraction of the JSON.
        const qsizetype jsonBytes = QJsonDocument(big).toJson(QJsonDocument::Compact).size();
        qsizetype stored = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT length(json) + length(packed) FROM reports WHERE id = %1").arg(*id)) && q.next());
            stored = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        QVERIFY2(stored > 0 && stored * 5 < jsonBytes, qPrintable(QStringLiteral("%1 of %2 bytes").arg(stored).arg(jsonBytes)));
    }

    // A compressed report that no longer unpacks is named as damaged; the others still open.
    void damagedReportSaysSo_data()
    {
        QTest::addColumn<QString>("blob");
        QTest::newRow("garbage") << QStringLiteral("X'00000010DEADBEEF'");
        QTest::newRow("truncated") << QStringLiteral("substr(packed, 1, 12)");
        QTest::newRow("not json") << QStringLiteral("X'00000003789c4b4c4a0600024d0127'"); // qCompress("abc")
    }
    void damagedReportSaysSo()
    {
        QFETCH(QString, blob);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.db"));
        auto s = Store::open(path);
        QVERIFY(s);
        const QJsonObject report{{QStringLiteral("source"), QStringLiteral("demo:a")}, {QStringLiteral("target"), QStringLiteral("demo:b")},
                                 {QStringLiteral("mdev"), QStringLiteral("m")}, {QStringLiteral("profile"), QStringLiteral("v4")},
                                 {QStringLiteral("verdict"), QStringLiteral("accepted")}};
        const auto kept = (*s)->saveReport(report);
        const auto damaged = (*s)->saveReport(report);
        QVERIFY2(kept && damaged, kept ? "" : qPrintable(kept.error().toString()));
        QVERIFY(rawExec(path, QStringLiteral("UPDATE reports SET packed = %1 WHERE id = %2").arg(blob).arg(*damaged)));
        const auto r = (*s)->report(*damaged);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QVERIFY2(r.error().detail.contains(QString::number(*damaged)), qPrintable(r.error().detail));
        QCOMPARE((*s)->report(*kept).value(), report);
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

// apconsole-cli matrix against demo hosts and sysfs trees: the verdict, the plain diff and the
// writes; a refusal that leaves the host as it was; the exit codes.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "../support/clirun.h"

namespace {

using Run = ap::test::CliRun;

const QString kPayments = QStringLiteral("5a0f6c0e-4d0c-4a5e-9d7e-2f1b8c3a9e01");
const QString kSpare = QStringLiteral("9e8d7c6b-5a49-4382-8716-0f1e2d3c4b03");
const QString kDatabase = QStringLiteral("e5f6a7b8-c9d0-4e1f-8a2b-4c5d6e7f8a07");
const QString kMl = QStringLiteral("f6a7b8c9-d0e1-4f2a-8b3c-5d6e7f8a9b08");

QJsonArray range(int first, int last, std::initializer_list<int> extra = {}, int without = -1)
{
    QJsonArray a;
    for (int i = first; i <= last; ++i)
        if (i != without)
            a.append(i);
    for (int i : extra)
        a.append(i);
    return a;
}

/// zlab-e's database and ml mdevs (adapters 1-3 each) trade domains 0x10 and 0x20.
QByteArray swapJson()
{
    const QJsonObject db{{QStringLiteral("adapters"), QJsonArray{1, 2, 3}}, {QStringLiteral("domains"), range(0x11, 0x1f, {0x20})},
                         {QStringLiteral("control_domains"), QJsonArray{0x10}}};
    const QJsonObject ml{{QStringLiteral("adapters"), QJsonArray{1, 2, 3}}, {QStringLiteral("domains"), range(0x21, 0x2f, {0x10})},
                         {QStringLiteral("control_domains"), QJsonArray{}}};
    return QJsonDocument(QJsonObject{{kDatabase, db}, {kMl, ml}}).toJson();
}

/// Every file of a tree with its content, to tell that nothing was written.
QByteArray treeDigest(const QString &root)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList files;
    for (QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
        files.append(it.next());
    files.sort();
    for (const QString &f : files) {
        QFile file(f);
        hash.addData(f.toUtf8());
        if (file.open(QIODevice::ReadOnly))
            hash.addData(file.readAll());
    }
    return hash.result();
}

} // namespace

class TstCliMatrix : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    int m_db = 0;

    Run cli(const QStringList &args) { return ap::test::runCli(QStringLiteral(APCONSOLE_CLI), args, m_home.filePath(QStringLiteral("cli-%1.db").arg(m_db))); }
    Run run(const QStringList &args) { return cli(QStringList{QStringLiteral("matrix")} + args); }
    QByteArray inventory(const QString &host) { return cli({QStringLiteral("inventory"), QStringLiteral("--host"), host}).out; }

    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_home.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(data);
        return path;
    }

    QString tree(const QString &demoHost)
    {
        const QString dir = m_home.filePath(QStringLiteral("tree-%1-%2").arg(demoHost).arg(m_db));
        const Run r = cli({QStringLiteral("tree"), QStringLiteral("--host"), QStringLiteral("demo:") + demoHost, QStringLiteral("--output"), dir});
        return r.code == 0 ? dir : QString();
    }

private slots:
    void initTestCase() { QVERIFY(m_home.isValid()); }
    // A fresh database per test: the demo hosts keep their state in it.
    void init() { ++m_db; }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no host") << QStringList{QStringLiteral("--mdev"), kSpare, QStringLiteral("--assign-domain"), QStringLiteral("1")};
        QTest::newRow("no change") << QStringList{QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kSpare};
        QTest::newRow("bad ids") << QStringList{QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kSpare,
                                                QStringLiteral("--assign-domain"), QStringLiteral("0x100")};
        QTest::newRow("bad format") << QStringList{QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kSpare,
                                                   QStringLiteral("--assign-domain"), QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("xml")};
        QTest::newRow("desired and edits") << QStringList{QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--desired"),
                                                          QStringLiteral("x.json"), QStringLiteral("--mdev"), kSpare};
        QTest::newRow("move-from without assign") << QStringList{QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kSpare,
                                                                 QStringLiteral("--unassign-domain"), QStringLiteral("1"), QStringLiteral("--move-from"), kPayments};
    }
    void usage()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("usage"), r.err.constData());
    }

    void desiredFileMustNameAllLists()
    {
        const QString path = writeFile(QStringLiteral("partial.json"), QByteArray("{\"") + kSpare.toLatin1() + "\": {\"adapters\": [5]}}");
        const Run r = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--desired"), path});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("control_domains"));
    }

    void unreadableHost()
    {
        const Run r = run({QStringLiteral("--host"), QStringLiteral("sysfs:/nonexistent/tree"), QStringLiteral("--mdev"), kSpare,
                           QStringLiteral("--assign-domain"), QStringLiteral("0x31")});
        QCOMPARE(r.code, 3);
    }

    void assignOnDemoHost()
    {
        const Run r = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kSpare,
                           QStringLiteral("--assign-domain"), QStringLiteral("0x31,0x32"), QStringLiteral("--assign-control-domain"), QStringLiteral("0x31")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("applied"), r.out.constData());
        QVERIFY(r.out.contains("domains: +0x31-0x32"));
        QVERIFY(r.out.contains("APQNs: 1 -> 3"));
        const QJsonObject inv = QJsonDocument::fromJson(inventory(QStringLiteral("demo:zlab-a"))).object();
        QJsonArray domains;
        for (const QJsonValue &m : inv.value(QStringLiteral("mdevs")).toArray())
            if (m.toObject().value(QStringLiteral("uuid")).toString() == kSpare)
                domains = m.toObject().value(QStringLiteral("domains")).toArray();
        QCOMPARE(domains, (QJsonArray{0x30, 0x31, 0x32}));
    }

    // --update-definition: the definition follows the writes (and a dry run says it would).
    void updateDefinitionFollowsTheWrites()
    {
        const QStringList change{QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kSpare,
                                 QStringLiteral("--assign-domain"), QStringLiteral("0x31"), QStringLiteral("--update-definition"),
                                 QStringLiteral("--format"), QStringLiteral("json")};
        const Run dry = run(change + QStringList{QStringLiteral("--dry-run")});
        QCOMPARE(dry.code, 0);
        QCOMPARE(QJsonDocument::fromJson(dry.out).object().value(QStringLiteral("definition_updates")).toObject().value(kSpare).toString(),
                 QStringLiteral("would-update"));
        const Run r = run(change);
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("definition_updates")).toObject().value(kSpare).toString(),
                 QStringLiteral("updated"));
        // Taking 0x31 away again now leaves the updated definition behind (before, it would match).
        const Run back = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kSpare,
                              QStringLiteral("--unassign-domain"), QStringLiteral("0x31"), QStringLiteral("--dry-run"), QStringLiteral("--format"),
                              QStringLiteral("json")});
        QCOMPARE(back.code, 0);
        const QJsonArray changes = QJsonDocument::fromJson(back.out).object().value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("persistent_definition")).toString(), QStringLiteral("not-updated"));
    }

    // A move out of a running guest's mdev says what that guest loses.
    void moveDryRunJson()
    {
        const Run r = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kSpare, QStringLiteral("--assign-domain"),
                           QStringLiteral("0x12"), QStringLiteral("--move-from"), kPayments, QStringLiteral("--dry-run"), QStringLiteral("--format"),
                           QStringLiteral("json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("acceptable"));
        QCOMPARE(o.value(QStringLiteral("dry_run")).toBool(), true);
        const QJsonArray changes = o.value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 2);
        const QJsonObject payments = changes.at(0).toObject().value(QStringLiteral("uuid")).toString() == kPayments ? changes.at(0).toObject()
                                                                                                                     : changes.at(1).toObject();
        QCOMPARE(payments.value(QStringLiteral("guest")).toString(), QStringLiteral("payments-01"));
        QCOMPARE(payments.value(QStringLiteral("guest_running")).toBool(), true);
        QCOMPARE(payments.value(QStringLiteral("apqns_before")).toInt(), 4);
        QCOMPARE(payments.value(QStringLiteral("apqns_after")).toInt(), 2);
        QCOMPARE(payments.value(QStringLiteral("persistent_definition")).toString(), QStringLiteral("not-updated"));
        QVERIFY(!o.value(QStringLiteral("writes")).toArray().isEmpty());
        // Nothing was written.
        const Run again = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kSpare, QStringLiteral("--assign-domain"),
                               QStringLiteral("0x12"), QStringLiteral("--move-from"), kPayments, QStringLiteral("--dry-run")});
        QCOMPARE(again.code, 0);
    }

    void swapOnDemoHost()
    {
        const QString path = writeFile(QStringLiteral("swap.json"), swapJson());
        const Run dry = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-e"), QStringLiteral("--desired"), path, QStringLiteral("--dry-run"),
                             QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(dry.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(dry.out).object();
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("acceptable"));
        QCOMPARE(o.value(QStringLiteral("writes")).toArray().size(), 3);
        const Run applied = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-e"), QStringLiteral("--desired"), path});
        QCOMPARE(applied.code, 0);
        QVERIFY2(applied.out.contains("applied"), applied.out.constData());
        // Once swapped, the same end state is no change at all.
        const Run again = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-e"), QStringLiteral("--desired"), path});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains("unchanged"), again.out.constData());
    }

    // Adapter 0x03 x domain 0x20 belongs to hsm: the kernel would refuse, and the host stays.
    void refusedEditLeavesDemoHostUnchanged()
    {
        const QByteArray before = inventory(QStringLiteral("demo:zlab-a"));
        const Run r = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"), kPayments,
                           QStringLiteral("--assign-adapter"), QStringLiteral("3"), QStringLiteral("--assign-domain"), QStringLiteral("0x20")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains("refused: EADDRINUSE"), r.out.constData());
        QVERIFY(r.out.contains("already assigned to"));
        QCOMPARE(inventory(QStringLiteral("demo:zlab-a")), before);
    }

    void unknownMdevIsRefused()
    {
        const Run r = run({QStringLiteral("--host"), QStringLiteral("demo:zlab-a"), QStringLiteral("--mdev"),
                           QStringLiteral("11111111-2222-4333-8444-555555555555"), QStringLiteral("--assign-domain"), QStringLiteral("1"),
                           QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.code, 1);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("errno")).toString(), QStringLiteral("ENOENT"));
    }

    void sysfsTree()
    {
        const QString root = tree(QStringLiteral("zlab-e"));
        QVERIFY(!root.isEmpty());
        const QString host = QStringLiteral("sysfs:") + root;
        const QByteArray pristine = treeDigest(root);

        // Refused: nothing is written.
        const Run refused = run({QStringLiteral("--host"), host, QStringLiteral("--mdev"), kDatabase, QStringLiteral("--assign-domain"), QStringLiteral("0x21")});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.out.contains("EADDRINUSE"), refused.out.constData());
        QCOMPARE(treeDigest(root), pristine);

        // The swap, judged on the tree as read.
        const QString path = writeFile(QStringLiteral("swap-sysfs.json"), swapJson());
        const Run dry = run({QStringLiteral("--host"), host, QStringLiteral("--desired"), path, QStringLiteral("--dry-run")});
        QCOMPARE(dry.code, 0);
        QVERIFY2(dry.out.contains("acceptable"), dry.out.constData());
        QVERIFY(dry.out.contains("writes (3)"));
        QCOMPARE(treeDigest(root), pristine);

        // Applied: a plain tree takes the bytes as written.
        const Run applied = run({QStringLiteral("--host"), host, QStringLiteral("--mdev"), kDatabase, QStringLiteral("--unassign-domain"), QStringLiteral("0x1f")});
        QCOMPARE(applied.code, 0);
        QVERIFY(treeDigest(root) != pristine);
    }
};

QTEST_GUILESS_MAIN(TstCliMatrix)
#include "tst_climatrix.moc"

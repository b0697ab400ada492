// Persistent definitions over a real sshd: the definitions and masks read below the host's root,
// and define/start/stop/autostart/undefine run a fake `mdevctl` on the remote side that records
// its arguments, its environment root and its stdin; hostile values prove no shell parses them.
#include "sshdfixture.h"
#include "skip.h"
#include "testsupport.h"

#include <definitions/definitionrequest.h>
#include <definitions/drift.h>
#include <definitions/mdevctljson.h>
#include <hosts/ssh/sshhost.h>
#include <sysfs/treewriter.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ap;
using namespace ap::test;
using Kind = definitions::DefinitionRequest::Kind;

namespace {

const QString kUuid = QStringLiteral("11111111-2222-4333-8444-555555555555");
const QString kOther = QStringLiteral("66666666-7777-4888-9999-aaaaaaaaaaaa");
const QString kRefused = QStringLiteral("deadbeef-0000-4000-8000-00000000dead");

// Records each call as calls/N.args (one argument per line), N.root and N.stdin. `list
// --dumpjson` (the active view) prints the file active.json beside bin/, if there is one.
const char kFakeMdevctl[] = R"(#!/bin/sh
dir=$(dirname "$0")/../calls
mkdir -p "$dir"
n=$(ls "$dir" | grep -c '\.args$')
for a in "$@"; do printf '%s\n' "$a"; done > "$dir/$n.args"
printf '%s' "${MDEVCTL_ENV_ROOT-unset}" > "$dir/$n.root"
if [ "$*" = "list --dumpjson" ]; then
  [ -f "$(dirname "$0")/../active.json" ] && cat -- "$(dirname "$0")/../active.json"
  exit 0
fi
case " $* " in *" --jsonfile /dev/stdin "*) cat > "$dir/$n.stdin";; esac
case " $* " in *" deadbeef-0000-4000-8000-00000000dead "*)
  echo "ap-check: APQN 5.71 is defined for autostart by 0ebbe24e-0000-4000-8000-000000000000" >&2
  echo 'Error: callout script "/usr/lib/mdevctl/scripts.d/callouts/ap-check" failed with return code 255' >&2
  exit 1;;
esac
exit 0
)";

QByteArray fileContent(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TstSshMdevctl : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<SshdFixture> m_sshd;
    QString m_root;  // the host tree, its name hostile to a shell
    QString m_calls; // where the fake mdevctl records

    std::unique_ptr<SshHost> host()
    {
        const auto uri = HostUri::parse(m_sshd->uri(m_root));
        if (!uri)
            qFatal("%s", qPrintable(uri.error().toString()));
        return std::make_unique<SshHost>(*uri, SshSettings::fromEnvironment());
    }

    QStringList args(int n) const
    {
        return QString::fromUtf8(fileContent(QStringLiteral("%1/%2.args").arg(m_calls).arg(n))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private slots:
    void initTestCase()
    {
        if (!SshdFixture::available())
            AP_SKIP("OpenSSH (server and client) is not installed; scripts/install-deps.sh installs it");
        const QString bin = m_dir.filePath(QStringLiteral("fake/bin"));
        m_calls = m_dir.filePath(QStringLiteral("fake/calls"));
        QVERIFY(writeFile(bin + QStringLiteral("/mdevctl"), kFakeMdevctl));
        QVERIFY(QFile::setPermissions(bin + QStringLiteral("/mdevctl"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_sshd = std::make_unique<SshdFixture>(m_dir.path());
        const Status started = m_sshd->start(QStringLiteral("PATH=%1:$PATH; export PATH; eval \"$SSH_ORIGINAL_COMMAND\"").arg(bin));
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_sshd->exportClientEnvironment();

        m_root = m_dir.filePath(QStringLiteral("tree$(id)'x;id'"));
        HostSnapshot h = makeHost(8, 16);
        addMdev(h, kUuid, {1, 2}, {3}, {3});
        QVERIFY(sysfs::writeTree(h, m_root).ok());
        // Defined with adapter 1 only: the running mdev has drifted by adapter 2.
        MdevDefinition d = definitions::definitionOf(kUuid, {IdMask::fromIds({1}), IdMask::fromIds({3}), IdMask::fromIds({3})}, true);
        QVERIFY(writeFile(m_root + QStringLiteral("/etc/mdevctl.d/matrix/") + kUuid, definitions::toConfigJson(d)));
        QVERIFY(writeFile(m_root + QStringLiteral("/etc/udev/rules.d/41-ap.rules"), "ATTR{../../bus/ap/apmask}=\"0x80\"\nATTR{../../bus/ap/aqmask}=\"0x80\"\n"));
        // Trust the host key once.
        auto h0 = host();
        const auto key = h0->client().scanHostKey(QDeadlineTimer(10000));
        QVERIFY(key.ok());
        QVERIFY(h0->client().trustHostKey(*key).ok());
    }

    void init()
    {
        QDir(m_calls).removeRecursively();
    }

    void readsDefinitionsAndMasksBelowTheRoot()
    {
        auto h = host();
        const auto snap = h->readInventory({90000}).result();
        QVERIFY2(snap.ok(), qPrintable(snap.ok() ? QString() : snap.error().toString()));
        QCOMPARE(h->client().invocations(), 1); // still one remote command
        QVERIFY(snap->definitions);
        QCOMPARE(snap->definitions->source, QStringLiteral("files")); // a tree root: the files, never the host's own mdevctl
        QCOMPARE(snap->definitions->definitions.size(), 1);
        QCOMPARE(*snap->definitions->masks.apmask, IdMask::fromIds({0}));
        QCOMPARE(snap->mdev(kUuid)->lifetime(), Mdev::Lifetime::PersistentAutostart);
        QCOMPARE(definitions::driftOf(*snap, kUuid)->summary(), QStringLiteral("+adapter 0x02"));
    }

    void activeViewOfMdevctlAgainstSysfs()
    {
        // mdevctl (pointed below the root) says kOther runs, and does not list kUuid, which sysfs has.
        const QString active = m_dir.filePath(QStringLiteral("fake/active.json"));
        QVERIFY(writeFile(active, QStringLiteral("[{\"matrix\":[{\"%1\":{\"mdev_type\":\"vfio_ap-passthrough\",\"start\":\"manual\"}}]}]")
                                      .arg(kOther).toUtf8()));
        auto h = host();
        const auto snap = h->readInventory({90000}).result();
        QFile::remove(active);
        QVERIFY2(snap.ok(), qPrintable(snap.ok() ? QString() : snap.error().toString()));
        QCOMPARE(h->client().invocations(), 1); // still one remote command
        QCOMPARE(args(0), (QStringList{QStringLiteral("list"), QStringLiteral("--dumpjson")}));
        QCOMPARE(QString::fromUtf8(fileContent(m_calls + QStringLiteral("/0.root"))), QDir::cleanPath(m_root));
        QVERIFY(snap->definitions && snap->definitions->mdevctlActive);
        QCOMPARE(*snap->definitions->mdevctlActive, QStringList{kOther});
        QStringList details;
        for (const Error &e : snap->issues)
            details << e.detail;
        QVERIFY2(details.contains(QStringLiteral("mdevctl lists mdev %1 as active, sysfs has no such device").arg(kOther)), qPrintable(details.join(u'|')));
        QVERIFY2(details.contains(QStringLiteral("sysfs has mdev %1, mdevctl does not list it as active").arg(kUuid)), qPrintable(details.join(u'|')));
        // The definitions stay the files below the root; the write access listing came along.
        QCOMPARE(snap->definitions->source, QStringLiteral("files"));
        QVERIFY(snap->writes.state != WritePermission::State::Unknown);
    }

    void malformedDefinitionNamesFileAndLine()
    {
        const QString bad = m_root + QStringLiteral("/etc/mdevctl.d/matrix/") + kOther;
        QVERIFY(writeFile(bad, "{\n  \"mdev_type\": \"vfio_ap-passthrough\",\n  \"start\": \"sometimes\"\n}\n"));
        auto h = host();
        const auto snap = h->readInventory({90000}).result();
        QFile::remove(bad);
        QVERIFY(snap.ok());        // the host is read
        QVERIFY(!snap->definitions); // its definitions are unknown
        bool named = false;
        for (const Error &e : snap->issues)
            named = named || e.where.endsWith(QStringLiteral("etc/mdevctl.d/matrix/%1:3").arg(kOther));
        QVERIFY(named);
    }

    void defineStartAutostartStopUndefineRunMdevctl()
    {
        auto h = host();
        // Hostile values: a command substitution, quotes, a semicolon, a newline, in an attr value.
        MdevDefinition d = definitions::definitionOf(kOther, {IdMask::fromIds({4}), IdMask::fromIds({5}), {}}, false);
        const QString hostile = QStringLiteral("$(touch %1/PWNED)'\";`touch %1/PWNED2`\n| rm -rf /").arg(m_dir.path());
        d.otherAttrs.append({QStringLiteral("x_note"), hostile});
        const struct {
            definitions::DefinitionRequest request;
            const char *args; // U: the UUID
        } calls[] = {
            {{Kind::Define, kOther, d, false}, "define --parent matrix --uuid U --jsonfile /dev/stdin"},
            {{Kind::Start, kOther, {}, false}, "start --uuid U"},
            {{Kind::SetAutostart, kOther, {}, true}, "modify --uuid U --auto"},
            {{Kind::SetAutostart, kOther, {}, false}, "modify --uuid U --manual"},
            {{Kind::Modify, kOther, d, false}, "modify --parent matrix --uuid U --defined --jsonfile /dev/stdin"},
            {{Kind::StartTransient, kOther, d, false}, "start --parent matrix --uuid U --jsonfile /dev/stdin"},
            {{Kind::Stop, kOther, {}, false}, "stop --uuid U"},
            {{Kind::Undefine, kOther, {}, false}, "undefine --uuid U"},
        };
        int n = 0;
        for (const auto &c : calls) {
            const Status s = h->changeDefinition(c.request, {90000}).result();
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
            const QStringList expected = QString::fromLatin1(c.args).replace(QLatin1Char('U'), kOther).split(QLatin1Char(' '));
            QCOMPARE(args(n), expected);
            QCOMPARE(QString::fromUtf8(fileContent(QStringLiteral("%1/%2.root").arg(m_calls).arg(n))), QDir::cleanPath(m_root));
            if (expected.contains(QStringLiteral("/dev/stdin")))
                QCOMPARE(fileContent(QStringLiteral("%1/%2.stdin").arg(m_calls).arg(n)), definitions::toConfigJson(d));
            ++n;
        }
        // The hostile value went through as data, byte for byte, and nothing ran it.
        QVERIFY(fileContent(QStringLiteral("%1/0.stdin").arg(m_calls)).contains(definitions::toConfigJson(d).mid(0, 20)));
        const auto parsed = definitions::parseConfig(fileContent(QStringLiteral("%1/0.stdin").arg(m_calls)), QStringLiteral("stdin"), kOther);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->otherAttrs.value(0).second, hostile);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("PWNED"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("PWNED2"))));
    }

    void refusalCarriesMdevctlsWords()
    {
        auto h = host();
        const Status s = h->changeDefinition({Kind::Start, kRefused, {}, false}, {90000}).result();
        QVERIFY(!s.ok());
        QVERIFY2(s.error().detail.contains(QStringLiteral("APQN 5.71 is defined for autostart")), qPrintable(s.error().detail));
        // A UUID that is not one never reaches the host.
        const Status bad = h->changeDefinition({Kind::Start, QStringLiteral("x; rm -rf /"), {}, false}, {90000}).result();
        QCOMPARE(bad.error().code, ErrorCode::Usage);
        QVERIFY(!QDir(m_calls).exists() || QDir(m_calls).entryList({QStringLiteral("*.args")}).size() == 1);
    }

    void missingMdevctlIsUnsupported()
    {
        QVERIFY(m_sshd->start(QStringLiteral("PATH=/nonexistent; export PATH; eval \"$SSH_ORIGINAL_COMMAND\"")).ok());
        auto h = host();
        const Status s = h->changeDefinition({Kind::Stop, kOther, {}, false}, {90000}).result();
        QVERIFY(m_sshd->start(QStringLiteral("PATH=%1:$PATH; export PATH; eval \"$SSH_ORIGINAL_COMMAND\"")
                                  .arg(m_dir.filePath(QStringLiteral("fake/bin")))).ok());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::Unsupported);
    }
};

QTEST_GUILESS_MAIN(TstSshMdevctl)
#include "tst_sshmdevctl.moc"

// Persistent mdev definitions: ap-check's rules as a table (and where the console is stricter),
// mdevctl's JSON and the 41-ap.rules parsers against real examples and malformed files, drift.
#include "testsupport.h"

#include <definitions/definitionfiles.h>
#include <definitions/definitionrequest.h>
#include <definitions/definitionrules.h>
#include <definitions/drift.h>
#include <definitions/mdevctljson.h>
#include <definitions/udevrules.h>
#include <driver/vfioapdriver.h>
#include <hosts/demofleet.h>
#include <hosts/simulatedhost.h>
#include <json/snapshotjson.h>
#include <plan/matrixplan.h>

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace ap;
using namespace ap::definitions;
using namespace ap::test;

namespace {

const QString kActive = QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001");
const QString kAuto = QStringLiteral("bbbbbbbb-0000-4000-8000-000000000002");
const QString kManual = QStringLiteral("cccccccc-0000-4000-8000-000000000003");
const QString kShadow = QStringLiteral("dddddddd-0000-4000-8000-000000000004"); // manual, same APQN as kAuto
const QString kBusy = QStringLiteral("eeeeeeee-0000-4000-8000-000000000005");   // manual, an APQN of kActive
const QString kNew = QStringLiteral("ffffffff-0000-4000-8000-000000000006");

MdevDefinition def(const QString &uuid, QList<int> a, QList<int> d, QList<int> c, bool autostart)
{
    return definitionOf(uuid, {IdMask::fromIds(a), IdMask::fromIds(d), IdMask::fromIds(c)}, autostart);
}

/// 8 adapters x 16 domains; APQN 0.0 kept for the host by the active masks; one active mdev
/// (1 x 1,2); definitions: kAuto (auto, 2.3), kManual (manual, 3.4), kShadow (manual, 2.3),
/// kBusy (manual, 1.2); the rule file keeps adapters 0,4 x domains 0,5 for the host.
HostSnapshot fixture(bool ruleFile = true)
{
    HostSnapshot h = makeHost(8, 16);
    h.bus.apmask = IdMask::fromIds({0});
    h.bus.aqmask = IdMask::fromIds({0});
    addMdev(h, kActive, {1}, {1, 2});
    HostDefinitions defs;
    defs.definitions = {def(kAuto, {2}, {3}, {}, true), def(kManual, {3}, {4}, {}, false), def(kShadow, {2}, {3}, {}, false),
                        def(kBusy, {1}, {2}, {2}, false)};
    if (ruleFile) {
        defs.masks.ruleFilePresent = true;
        defs.masks.apmask = IdMask::fromIds({0, 4});
        defs.masks.aqmask = IdMask::fromIds({0, 5});
    }
    defs.sort();
    h.definitions = defs;
    return h;
}

} // namespace

class TstDefinitions : public QObject {
    Q_OBJECT
private slots:
    // ---- ap-check's rules, verdict for verdict ---------------------------------------------
    void rules_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("uuid");
        QTest::addColumn<QList<int>>("adapters");
        QTest::addColumn<QList<int>>("domains");
        QTest::addColumn<QList<int>>("controls");
        QTest::addColumn<bool>("autostart");
        QTest::addColumn<bool>("ruleFile");
        QTest::addColumn<QStringList>("messages"); // ap-check's stderr lines, or the console's
        QTest::addColumn<bool>("apCheckRefuses");
        QTest::addColumn<int>("kernelErrno");      // of the first finding

        using L = QList<int>;
        const QString autostartClash = QStringLiteral("APQN 2.3 is defined for autostart by ") + kAuto;
        // define / modify
        QTest::newRow("define manual: never conflict-checked") << "define" << kNew << L{2, 4} << L{3, 5} << L{} << false << true << QStringList() << false << 0;
        QTest::newRow("define auto: clash with an auto definition") << "define" << kNew << L{2} << L{3} << L{} << true << true << QStringList{autostartClash} << true << 0;
        QTest::newRow("define auto: manual definitions do not count") << "define" << kNew << L{3} << L{4} << L{} << true << true << QStringList() << false << 0;
        QTest::newRow("define auto: persistent masks") << "define" << kNew << L{4} << L{5} << L{} << true << true
                                                       << QStringList{QStringLiteral("APQN 4.5 is not defined for vfio_ap-passthrough use by the persistent ap bus mask settings")} << true << 0;
        QTest::newRow("define auto: the active mask where the rule file sets none") << "define" << kNew << L{0} << L{0} << L{} << true << false
                                                       << QStringList{QStringLiteral("APQN 0.0 is not defined for vfio_ap-passthrough use by the persistent ap bus mask settings")} << true << 0;
        QTest::newRow("define auto: active mdevs do not count") << "define" << kNew << L{1} << L{1} << L{} << true << true << QStringList() << false << 0;
        QTest::newRow("define auto: every clash is reported") << "define" << kNew << L{2, 4} << L{3, 5} << L{} << true << true
                                                       << QStringList{autostartClash, QStringLiteral("APQN 4.5 is not defined for vfio_ap-passthrough use by the persistent ap bus mask settings")} << true << 0;
        QTest::newRow("define existing") << "define" << kAuto << L{6} << L{6} << L{} << false << true << QStringList{QStringLiteral("Config already exists")} << true << 0;
        QTest::newRow("modify missing") << "modify" << kNew << L{6} << L{6} << L{} << false << true << QStringList{QStringLiteral("Config doesn't exist")} << true << 0;
        QTest::newRow("modify auto: its own old definition does not count") << "modify" << kAuto << L{2} << L{3, 6} << L{} << true << true << QStringList() << false << 0;
        QTest::newRow("autostart on: clash") << "autostart" << kShadow << L{} << L{} << L{} << true << true << QStringList{autostartClash} << true << 0;
        QTest::newRow("autostart off: nothing checked") << "autostart" << kAuto << L{} << L{} << L{} << false << true << QStringList() << false << 0;
        QTest::newRow("autostart of a missing definition") << "autostart" << kNew << L{} << L{} << L{} << true << true << QStringList{QStringLiteral("Config doesn't exist")} << true << 0;
        // start
        QTest::newRow("start: APQN of an active mdev") << "start" << kBusy << L{} << L{} << L{} << false << true
                                                       << QStringList{QStringLiteral("APQN 1.2 already in use by ") + kActive} << true << EADDRINUSE;
        QTest::newRow("start: free") << "start" << kManual << L{} << L{} << L{} << false << true << QStringList() << false << 0;
        QTest::newRow("start: persistent masks do not count") << "start-json" << kNew << L{4} << L{5} << L{} << false << true << QStringList() << false << 0;
        QTest::newRow("start: active masks") << "start-json" << kNew << L{0} << L{0} << L{} << false << true
                                             << QStringList{QStringLiteral("APQN 0.0 is not allowed for vfio_ap-passthrough use by the active ap bus mask settings")} << true << EADDRNOTAVAIL;
        QTest::newRow("start: control domains without usage") << "start-json" << kNew << L{5} << L{} << L{7} << false << true
                                                              << QStringList{QStringLiteral("At least one usage domain must be specified")} << true << 0;
        QTest::newRow("start: auto definitions do not count") << "start-json" << kNew << L{2} << L{3} << L{} << true << true << QStringList() << false << 0;
        QTest::newRow("start: an undefined UUID") << "start" << kNew << L{} << L{} << L{} << false << true
                                                  << QStringList{QStringLiteral("mdev %1 is not defined").arg(kNew)} << false << 0;
        QTest::newRow("start: already active") << "start-json" << kActive << L{6} << L{6} << L{} << false << true
                                               << QStringList{QStringLiteral("mdev %1 is already active").arg(kActive)} << false << 0;
        QTest::newRow("stop: not active") << "stop" << kManual << L{} << L{} << L{} << false << true
                                          << QStringList{QStringLiteral("mdev %1 is not active").arg(kManual)} << false << 0;
        QTest::newRow("stop: active") << "stop" << kActive << L{} << L{} << L{} << false << true << QStringList() << false << 0;
        QTest::newRow("undefine missing") << "undefine" << kNew << L{} << L{} << L{} << false << true << QStringList{QStringLiteral("Failed to read device config")} << true << 0;
        QTest::newRow("undefine") << "undefine" << kManual << L{} << L{} << L{} << false << true << QStringList() << false << 0;
        // where the console is stricter: the kernel's answer, ap-check lets it through
        QTest::newRow("stricter: define an adapter above the maximum") << "define" << kNew << L{70} << L{6} << L{} << false << true
                                             << QStringList{QStringLiteral("id 70 (0x46) is above the host's maximum: the kernel refuses it (ENODEV); ap-check would let it through")} << false << ENODEV;
        QTest::newRow("stricter: start a domain above the maximum") << "start-json" << kNew << L{6} << L{90} << L{} << false << true
                                             << QStringList{QStringLiteral("id 90 (0x5a) is above the host's maximum: the kernel refuses it (ENODEV); ap-check would let it through")} << false << ENODEV;
    }

    void rules()
    {
        QFETCH(QString, action);
        QFETCH(QString, uuid);
        QFETCH(QList<int>, adapters);
        QFETCH(QList<int>, domains);
        QFETCH(QList<int>, controls);
        QFETCH(bool, autostart);
        QFETCH(bool, ruleFile);
        QFETCH(QStringList, messages);
        QFETCH(bool, apCheckRefuses);
        QFETCH(int, kernelErrno);
        const HostSnapshot h = fixture(ruleFile);
        const MdevDefinition d = def(uuid, adapters, domains, controls, autostart);
        Verdict v;
        if (action == QLatin1String("define"))
            v = checkDefine(h, d);
        else if (action == QLatin1String("modify"))
            v = checkModify(h, d);
        else if (action == QLatin1String("autostart"))
            v = checkAutostart(h, uuid, autostart);
        else if (action == QLatin1String("start"))
            v = checkStart(h, uuid);
        else if (action == QLatin1String("start-json"))
            v = checkStartTransient(h, d);
        else if (action == QLatin1String("stop"))
            v = checkStop(h, uuid);
        else
            v = checkUndefine(h, uuid);
        QStringList got;
        for (const Finding &f : v.findings) {
            got << f.message();
            QVERIFY(!f.hint().isEmpty());
        }
        QCOMPARE(got, messages);
        QCOMPARE(v.refused(), !messages.isEmpty());
        QCOMPARE(v.apCheckRefuses(), apCheckRefuses);
        QCOMPARE(v.findings.isEmpty() ? 0 : v.findings.first().kernelErrno, kernelErrno);
        QVERIFY(v.unknown.isEmpty());
    }

    void listValuesTheKernelRefuses()
    {
        auto d = parseConfig(R"({"mdev_type":"vfio_ap-passthrough","start":"manual","attrs":[{"assign_adapter":"6"},{"assign_domain":"4,0xa"}]})",
                             QStringLiteral("x.json"), kNew);
        QVERIFY(d.ok());
        QCOMPARE(d->matrix.domains, IdMask::fromIds({4, 10}));
        const Verdict v = checkDefine(fixture(), *d);
        QCOMPARE(v.findings.size(), 1);
        QCOMPARE(v.findings[0].rule, Rule::ListValue);
        QCOMPARE(v.findings[0].kernelErrno, EINVAL);
        QVERIFY(!v.apCheckRefuses());
    }

    void unknownDefinitionsAreSaidSo()
    {
        HostSnapshot h = fixture();
        h.definitions.reset();
        const Verdict v = checkDefine(h, def(kNew, {2}, {3}, {}, true));
        QVERIFY(!v.refused());
        QVERIFY(!v.unknown.isEmpty());
        QVERIFY(!checkStartTransient(h, def(kNew, {1}, {1}, {}, false)).unknown.size());
    }

    // Independent formulation: a transient start is refused for an active clash or an active mask
    // exactly when the driver model refuses the same matrix (EADDRINUSE / EADDRNOTAVAIL).
    void startAgreesWithTheDriverModel()
    {
        QRandomGenerator rng(19);
        for (int round = 0; round < 300; ++round) {
            HostSnapshot h = makeHost(8, 8);
            h.bus.apmask = IdMask::fromIds({int(rng.bounded(8))});
            h.bus.aqmask = IdMask::fromIds({int(rng.bounded(8))});
            addMdev(h, kActive, {int(rng.bounded(8))}, {int(rng.bounded(8)), int(rng.bounded(8))});
            h.definitions = HostDefinitions{};
            const MdevDefinition d = def(kNew, {int(rng.bounded(8)), int(rng.bounded(8))}, {int(rng.bounded(8))}, {}, false);
            const Verdict v = checkStartTransient(h, d);
            const auto o = driver::validateMatrix(h, kNew, d.matrix.adapters, d.matrix.domains);
            QCOMPARE(v.refused(), !o.ok());
            if (!o.ok()) {
                bool has = false;
                for (const Finding &f : v.findings)
                    has = has || f.kernelErrno == o.err;
                QVERIFY2(has, qPrintable(QString::number(o.err)));
            }
        }
    }

    // ---- mdevctl JSON ----------------------------------------------------------------------
    void readmeExample()
    {
        // mdevctl's README: `mdevctl list -d -u 783e6dbb-… --dumpjson`
        const QByteArray json = R"({
  "mdev_type": "vfio_ap-passthrough",
  "start": "manual",
  "attrs": [
    {
      "assign_adapter": "5"
    },
    {
      "assign_adapter": "6"
    },
    {
      "assign_domain": "0xab"
    },
    {
      "assign_control_domain": "0xab"
    },
    {
      "assign_domain": "4"
    },
    {
      "assign_control_domain": "4"
    }
  ]
}
)";
        auto d = parseConfig(json, QStringLiteral("readme.json"), QStringLiteral("783E6DBB-EA0E-411F-94E2-717EAAD438BF"));
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().toString()));
        QCOMPARE(d->uuid, QStringLiteral("783e6dbb-ea0e-411f-94e2-717eaad438bf"));
        QVERIFY(!d->autostart);
        QCOMPARE(d->matrix.adapters, IdMask::fromIds({5, 6}));
        QCOMPARE(d->matrix.domains, IdMask::fromIds({4, 0xab}));
        QCOMPARE(d->matrix.controlDomains, IdMask::fromIds({4, 0xab}));
        // Written back and read again: the same definition.
        auto again = parseConfig(toConfigJson(*d), QStringLiteral("again"), d->uuid);
        QVERIFY(again.ok());
        QCOMPARE(*again, *d);
    }

    void listOutput()
    {
        // `mdevctl list --defined --dumpjson` with a vfio_ap and a vfio_ccw parent.
        const QByteArray json = R"([
  {
    "matrix": [
      {
        "783e6dbb-ea0e-411f-94e2-717eaad438bf": {
          "mdev_type": "vfio_ap-passthrough",
          "start": "auto",
          "attrs": [ { "assign_adapter": "010" }, { "assign_domain": "0x47" }, { "ap_config": "0x4,0x8,0x8" } ]
        }
      },
      { "e2e73122-cc39-40ee-89eb-b0a47d334cae": { "mdev_type": "vfio_ap-passthrough", "start": "manual",
          "attrs": [ { "assign_adapter": "5" }, { "assign_domain": "0x47" }, { "assign_domain": "0xff" }, { "x_vendor": "kept" } ] } }
    ]
  },
  { "0.0.0020": [ { "11111111-2222-4333-8444-555555555555": { "mdev_type": "vfio_ccw-io", "start": "auto" } } ] }
])";
        auto list = parseList(json, QStringLiteral("host"));
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().toString()));
        QCOMPARE(list->size(), 2);
        const MdevDefinition &a = list->at(0);
        QVERIFY(a.autostart);
        // ap_config replaces what came before it; its masks read left to right: 0x4 = id 1, 0x8 = id 0.
        QCOMPARE(a.matrix.adapters, IdMask::fromIds({1}));
        QCOMPARE(a.matrix.domains, IdMask::fromIds({0}));
        QCOMPARE(a.matrix.controlDomains, IdMask::fromIds({0}));
        QCOMPARE(list->at(1).otherAttrs.size(), 1);
        QCOMPARE(list->at(1).matrix.domains, IdMask::fromIds({0x47, 0xff}));
        QVERIFY(parseList("[]", QStringLiteral("host")).ok());
        QCOMPARE(parseId(u"010"), std::optional<int>(8)); // strtol base 0: octal
        QCOMPARE(parseId(u"0x1F"), std::optional<int>(31));
        QCOMPARE(parseId(u"256"), std::nullopt);
        QCOMPARE(parseId(u"-1"), std::nullopt);
    }

    void malformedConfig_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::newRow("not JSON") << QByteArray("{\n  \"mdev_type\": \"vfio_ap-passthrough\",\n  \"start\": manual\n}\n") << "f.json:3";
        QTest::newRow("bad id") << QByteArray("{\n\"mdev_type\": \"vfio_ap-passthrough\",\n\"attrs\": [\n{\"assign_adapter\": \"5\"},\n{\"assign_adapter\": \"five\"}\n]}") << "f.json:5";
        QTest::newRow("id above 255") << QByteArray("{\"mdev_type\": \"vfio_ap-passthrough\",\n\"attrs\": [{\"assign_domain\": \"0x100\"}]}") << "f.json:2";
        QTest::newRow("wrong start") << QByteArray("{\"mdev_type\": \"vfio_ap-passthrough\",\n\n\"start\": \"boot\"}") << "f.json:3";
        QTest::newRow("other type") << QByteArray("{\n\"mdev_type\": \"vfio_ccw-io\"}") << "f.json:2";
        QTest::newRow("no type") << QByteArray("{\"start\": \"auto\"}") << "f.json:1";
        QTest::newRow("bad ap_config") << QByteArray("{\"mdev_type\": \"vfio_ap-passthrough\",\n\"attrs\": [\n{\"ap_config\": \"0x1,0x2\"}]}") << "f.json:3";
        QTest::newRow("attr not an object") << QByteArray("{\"mdev_type\": \"vfio_ap-passthrough\", \"attrs\": [\"assign_adapter\"]}") << "f.json:1";
        QTest::newRow("array") << QByteArray("[]") << "f.json:1";
    }

    void malformedConfig()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        auto d = parseConfig(json, QStringLiteral("f.json"), kNew);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, ErrorCode::Parse);
        QCOMPARE(d.error().where, where);
        QVERIFY(!d.error().detail.isEmpty());
    }

    // ---- 41-ap.rules -------------------------------------------------------------------------
    void chzdevRules()
    {
        // As chzdev --type ap writes it (s390-tools zdev/src/ap.c).
        const QByteArray rules = "# Generated by chzdev\n"
                                 "ACTION==\"add\", DEVPATH==\"/bus/ap\", ATTR{bindings_complete_count}!=\"0\", GOTO=\"cfg_ap\"\n"
                                 "ACTION==\"change\", SUBSYSTEM==\"ap\", DEVPATH==\"/devices/ap\", ENV{BINDINGS}==\"complete\", ENV{COMPLETECOUNT}==\"1\", GOTO=\"cfg_ap\"\n"
                                 "GOTO=\"end_ap\"\n\n"
                                 "LABEL=\"cfg_ap\"\n\n"
                                 "ATTR{../../bus/ap/apmask}=\"0x8000000000000000000000000000000000000000000000000000000000000000\"\n"
                                 "ATTR{../../bus/ap/aqmask}=\"0xc000\"\n"
                                 "RUN{builtin}+=\"kmod load vfio_ap\"\n"
                                 "\nLABEL=\"end_ap\"\n";
        auto m = parseApRules(rules, QStringLiteral("41-ap.rules"));
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
        QCOMPARE(*m->apmask, IdMask::fromIds({0}));
        QCOMPARE(*m->aqmask, IdMask::fromIds({0, 1}));
        auto only = parseApRules("ATTR{../../bus/ap/apmask}=\"0x40\"\n", QStringLiteral("r"));
        QVERIFY(only.ok());
        QVERIFY(!only->aqmask); // ap-check takes the active aqmask then
    }

    void malformedRules_data()
    {
        QTest::addColumn<QByteArray>("rules");
        QTest::addColumn<QString>("where");
        QTest::newRow("no operator") << QByteArray("# x\nLABEL=\"cfg_ap\"\nATTR{../../bus/ap/apmask} \"0x80\"\n") << "41-ap.rules:3";
        QTest::newRow("bad mask") << QByteArray("\n\nATTR{../../bus/ap/aqmask}=\"0xzz\"\n") << "41-ap.rules:3";
        QTest::newRow("relative mask") << QByteArray("ATTR{../../bus/ap/apmask}=\"+1-4\"\n") << "41-ap.rules:1";
        QTest::newRow("garbage entry") << QByteArray("ACTION==\"add\", !!!\n") << "41-ap.rules:1";
    }

    void malformedRules()
    {
        QFETCH(QByteArray, rules);
        QFETCH(QString, where);
        auto m = parseApRules(rules, QStringLiteral("41-ap.rules"));
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, ErrorCode::Parse);
        QCOMPARE(m.error().where, where);
    }

    // ---- Files below a root, the SSH listing -------------------------------------------------
    void filesBelowARoot()
    {
        QTemporaryDir dir;
        QVERIFY(readDefinitionFiles(dir.path()).ok());
        QVERIFY(!readDefinitionFiles(dir.path())->has_value()); // no etc/mdevctl.d: unknown
        QVERIFY(QDir(dir.path()).mkpath(definitionsDir()));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("etc/udev/rules.d")));
        const auto write = [&](const QString &rel, const QByteArray &data) {
            QFile f(QDir(dir.path()).filePath(rel));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(data);
        };
        write(definitionsDir() + QLatin1Char('/') + kAuto, toConfigJson(def(kAuto, {2}, {3}, {}, true)));
        write(definitionsDir() + QStringLiteral("/README"), "not a definition");
        write(apRulesPath(), "ATTR{../../bus/ap/apmask}=\"0x80\"\n");
        auto defs = readDefinitionFiles(dir.path());
        QVERIFY2(defs.ok(), qPrintable(defs.ok() ? QString() : defs.error().toString()));
        QCOMPARE((*defs)->definitions.size(), 1);
        QVERIFY((*defs)->definitions[0].autostart);
        QCOMPARE(*(*defs)->masks.apmask, IdMask::fromIds({0}));
        write(definitionsDir() + QLatin1Char('/') + kManual, "{\n\"mdev_type\": \"vfio_ap-passthrough\",\n\"start\": \"never\"}\n");
        defs = readDefinitionFiles(dir.path());
        QVERIFY(!defs.ok());
        QCOMPARE(defs.error().where, QDir(dir.path()).filePath(definitionsDir() + QLatin1Char('/') + kManual) + QStringLiteral(":3"));
    }

    void listingFromTheScript()
    {
        const QByteArray json = toConfigJson(def(kAuto, {2}, {3}, {}, true));
        QByteArray dump = "#apconsole-definitions 1\n#file " + QByteArray::number(json.size()) + " etc/mdevctl.d/matrix/" + kAuto.toLatin1()
            + "\n" + json + "#rules 9 etc/udev/rules.d/41-ap.rules\nGOTO=\"x\"\n#end\n";
        auto defs = parseDefinitionsDump(dump, QStringLiteral("ssh://h"));
        QVERIFY2(defs.ok(), qPrintable(defs.ok() ? QString() : defs.error().toString()));
        QVERIFY(defs->has_value());
        QCOMPARE((*defs)->source, QStringLiteral("files"));
        QCOMPARE((*defs)->definitions.size(), 1);
        QVERIFY((*defs)->masks.ruleFilePresent);
        const QByteArray list = "[{\"matrix\":[{\"" + kManual.toLatin1() + "\":{\"mdev_type\":\"vfio_ap-passthrough\",\"start\":\"manual\"}}]}]";
        dump = "#apconsole-definitions 1\n#mdevctl " + QByteArray::number(list.size()) + " -\n" + list + "#end\n";
        defs = parseDefinitionsDump(dump, QStringLiteral("ssh://h"));
        QVERIFY(defs.ok());
        QCOMPARE((*defs)->source, QStringLiteral("mdevctl"));
        QCOMPARE((*defs)->definitions[0].uuid, kManual);
        QCOMPARE(parseDefinitionsDump("#apconsole-definitions 1\n#file 99 x\n{}", QStringLiteral("h")).error().code, ErrorCode::Corrupt);
        const auto none = parseDefinitionsDump("#apconsole-definitions 1\n#end\n", QStringLiteral("h"));
        QVERIFY(none.ok() && !none->has_value());
        const auto empty = parseDefinitionsDump("#apconsole-definitions 1\n#dir 0 etc/mdevctl.d\n#end\n", QStringLiteral("h"));
        QVERIFY(empty.ok() && empty->has_value() && (*empty)->definitions.isEmpty());
    }

    void mdevctlActiveViewAgainstSysfs()
    {
        // mdevctl lists kNew as active (sysfs lacks it) and not kActive (sysfs has it).
        const QByteArray active = "[{\"matrix\":[{\"" + kNew.toLatin1() + "\":{\"mdev_type\":\"vfio_ap-passthrough\"}}]}]";
        const QByteArray dump = "#apconsole-definitions 1\n#active " + QByteArray::number(active.size()) + " -\n" + active
            + "#dir 0 etc/mdevctl.d\n#end\n";
        auto defs = parseDefinitionsDump(dump, QStringLiteral("ssh://h"));
        QVERIFY2(defs.ok(), qPrintable(defs.ok() ? QString() : defs.error().toString()));
        QCOMPARE((*defs)->mdevctlActive, std::optional<QStringList>(QStringList{kNew}));
        HostSnapshot h = fixture();
        h.host = QStringLiteral("ssh://h");
        QVERIFY(activeViewDifferences(h).isEmpty()); // mdevctl not asked: nothing to compare
        h.definitions->mdevctlActive = (*defs)->mdevctlActive;
        const QList<Error> issues = activeViewDifferences(h);
        QCOMPARE(issues.size(), 2);
        QCOMPARE(issues[0].detail, QStringLiteral("mdevctl lists mdev %1 as active, sysfs has no such device").arg(kNew));
        QCOMPARE(issues[1].detail, QStringLiteral("sysfs has mdev %1, mdevctl does not list it as active").arg(kActive));
        QCOMPARE(issues[0].where, QStringLiteral("ssh://h"));
        h.definitions->mdevctlActive = QStringList{kActive};
        QVERIFY(activeViewDifferences(h).isEmpty()); // the two views agree
        // An empty listing (mdevctl prints nothing when nothing runs) is a known, empty view.
        defs = parseDefinitionsDump("#apconsole-definitions 1\n#active 0 -\n#dir 0 etc/mdevctl.d\n#end\n", QStringLiteral("h"));
        QVERIFY(defs.ok());
        QCOMPARE((*defs)->mdevctlActive, std::optional<QStringList>(QStringList{}));
        // A malformed listing names what it came from.
        defs = parseDefinitionsDump("#apconsole-definitions 1\n#active 3 -\n{x#end\n", QStringLiteral("h"));
        QVERIFY(!defs.ok());
        QVERIFY2(defs.error().where.contains(QStringLiteral("mdevctl list --dumpjson")), qPrintable(defs.error().where));
    }

    void updateRequestKeepsTheDefinitionsOtherFields()
    {
        HostSnapshot h = fixture();
        const MatrixAssignment wanted{IdMask::fromIds({2}), IdMask::fromIds({6}), {}};
        DefinitionRequest r = updateRequest(h, kAuto, wanted);
        QCOMPARE(r.kind, DefinitionRequest::Kind::Modify);
        QVERIFY(r.definition.autostart); // start=auto kept
        QCOMPARE(r.definition.matrix, wanted);
        QCOMPARE(check(h, r).refused(), checkUpdateDefinition(h, kAuto, wanted).refused());
        r = updateRequest(h, kActive, wanted); // active, never defined
        QCOMPARE(r.kind, DefinitionRequest::Kind::Define);
        QCOMPARE(r.definition.matrix, wanted);
        QVERIFY(!r.definition.autostart);
        // Into the persistent masks with start=auto: refused by ap-check, as the dialog shows it.
        const Verdict v = checkUpdateDefinition(h, kAuto, {IdMask::fromIds({4}), IdMask::fromIds({5}), {}});
        QVERIFY(v.refused());
        QCOMPARE(v.findings[0].rule, Rule::PersistentMaskBlocks);
    }

    // ---- Drift -------------------------------------------------------------------------------
    void drift()
    {
        HostSnapshot h = fixture();
        h.definitions->definitions.append(def(kActive, {1, 5}, {1}, {}, true));
        h.definitions->sort();
        const auto d = driftOf(h, kActive);
        QVERIFY(d);
        QCOMPARE(d->summary(), QStringLiteral("-adapter 0x05 +domain 0x02"));
        QCOMPARE(driftedMdevs(h), QStringList{kActive});
        QVERIFY(!driftOf(h, kManual)); // not active
        applyDefinitions(h);
        QCOMPARE(h.mdev(kActive)->lifetime(), Mdev::Lifetime::PersistentAutostart);
        QCOMPARE(h.inactiveMdevs.size(), 4);
        QVERIFY(h.inactiveMdev(kManual));
    }

    // ---- The demo fleet: definitions, one drifted, both repairs ----------------------------
    void demoFleetHasDefinitionsOneDrifted()
    {
        for (const QString &name : demo::hostNames()) {
            const auto h = demo::initialState(name);
            QVERIFY(h && h->definitions);
            for (const Mdev &m : h->mdevs)
                QVERIFY2(h->definitions->find(m.uuid), qPrintable(name + QLatin1Char(' ') + m.uuid));
            // Every definition passes ap-check as it stands (modify with itself).
            for (const MdevDefinition &d : h->definitions->definitions)
                QVERIFY2(!checkModify(*h, d).refused(), qPrintable(d.uuid));
            // Saved and loaded, the definitions survive (demo hosts persist through the store).
            auto back = snapshotFromJson(snapshotToJson(*h));
            QVERIFY(back.ok());
            QCOMPARE(back->definitions, h->definitions);
        }
        const auto a = demo::initialState(QStringLiteral("zlab-a"));
        QCOMPARE(driftedMdevs(*a), QStringList{demo::uuids::hsm});
        QCOMPARE(driftOf(*a, demo::uuids::hsm)->summary(), QStringLiteral("+adapter 0x06"));
    }

    void repairMakeTheDefinitionMatch()
    {
        SimulatedHost host(*HostUri::parse(QStringLiteral("demo:zlab-a")), *demo::initialState(QStringLiteral("zlab-a")));
        HostSnapshot h = host.snapshot();
        MdevDefinition d = *h.definitions->find(demo::uuids::hsm);
        d.matrix = MatrixAssignment::of(*h.mdev(demo::uuids::hsm));
        DefinitionRequest r{DefinitionRequest::Kind::Modify, demo::uuids::hsm, d, false};
        QVERIFY(!check(h, r).refused());
        const Status s = host.changeDefinition(r).result();
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        h = host.snapshot();
        QVERIFY(driftedMdevs(h).isEmpty());
        QCOMPARE(h.mdev(demo::uuids::hsm)->lifetime(), Mdev::Lifetime::PersistentAutostart);
    }

    void repairApplyTheDefinition()
    {
        SimulatedHost host(*HostUri::parse(QStringLiteral("demo:zlab-a")), *demo::initialState(QStringLiteral("zlab-a")));
        HostSnapshot h = host.snapshot();
        const MatrixAssignment defined = h.definitions->find(demo::uuids::hsm)->matrix;
        QVERIFY(judgeMatrices(h, {{demo::uuids::hsm, defined}}).accepted());
        const auto report = host.apply(plans::changeMatrix(h, demo::uuids::hsm, defined)).result();
        QVERIFY(report.ok() && report->ok);
        QVERIFY(driftedMdevs(host.snapshot()).isEmpty());
    }

    void simulatedMdevctlObeysTheRules()
    {
        SimulatedHost host(*HostUri::parse(QStringLiteral("demo:zlab-a")), *demo::initialState(QStringLiteral("zlab-a")));
        // An auto definition on payments' APQN 0x01.0x11: ap-check's words, nothing changed.
        const MdevDefinition clash = def(kNew, {0x01}, {0x11}, {}, true);
        const Status refused = host.changeDefinition({DefinitionRequest::Kind::Define, kNew, clash, false}).result();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().detail.contains(QStringLiteral("APQN 1.17 is defined for autostart by ") + demo::uuids::payments),
                 qPrintable(refused.error().detail));
        QVERIFY(!host.snapshot().definitions->find(kNew));
        // Defined manual, started, stopped, undefined.
        const MdevDefinition free = def(kNew, {0x05}, {0x31}, {}, false);
        QVERIFY(host.changeDefinition({DefinitionRequest::Kind::Define, kNew, free, false}).result().ok());
        QVERIFY(host.snapshot().inactiveMdev(kNew));
        QVERIFY(host.changeDefinition({DefinitionRequest::Kind::Start, kNew, {}, false}).result().ok());
        QCOMPARE(MatrixAssignment::of(*host.snapshot().mdev(kNew)), free.matrix);
        QVERIFY(host.changeDefinition({DefinitionRequest::Kind::SetAutostart, kNew, {}, true}).result().ok());
        QCOMPARE(host.snapshot().mdev(kNew)->lifetime(), Mdev::Lifetime::PersistentAutostart);
        QVERIFY(host.changeDefinition({DefinitionRequest::Kind::Stop, kNew, {}, false}).result().ok());
        QVERIFY(!host.snapshot().mdev(kNew));
        QVERIFY(host.changeDefinition({DefinitionRequest::Kind::Undefine, kNew, {}, false}).result().ok());
        QVERIFY(!host.snapshot().inactiveMdev(kNew));
    }
};

QTEST_GUILESS_MAIN(TstDefinitions)
#include "tst_definitions.moc"

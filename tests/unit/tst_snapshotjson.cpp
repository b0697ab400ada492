#include <hosts/demofleet.h>
#include <json/snapshotjson.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace ap;

class TstSnapshotJson : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &n : demo::hostNames())
            QTest::newRow(qPrintable(n)) << n;
    }
    void roundTrip()
    {
        QFETCH(QString, name);
        const HostSnapshot h = *demo::initialState(name);
        const QJsonObject o = snapshotToJson(h);
        auto back = snapshotFromJson(QJsonDocument::fromJson(QJsonDocument(o).toJson()).object());
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
        QVERIFY(back->sameSysfsState(h));
        QCOMPARE(back->guests, h.guests);
        QCOMPARE(back->lastSeenMkvps, h.lastSeenMkvps);
        QCOMPARE(back->description, h.description);
    }

    void inventoryShape()
    {
        const QJsonObject o = snapshotToJson(*demo::initialState(QStringLiteral("zlab-a")));
        const QRegularExpression mask(QStringLiteral("^0x[0-9a-f]{64}$"));
        const QRegularExpression fac(QStringLiteral("^0x[0-9A-F]{8}$"));
        const QRegularExpression apqn(QStringLiteral("^[0-9a-f]{2}\\.[0-9a-f]{4}$"));
        QVERIFY(o.value(QStringLiteral("host")).isString());
        const QJsonObject bus = o.value(QStringLiteral("bus")).toObject();
        QVERIFY(bus.value(QStringLiteral("ap_max_adapter_id")).isDouble());
        QVERIFY(mask.match(bus.value(QStringLiteral("apmask")).toString()).hasMatch());
        QVERIFY(mask.match(bus.value(QStringLiteral("aqmask")).toString()).hasMatch());
        QVERIFY(bus.value(QStringLiteral("features")).isArray());
        QVERIFY(o.value(QStringLiteral("matrix_features")).toArray().contains(QStringLiteral("migratable")));
        int lastId = -1;
        for (const QJsonValue &v : o.value(QStringLiteral("cards")).toArray()) {
            const QJsonObject c = v.toObject();
            QVERIFY(c.value(QStringLiteral("id")).toInt() > lastId);
            lastId = c.value(QStringLiteral("id")).toInt();
            QVERIFY(fac.match(c.value(QStringLiteral("functions")).toString()).hasMatch());
            for (const char *k : {"type", "hwtype", "raw_hwtype", "mode", "online", "config", "chkstop"})
                QVERIFY2(c.contains(QLatin1String(k)), k);
        }
        QString lastApqn;
        for (const QJsonValue &v : o.value(QStringLiteral("queues")).toArray()) {
            const QJsonObject q = v.toObject();
            const QString a = q.value(QStringLiteral("apqn")).toString();
            QVERIFY(apqn.match(a).hasMatch());
            QVERIFY(a > lastApqn);
            lastApqn = a;
            for (const char *k : {"card", "domain", "driver", "config", "chkstop", "functions", "status"})
                QVERIFY2(q.contains(QLatin1String(k)), k);
        }
        for (const QJsonValue &v : o.value(QStringLiteral("mdevs")).toArray())
            for (const char *k : {"uuid", "adapters", "domains", "control_domains", "matrix", "guest_matrix"})
                QVERIFY2(v.toObject().contains(QLatin1String(k)), k);
        for (const QJsonValue &v : o.value(QStringLiteral("guests")).toArray())
            for (const char *k : {"name", "state", "mdev"})
                QVERIFY2(v.toObject().contains(QLatin1String(k)), k);
    }

    void malformedJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("bad mask") << QByteArray(R"({"host":"x","bus":{"apmask":"0x12"}})");
        QTest::newRow("bad apqn") << QByteArray(R"({"host":"x","queues":[{"apqn":"5.4","config":true,"chkstop":false}]})");
        QTest::newRow("bad uuid") << QByteArray(R"({"host":"x","mdevs":[{"uuid":"nope"}]})");
        QTest::newRow("bad guest state") << QByteArray(R"({"host":"x","guests":[{"name":"g","state":"dancing"}]})");
        QTest::newRow("id out of range") << QByteArray(R"({"host":"x","mdevs":[{"uuid":"11111111-1111-4111-8111-111111111111","adapters":[300]}]})");
    }
    void malformedJson()
    {
        QFETCH(QByteArray, json);
        auto r = snapshotFromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Parse);
    }
};

QTEST_GUILESS_MAIN(TstSnapshotJson)
#include "tst_snapshotjson.moc"

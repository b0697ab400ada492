// The streamed inventory JSON is byte for byte what QJsonDocument writes for the same snapshot.
#include "testsupport.h"

#include <hosts/demofleet.h>
#include <json/jsonstream.h>
#include <json/snapshotjson.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ap;

Q_DECLARE_METATYPE(ap::HostSnapshot)

namespace {

QByteArray streamed(const HostSnapshot &h, int *chunks = nullptr)
{
    QByteArray all;
    int n = 0;
    JsonStreamWriter w([&](const QByteArray &chunk) {
        all += chunk;
        ++n;
    });
    writeSnapshotJson(h, w);
    if (chunks)
        *chunks = n;
    return all;
}

QByteArray whole(const HostSnapshot &h) { return QJsonDocument(snapshotToJson(h)).toJson(QJsonDocument::Indented); }

} // namespace

class TstJsonStream : public QObject {
    Q_OBJECT
private slots:
    void sameBytesAsTheWholeDocument_data()
    {
        QTest::addColumn<HostSnapshot>("host");
        for (const QString &name : demo::hostNames())
            QTest::newRow(qPrintable(QStringLiteral("demo ") + name)) << *demo::initialState(name);
        QTest::newRow("empty") << HostSnapshot{};
        QTest::newRow("4x16") << test::makeHost(4, 16);
        QTest::newRow("16x85, half for the host") << test::makeHost(16, 85, false);

        // Strings JSON must escape, text beyond ASCII, and every optional member present.
        HostSnapshot odd = test::makeHost(2, 3);
        odd.host = QStringLiteral("h\"o\\s\tt\u00e9\u4e2d\U0001F600");
        odd.description = QStringLiteral("line1\nline2\u0001\u007f\u0085");
        test::addMdev(odd, QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10"), {0, 1}, {0, 2});
        odd.inactiveMdevs.append(odd.mdevs.first());
        odd.inactiveMdevs.first().uuid = QStringLiteral("11111111-1b47-4d38-9b5b-3f2a3c1d2e10");
        odd.guests.append(Guest{});
        odd.guests.first().name = QStringLiteral("guest \"1\"");
        odd.issues.append(makeError(ErrorCode::Parse, QStringLiteral("sys/bus/ap/x"), QStringLiteral("bad \u0002 value")));
        HostDefinitions defs;
        defs.source = QStringLiteral("mdevctl");
        defs.masks.ruleFilePresent = true;
        odd.definitions = defs;
        QTest::newRow("escapes and optional members") << odd;
    }
    void sameBytesAsTheWholeDocument()
    {
        QFETCH(HostSnapshot, host);
        QCOMPARE(streamed(host), whole(host));
    }

    // A large host arrives in many chunks, each small, and still the same bytes.
    void largeHostIsChunked()
    {
        const HostSnapshot h = test::makeHost(64, 85);
        int chunks = 0;
        const QByteArray s = streamed(h, &chunks);
        QCOMPARE(s, whole(h));
        QVERIFY2(chunks > s.size() / (128 * 1024), qPrintable(QString::number(chunks)));
    }

    // The writer's own structure: nesting, empty containers, values given whole at any depth.
    void structureMatchesQt()
    {
        const QJsonObject inner{{QStringLiteral("a"), QJsonArray{1, 2.5, QJsonArray{}}}, {QStringLiteral("b"), QJsonObject{}}};
        const QJsonObject doc{{QStringLiteral("e"), QJsonArray{}}, {QStringLiteral("l"), QJsonArray{inner, QJsonValue(), true}},
                              {QStringLiteral("o"), QJsonObject{}}, {QStringLiteral("s"), QStringLiteral("x\"y")}};
        QByteArray out;
        JsonStreamWriter w([&out](const QByteArray &c) { out += c; });
        w.beginObject();
        w.key(QStringLiteral("e"));
        w.beginArray();
        w.endArray();
        w.key(QStringLiteral("l"));
        w.beginArray();
        w.value(inner);
        w.value(QJsonValue());
        w.value(true);
        w.endArray();
        w.key(QStringLiteral("o"));
        w.beginObject();
        w.endObject();
        w.key(QStringLiteral("s"));
        w.value(QStringLiteral("x\"y"));
        w.endObject();
        w.finish();
        QCOMPARE(out, QJsonDocument(doc).toJson(QJsonDocument::Indented));
    }
};

QTEST_GUILESS_MAIN(TstJsonStream)
#include "tst_jsonstream.moc"

#include <sysfs/attributeformat.h>
#include <sysfs/attributeparsers.h>

#include <QTest>

using namespace ap;
using namespace ap::sysfs;

namespace {
const QByteArray kZeros64(64, '0');
}

class TstAttributeParsers : public QObject {
    Q_OBJECT
private slots:
    // Each row: a parser (by name), the text, whether it is valid, and the canonical form of the
    // value (re-formatted the kernel's way) for valid rows.
    void parse_data()
    {
        QTest::addColumn<QString>("parser");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("canonical");

        QTest::newRow("int") << "int" << QByteArray("84\n") << true << QByteArray("84\n");
        QTest::newRow("int negative") << "int" << QByteArray("-1\n") << true << QByteArray("-1\n");
        QTest::newRow("int garbage") << "int" << QByteArray("twelve\n") << false << QByteArray();
        QTest::newRow("int empty") << "int" << QByteArray("") << false << QByteArray();
        QTest::newRow("int two lines") << "int" << QByteArray("1\n2\n") << false << QByteArray();
        QTest::newRow("int huge") << "int" << QByteArray("99999999999\n") << false << QByteArray();

        QTest::newRow("flag 1") << "flag" << QByteArray("1\n") << true << QByteArray("1\n");
        QTest::newRow("flag 0 no newline") << "flag" << QByteArray("0") << true << QByteArray("0\n");
        QTest::newRow("flag 2") << "flag" << QByteArray("2\n") << false << QByteArray();
        QTest::newRow("flag yes") << "flag" << QByteArray("yes\n") << false << QByteArray();

        QTest::newRow("functions") << "functions" << QByteArray("0x92800000\n") << true << QByteArray("0x92800000\n");
        QTest::newRow("functions lower") << "functions" << QByteArray("0xf3800000\n") << true << QByteArray("0xF3800000\n");
        QTest::newRow("functions short") << "functions" << QByteArray("0x928\n") << false << QByteArray();
        QTest::newRow("functions no prefix") << "functions" << QByteArray("92800000\n") << false << QByteArray();
        QTest::newRow("functions bad digit") << "functions" << QByteArray("0x9280000G\n") << false << QByteArray();

        QTest::newRow("mask") << "mask" << QByteArray("0x8") + QByteArray(63, '0') + "\n" << true << QByteArray("0x8") + QByteArray(63, '0') + "\n";
        QTest::newRow("mask short") << "mask" << QByteArray("0x80\n") << false << QByteArray();
        QTest::newRow("mask garbage") << "mask" << QByteArray("not a mask\n") << false << QByteArray();

        QTest::newRow("request count") << "requestcount" << QByteArray("42\n") << true << QByteArray("42\n");
        QTest::newRow("request count dash") << "requestcount" << QByteArray("-\n") << true << QByteArray("-\n");
        QTest::newRow("request count negative") << "requestcount" << QByteArray("-5\n") << false << QByteArray();

        QTest::newRow("status in use") << "status" << QByteArray("in use\n") << true << QByteArray("in use\n");
        QTest::newRow("status assigned") << "status" << QByteArray("assigned\n") << true << QByteArray("assigned\n");
        QTest::newRow("status unassigned") << "status" << QByteArray("unassigned\n") << true << QByteArray("unassigned\n");
        QTest::newRow("status other") << "status" << QByteArray("busy\n") << false << QByteArray();

        QTest::newRow("matrix both") << "matrix" << QByteArray("05.0004\n05.0047\n0a.0004\n0a.0047\n") << true
                                     << QByteArray("05.0004\n05.0047\n0a.0004\n0a.0047\n");
        QTest::newRow("matrix adapters only") << "matrix" << QByteArray("05.\n0a.\n") << true << QByteArray("05.\n0a.\n");
        QTest::newRow("matrix domains only") << "matrix" << QByteArray(".0004\n") << true << QByteArray(".0004\n");
        QTest::newRow("matrix empty") << "matrix" << QByteArray("") << true << QByteArray("");
        QTest::newRow("matrix mixed forms") << "matrix" << QByteArray("05.\n.0004\n") << false << QByteArray();
        QTest::newRow("matrix upper hex") << "matrix" << QByteArray("0A.0004\n") << false << QByteArray();
        QTest::newRow("matrix domain > 255") << "matrix" << QByteArray("05.0100\n") << false << QByteArray();
        QTest::newRow("matrix garbage") << "matrix" << QByteArray("5.4\n") << false << QByteArray();

        QTest::newRow("control domains") << "control" << QByteArray("0004\n0047\n") << true << QByteArray("0004\n0047\n");
        QTest::newRow("control domains bad") << "control" << QByteArray("4\n") << false << QByteArray();

        const QByteArray cfg = "0x4" + QByteArray(63, '0') + ",0x08" + QByteArray(62, '0') + ",0x" + kZeros64 + "\n";
        QTest::newRow("ap_config") << "apconfig" << cfg << true << cfg;
        QTest::newRow("ap_config two fields") << "apconfig" << QByteArray("0x" + kZeros64 + ",0x" + kZeros64 + "\n") << false << QByteArray();
        QTest::newRow("ap_config short mask") << "apconfig" << QByteArray("0x4,0x8,0x0\n") << false << QByteArray();

        QTest::newRow("features") << "words" << QByteArray("guest_matrix hotplug ap_config migratable\n") << true
                                  << QByteArray("guest_matrix hotplug ap_config migratable\n");
        QTest::newRow("features empty") << "words" << QByteArray("") << true << QByteArray("\n");
        QTest::newRow("features junk") << "words" << QByteArray("a;b\n") << false << QByteArray();

        QTest::newRow("bus features") << "busfeatures" << QByteArray("APSC APXA QACT RC8A APSB\n") << true << QByteArray("APSC APXA QACT RC8A APSB\n");
        QTest::newRow("bus features no qci") << "busfeatures" << QByteArray("-\n") << true << QByteArray("\n");
        QTest::newRow("bus features quirk empty") << "busfeatures" << QByteArray("") << true << QByteArray("\n");
        QTest::newRow("bus features unknown") << "busfeatures" << QByteArray("APSC XYZ\n") << false << QByteArray();

        QTest::newRow("type") << "type" << QByteArray("CEX8C\n") << true << QByteArray("CEX8C\n");
        QTest::newRow("type bad") << "type" << QByteArray("CEX9X\n") << false << QByteArray();

        QTest::newRow("se_bind") << "sebind" << QByteArray("bound\n") << true << QByteArray("bound\n");
        QTest::newRow("se_bind bad") << "sebind" << QByteArray("maybe\n") << false << QByteArray();
        QTest::newRow("se_associate idx") << "seassoc" << QByteArray("associated 17\n") << true << QByteArray("associated 17\n");
        QTest::newRow("se_associate pending") << "seassoc" << QByteArray("association pending\n") << true << QByteArray("association pending\n");
        QTest::newRow("se_associate bad") << "seassoc" << QByteArray("associated x\n") << false << QByteArray();

        const QByteArray cca = "AES NEW: empty 0x0000000000000000\nAES CUR: valid 0xe9a49a58cd039bed\nAES OLD: valid 0x7345a1eb6b4f2a2c\n"
                               "APKA NEW: - -\nAPKA CUR: valid 0x5c5b2d1e0f0a0908\nAPKA OLD: - -\n"
                               "ASYM NEW: - -\nASYM CUR: valid 0x0123456789abcdef0123456789abcdef\nASYM OLD: - -\n";
        QTest::newRow("mkvps cca") << "mkvps" << cca << true << cca;
        QTest::newRow("mkvps cca eight lines") << "mkvps" << cca.left(cca.lastIndexOf("ASYM OLD")) << false << QByteArray();
        QByteArray ccaShortVp = cca;
        ccaShortVp.replace("0xe9a49a58cd039bed", "0xe9a4");
        QTest::newRow("mkvps cca short pattern") << "mkvps" << ccaShortVp << false << QByteArray();
        QByteArray ccaBadState = cca;
        ccaBadState.replace("AES CUR: valid", "AES CUR: full");
        QTest::newRow("mkvps cca state of wrong slot") << "mkvps" << ccaBadState << false << QByteArray();
        const QByteArray ep11 = "WK CUR: valid 0x" + QByteArray(64, 'a') + "\nWK NEW: empty -\n";
        QTest::newRow("mkvps ep11") << "mkvps" << ep11 << true << ep11;
        QTest::newRow("mkvps ep11 committed") << "mkvps" << QByteArray("WK CUR: invalid -\nWK NEW: committed 0x" + QByteArray(64, '1') + "\n") << true
                                              << QByteArray("WK CUR: invalid -\nWK NEW: committed 0x" + QByteArray(64, '1') + "\n");
        QTest::newRow("mkvps ep11 unknown") << "mkvps" << QByteArray("WK CUR: - -\nWK NEW: - -\n") << true << QByteArray("WK CUR: - -\nWK NEW: - -\n");
        QTest::newRow("mkvps garbage") << "mkvps" << QByteArray("\xff\xfe\n") << false << QByteArray();
    }

    void parse()
    {
        QFETCH(QString, parser);
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QByteArray, canonical);
        bool ok = false;
        QByteArray formatted;
        QString detail;
        auto take = [&](auto r, auto fmt) {
            ok = r.ok();
            if (ok)
                formatted = fmt(*r);
            else
                detail = r.error().detail;
        };
        if (parser == u"int") take(parseInt(text), [](int v) { return formatInt(v); });
        else if (parser == u"flag") take(parseFlag(text), [](bool v) { return formatFlag(v); });
        else if (parser == u"functions") take(parseFunctions(text), [](std::uint32_t v) { return formatFunctions(v); });
        else if (parser == u"mask") take(parseMask(text), [](const IdMask &m) { return formatMask(m); });
        else if (parser == u"requestcount") take(parseRequestCount(text), [](std::optional<quint64> v) { return formatRequestCount(v); });
        else if (parser == u"status") take(parseVfioStatus(text), [](VfioQueueStatus s) { return formatVfioStatus(s); });
        else if (parser == u"matrix") take(parseMatrixListing(text), [](const MatrixListing &m) { return formatMatrixListing(m.adapters, m.domains, 255, 255); });
        else if (parser == u"control") take(parseControlDomains(text), [](const IdMask &m) { return formatControlDomains(m, 255); });
        else if (parser == u"apconfig") take(parseApConfigRead(text), [](const ApConfig &c) { return formatApConfig(c); });
        else if (parser == u"words") take(parseWords(text), [](const QStringList &w) { return formatWords(w); });
        else if (parser == u"busfeatures") take(parseBusFeatures(text), [](const QStringList &w) { return formatWords(w); });
        else if (parser == u"type") take(parseTypeString(text), [](const QString &s) -> QByteArray { return s.toLatin1() + '\n'; });
        else if (parser == u"sebind") take(parseSeBind(text), [](const QString &s) -> QByteArray { return s.toLatin1() + '\n'; });
        else if (parser == u"seassoc") take(parseSeAssociate(text), [](const QString &s) -> QByteArray { return s.toLatin1() + '\n'; });
        else if (parser == u"mkvps") take(parseMkvps(text), [](const Mkvps &m) { return m.toText(); });
        else QFAIL("unknown parser in table");
        QCOMPARE(ok, valid);
        if (valid)
            QCOMPARE(formatted, canonical);
        else
            QVERIFY2(detail.startsWith(QLatin1String("expected ")), qPrintable(detail)); // names what was expected and shows the text
    }

    void errorShowsTheText()
    {
        auto r = parseInt("bogus\n");
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Parse);
        QVERIFY(r.error().detail.contains(QLatin1String("bogus\\n")));
    }

    void qciMaskNotSupported()
    {
        auto r = parseQciMask("not supported\n");
        QVERIFY(r);
        QVERIFY(!r->has_value());
    }

    void busFeaturesReportsQci()
    {
        bool qci = true;
        QVERIFY(parseBusFeatures("-\n", &qci));
        QVERIFY(!qci);
        QVERIFY(parseBusFeatures("APSC\n", &qci));
        QVERIFY(qci);
    }

    void matrixListingEnumeratesUpToMax()
    {
        // The kernel stops at the matrix maxima: ids above are not listed.
        const IdMask a = IdMask::fromIds({1, 70});
        const IdMask d = IdMask::fromIds({2, 90});
        QCOMPARE(formatMatrixListing(a, d, 63, 84), QByteArray("01.0002\n"));
    }
};

QTEST_GUILESS_MAIN(TstAttributeParsers)
#include "tst_attributeparsers.moc"

#include <model/kernelnumber.h>

#include <QTest>

#include <cerrno>

class TstKernelNumber : public QObject {
    Q_OBJECT
private slots:
    void kstrtoul_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("error");
        QTest::addColumn<quint64>("value");
        QTest::newRow("decimal") << QByteArray("5") << 0 << quint64(5);
        QTest::newRow("newline") << QByteArray("5\n") << 0 << quint64(5);
        QTest::newRow("plus") << QByteArray("+5") << 0 << quint64(5);
        QTest::newRow("hex") << QByteArray("0x1f") << 0 << quint64(31);
        QTest::newRow("HEX prefix") << QByteArray("0X1F") << 0 << quint64(31);
        QTest::newRow("octal") << QByteArray("010") << 0 << quint64(8);
        QTest::newRow("zero") << QByteArray("0") << 0 << quint64(0);
        QTest::newRow("bad octal") << QByteArray("08") << EINVAL << quint64(0);
        QTest::newRow("two newlines") << QByteArray("5\n\n") << EINVAL << quint64(0);
        QTest::newRow("leading space") << QByteArray(" 5") << EINVAL << quint64(0);
        QTest::newRow("trailing space") << QByteArray("5 ") << EINVAL << quint64(0);
        QTest::newRow("negative") << QByteArray("-1") << EINVAL << quint64(0);
        QTest::newRow("empty") << QByteArray("") << EINVAL << quint64(0);
        QTest::newRow("prefix only") << QByteArray("0x") << EINVAL << quint64(0);
        QTest::newRow("overflow") << QByteArray("18446744073709551616") << ERANGE << quint64(0);
        QTest::newRow("max") << QByteArray("18446744073709551615") << 0 << quint64(18446744073709551615ULL);
    }
    void kstrtoul()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, error);
        QFETCH(quint64, value);
        const ap::KernelNumber n = ap::parseKstrtoul(text);
        QCOMPARE(n.error, error);
        if (!error)
            QCOMPARE(n.value, value);
    }
};

QTEST_GUILESS_MAIN(TstKernelNumber)
#include "tst_kernelnumber.moc"

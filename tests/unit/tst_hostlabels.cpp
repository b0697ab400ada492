// Hosts listed side by side get short labels that still tell them apart.
#include <hosts/hostlabels.h>

#include <QSet>
#include <QTest>

using namespace ap;

class TstHostLabels : public QObject {
    Q_OBJECT
private slots:
    void labels_data()
    {
        QTest::addColumn<QStringList>("uris");
        QTest::addColumn<QStringList>("labels");
        const QString parent = QStringLiteral("sysfs:/srv/trees/customer-lab-frankfurt/");
        QTest::newRow("short URIs stay") << QStringList{QStringLiteral("demo:zlab-a"), QStringLiteral("sysfs:/tmp/t")}
                                         << QStringList{QStringLiteral("demo:zlab-a"), QStringLiteral("sysfs:/tmp/t")};
        QTest::newRow("same long parent") << QStringList{parent + QStringLiteral("host-a"), parent + QStringLiteral("host-b")}
                                          << QStringList{QStringLiteral("sysfs:…/host-a"), QStringLiteral("sysfs:…/host-b")};
        QTest::newRow("same last folder") << QStringList{parent + QStringLiteral("a/tree"), parent + QStringLiteral("b/tree")}
                                          << QStringList{QStringLiteral("sysfs:…/a/tree"), QStringLiteral("sysfs:…/b/tree")};
        QTest::newRow("one long, alone") << QStringList{parent + QStringLiteral("z16-lpar-07")} << QStringList{QStringLiteral("sysfs:…/z16-lpar-07")};
        QTest::newRow("schemes apart") << QStringList{parent + QStringLiteral("tree"), QStringLiteral("ssh://root@zlab-b.example.com/srv/tree")}
                                       << QStringList{QStringLiteral("sysfs:…/tree"), QStringLiteral("ssh://root@zlab-b.example.com/srv/tree")};
        QTest::newRow("one is the other's tail") << QStringList{parent + QStringLiteral("x/host"), parent + QStringLiteral("host")}
                                                 << QStringList{QStringLiteral("sysfs:…/x/host"), QStringLiteral("sysfs:…/customer-lab-frankfurt/host")};
    }

    void labels()
    {
        QFETCH(QStringList, uris);
        QFETCH(QStringList, labels);
        const QStringList got = hostLabels(uris);
        QCOMPARE(got, labels);
        QCOMPARE(QSet<QString>(got.cbegin(), got.cend()).size(), got.size()); // always distinct
    }
};

QTEST_GUILESS_MAIN(TstHostLabels)
#include "tst_hostlabels.moc"

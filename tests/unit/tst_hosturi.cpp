#include <hosts/hosturi.h>

#include <QTest>

using namespace ap;

class TstHostUri : public QObject {
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("demo") << "demo:zlab-a" << true << "demo:zlab-a";
        QTest::newRow("demo spaces trimmed") << "  demo:zlab-a " << true << "demo:zlab-a";
        QTest::newRow("sysfs") << "sysfs:/srv/tree/" << true << "sysfs:/srv/tree";
        QTest::newRow("sysfs this machine") << "sysfs:/" << true << "sysfs:/";
        QTest::newRow("sysfs triple slash") << "sysfs:///srv/t" << true << "sysfs:/srv/t";
        QTest::newRow("ssh") << "ssh://root@zhost:2222/srv/root" << true << "ssh://root@zhost:2222/srv/root";
        QTest::newRow("ssh plain") << "ssh://zhost" << true << "ssh://zhost";
        QTest::newRow("libvirt") << "qemu+ssh://root@zhost/system" << true << "qemu+ssh://root@zhost/system";
        QTest::newRow("libvirt test") << "test:///tmp/fixture.xml" << true << "test:///tmp/fixture.xml";
        QTest::newRow("ssh and libvirt") << "ssh://root@zhost , qemu+ssh://root@zhost/system" << true << "ssh://root@zhost,qemu+ssh://root@zhost/system";
        QTest::newRow("sysfs and libvirt") << "sysfs:/srv/t/,test:///tmp/f.xml" << true << "sysfs:/srv/t,test:///tmp/f.xml";
        QTest::newRow("demo and libvirt") << "demo:zlab-a,test:///tmp/f.xml" << false << "";
        QTest::newRow("libvirt twice") << "qemu:///system,test:///tmp/f.xml" << false << "";
        QTest::newRow("ssh and hostile") << "ssh://-oProxyCommand=x,qemu:///system" << false << "";
        QTest::newRow("empty") << "" << false << "";
        QTest::newRow("demo shell") << "demo:a;rm -rf /" << false << "";
        QTest::newRow("demo dollar") << "demo:$(reboot)" << false << "";
        QTest::newRow("demo newline") << "demo:a\nb" << false << "";
        QTest::newRow("sysfs relative") << "sysfs:tree" << false << "";
        QTest::newRow("sysfs dotdot") << "sysfs:/srv/../etc" << false << "";
        QTest::newRow("ssh option injection") << "ssh://-oProxyCommand=evil" << false << "";
        QTest::newRow("ssh password") << "ssh://root:secret@zhost" << false << "";
        QTest::newRow("ssh bad user") << "ssh://ro;ot@zhost" << false << "";
        QTest::newRow("unknown scheme") << "http://zhost" << false << "";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, normalised);
        auto u = HostUri::parse(text);
        QCOMPARE(u.ok(), valid);
        if (valid)
            QCOMPARE(u->text, normalised);
        else
            QCOMPARE(u.error().code, ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TstHostUri)
#include "tst_hosturi.moc"

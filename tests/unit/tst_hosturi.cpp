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
        QTest::newRow("sysfs doubled slashes") << "sysfs:////srv//./tree/" << true << "sysfs:/srv/tree"; // found by fuzz_hosturi
        QTest::newRow("ssh doubled slashes") << "ssh://zhost//srv/./x" << true << "ssh://zhost/srv/x";
        QTest::newRow("ssh ipv6") << "ssh://root@[::1]:2222/srv" << true << "ssh://root@[::1]:2222/srv";
        QTest::newRow("ssh ipv6 no port") << "ssh://[fe80::1]" << true << "ssh://[fe80::1]";
        QTest::newRow("libvirt ipv6") << "qemu+ssh://root@[::1]/system" << true << "qemu+ssh://root@[::1]/system";
        QTest::newRow("libvirt keyfile") << "qemu+ssh://root@zhost/system?keyfile=/root/.ssh/id_ed25519&no_tty=1" << true
                                         << "qemu+ssh://root@zhost/system?keyfile=/root/.ssh/id_ed25519&no_tty=1";
        QTest::newRow("libvirt known_hosts") << "qemu+ssh://zhost/system?known_hosts=/etc/ssh/known" << true << "qemu+ssh://zhost/system?known_hosts=/etc/ssh/known";
        QTest::newRow("libvirt unix socket") << "qemu+unix:///system?socket=/run/libvirt/libvirt-sock" << true
                                             << "qemu+unix:///system?socket=/run/libvirt/libvirt-sock";
        QTest::newRow("libvirt mode") << "qemu+tls://zhost/system?mode=direct" << true << "qemu+tls://zhost/system?mode=direct";
        // Hostile addresses: each is refused before anything runs.
        QTest::newRow("libvirt command") << "qemu+ssh://127.0.0.1:1/system?command=/tmp/evil.sh" << false << "";
        QTest::newRow("libvirt command encoded") << "qemu+ssh://127.0.0.1/system?%63ommand=/tmp/evil.sh" << false << "";
        QTest::newRow("libvirt netcat") << "qemu+ssh://zhost/system?netcat=/tmp/evil" << false << "";
        QTest::newRow("libvirt proxy") << "qemu+ssh://zhost/system?proxy=native" << false << "";
        QTest::newRow("libvirt no_verify") << "qemu+tls://zhost/system?no_verify=1" << false << "";
        QTest::newRow("libvirt known_hosts_verify") << "qemu+ssh://zhost/system?known_hosts_verify=ignore" << false << "";
        QTest::newRow("libvirt socket on ssh") << "qemu+ssh://zhost/system?socket=/tmp/s" << false << "";
        QTest::newRow("libvirt keyfile relative") << "qemu+ssh://zhost/system?keyfile=id_rsa" << false << "";
        QTest::newRow("libvirt keyfile dotdot") << "qemu+ssh://zhost/system?keyfile=/root/../etc/shadow" << false << "";
        QTest::newRow("libvirt no_tty value") << "qemu+ssh://zhost/system?no_tty=yes" << false << "";
        QTest::newRow("libvirt twice") << "qemu+ssh://zhost/system?no_tty=1&no_tty=0" << false << "";
        QTest::newRow("libvirt fragment") << "qemu+ssh://zhost/system#x" << false << "";
        QTest::newRow("libvirt newline in value") << "qemu+ssh://zhost/system?keyfile=/a%0a/b" << false << "";
        QTest::newRow("libvirt newline in path") << "qemu:///sys%0atem" << false << "";
        QTest::newRow("libvirt local with host") << "qemu://zhost/system" << false << "";
        QTest::newRow("libvirt host option") << "qemu+ssh://-oProxyCommand=x/system" << false << "";
        QTest::newRow("libvirt ext") << "qemu+ext:///system?command=/tmp/evil" << false << "";
        QTest::newRow("libvirt local parameter") << "qemu:///system?mode=direct" << false << "";
        QTest::newRow("ssh query") << "ssh://zhost/srv?x=1" << false << "";
        QTest::newRow("ssh fragment") << "ssh://zhost/srv#frag" << false << "";
        QTest::newRow("ssh newline in root") << "ssh://zhost/srv%0a/x" << false << "";
        QTest::newRow("ssh encoded dotdot") << "ssh://zhost/srv/%2e%2e/etc" << false << "";
        QTest::newRow("ssh encoded user") << "ssh://r%3Boot@zhost" << false << "";
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

    // parse ∘ format = identity: the stored form parses back to the same address, field by field.
    void roundTrip_data() { parse_data(); }
    void roundTrip()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        if (!valid)
            return;
        const auto u = HostUri::parse(text);
        QVERIFY(u);
        QCOMPARE(u->format(), u->text);
        const auto again = HostUri::parse(u->format());
        QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
        QVERIFY(*again == *u);
    }
};

QTEST_GUILESS_MAIN(TstHostUri)
#include "tst_hosturi.moc"

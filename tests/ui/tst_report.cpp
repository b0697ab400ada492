#include <report/reportdialog.h>
#include <fleet/fleet.h>
#include <report/reportswindow.h>

#include <hosts/demofleet.h>
#include <report/checkrender.h>
#include <report/reportdiff.h>
#include <report/reportwords.h>

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QScopeGuard>
#include <QTextBrowser>
#include <QTranslator>
#include <QProcess>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ap;
using namespace ap::ui;

namespace {
QJsonObject withoutTime(QJsonObject o)
{
    o.remove(QStringLiteral("time"));
    return o;
}

bool waitConnected(Fleet &fleet)
{
    return QTest::qWaitFor([&] {
        return std::all_of(fleet.sessions().cbegin(), fleet.sessions().cend(),
                           [](HostSession *s) { return s->state() == HostSession::State::Connected; });
    }, 10000);
}
} // namespace

class TstReport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    std::optional<migration::CheckReport> runDialog(Fleet &fleet, const QString &target, migration::DriverProfile p = migration::DriverProfile::V2,
                                         ReportDialog **keep = nullptr)
    {
        auto *dialog = new ReportDialog(&fleet, fleet.session(QStringLiteral("demo:zlab-a")), demo::uuids::payments);
        if (!dialog->selectDestination(target))
            return std::nullopt;
        dialog->setProfile(p);
        QSignalSpy done(dialog, &ReportDialog::finished);
        dialog->run();
        if (!done.wait(10000) || !done.first().at(0).toBool())
            return std::nullopt;
        auto r = dialog->report();
        if (keep)
            *keep = dialog;
        else
            delete dialog;
        return r;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void destinationsExplainWhyNot()
    {
        Fleet fleet(nullptr);
        fleet.loadDefault();
        QVERIFY(waitConnected(fleet));
        ReportDialog dialog(&fleet, fleet.session(QStringLiteral("demo:zlab-a")), demo::uuids::payments);
        const auto d = dialog.destinations();
        QCOMPARE(d.size(), demo::hostNames().size());
        QVERIFY(!d[0].enabled && d[0].reason.contains(QLatin1String("own host")));
        QVERIFY(d[1].enabled);
        QVERIFY(d[1].reason.isEmpty());
        // Without 'migratable' a host still takes the guest by replug: selectable, and labelled so.
        QVERIFY(d[2].enabled && d[2].reason.contains(QLatin1String("replug only")));
        QVERIFY(d[3].enabled); // zlab-d
        QVERIFY(d[6].enabled && d[6].reason.contains(QLatin1String("replug only"))); // zlab-g, an older z14
        QVERIFY(dialog.selectDestination(QStringLiteral("demo:zlab-c")));
        QVERIFY(!dialog.selectDestination(QStringLiteral("demo:zlab-a")));
    }

    void exportedJsonEqualsTheCli()
    {
        // The CLI on a fresh database...
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("APCONSOLE_DB"), m_dir.filePath(QStringLiteral("cli.db")));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(APCONSOLE_CLI), {QStringLiteral("check"), QStringLiteral("--source"), QStringLiteral("demo:zlab-a"),
                                                  QStringLiteral("--target"), QStringLiteral("demo:zlab-b"), QStringLiteral("--mdev"),
                                                  demo::uuids::payments, QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--profile"), QStringLiteral("v3")});
        QVERIFY(cli.waitForFinished(30000));
        const QJsonObject fromCli = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QVERIFY(!fromCli.isEmpty());

        // ...and the console's export, on the same hosts.
        Fleet fleet(nullptr);
        fleet.loadDefault();
        QVERIFY(waitConnected(fleet));
        ReportDialog *dialog = nullptr;
        QVERIFY(runDialog(fleet, QStringLiteral("demo:zlab-b"), migration::DriverProfile::V3, &dialog));
        std::unique_ptr<ReportDialog> owner(dialog);
        const QString json = m_dir.filePath(QStringLiteral("report.json"));
        QVERIFY(dialog->exportTo(json).ok());
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(withoutTime(QJsonDocument::fromJson(f.readAll()).object()), withoutTime(fromCli));

        for (const char *name : {"report.html", "report.csv"}) {
            const QString path = m_dir.filePath(QLatin1String(name));
            QVERIFY(dialog->exportTo(path).ok());
            QVERIFY(QFileInfo(path).size() > 500);
        }
        QVERIFY(!dialog->exportTo(m_dir.filePath(QStringLiteral("report.doc"))).ok());
        const QString dir = QStringLiteral(APCONSOLE_BINARY_DIR "/artifacts");
        QDir().mkpath(dir);
        dialog->resize(960, 720);
        QVERIFY(dialog->grab().save(dir + QStringLiteral("/check-dialog.png")));
    }

    void pdfIsRenderedAndNotBlank()
    {
        Fleet fleet(nullptr);
        fleet.loadDefault();
        QVERIFY(waitConnected(fleet));
        ReportDialog *dialog = nullptr;
        QVERIFY(runDialog(fleet, QStringLiteral("demo:zlab-b"), migration::DriverProfile::V2, &dialog));
        std::unique_ptr<ReportDialog> owner(dialog);
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(dialog->exportTo(pdf).ok());
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        const QString png = m_dir.filePath(QStringLiteral("page"));
        QProcess render;
        render.start(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-f"),
                                                   QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-singlefile"), pdf, png});
        QVERIFY2(render.waitForFinished(30000) && render.exitCode() == 0, "pdftoppm failed (apt-get install poppler-utils)");
        const QImage page(png + QStringLiteral(".png"));
        QVERIFY(!page.isNull());
        qsizetype ink = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                ink += qGray(page.pixel(x, y)) < 200;
        QVERIFY2(ink > 2000, qPrintable(QStringLiteral("only %1 dark pixels on page 1").arg(ink)));
        QFile::copy(png + QStringLiteral(".png"), QStringLiteral(APCONSOLE_BINARY_DIR "/artifacts/report-page1.png"));
    }

    // With the German translator installed, the whole report body is German (HTML, the dialog's
    // banner and view, the exported HTML); JSON keys and the stored English stay as they are.
    void germanReportBody()
    {
        QTranslator de;
        QVERIFY(de.load(QLocale(QLocale::German), QStringLiteral("apconsole"), QStringLiteral("_"), QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&de));
        const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&de); });
        Fleet fleet(nullptr);
        fleet.loadDefault();
        QVERIFY(waitConnected(fleet));
        ReportDialog *dialog = nullptr;
        const auto r = runDialog(fleet, QStringLiteral("demo:zlab-b"), migration::DriverProfile::V2, &dialog);
        QVERIFY(r);
        std::unique_ptr<ReportDialog> owner(dialog);
        const QString html = report::checkReportHtml(*r);
        for (const char *german : {"Bericht vor der Migration", "Nicht bereit", "Befunde", "Warteschlangen", "Kernel-Protokoll des Ziels",
                                   "Was zu tun ist", "Quellhost"})
            QVERIFY2(html.contains(QString::fromUtf8(german)), german);
        for (const char *english : {"Pre-migration report", "Not ready", "<h3>Findings</h3>", "<h3>Queues</h3>", "Destination kernel log", "What to do",
                                    "Source host", "identical on both sides", "differs between source and destination",
                                    "Load the same master keys", "unknown"})
            QVERIFY2(!html.contains(QLatin1String(english)), english);
        // Revision notes are sentences as data too; their word arguments translate with them.
        QCOMPARE(report::ReportWords::sentence(migration::say("Answer of %1: %2.", {QStringLiteral("v2, v3/v4"), QStringLiteral("compatible")})),
                 QStringLiteral("Antwort von v2, v3/v4: kompatibel."));
        QVERIFY(!html.contains(QLatin1String("Answer of")) && !html.contains(QLatin1String("Rejected by")));
        const auto *view = dialog->findChild<QTextBrowser *>(QStringLiteral("reportView"));
        QVERIFY(view && view->toPlainText().contains(QStringLiteral("Befunde")));
        const auto *banner = dialog->findChild<QLabel *>(QStringLiteral("verdictBanner"));
        QVERIFY2(banner && banner->text().contains(QStringLiteral("Nicht bereit")), qPrintable(banner ? banner->text() : QString()));
        const QString exported = m_dir.filePath(QStringLiteral("report-de.html"));
        QVERIFY(dialog->exportTo(exported).ok());
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(f.readAll()).contains(QStringLiteral("Warteschlangen")));
        const QJsonObject json = report::checkReportJson(*r);
        QVERIFY(json.contains(QStringLiteral("findings")) && json.contains(QStringLiteral("queues")));
        const QJsonObject finding = json.value(QStringLiteral("findings")).toArray().first().toObject();
        QVERIFY(finding.contains(QStringLiteral("message")));
        QVERIFY(!finding.value(QStringLiteral("message")).toString().contains(QStringLiteral("Ziel")));
        QDir().mkpath(QStringLiteral(APCONSOLE_BINARY_DIR "/artifacts"));
        dialog->resize(960, 720);
        QVERIFY(dialog->grab().save(QStringLiteral(APCONSOLE_BINARY_DIR "/artifacts/check-dialog-de.png")));
    }

    void historySurvivesRestart()
    {
        const QString db = m_dir.filePath(QStringLiteral("history.db"));
        QFile::remove(db);
        qint64 id = 0;
        {
            auto store = Store::open(db);
            QVERIFY(store);
            Fleet fleet(*store);
            fleet.loadDefault();
            QVERIFY(waitConnected(fleet));
            ReportDialog *dialog = nullptr;
            QVERIFY(runDialog(fleet, QStringLiteral("demo:zlab-b"), migration::DriverProfile::V2, &dialog));
            id = dialog->storedId();
            delete dialog;
            QVERIFY(runDialog(fleet, QStringLiteral("demo:zlab-b"), migration::DriverProfile::V3));
        }
        QVERIFY(id > 0);
        auto store = Store::open(db);
        QVERIFY(store);
        QVERIFY((*store)->recoveredFrom().isEmpty());
        Fleet fleet(*store);
        ReportsWindow window(&fleet, QString(), QStringLiteral("payments-01"));
        QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(window.model()->rowCount(), 2);
        QCOMPARE(window.model()->index(0, ReportHistoryModel::Guest).data().toString(), QStringLiteral("payments-01"));
        auto *series = qobject_cast<QStackedBarSeries *>(window.chart()->chart()->series().value(0));
        QVERIFY(series);
        QCOMPARE(series->barSets().size(), 3);
        const QJsonObject stored = (*store)->report(id).value();
        auto back = report::checkReportFromJson(stored);
        QVERIFY(back);
        QCOMPARE(report::checkReportJson(*back), stored); // re-opened exactly
    }

    void compareWithNow()
    {
        Fleet fleet(nullptr);
        fleet.loadDefault();
        QVERIFY(waitConnected(fleet));
        auto before = runDialog(fleet, QStringLiteral("demo:zlab-b"));
        QVERIFY(before);
        // The destination loses its mdev: the verdict, readiness and findings change.
        auto *target = fleet.session(QStringLiteral("demo:zlab-b"));
        auto applied = target->backend()->apply(plans::removeMdev(demo::uuids::payments));
        applied.waitForFinished();
        auto after = runDialog(fleet, QStringLiteral("demo:zlab-b"));
        QVERIFY(after);
        const QStringList changes = report::diffReports(*before, *after);
        QVERIFY2(changes.join(QLatin1Char('\n')).contains(QLatin1String("Driver verdict: compatible -> incompatible (ENODEV)")),
                 qPrintable(changes.join(QLatin1Char('\n'))));
        QVERIFY(changes.join(QLatin1Char('\n')).contains(QLatin1String("New error")));
        QVERIFY(report::diffReports(*after, *after).isEmpty());
    }
};

QTEST_MAIN(TstReport)
#include "tst_report.moc"

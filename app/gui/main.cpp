// apconsole: the desktop console. Argument parsing and start-up only.
#include "appinfo.h"

#include <fleet/fleet.h>
#include <hosts/hosturi.h>
#include <fleet/fleetmodel.h>
#include <mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

void installTranslators(QApplication &app, const QString &lang)
{
    const QLocale locale = lang.isEmpty() ? QLocale() : QLocale(lang);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("apconsole"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
}

void describeOptions(QCommandLineParser &p)
{
    p.setApplicationDescription(QStringLiteral("Console for the crypto adapters of IBM Z / LinuxONE KVM hosts."));
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({QStringLiteral("lang"), QStringLiteral("User interface language (e.g. de); default: the system locale."), QStringLiteral("LANG")});
    p.addOption({QStringLiteral("host"), QStringLiteral("Also open this host (may be repeated)."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("select"), QStringLiteral("Select this mdev UUID at start (on the first host that has it)."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("screenshot"), QStringLiteral("Save a screenshot of the main window to FILE once the fleet is read."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("quit-after"), QStringLiteral("Quit after MS milliseconds (with --screenshot: as soon as it is saved)."), QStringLiteral("MS")});
    p.addOption({QStringLiteral("size"), QStringLiteral("Window size WxH."), QStringLiteral("WxH")});
}

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("apconsole"));
    // The application name is also the X11 WM_CLASS; with the desktop file name (the Wayland
    // app_id) it must equal the desktop entry's StartupWMClass so the menu entry owns the window.
    QCoreApplication::setApplicationName(QStringLiteral(APCONSOLE_DESKTOP_ID));
    QCoreApplication::setApplicationVersion(QStringLiteral(APCONSOLE_VERSION));
}

// --help and --version must answer where there is no display (a package's smoke test, ssh):
// they are handled before QApplication, which would need one.
bool onlyAsksForText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "-?" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

/// Shows a message without blocking: start-up goes on (and --screenshot/--quit-after still end it).
void inform(QWidget *parent, QMessageBox::Icon icon, const QString &text)
{
    auto *box = new QMessageBox(icon, QObject::tr("Database"), text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace

namespace {

/// For the benchmarks (tests/bench/bench_gui): with APCONSOLE_STARTUP_TIMES set, prints on stderr
/// when the window got its first turn of the event loop and when every host was read, then quits.
void traceStartup(const QElapsedTimer &sinceStart, ap::ui::Fleet &fleet, QWidget &window)
{
    QTimer::singleShot(0, &window, [&sinceStart] {
        std::fprintf(stderr, "apconsole: window after %lld ms\n", static_cast<long long>(sinceStart.elapsed()));
    });
    const auto check = [&sinceStart, &fleet, told = false]() mutable {
        if (told)
            return; // more hosts may change before the event loop ends
        int failed = 0;
        for (ap::ui::HostSession *s : fleet.sessions()) {
            if (s->state() == ap::ui::HostSession::State::Connecting)
                return;
            failed += s->state() == ap::ui::HostSession::State::Failed ? 1 : 0;
        }
        std::fprintf(stderr, "apconsole: %lld hosts read after %lld ms, %d failed\n", static_cast<long long>(fleet.sessions().size()),
                     static_cast<long long>(sinceStart.elapsed()), failed);
        told = true;
        QCoreApplication::exit(0);
    };
    QObject::connect(&fleet, &ap::ui::Fleet::hostChanged, &window, check);
    QTimer::singleShot(0, &window, check);
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (onlyAsksForText(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        QCommandLineParser p;
        describeOptions(p);
        p.process(app); // prints the help or the version and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationInfo();
    QGuiApplication::setDesktopFileName(QStringLiteral(APCONSOLE_DESKTOP_ID));
    QApplication::setApplicationDisplayName(QStringLiteral("apconsole"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(APCONSOLE_DESKTOP_ID), QIcon(QStringLiteral(":/icons/app/apconsole.svg"))));

    QCommandLineParser p;
    describeOptions(p);
    p.process(app);

    installTranslators(app, p.value(QStringLiteral("lang")));

    QString dbPath = qEnvironmentVariable("APCONSOLE_DB");
    if (dbPath.isEmpty())
        dbPath = ap::Store::defaultPath();
    std::shared_ptr<ap::Store> store;
    auto opened = ap::Store::open(dbPath);
    if (opened)
        store = *opened;

    ap::ui::Fleet fleet(store);
    QStringList problems;
    QObject::connect(&fleet, &ap::ui::Fleet::problem, &fleet, [&problems](const ap::Error &e) { problems.append(e.toString()); });
    fleet.loadDefault();
    for (const QString &uri : p.values(QStringLiteral("host"))) {
        // A host remembered from an earlier start is already there: nothing to say.
        if (const auto parsed = ap::HostUri::parse(uri); parsed && fleet.session(parsed->text))
            continue;
        auto added = fleet.addHost(uri);
        if (!added)
            std::fprintf(stderr, "apconsole: %s\n", qPrintable(added.error().toString()));
    }

    ap::ui::MainWindow window(&fleet);
    if (p.isSet(QStringLiteral("size"))) {
        const QStringList wh = p.value(QStringLiteral("size")).split(QLatin1Char('x'));
        if (wh.size() == 2)
            window.resize(wh[0].toInt(), wh[1].toInt());
    } else if (!window.restoreGeometry(QByteArray())) {
        window.resize(1440, 900);
    }
    window.show();
    if (qEnvironmentVariableIsSet("APCONSOLE_STARTUP_TIMES"))
        traceStartup(sinceStart, fleet, window);

    if (!opened)
        inform(&window, QMessageBox::Warning,
               QObject::tr("The database %1 cannot be used: %2\nChanges will not be remembered.").arg(dbPath, opened.error().detail));
    else if (!store->recoveredFrom().isEmpty())
        inform(&window, QMessageBox::Information,
               QObject::tr("The database was damaged. It was kept as %1 and a new one was started.").arg(store->recoveredFrom()));
    if (!problems.isEmpty())
        inform(&window, QMessageBox::Warning, QObject::tr("Not saved or not read from the database:\n%1").arg(problems.join(QLatin1Char('\n'))));
    // From now on each problem is told as it happens.
    QObject::disconnect(&fleet, &ap::ui::Fleet::problem, &fleet, nullptr);
    QObject::connect(&fleet, &ap::ui::Fleet::problem, &window, [&window](const ap::Error &e) {
        inform(&window, QMessageBox::Warning, QObject::tr("Not saved or not read from the database:\n%1").arg(e.toString()));
    });

    if (p.isSet(QStringLiteral("select")) && !fleet.sessions().isEmpty()) {
        const QString uuid = p.value(QStringLiteral("select"));
        auto selected = std::make_shared<bool>(false);
        QObject::connect(&fleet, &ap::ui::Fleet::hostChanged, &window, [&window, uuid, selected](ap::ui::HostSession *s) {
            if (*selected || !s->snapshot() || !s->snapshot()->mdev(uuid))
                return;
            *selected = window.selectNode({s->uri().text, ap::ui::FleetModel::Kind::Mdev, uuid});
        });
    }

    if (p.isSet(QStringLiteral("screenshot"))) {
        const QString file = p.value(QStringLiteral("screenshot"));
        const bool quitAfter = p.isSet(QStringLiteral("quit-after"));
        auto *timer = new QTimer(&window);
        timer->setInterval(100);
        QObject::connect(timer, &QTimer::timeout, &window, [&fleet, &window, file, timer, quitAfter] {
            for (ap::ui::HostSession *s : fleet.sessions())
                if (s->state() == ap::ui::HostSession::State::Connecting)
                    return;
            timer->stop();
            // Give the view one more round to lay out what the last read brought.
            QTimer::singleShot(300, &window, [&window, file, quitAfter] {
                const bool ok = window.grab().save(file);
                std::fprintf(stderr, ok ? "apconsole: screenshot saved to %s\n" : "apconsole: cannot save screenshot %s\n", qPrintable(file));
                // With --quit-after as well, the screenshot is the run's purpose: end now.
                if (quitAfter)
                    QCoreApplication::exit(ok ? 0 : 1);
            });
        });
        timer->start();
    }
    if (p.isSet(QStringLiteral("quit-after")))
        QTimer::singleShot(p.value(QStringLiteral("quit-after")).toInt(), &app, &QApplication::quit);
    return app.exec();
}

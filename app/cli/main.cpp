// apconsole-cli: the headless console. Argument parsing only; the work is in apcore.
#include "appinfo.h"
#include "clicommon.h"
#include "commands.h"

#include <QCoreApplication>

#include <functional>

namespace {

struct Command {
    const char *name;
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const QList<Command> &commands()
{
    using namespace ap::cli;
    static const QList<Command> list = {
        {"hosts", "list the built-in demo hosts and the remembered hosts", hostsCommand},
        {"inventory", "read a host's AP configuration (--host URI [--format json|text])", inventoryCommand},
        {"tree", "write a host's AP configuration as a sysfs tree (--host URI --output DIR)", treeCommand},
        {"check", "predict the destination driver's decision and readiness for a migration (--source --target --mdev)", checkCommand},
        {"fsm", "states a VFIO device passes from one migration state to another (--flags FLAGS FROM TO)", fsmCommand},
        {"migrate", "move a guest to another host, printing one JSON line per step and state change (--source --target --guest)", migrateCommand},
        {"mdev", "define, modify, start, stop, undefine or autostart an mdev through mdevctl, checked against ap-check's rules (define|modify|start|stop|undefine|autostart --host URI --uuid UUID [--file JSON] [--auto|--manual] [--dry-run])", mdevCommand},
        {"matrix", "change the matrices of one or more mdevs as one transaction, checked by the kernel's rules first (--host URI --mdev UUID [--assign-adapter IDS]... [--move-from UUID] | --desired FILE; [--dry-run] [--format text|json])", matrixCommand},
        {"fleet-map", "where every guest with a vfio-ap mdev could go, host by host ([--host URI]... [--format text|json|csv|html])", fleetMapCommand},
        {"evacuate", "plan (and run) moving every AP guest off a host (--host URI [--to URI,...] [--dry-run])", evacuateCommand},
        {"stream", "encode or decode a vfio_ap migration stream (encode|decode)", streamCommand},
        {"dump-script", "print the shell command that dumps a host's AP sysfs in one stream", dumpScriptCommand},
    };
    return list;
}

QString usage()
{
    QString s = QStringLiteral("usage: apconsole-cli COMMAND [OPTIONS]\n       apconsole-cli --help | --version\n\n"
                               "Commands:\n");
    for (const Command &c : commands())
        s += QStringLiteral("  %1 %2\n").arg(QLatin1String(c.name), -12).arg(QLatin1String(c.summary));
    s += QStringLiteral("\nHosts: demo:NAME, sysfs:/ROOT, ssh://[user@]host[:port][/ROOT], qemu:///system, test:///FILE.xml\n"
                        "Run 'apconsole-cli COMMAND --help' for a command's options.\n"
                        "Exit codes: 0 success, 1 failed or not ready, 2 usage error, 3 a host could not be read.\n");
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("apconsole"));
    QCoreApplication::setApplicationName(QStringLiteral("apconsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(APCONSOLE_VERSION));

    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        ap::cli::err(usage());
        return ap::cli::Usage;
    }
    const QString first = args.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        ap::cli::out(usage());
        return ap::cli::Ok;
    }
    if (first == QLatin1String("--version")) {
        ap::cli::out(QStringLiteral("apconsole-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return ap::cli::Ok;
    }
    for (const Command &c : commands())
        if (first == QLatin1String(c.name))
            return c.run(QStringList{args.at(0) + QLatin1Char(' ') + first} + args.mid(2));
    ap::cli::err(QStringLiteral("apconsole-cli: unknown command '%1'\n").arg(first) + usage());
    return ap::cli::Usage;
}

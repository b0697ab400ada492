// apconsole-cli mdev define|modify|start|stop|undefine|autostart: persistent definitions through
// mdevctl, asked against ap-check's rules before anything is written.
#include "clicommon.h"
#include "commands.h"

#include <definitions/definitionrequest.h>
#include <definitions/mdevctljson.h>
#include <sysfs/attributeparsers.h>

#include <QFile>

namespace ap::cli {

namespace {

using Kind = definitions::DefinitionRequest::Kind;

} // namespace

int mdevCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli mdev define|modify|start|stop|undefine|autostart --host URI --uuid UUID "
                                         "[--file MDEVCTL.json] [--auto|--manual] [--dry-run]");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("define, modify, start, stop, undefine or autostart"));
    p.addOption({QStringLiteral("host"), QStringLiteral("The host."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("uuid"), QStringLiteral("The mdev."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("file"), QStringLiteral("The configuration in mdevctl's JSON format (define, modify; start: a transient mdev)."),
                 QStringLiteral("MDEVCTL.json")});
    p.addOption({QStringLiteral("auto"), QStringLiteral("Start at boot.")});
    p.addOption({QStringLiteral("manual"), QStringLiteral("Do not start at boot.")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Check the rules only; write nothing.")});
    if (!parseOrUsage(p, args, usage))
        return Usage;
    const QStringList actions = {QStringLiteral("define"), QStringLiteral("modify"), QStringLiteral("start"), QStringLiteral("stop"),
                                 QStringLiteral("undefine"), QStringLiteral("autostart")};
    const QString action = p.positionalArguments().value(0);
    const QString uuid = p.value(QStringLiteral("uuid")).toLower();
    const bool hasFile = p.isSet(QStringLiteral("file"));
    const bool autoSet = p.isSet(QStringLiteral("auto")), manualSet = p.isSet(QStringLiteral("manual"));
    const auto usageError = [&usage](const QString &why) {
        err(QStringLiteral("apconsole-cli: mdev: %1\nusage: %2\n").arg(why, usage));
        return int(Usage);
    };
    if (p.positionalArguments().size() != 1 || !actions.contains(action))
        return usageError(QStringLiteral("the action must be one of define, modify, start, stop, undefine, autostart"));
    if (!p.isSet(QStringLiteral("host")) || !sysfs::isCanonicalUuid(uuid))
        return usageError(QStringLiteral("--host and --uuid (an mdev UUID) are needed"));
    if (autoSet && manualSet)
        return usageError(QStringLiteral("--auto and --manual exclude each other"));
    if (hasFile && action != QLatin1String("define") && action != QLatin1String("modify") && action != QLatin1String("start"))
        return usageError(QStringLiteral("--file goes with define, modify or start"));
    if ((autoSet || manualSet) && action != QLatin1String("define") && action != QLatin1String("modify") && action != QLatin1String("autostart"))
        return usageError(QStringLiteral("--auto and --manual go with define, modify or autostart"));
    if (action == QLatin1String("modify") && !hasFile && !autoSet && !manualSet)
        return usageError(QStringLiteral("modify needs --file or --auto/--manual"));

    std::optional<MdevDefinition> fromFile;
    if (hasFile) {
        const QString path = p.value(QStringLiteral("file"));
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            err(QStringLiteral("apconsole-cli: %1: %2\n").arg(path, f.errorString()));
            return Usage;
        }
        auto d = definitions::parseConfig(f.readAll(), path, uuid);
        if (!d) {
            err(QStringLiteral("apconsole-cli: %1: %2 (%3)\n").arg(d.error().where, d.error().detail, d.error().hint));
            return Usage;
        }
        fromFile = *d;
    }

    auto store = lazyStore();
    auto backend = openHost(p.value(QStringLiteral("host")), store);
    if (!backend)
        return HostUnreadable;
    const auto host = readHost(*backend);
    if (!host)
        return HostUnreadable;

    definitions::DefinitionRequest r;
    r.uuid = uuid;
    const std::optional<bool> startMode = autoSet ? std::optional<bool>(true) : manualSet ? std::optional<bool>(false) : std::nullopt;
    if (action == QLatin1String("define") || action == QLatin1String("modify")) {
        r.kind = action == QLatin1String("define") ? Kind::Define : Kind::Modify;
        if (fromFile) {
            r.definition = *fromFile;
        } else if (action == QLatin1String("define")) {
            // Like `mdevctl define --uuid` of an active mdev: its running matrix becomes the definition.
            const Mdev *m = host->mdev(uuid);
            if (!m) {
                err(QStringLiteral("apconsole-cli: mdev %1 is not active on %2: define needs --file\n").arg(uuid, host->host));
                return Failed;
            }
            r.definition = definitions::definitionOf(uuid, MatrixAssignment::of(*m), false);
        } else {
            const MdevDefinition *existing = host->definitions ? host->definitions->find(uuid) : nullptr;
            r.kind = Kind::SetAutostart; // modify --auto/--manual alone changes only the start mode
            r.autostart = startMode.value_or(existing && existing->autostart);
        }
        if (startMode)
            r.definition.autostart = *startMode;
        r.definition.uuid = uuid;
    } else if (action == QLatin1String("start")) {
        r.kind = fromFile ? Kind::StartTransient : Kind::Start;
        if (fromFile)
            r.definition = *fromFile;
    } else if (action == QLatin1String("stop")) {
        r.kind = Kind::Stop;
    } else if (action == QLatin1String("undefine")) {
        r.kind = Kind::Undefine;
    } else {
        r.kind = Kind::SetAutostart;
        r.autostart = startMode.value_or(true);
    }

    const definitions::Verdict verdict = definitions::check(*host, r);
    printVerdict(verdict);
    if (verdict.refused())
        return Failed;
    if (p.isSet(QStringLiteral("dry-run"))) {
        out(QStringLiteral("mdev %1 %2 on %3: acceptable (dry run, nothing written)\n").arg(action, uuid, host->host));
        return Ok;
    }
    const Status s = backend->changeDefinition(r).result();
    if (!s) {
        reportHostError(backend->uri().text, s.error());
        return s.error().code == ErrorCode::Unreachable ? HostUnreadable : Failed;
    }
    out(QStringLiteral("mdev %1 %2 on %3: done\n").arg(action, uuid, host->host));
    return Ok;
}

} // namespace ap::cli

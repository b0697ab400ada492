#include "clicommon.h"
#include "commands.h"

#include <fleet/evacuationrun.h>
#include <fleet/fleetmap.h>
#include <report/fleetrender.h>
#include <store/runrecord.h>

#include <QJsonDocument>

namespace ap::cli {

namespace {

/// Reads every host at once (each on its own backend worker); nullopt after the first failure.
std::optional<QList<HostSnapshot>> readAll(const std::vector<std::unique_ptr<HostBackend>> &backends)
{
    QList<QFuture<Result<HostSnapshot>>> reads;
    for (const auto &b : backends)
        reads.append(b->readInventory({60000}));
    QList<HostSnapshot> out;
    bool ok = true;
    for (qsizetype i = 0; i < reads.size(); ++i) {
        reads[i].waitForFinished();
        const Result<HostSnapshot> r = reads[i].resultCount() ? reads[i].result()
                                                              : Result<HostSnapshot>(makeError(ErrorCode::Canceled, backends[size_t(i)]->uri().text, QStringLiteral("read canceled")));
        if (!r) {
            reportHostError(backends[size_t(i)]->uri().text, r.error());
            ok = false;
            continue;
        }
        out.append(*r);
    }
    return ok ? std::optional(out) : std::nullopt;
}

/// Opens each host once; prints the reason and returns false for a bad address.
bool openAll(const QStringList &uris, const std::shared_ptr<Store> &store, std::vector<std::unique_ptr<HostBackend>> &out)
{
    for (const QString &u : uris) {
        auto b = openHost(u, store);
        if (!b)
            return false;
        if (std::any_of(out.cbegin(), out.cend(), [&](const auto &o) { return o->uri().text == b->uri().text; }))
            continue;
        out.push_back(std::move(b));
    }
    return true;
}

} // namespace

int fleetMapCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli fleet-map [--host URI]... [--profile v2|v3] [--format text|json|csv|html] [--output FILE]");
    QCommandLineParser p;
    p.addOption({QStringLiteral("host"), QStringLiteral("A host of the fleet (repeat; default: every host 'apconsole-cli hosts' lists)."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("profile"), QStringLiteral("The destinations' vfio_ap migration driver: v2 (default) or v3."), QStringLiteral("PROFILE"), QStringLiteral("v2")});
    p.addOption({QStringLiteral("format"), QStringLiteral("text (default), json, csv or html."), QStringLiteral("FORMAT"), QStringLiteral("text")});
    p.addOption({QStringLiteral("output"), QStringLiteral("Write to FILE instead of stdout."), QStringLiteral("FILE")});
    if (!parseOrUsage(p, args, usage))
        return Usage;
    const QString format = p.value(QStringLiteral("format"));
    const auto profile = migration::parseProfile(p.value(QStringLiteral("profile")));
    if (!profile || !p.positionalArguments().isEmpty()
        || !QStringList{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("html")}.contains(format)) {
        err(QStringLiteral("apconsole-cli: fleet-map needs --profile v2 or v3 and a format of text, json, csv or html\nusage: %1\n").arg(usage));
        return Usage;
    }
    auto store = openStore();
    const QStringList uris = p.isSet(QStringLiteral("host")) ? p.values(QStringLiteral("host")) : knownHosts(store);
    std::vector<std::unique_ptr<HostBackend>> backends;
    if (!openAll(uris, store, backends))
        return Usage;
    const auto hosts = readAll(backends);
    if (!hosts)
        return HostUnreadable;
    const fleet::FleetMap map = fleet::computeFleetMap(*hosts, *profile);
    QByteArray data;
    if (format == QLatin1String("json"))
        data = QJsonDocument(report::fleetMapJson(map)).toJson(QJsonDocument::Indented);
    else if (format == QLatin1String("csv"))
        data = report::fleetMapCsv(map);
    else if (format == QLatin1String("html"))
        data = report::fleetMapHtml(map).toUtf8();
    else
        data = report::fleetMapText(map).toUtf8();
    return writeOutput(p.value(QStringLiteral("output")), data) ? Ok : Failed;
}

int evacuateCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli evacuate --host URI [--to URI,...] [--profile v2|v3] [--parallel N] [--dry-run] [--format json|text]");
    QCommandLineParser p;
    p.addOption({QStringLiteral("host"), QStringLiteral("The host to drain of its AP guests."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("to"), QStringLiteral("Destinations, comma-separated (default: every other host 'apconsole-cli hosts' lists)."), QStringLiteral("URIS")});
    p.addOption({QStringLiteral("profile"), QStringLiteral("The hosts' vfio_ap migration driver: v2 (default) or v3."), QStringLiteral("PROFILE"), QStringLiteral("v2")});
    p.addOption({QStringLiteral("parallel"), QStringLiteral("Migrations at once (default 1: one after another)."), QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the plan and change nothing.")});
    p.addOption({QStringLiteral("format"), QStringLiteral("text (default) or json."), QStringLiteral("FORMAT"), QStringLiteral("text")});
    if (!parseOrUsage(p, args, usage))
        return Usage;
    const QString format = p.value(QStringLiteral("format"));
    const auto profile = migration::parseProfile(p.value(QStringLiteral("profile")));
    bool parallelOk = false;
    const int parallel = p.value(QStringLiteral("parallel")).toInt(&parallelOk);
    if (!p.isSet(QStringLiteral("host")) || !profile || !parallelOk || parallel < 1 || !p.positionalArguments().isEmpty()
        || (format != QLatin1String("json") && format != QLatin1String("text"))) {
        err(QStringLiteral("apconsole-cli: evacuate needs --host, --profile v2 or v3, --parallel a positive number and a format of json or text\n"
                           "usage: %1\n").arg(usage));
        return Usage;
    }
    auto store = openStore();
    QStringList uris{p.value(QStringLiteral("host"))};
    if (p.isSet(QStringLiteral("to")))
        uris += p.value(QStringLiteral("to")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    else
        uris += knownHosts(store);
    std::vector<std::unique_ptr<HostBackend>> backends;
    if (!openAll(uris, store, backends))
        return Usage;
    if (backends.size() < 2) {
        err(QStringLiteral("apconsole-cli: evacuate needs at least one destination other than %1\nusage: %2\n").arg(backends.front()->uri().text, usage));
        return Usage;
    }
    const auto hosts = readAll(backends);
    if (!hosts)
        return HostUnreadable;
    const fleet::EvacuationPlan plan = fleet::planEvacuation(hosts->first(), hosts->mid(1), *profile);
    const bool json = format == QLatin1String("json");
    if (p.isSet(QStringLiteral("dry-run")) || plan.moves.isEmpty() || !plan.validated()) {
        out(json ? QString::fromUtf8(QJsonDocument(report::evacuationPlanJson(plan)).toJson(QJsonDocument::Indented))
                 : report::evacuationPlanText(plan));
        return plan.complete() ? Ok : Failed;
    }
    QHash<QString, HostBackend *> byHost;
    for (const auto &b : backends)
        byHost.insert(b->uri().text, b.get());
    fleet::EvacuationRunOptions options;
    options.parallel = parallel;
    fleet::EvacuationCallbacks callbacks;
    if (!json)
        callbacks.moveStarted = [](int, const migration::MigrationPlan &m) {
            out(QStringLiteral("moving %1 to %2 (%3)...\n").arg(m.guest, m.targetHost, migration::strategyName(m.strategy)));
        };
    const std::atomic_bool cancel = false;
    const fleet::EvacuationRun run = fleet::runEvacuation(plan, byHost, options, callbacks, cancel);
    if (store)
        for (const fleet::MoveRun &m : run.moves)
            if (!m.plan.guest.isEmpty())
                if (auto saved = store->saveMigrationRun(migration::runRecord(m.plan, m.events, m.started)); !saved)
                    err(QStringLiteral("apconsole-cli: the run of %1 was not recorded: %2\n").arg(m.plan.guest, saved.error().toString()));
    out(json ? QString::fromUtf8(QJsonDocument(report::evacuationRunJson(plan, run)).toJson(QJsonDocument::Indented))
             : report::evacuationRunText(plan, run));
    return run.ok && plan.complete() ? Ok : Failed;
}

} // namespace ap::cli

#include "clicommon.h"
#include "commands.h"

#include <migration/blockers.h>
#include <migration/migrationplan.h>
#include <migration/runnerfactory.h>
#include <store/runrecord.h>

#include <QJsonDocument>

#include <cstdio>

namespace ap::cli {

using namespace ap::migration;

int migrateCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli migrate --source URI --target URI --guest NAME [--strategy live|replug] "
                                         "[--chunk BYTES] [--profile v2|v3] [--dry-run] [--inject FAILURE]");
    QCommandLineParser p;
    p.addOption({QStringLiteral("source"), QStringLiteral("The host the guest runs on."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("target"), QStringLiteral("The destination host."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("guest"), QStringLiteral("The guest to move."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("strategy"), QStringLiteral("live or replug (default: live where both hosts can)."), QStringLiteral("STRATEGY")});
    p.addOption({QStringLiteral("chunk"), QStringLiteral("Bytes per read/write of the device's migration stream (default 4096)."),
                 QStringLiteral("BYTES"), QStringLiteral("4096")});
    p.addOption({QStringLiteral("profile"), QStringLiteral("The hosts' vfio_ap migration driver: v2 (default) or v3."), QStringLiteral("PROFILE"), QStringLiteral("v2")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the plan and change nothing.")});
    p.addOption({QStringLiteral("no-create-mdev"), QStringLiteral("Do not create a missing destination mdev.")});
    p.addOption({QStringLiteral("inject"), QStringLiteral("Demo hosts only: inject a failure (incompatible, fewer-queues, more-queues, "
                                                          "missing-mdev, config-change, host-away)."), QStringLiteral("FAILURE")});
    if (!parseOrUsage(p, args, usage))
        return Usage;
    bool chunkOk = false;
    const qint64 chunk = p.value(QStringLiteral("chunk")).toLongLong(&chunkOk);
    const auto profile = parseProfile(p.value(QStringLiteral("profile")));
    std::optional<Strategy> strategy;
    if (p.isSet(QStringLiteral("strategy")))
        strategy = parseStrategy(p.value(QStringLiteral("strategy")));
    const auto inject = parseInjectedFailure(p.value(QStringLiteral("inject")).isEmpty() ? QStringLiteral("none") : p.value(QStringLiteral("inject")));
    if (!p.isSet(QStringLiteral("source")) || !p.isSet(QStringLiteral("target")) || !p.isSet(QStringLiteral("guest")) || !chunkOk
        || chunk <= 0 || !profile || (p.isSet(QStringLiteral("strategy")) && !strategy) || !inject || !p.positionalArguments().isEmpty()) {
        err(QStringLiteral("apconsole-cli: migrate needs --source, --target and --guest; --chunk a positive number of bytes, "
                           "--strategy live or replug, --profile v2 or v3, --inject a known failure\nusage: %1\n").arg(usage));
        return Usage;
    }
    if (!hostAddressesValid(p, {QStringLiteral("source"), QStringLiteral("target")}))
        return Usage;
    auto store = openStore();
    auto source = openHost(p.value(QStringLiteral("source")), store);
    auto target = source ? openHost(p.value(QStringLiteral("target")), store) : nullptr;
    if (!source || !target)
        return Usage;
    if (source->uri().text == target->uri().text) {
        err(QStringLiteral("apconsole-cli: the source and the destination are the same host (%1)\n").arg(source->uri().text));
        return Usage;
    }
    const auto srcState = readHost(*source);
    const auto dstState = srcState ? readHost(*target) : std::nullopt;
    if (!srcState || !dstState)
        return HostUnreadable;

    MigrationRequest request;
    request.guest = p.value(QStringLiteral("guest"));
    request.strategy = strategy;
    request.profile = *profile;
    request.createMdev = !p.isSet(QStringLiteral("no-create-mdev"));
    request.viaLibvirt = runsThroughLibvirt(*source, *target);
    if (const Guest *g = srcState->guest(request.guest))
        request.blockedReasons = askMigrationBlockers(*source, *srcState, g->mdev).reasons;
    const auto plan = buildPlan(*srcState, *dstState, request);
    if (!plan) {
        err(QStringLiteral("apconsole-cli: %1\n").arg(plan.error().toString()));
        return Usage;
    }
    RunOptions options;
    options.chunkBytes = chunk;
    options.dryRun = p.isSet(QStringLiteral("dry-run"));
    options.inject = *inject;
    const auto work = migrationWork(*source, *target, *plan, options);
    if (!work) {
        err(QStringLiteral("apconsole-cli: %1\n").arg(work.error().toString()));
        return Usage;
    }
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QList<RunEvent> events;
    const std::atomic_bool cancel = false;
    const RunEvent result = (*work)([&events](const RunEvent &e) {
        events.append(e);
        const QByteArray line = QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
    }, cancel);
    bool recorded = true;
    if (store && !options.dryRun) {
        if (auto saved = store->saveMigrationRun(runRecord(*plan, events, started, {options.inject, {}, {}})); !saved) {
            err(QStringLiteral("apconsole-cli: the run was not recorded: %1\n").arg(saved.error().toString()));
            recorded = false;
        }
    }
    if (!result.ok)
        return Failed;
    return recorded ? Ok : NotRecorded;
}

} // namespace ap::cli

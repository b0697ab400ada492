#include "clicommon.h"
#include "commands.h"

#include <common/errnonames.h>
#include <common/printable.h>
#include <migration/check.h>
#include <migration/checkinput.h>
#include <driver/migration/hwinfosource.h>
#include <driver/migration/stream.h>
#include <driver/migration/vfiostate.h>
#include <report/checkrender.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ap::cli {

using namespace ap::migration;

int checkCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli check --source URI --target URI --mdev UUID [--target-mdev UUID] "
                                         "[--profile v2|v3] [--format text|json|html|csv] [--output FILE]");
    QCommandLineParser p;
    p.addOption({QStringLiteral("source"), QStringLiteral("The host the guest runs on."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("target"), QStringLiteral("The destination host."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("mdev"), QStringLiteral("The source mdev."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("target-mdev"), QStringLiteral("The destination mdev (default: the same UUID)."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("profile"), QStringLiteral("Destination driver: v2 (default) or v3."), QStringLiteral("PROFILE"), QStringLiteral("v2")});
    p.addOption({QStringLiteral("format"), QStringLiteral("text, json, html or csv (default text)."), QStringLiteral("FORMAT"), QStringLiteral("text")});
    p.addOption({QStringLiteral("output"), QStringLiteral("Write the report to FILE (atomically) instead of stdout."), QStringLiteral("FILE")});
    if (!parseOrUsage(p, args, usage))
        return Usage;
    const auto profile = parseProfile(p.value(QStringLiteral("profile")));
    const QString format = p.value(QStringLiteral("format"));
    const QStringList formats = {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("html"), QStringLiteral("csv")};
    if (!p.isSet(QStringLiteral("source")) || !p.isSet(QStringLiteral("target")) || !p.isSet(QStringLiteral("mdev")) || !profile
        || !formats.contains(format) || !p.positionalArguments().isEmpty()) {
        err(QStringLiteral("apconsole-cli: check needs --source, --target and --mdev, a profile of v2 or v3 and a format of text, json, html or csv\nusage: %1\n").arg(usage));
        return Usage;
    }
    if (!hostAddressesValid(p, {QStringLiteral("source"), QStringLiteral("target")}))
        return Usage;
    auto store = openStore();
    auto source = openHost(p.value(QStringLiteral("source")), store);
    auto target = source ? openHost(p.value(QStringLiteral("target")), store) : nullptr;
    if (!source || !target)
        return HostUnreadable;
    // Both hosts at once, and what the source's libvirt says blocks the guest.
    auto in = readCheckInput(source.get(), target.get(), p.value(QStringLiteral("mdev")).toLower(), *profile);
    if (!in) {
        reportHostError(in.error().where, in.error());
        return HostUnreadable;
    }
    in->targetMdev = p.value(QStringLiteral("target-mdev")).toLower();
    auto report = runCheck(*in);
    if (!report) {
        err(QStringLiteral("apconsole-cli: %1: %2 (%3)\n").arg(report.error().where, report.error().detail, report.error().hint));
        return report.error().code == ErrorCode::Usage ? Usage : Failed; // a missing mdev is an answer, not a usage error
    }
    // The console's history shows checks from the command line too.
    bool recorded = true;
    if (store) {
        if (auto saved = store->saveReport(report::checkReportJson(*report)); !saved) {
            err(QStringLiteral("apconsole-cli: the report was not recorded: %1\n").arg(saved.error().toString()));
            recorded = false;
        }
    }
    QByteArray data;
    if (format == QLatin1String("json"))
        data = QJsonDocument(report::checkReportJson(*report)).toJson(QJsonDocument::Indented);
    else if (format == QLatin1String("html"))
        data = report::checkReportHtml(*report).toUtf8();
    else if (format == QLatin1String("csv"))
        data = report::checkReportCsv(*report);
    else
        data = printable(report::checkReportText(*report), true).toUtf8();
    if (!writeOutput(p.value(QStringLiteral("output")), data))
        return Failed;
    if (!report->ready)
        return Failed;
    return recorded ? Ok : NotRecorded;
}

int fsmCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli fsm --flags stop_copy[,p2p,pre_copy] FROM TO");
    QCommandLineParser p;
    p.addOption({QStringLiteral("flags"), QStringLiteral("The device's migration flags."), QStringLiteral("FLAGS"), QStringLiteral("stop_copy")});
    p.addPositionalArgument(QStringLiteral("FROM"), QStringLiteral("Current state (STOP, RUNNING, STOP_COPY, RESUMING, RUNNING_P2P, PRE_COPY, PRE_COPY_P2P, ERROR)."));
    p.addPositionalArgument(QStringLiteral("TO"), QStringLiteral("Requested state."));
    if (!parseOrUsage(p, args, usage))
        return Usage;
    const auto flags = parseMigrationFlags(p.value(QStringLiteral("flags")));
    const QStringList pos = p.positionalArguments();
    const auto from = pos.size() == 2 ? parseVfioState(pos[0]) : std::nullopt;
    const auto to = pos.size() == 2 ? parseVfioState(pos[1]) : std::nullopt;
    if (!flags || !from || !to) {
        err(QStringLiteral("apconsole-cli: fsm needs flags from stop_copy, p2p, pre_copy and two state names\nusage: %1\n").arg(usage));
        return Usage;
    }
    auto path = statePath(*from, *to, *flags);
    if (!path) {
        out(QStringLiteral("EINVAL\n"));
        return Failed;
    }
    for (VfioState s : *path)
        out(vfioStateName(s) + QLatin1Char('\n'));
    return Ok;
}

int streamCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli stream encode --host URI --mdev UUID --profile v2|v3 --output FILE\n"
                                         "       apconsole-cli stream decode --profile v2|v3 FILE");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("encode|decode"), QStringLiteral("What to do."));
    p.addOption({QStringLiteral("host"), QStringLiteral("encode: the source host."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("mdev"), QStringLiteral("encode: the source mdev."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("profile"), QStringLiteral("v2 or v3."), QStringLiteral("PROFILE")});
    p.addOption({QStringLiteral("output"), QStringLiteral("encode: the stream file to write."), QStringLiteral("FILE")});
    if (!parseOrUsage(p, args, usage))
        return Usage;
    const QStringList pos = p.positionalArguments();
    const auto profile = parseProfile(p.value(QStringLiteral("profile")));
    const QString verb = pos.value(0);
    if (!profile || (verb == QLatin1String("encode") && (pos.size() != 1 || !p.isSet(QStringLiteral("host")) || !p.isSet(QStringLiteral("mdev")) || !p.isSet(QStringLiteral("output"))))
        || (verb == QLatin1String("decode") && pos.size() != 2) || (verb != QLatin1String("encode") && verb != QLatin1String("decode"))) {
        err(QStringLiteral("apconsole-cli: stream: wrong arguments\nusage: %1\n").arg(usage));
        return Usage;
    }
    if (!hostAddressesValid(p, {QStringLiteral("host")}))
        return Usage;
    if (verb == QLatin1String("encode")) {
        auto host = readHost(p.value(QStringLiteral("host")), openStore());
        if (!host)
            return HostUnreadable;
        const QString uuid = p.value(QStringLiteral("mdev")).toLower();
        const Mdev *m = host->mdev(uuid);
        if (!m) {
            err(QStringLiteral("apconsole-cli: %1: no mdev %2\n").arg(host->host, uuid));
            return Usage;
        }
        QList<StreamEntry> entries;
        for (const Apqn q : m->guestMatrix()) {
            const auto hw = driverHwinfo(*profile, *host, q);
            if (!hw) {
                err(QStringLiteral("apconsole-cli: %1: queue %2: hwinfo cannot be read (the source driver would fail with EIO)\n").arg(host->host, q.toString()));
                return Failed;
            }
            entries.append({q, *hw});
        }
        return writeOutput(p.value(QStringLiteral("output")), encodeStream(*profile, entries)) ? Ok : Failed;
    }
    QFile f(pos[1]);
    if (!f.open(QIODevice::ReadOnly)) {
        err(QStringLiteral("apconsole-cli: cannot read %1: %2\n").arg(pos[1], f.errorString()));
        return Failed;
    }
    // Every APQN appears at most once (a repeat is refused), so no valid stream is longer than
    // 65,536 entries: anything longer is refused before it is read (/dev/zero never ends).
    const qint64 largest = streamSize(*profile, 256 * 256);
    if (f.size() > largest) {
        err(QStringLiteral("apconsole-cli: %1: %2 bytes is larger than any %3 stream can be (%4 bytes)\n").arg(pos[1]).arg(f.size()).arg(profileName(*profile)).arg(largest));
        return Failed;
    }
    const QByteArray bytes = f.read(largest + 1);
    if (bytes.size() > largest) {
        err(QStringLiteral("apconsole-cli: %1: more than %2 bytes, larger than any %3 stream can be\n").arg(pos[1]).arg(largest).arg(profileName(*profile)));
        return Failed;
    }
    auto s = decodeStream(*profile, bytes);
    if (!s) {
        err(QStringLiteral("apconsole-cli: %1: %2\n").arg(pos[1], s.error().detail));
        return Failed;
    }
    QJsonArray queues;
    for (const StreamEntry &e : s->entries)
        queues.append(QJsonObject{{QStringLiteral("apqn"), e.apqn.toString()}, {QStringLiteral("hwinfo"), e.hwinfo.toHex()}});
    QJsonObject o{{QStringLiteral("profile"), profileName(*profile)}, {QStringLiteral("num_queues"), int(s->entries.size())},
                  {QStringLiteral("bytes"), double(bytes.size())}, {QStringLiteral("queues"), queues}};
    if (*profile == DriverProfile::V3)
        o.insert(QStringLiteral("config_sz"), double(s->configSize));
    out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    return Ok;
}

} // namespace ap::cli

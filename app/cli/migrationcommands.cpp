#include "clicommon.h"
#include "commands.h"

#include <common/errnonames.h>
#include <common/printable.h>
#include <migration/check.h>
#include <migration/checkinput.h>
#include <driver/migration/revision.h>
#include <driver/migration/sourcestream.h>
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
                                         "[--profile v2|v3|v4|b|c|all] [--format text|json|html|csv] [--output FILE]");
    QCommandLineParser p;
    p.addOption({QStringLiteral("source"), QStringLiteral("The host the guest runs on."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("target"), QStringLiteral("The destination host."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("mdev"), QStringLiteral("The source mdev."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("target-mdev"), QStringLiteral("The destination mdev (default: the same UUID)."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("profile"), QStringLiteral("Destination driver revision: v2 (default), v3, v4, b, c, or all."), QStringLiteral("PROFILE"), QStringLiteral("v2")});
    p.addOption({QStringLiteral("format"), QStringLiteral("text, json, html or csv (default text)."), QStringLiteral("FORMAT"), QStringLiteral("text")});
    p.addOption({QStringLiteral("output"), QStringLiteral("Write the report to FILE (atomically) instead of stdout."), QStringLiteral("FILE")});
    if (!parseOrUsage(p, args, usage))
        return Usage;
    const bool all = p.value(QStringLiteral("profile")).compare(QLatin1String("all"), Qt::CaseInsensitive) == 0;
    const auto profile = all ? std::optional(DriverProfile::V2) : parseProfile(p.value(QStringLiteral("profile")));
    const QString format = p.value(QStringLiteral("format"));
    const QStringList formats = {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("html"), QStringLiteral("csv")};
    if (!p.isSet(QStringLiteral("source")) || !p.isSet(QStringLiteral("target")) || !p.isSet(QStringLiteral("mdev")) || !profile
        || !formats.contains(format) || !p.positionalArguments().isEmpty()) {
        err(QStringLiteral("apconsole-cli: check needs --source, --target and --mdev, a profile of v2, v3, v4, b, c or all and a format of text, json, html or csv\nusage: %1\n").arg(usage));
        return Usage;
    }
    if (all && format != QLatin1String("text") && format != QLatin1String("json")) {
        err(QStringLiteral("apconsole-cli: check --profile all prints text or json\nusage: %1\n").arg(usage));
        return Usage;
    }
    if (!hostAddressesValid(p, {QStringLiteral("source"), QStringLiteral("target")}))
        return Usage;
    auto store = lazyStore();
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
    auto one = [&]() -> Result<QList<CheckReport>> {
        auto r = runCheck(*in);
        if (!r)
            return r.error();
        return QList<CheckReport>{std::move(*r)};
    };
    auto reports = all ? runCheckAllProfiles(*in) : one();
    if (!reports) {
        err(QStringLiteral("apconsole-cli: %1: %2 (%3)\n").arg(reports.error().where, reports.error().detail, reports.error().hint));
        return reports.error().code == ErrorCode::Usage ? Usage : Failed; // a missing mdev is an answer, not a usage error
    }
    QByteArray data;
    if (all && format == QLatin1String("json")) {
        QJsonArray profiles;
        for (const CheckReport &r : *reports)
            profiles.append(report::checkReportJson(r));
        data = QJsonDocument(QJsonObject{{QStringLiteral("profiles"), profiles}}).toJson(QJsonDocument::Indented);
    } else if (all) {
        QStringList texts;
        for (const CheckReport &r : *reports)
            texts.append(report::checkReportText(r));
        data = printable(texts.join(QLatin1Char('\n')), true).toUtf8();
    } else if (format == QLatin1String("json"))
        data = QJsonDocument(report::checkReportJson(reports->first())).toJson(QJsonDocument::Indented);
    else if (format == QLatin1String("html"))
        data = report::checkReportHtml(reports->first()).toUtf8();
    else if (format == QLatin1String("csv"))
        data = report::checkReportCsv(reports->first());
    else
        data = printable(report::checkReportText(reports->first()), true).toUtf8();
    const bool written = writeOutput(p.value(QStringLiteral("output")), data);
    // The console's history shows checks from the command line too. The database is opened only
    // now, after the answer is out.
    bool recorded = true;
    if (const std::shared_ptr<Store> db = store->get()) {
        for (const CheckReport &r : *reports) {
            if (auto saved = db->saveReport(report::checkReportJson(r)); !saved) {
                err(QStringLiteral("apconsole-cli: the report was not recorded: %1\n").arg(saved.error().toString()));
                recorded = false;
                break;
            }
        }
    }
    if (!written)
        return Failed;
    if (std::any_of(reports->cbegin(), reports->cend(), [](const CheckReport &r) { return !r.ready; }))
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
    const VfioState fromState = from.value_or(VfioState::Error), toState = to.value_or(VfioState::Error);
    auto path = statePath(fromState, toState, *flags);
    if (!path) {
        out(QStringLiteral("EINVAL\n"));
        if (unpatchedKernelLocksUp(fromState, toState, *flags))
            out(QStringLiteral("note: a kernel without the 2026-06 fix of vfio_mig_get_next_state() loops here forever (soft lockup) instead of answering EINVAL\n"));
        return Failed;
    }
    for (VfioState s : *path)
        out(vfioStateName(s) + QLatin1Char('\n'));
    return Ok;
}

int streamCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli stream encode --host URI --mdev UUID --profile v2|v3|v4|b|c --output FILE\n"
                                         "       apconsole-cli stream decode --profile v2|v3|v4|b|c FILE");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("encode|decode"), QStringLiteral("What to do."));
    p.addOption({QStringLiteral("host"), QStringLiteral("encode: the source host."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("mdev"), QStringLiteral("encode: the source mdev."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("profile"), QStringLiteral("v2, v3, v4, b or c."), QStringLiteral("PROFILE")});
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
        auto host = readHost(p.value(QStringLiteral("host")), lazyStore());
        if (!host)
            return HostUnreadable;
        const QString uuid = p.value(QStringLiteral("mdev")).toLower();
        const Mdev *m = host->mdev(uuid);
        if (!m) {
            err(QStringLiteral("apconsole-cli: %1: no mdev %2\n").arg(host->host, uuid));
            return Usage;
        }
        const SourceStream s = buildSourceStream(*profile, *host, uuid);
        if (s.err) {
            err(QStringLiteral("apconsole-cli: %1: the %2 source driver's read() fails with %3\n").arg(host->host, profileName(*profile), errnoName(s.err)));
            for (const QString &l : s.log)
                err(QStringLiteral("  %1\n").arg(l));
            return Failed;
        }
        return writeOutput(p.value(QStringLiteral("output")), s.bytes) ? Ok : Failed;
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
    const HeaderLayout &h = revision(*profile).header;
    if (h.configSizeOffset >= 0)
        o.insert(QStringLiteral("config_sz"), double(s->configSize));
    if (h.admOffset >= 0)
        o.insert(QStringLiteral("control_domains"), s->controlDomains.toRanges(true));
    if (h.magicAndVersion) {
        o.insert(QStringLiteral("magic"), QStringLiteral("0x%1").arg(kStreamMagic, 8, 16, QLatin1Char('0')));
        o.insert(QStringLiteral("version"), int(kStreamVersion));
    }
    out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    return Ok;
}

} // namespace ap::cli

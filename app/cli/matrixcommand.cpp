// apconsole-cli matrix: change the matrices of one or more mdevs as one transaction, judged and
// planned by the same rule as the matrix editor (judgeMatrices) before anything is written.
#include "clicommon.h"
#include "commands.h"
#include "matrixrender.h"

#include <definitions/definitionrequest.h>
#include <editing/matrixedits.h>
#include <plan/desiredmatrices.h>
#include <sysfs/attributeparsers.h>

#include <QFile>
#include <algorithm>
#include <cerrno>
#include <QJsonDocument>

namespace ap::cli {

namespace {

const QString kUsage = QStringLiteral(
    "apconsole-cli matrix --host URI --mdev UUID [--assign-adapter IDS] [--unassign-adapter IDS] [--assign-domain IDS] "
    "[--unassign-domain IDS] [--assign-control-domain IDS] [--unassign-control-domain IDS] [--move-from UUID] "
    "[--update-definition] [--dry-run] [--format text|json]\n"
    "       apconsole-cli matrix --host URI --desired FILE [--update-definition] [--dry-run] [--format text|json]");

struct EditOption {
    const char *name;
    MatrixItem::Kind kind;
    bool assign;
    const char *help;
};
constexpr EditOption kEdits[] = {
    {"assign-adapter", MatrixItem::Kind::Adapter, true, "Adapters to assign (ids like 1,0x20,4-6)."},
    {"unassign-adapter", MatrixItem::Kind::Adapter, false, "Adapters to take away."},
    {"assign-domain", MatrixItem::Kind::Domain, true, "Usage domains to assign."},
    {"unassign-domain", MatrixItem::Kind::Domain, false, "Usage domains to take away."},
    {"assign-control-domain", MatrixItem::Kind::ControlDomain, true, "Control domains to assign."},
    {"unassign-control-domain", MatrixItem::Kind::ControlDomain, false, "Control domains to take away."},
};

/// One id: decimal or 0x-hex, 0..255.
std::optional<int> parseId(QStringView text)
{
    bool ok = false;
    const int id = text.startsWith(u"0x", Qt::CaseInsensitive) ? text.mid(2).toInt(&ok, 16) : text.toInt(&ok, 10);
    return ok && id >= 0 && id <= 255 ? std::optional(id) : std::nullopt;
}

/// "1,0x20,4-6": ids and inclusive ranges.
std::optional<IdMask> parseIds(const QString &text)
{
    IdMask m;
    for (const QString &term : text.split(QLatin1Char(','))) {
        const QStringList ends = term.trimmed().split(QLatin1Char('-'));
        if (ends.size() > 2)
            return std::nullopt;
        const auto first = parseId(ends.first());
        const auto last = parseId(ends.last());
        if (!first || !last || *last < *first)
            return std::nullopt;
        for (int id = *first; id <= *last; ++id)
            m.set(id);
    }
    return m;
}

/// The --desired file, read whole and handed to the one parser of desired matrices.
Result<MatrixTargets> readDesired(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, path, f.errorString());
    return parseDesiredMatrices(f.readAll(), path);
}

void print(const MatrixOutcome &o, bool json)
{
    out(json ? QString::fromUtf8(QJsonDocument(matrixJson(o)).toJson(QJsonDocument::Indented)) : matrixText(o));
}

} // namespace

int matrixCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("host"), QStringLiteral("The host."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("mdev"), QStringLiteral("The mdev to change."), QStringLiteral("UUID")});
    for (const EditOption &e : kEdits)
        p.addOption({QLatin1String(e.name), QLatin1String(e.help), QStringLiteral("IDS")});
    p.addOption({QStringLiteral("move-from"), QStringLiteral("Take the assigned ids away from this mdev (a move)."), QStringLiteral("UUID")});
    p.addOption({QStringLiteral("desired"), QStringLiteral("JSON with the wanted end state of one or more mdevs."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Print the verdict, the changes and the writes; write nothing.")});
    p.addOption({QStringLiteral("update-definition"),
                 QStringLiteral("Also update the persistent definition (mdevctl) of each changed mdev that has one, once the writes "
                                "succeeded; ap-check's rules are asked before anything is written.")});
    p.addOption({QStringLiteral("format"), QStringLiteral("text or json (default text)."), QStringLiteral("FORMAT"), QStringLiteral("text")});
    if (!parseOrUsage(p, args, kUsage))
        return Usage;
    const auto usageError = [](const QString &why) {
        err(QStringLiteral("apconsole-cli: matrix: %1\nusage: %2\n").arg(why, kUsage));
        return int(Usage);
    };
    const QString format = p.value(QStringLiteral("format"));
    const bool desired = p.isSet(QStringLiteral("desired"));
    const QString uuid = p.value(QStringLiteral("mdev")).toLower();
    const QString from = p.value(QStringLiteral("move-from")).toLower();
    if (!p.positionalArguments().isEmpty())
        return usageError(QStringLiteral("no arguments besides the options"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(QStringLiteral("--format is text or json"));
    if (!p.isSet(QStringLiteral("host")))
        return usageError(QStringLiteral("--host is needed"));
    if (!hostAddressesValid(p, {QStringLiteral("host")}))
        return Usage;

    QList<MatrixItem> assignItems, unassignItems;
    for (const EditOption &e : kEdits) {
        if (!p.isSet(QLatin1String(e.name)))
            continue;
        const auto ids = parseIds(p.value(QLatin1String(e.name)));
        if (!ids)
            return usageError(QStringLiteral("--%1: ids are numbers 0-255 (decimal or 0x hex), separated by commas, ranges as A-B")
                                  .arg(QLatin1String(e.name)));
        for (int id : ids->ids())
            (e.assign ? assignItems : unassignItems).append({e.kind, id, {}});
    }
    if (desired && (p.isSet(QStringLiteral("mdev")) || p.isSet(QStringLiteral("move-from")) || !assignItems.isEmpty() || !unassignItems.isEmpty()))
        return usageError(QStringLiteral("--desired goes alone: it names every mdev's end state"));
    if (!desired) {
        if (!sysfs::isCanonicalUuid(uuid))
            return usageError(QStringLiteral("--mdev (an mdev UUID) or --desired is needed"));
        if (assignItems.isEmpty() && unassignItems.isEmpty())
            return usageError(QStringLiteral("no change given: use --assign-* / --unassign-* options"));
        if (p.isSet(QStringLiteral("move-from")) && (!sysfs::isCanonicalUuid(from) || from == uuid || assignItems.isEmpty()))
            return usageError(QStringLiteral("--move-from needs another mdev's UUID and ids to assign"));
    }

    MatrixTargets targets;
    if (desired) {
        const auto read = readDesired(p.value(QStringLiteral("desired")));
        if (!read)
            return usageError(read.error().toString());
        targets = *read;
    }

    auto backend = openHost(p.value(QStringLiteral("host")), lazyStore());
    if (!backend)
        return HostUnreadable;
    const auto host = readHost(*backend);
    if (!host)
        return HostUnreadable;

    if (!desired) {
        // The editor's own rule for what an edit means (a whole adapter, a move between mdevs).
        MatrixEdits edits;
        edits.setBase(std::make_shared<const HostSnapshot>(*host));
        // Unknown mdevs stay in the targets, so that they are refused below.
        for (const QString &u : {uuid, from})
            if (!u.isEmpty() && !host->mdev(u))
                targets.insert(u, {});
        if (!assignItems.isEmpty())
            edits.setPending(edits.afterChange(uuid, assignItems, true, from));
        if (!unassignItems.isEmpty())
            edits.setPending(edits.afterChange(uuid, unassignItems, false));
        targets.insert(edits.pending());
    }

    MatrixOutcome o;
    o.host = host->host;
    o.dryRun = p.isSet(QStringLiteral("dry-run"));
    const bool json = format == QLatin1String("json");
    const QStringList wanted = targets.keys();
    const auto unknown = std::find_if(wanted.cbegin(), wanted.cend(), [&](const QString &u) { return !host->mdev(u); });
    if (unknown != wanted.cend()) {
        // The mdev's attribute files do not exist: every write to them would fail so.
        o.state = MatrixOutcome::State::Refused;
        o.err = ENOENT;
        o.reason = QStringLiteral("no mdev %1 on this host").arg(*unknown);
        print(o, json);
        return Failed;
    }
    const MatrixVerdict verdict = judgeMatrices(*host, targets, ReplayDepth::Full);
    o.plan = verdict.plan;
    if (verdict.replay.outcome.unknown != driver::Unknown::None) {
        o.state = MatrixOutcome::State::Unknown;
        o.reason = driver::unknownReason(verdict.replay.outcome.unknown);
        print(o, json);
        return Failed;
    }
    if (!verdict.accepted()) {
        o.state = MatrixOutcome::State::Refused;
        o.err = verdict.replay.outcome.err;
        o.kernelLog = verdict.replay.outcome.log;
        o.failedStep = verdict.replay.failedStep;
        print(o, json);
        return Failed;
    }
    o.changes = describeChanges(*host, verdict.replay.after);
    // The definitions to update, each asked of ap-check's rules before any write.
    QList<definitions::DefinitionRequest> updates;
    if (p.isSet(QStringLiteral("update-definition"))) {
        for (const MdevChange &c : std::as_const(o.changes)) {
            if (!c.hasDefinition || c.definitionMatchesAfter)
                continue;
            const definitions::Verdict v = definitions::checkUpdateDefinition(*host, c.uuid, c.after);
            printVerdict(v);
            if (v.refused()) {
                err(QStringLiteral("apconsole-cli: the definition of mdev %1 cannot hold the new matrix; nothing was written\n").arg(c.uuid));
                return Failed;
            }
            updates.append(definitions::updateRequest(*host, c.uuid, c.after));
            o.definitions.append({c.uuid, o.dryRun ? QStringLiteral("would-update") : QStringLiteral("not-updated")});
        }
    }
    if (verdict.plan.steps.isEmpty()) {
        o.state = MatrixOutcome::State::Unchanged;
        print(o, json);
        return Ok;
    }
    if (o.dryRun) {
        print(o, json);
        return Ok;
    }
    const Result<ApplyReport> applied = backend->apply(verdict.plan).result();
    if (!applied) {
        reportHostError(backend->uri().text, applied.error());
        return applied.error().code == ErrorCode::Unreachable ? HostUnreadable : Failed;
    }
    o.kernelLog = applied->kernelLog;
    if (applied->transport) {
        // Not the kernel's answer: the writes could not be made at all.
        reportHostError(backend->uri().text, *applied->transport);
        err(applied->failedStep == 0 ? QStringLiteral("apconsole-cli: nothing was written\n")
            : applied->rolledBack    ? QStringLiteral("apconsole-cli: the writes already made were undone\n")
                                     : QStringLiteral("apconsole-cli: not every write made could be undone; read the host again\n"));
        return HostUnreadable;
    }
    if (!applied->ok) {
        // The host changed since it was read, or it answers differently from the driver model.
        o.state = MatrixOutcome::State::Refused;
        o.err = applied->err;
        o.failedStep = applied->failedStep;
        o.rolledBack = applied->rolledBack;
        print(o, json);
        return Failed;
    }
    o.state = MatrixOutcome::State::Applied;
    // The kernel took the change; a definition that cannot follow is reported, never dropped.
    bool definitionsFailed = false;
    for (qsizetype i = 0; i < updates.size(); ++i) {
        const Status s = backend->changeDefinition(updates.at(i)).result();
        o.definitions[i].second = s ? QStringLiteral("updated") : QStringLiteral("failed: %1").arg(s.error().toString());
        if (!s) {
            definitionsFailed = true;
            err(QStringLiteral("apconsole-cli: the kernel change was applied, but the definition of mdev %1 was not updated: %2\n"
                               "  the running matrix now differs from the definition and is lost at the next reboot; "
                               "run 'apconsole-cli mdev modify --host %3 --uuid %1 --file FILE' or mdevctl modify on the host\n")
                    .arg(updates.at(i).uuid, s.error().toString(), backend->uri().text));
        }
    }
    if (const auto now = readHost(*backend))
        o.changes = describeChanges(*host, *now); // what the host reads back, not what was predicted
    print(o, json);
    if (definitionsFailed)
        return Failed;
    if (applied->notRecorded) {
        err(QStringLiteral("apconsole-cli: the writes happened, but were not recorded: %1\n").arg(applied->notRecorded->toString()));
        return NotRecorded;
    }
    return Ok;
}

} // namespace ap::cli

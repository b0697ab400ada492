#include "placement.h"

#include "../common/errnonames.h"
#include "../driver/vfioapdriver.h"
#include "../plan/matrixplan.h"
#include "../migration/check.h"
#include "../migration/migrationplan.h"
#include "../migration/readiness.h"

#include <algorithm>

namespace ap::fleet {

using migration::CheckReport;
using migration::DriverProfile;
using migration::StrategyChoice;

QString verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Live: return QStringLiteral("live");
    case Verdict::Replug: return QStringLiteral("replug");
    case Verdict::Refused: return QStringLiteral("refused");
    }
    return {};
}

QList<Guest> apGuests(const HostSnapshot &h)
{
    QList<Guest> out;
    for (const Guest &g : h.guests)
        if (!g.mdev.isEmpty() && h.mdev(g.mdev))
            out.append(g);
    return out;
}

driver::Outcome applyThroughDriver(HostSnapshot &h, const WritePlan &plan)
{
    PlanReplay replay = replayPlan(h, plan);
    h = std::move(replay.after);
    return replay.outcome;
}

WritePlan mdevCreationPlan(const HostSnapshot &destination, const Placement &p)
{
    WritePlan plan;
    plan.summary = QStringLiteral("create mdev %1 for guest %2").arg(p.mdev, p.guest);
    if (!p.createMdev)
        return plan;
    const WritePlan create = plans::createMdev(p.mdev);
    HostSnapshot after = destination;
    (void)applyThroughDriver(after, create);
    plan.steps = create.steps + plans::changeMatrix(after, p.mdev, p.matrix).steps;
    return plan;
}

namespace {

/// The destination as it would be with the guest's mdev: the existing one, or one created with
/// `matrix` through the driver model. The driver's refusal when it cannot be created.
struct Probe {
    HostSnapshot host;
    std::optional<Reason> refused;
};

Probe probeWithMdev(const HostSnapshot &destination, const QString &uuid, const MatrixAssignment &matrix)
{
    Probe p{destination, std::nullopt};
    if (destination.mdev(uuid))
        return p;
    // The writes of mdevCreationPlan, made on the probe itself.
    driver::Outcome o = applyThroughDriver(p.host, plans::createMdev(uuid));
    if (o.ok())
        o = applyThroughDriver(p.host, plans::changeMatrix(p.host, uuid, matrix));
    if (!o.ok())
        p.refused = Reason{QStringLiteral("mdev-refused"),
                           o.log.value(0, QStringLiteral("the destination driver refuses the mdev (%1)").arg(errnoName(o.err))), o.err};
    return p;
}

/// The engine's replug answer: no error that also stops replug, and every queue of the guest is
/// of a type and mode the destination's queue accepts (the driver's per-queue rule).
bool replugAccepts(const CheckReport &r)
{
    return std::none_of(r.findings.cbegin(), r.findings.cend(), migration::blocksReplug)
        && std::all_of(r.queues.cbegin(), r.queues.cend(), [](const migration::QueueComparison &q) { return q.compatible.value_or(false); });
}

Reason whyNotLive(const CheckReport &r, const StrategyChoice &c)
{
    if (!c.liveAvailable)
        return {c.liveBlockers.value(0), QStringLiteral("live migration is not possible: %1").arg(c.liveBlockers.join(u", ")), 0};
    if (!r.decision.compatible)
        return {QStringLiteral("driver-refuses"),
                r.decision.kernelLog.value(0, QStringLiteral("the destination driver answers %1").arg(errnoName(r.decision.err))), r.decision.err};
    for (const migration::Finding &f : r.findings)
        if (f.severity == migration::Severity::Error)
            return {f.id, f.message, 0};
    return {QStringLiteral("driver-refuses"), QStringLiteral("not ready"), 0};
}

Reason whyRefused(const CheckReport &r, const StrategyChoice &c)
{
    if (!c.replugAvailable)
        return {c.replugBlockers.value(0), QStringLiteral("no strategy is possible: %1").arg(c.replugBlockers.join(u", ")), 0};
    for (const migration::Finding &f : r.findings)
        if (migration::blocksReplug(f))
            return {f.id, f.message, 0};
    for (const migration::QueueComparison &q : r.queues)
        if (!q.compatible.value_or(false))
            return {QStringLiteral("queue-incompatible"),
                    QStringLiteral("APQN %1: the source's %2 is not compatible with the destination's %3")
                        .arg(q.apqn.toString(), q.sourceType, q.targetType.isEmpty() ? QStringLiteral("missing queue") : q.targetType),
                    0};
    return whyNotLive(r, c);
}

CheckReport check(const HostSnapshot &source, const QString &uuid, const HostSnapshot &target, DriverProfile profile)
{
    migration::CheckInput in;
    in.source = source;
    in.target = target;
    in.mdev = uuid;
    in.profile = profile;
    in.allRevisions = false; // one revision per pair: the map weighs many pairs
    return migration::runCheck(in).valueOr(CheckReport());
}

/// The source as the destination would see the guest after a replug onto other adapters: the
/// guest's mdev, cards, queues and master keys renamed adapter by adapter (`map`: source ->
/// destination adapter), so that the report compares each source queue with the destination
/// queue it would become.
HostSnapshot renamedSource(const HostSnapshot &source, const Mdev &mdev, const Guest &guest, const QList<std::pair<int, int>> &map)
{
    HostSnapshot v;
    v.host = source.host;
    v.description = source.description;
    v.bus = source.bus;
    v.matrix = source.matrix;
    v.secureExecutionGuest = source.secureExecutionGuest;
    Mdev m = mdev;
    m.adapters = IdMask();
    m.guestAdapters = IdMask();
    m.domains = mdev.guestDomains;
    for (const auto &[from, to] : map) {
        m.adapters.set(to);
        m.guestAdapters.set(to);
        v.bus.apmask.set(to, source.bus.apmask.test(from));
        if (const Card *c = source.card(from)) {
            Card renamed = *c;
            renamed.id = to;
            v.cards.append(renamed);
        }
        for (const Queue &q : source.queues) {
            if (q.apqn.adapter != from)
                continue;
            Queue renamed = q;
            renamed.apqn.adapter = quint8(to);
            v.queues.append(renamed);
            if (const auto it = source.lastSeenMkvps.constFind(q.apqn); it != source.lastSeenMkvps.cend())
                v.lastSeenMkvps.insert(renamed.apqn, *it);
        }
    }
    v.mdevs = {m};
    v.guests = {guest};
    v.sort();
    return v;
}

/// A replug onto other adapters: for each source adapter, in order, the first destination
/// adapter (the same id first) on which the engine accepts the guest's queues of that adapter;
/// then the whole matrix once more. nullopt when some adapter has no place.
std::optional<MatrixAssignment> remapForReplug(const HostSnapshot &source, const Mdev &mdev, const Guest &guest,
                                               const HostSnapshot &destination, DriverProfile profile)
{
    QList<std::pair<int, int>> map;
    IdMask taken;
    for (const int from : mdev.guestAdapters.ids()) {
        QList<int> candidates{from};
        for (const Card &c : destination.cards)
            if (c.id != from)
                candidates.append(c.id);
        bool placed = false;
        for (const int to : candidates) {
            if (taken.test(to) || !destination.card(to))
                continue;
            const MatrixAssignment one{IdMask::fromIds({to}), mdev.guestDomains, mdev.controlDomains};
            // The driver's question first (no copy): APQNs taken or reserved for the host.
            if (!driver::validateMatrix(destination, mdev.uuid, one.adapters, one.domains).ok())
                continue;
            const Probe probe = probeWithMdev(destination, mdev.uuid, one);
            if (probe.refused)
                continue;
            if (!replugAccepts(check(renamedSource(source, mdev, guest, {{from, to}}), mdev.uuid, probe.host, profile)))
                continue;
            map.append({from, to});
            taken.set(to);
            placed = true;
            break;
        }
        if (!placed)
            return std::nullopt;
    }
    const MatrixAssignment whole{taken, mdev.guestDomains, mdev.controlDomains};
    const Probe probe = probeWithMdev(destination, mdev.uuid, whole);
    if (probe.refused || !replugAccepts(check(renamedSource(source, mdev, guest, map), mdev.uuid, probe.host, profile)))
        return std::nullopt;
    return whole;
}

} // namespace

Placement placeGuest(const HostSnapshot &source, const QString &guestName, const HostSnapshot &destination, DriverProfile profile)
{
    Placement p;
    p.sourceHost = source.host;
    p.targetHost = destination.host;
    p.guest = guestName;
    const Guest *guest = source.guest(guestName);
    const Mdev *mdev = guest && !guest->mdev.isEmpty() ? source.mdev(guest->mdev) : nullptr;
    if (mdev)
        p.mdev = mdev->uuid;

    // The migration engine's own refusals first: guest state, a name taken, no strategy at all.
    migration::MigrationRequest request;
    request.guest = guestName;
    request.profile = profile;
    request.createMdev = false;
    const auto plan = migration::buildPlan(source, destination, request);
    if (!plan) {
        p.blocker = Reason{plan.error().code == ErrorCode::Unsupported ? QStringLiteral("no-strategy") : QStringLiteral("guest-not-movable"),
                           plan.error().detail, 0};
        return p;
    }
    const StrategyChoice &choice = plan->choice;

    // The guest's own APQNs: the only placement a live move can have.
    const Mdev *existing = destination.mdev(mdev->uuid);
    p.createMdev = !existing;
    p.matrix = existing ? MatrixAssignment::of(*existing) : MatrixAssignment{mdev->guestAdapters, mdev->guestDomains, mdev->controlDomains};
    const Probe probe = probeWithMdev(destination, mdev->uuid, p.matrix);
    Reason refusal;
    if (probe.refused) {
        refusal = *probe.refused;
    } else {
        const CheckReport report = check(source, mdev->uuid, probe.host, profile);
        if (choice.liveAvailable && report.ready) {
            p.verdict = Verdict::Live;
            return p;
        }
        if (choice.replugAvailable && replugAccepts(report)) {
            p.verdict = Verdict::Replug;
            p.blocker = whyNotLive(report, choice);
            return p;
        }
        refusal = whyRefused(report, choice);
    }

    // Replug may use other adapters of the same type and mode where the source's are taken.
    if (!existing && choice.replugAvailable) {
        if (const auto remapped = remapForReplug(source, *mdev, *guest, destination, profile)) {
            p.verdict = Verdict::Replug;
            p.matrix = *remapped;
            p.remapped = p.matrix.adapters != mdev->guestAdapters;
            p.blocker = choice.liveAvailable ? refusal : Reason{choice.liveBlockers.value(0),
                                                                  QStringLiteral("live migration is not possible: %1").arg(choice.liveBlockers.join(u", ")), 0};
            return p;
        }
    }
    p.blocker = refusal;
    return p;
}

} // namespace ap::fleet

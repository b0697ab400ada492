#include "evacuation.h"

#include "../common/errnonames.h"
#include "../migration/check.h"
#include "../migration/migrationplan.h"

#include <algorithm>

namespace ap::fleet {

QStringList EvacuationPlan::creationHosts() const
{
    QStringList hosts;
    for (const PlannedMove &m : moves)
        if (!m.creation.steps.isEmpty() && !hosts.contains(m.placement.targetHost))
            hosts.append(m.placement.targetHost);
    return hosts;
}

WritePlan EvacuationPlan::creationPlan(const QString &host) const
{
    WritePlan plan;
    QStringList guests;
    for (const PlannedMove &m : moves) {
        if (m.placement.targetHost != host || m.creation.steps.isEmpty())
            continue;
        plan.steps += m.creation.steps;
        guests.append(m.placement.guest);
    }
    plan.summary = QStringLiteral("create the mdevs of %1 on %2").arg(guests.join(u", "), host);
    return plan;
}

namespace {

void moveGuest(HostSnapshot &from, HostSnapshot &to, const QString &guest, const QString &mdev)
{
    from.guests.removeIf([&](const Guest &g) { return g.name == guest; });
    to.guests.append(Guest{guest, Guest::State::Running, mdev});
    to.sort();
}

int runningGuests(const HostSnapshot &h)
{
    return int(std::count_if(h.guests.cbegin(), h.guests.cend(), [](const Guest &g) { return g.state == Guest::State::Running; }));
}

} // namespace

EvacuationPlan planEvacuation(const HostSnapshot &source, const QList<HostSnapshot> &destinations, migration::DriverProfile profile)
{
    EvacuationPlan plan;
    plan.sourceHost = source.host;
    plan.profile = profile;
    QList<HostSnapshot> working;
    for (const HostSnapshot &d : destinations)
        if (d.host != source.host)
            working.append(d);
    QList<int> placedOn(working.size(), 0);

    // The most constrained guests first, so that a guest with one possible destination gets it.
    struct Candidate {
        Guest guest;
        int options = 0;
    };
    QList<Candidate> order;
    for (const Guest &g : apGuests(source)) {
        Candidate c{g, 0};
        for (const HostSnapshot &d : working)
            c.options += placeGuest(source, g.name, d, profile).accepted() ? 1 : 0;
        order.append(c);
    }
    std::stable_sort(order.begin(), order.end(), [](const Candidate &a, const Candidate &b) {
        return a.options != b.options ? a.options < b.options : a.guest.name < b.guest.name;
    });

    HostSnapshot remaining = source;
    for (const Candidate &c : order) {
        QList<Placement> answers;
        int best = -1;
        auto better = [&](int i, int j) {
            const Placement &a = answers.at(i), &b = answers.at(j);
            if (a.verdict != b.verdict)
                return a.verdict == Verdict::Live;
            if (placedOn.at(i) != placedOn.at(j))
                return placedOn.at(i) < placedOn.at(j);
            return runningGuests(working.at(i)) < runningGuests(working.at(j));
        };
        for (qsizetype i = 0; i < working.size(); ++i) {
            answers.append(placeGuest(remaining, c.guest.name, working.at(i), profile));
            if (answers.last().accepted() && (best < 0 || better(int(i), best)))
                best = int(i);
        }
        if (best < 0) {
            Unplaced u;
            u.guest = c.guest.name;
            u.mdev = c.guest.mdev;
            u.candidates = answers;
            u.reason = answers.isEmpty() ? Reason{QStringLiteral("no-destination"), QStringLiteral("no destination host"), 0}
                                         : answers.first().blocker.value_or(Reason());
            plan.unplaced.append(u);
            continue;
        }
        PlannedMove move;
        move.placement = answers.at(best);
        HostSnapshot &dest = working[best];
        move.creation = mdevCreationPlan(dest, move.placement);
        (void)applyThroughDriver(dest, move.creation);
        moveGuest(remaining, dest, c.guest.name, c.guest.mdev);
        placedOn[best] += 1;
        plan.moves.append(move);
    }
    plan.replayProblems = replayEvacuation(plan, source, destinations);
    return plan;
}

QStringList replayEvacuation(const EvacuationPlan &plan, const HostSnapshot &source, const QList<HostSnapshot> &destinations)
{
    QStringList problems;
    HostSnapshot src = source;
    QHash<QString, HostSnapshot> dests;
    for (const HostSnapshot &d : destinations)
        if (d.host != source.host)
            dests.insert(d.host, d);
    for (const PlannedMove &m : plan.moves) {
        const Placement &p = m.placement;
        auto it = dests.find(p.targetHost);
        if (it == dests.end()) {
            problems.append(QStringLiteral("%1: the destination %2 is not in the fleet").arg(p.guest, p.targetHost));
            continue;
        }
        HostSnapshot &dest = *it;
        if (const driver::Outcome o = applyThroughDriver(dest, m.creation); !o.ok()) {
            problems.append(QStringLiteral("%1: creating mdev %2 on %3 is refused (%4): %5")
                                .arg(p.guest, p.mdev, p.targetHost, errnoName(o.err), o.log.value(0)));
            continue;
        }
        const Mdev *created = dest.mdev(p.mdev);
        if (!created || MatrixAssignment::of(*created) != p.matrix)
            problems.append(QStringLiteral("%1: mdev %2 on %3 does not hold the planned matrix").arg(p.guest, p.mdev, p.targetHost));
        for (const Apqn q : p.apqns())
            if (const QStringList others = dest.mdevsAssigning(q, p.mdev); !others.isEmpty())
                problems.append(QStringLiteral("%1: APQN %2 on %3 is also assigned to %4").arg(p.guest, q.toString(), p.targetHost, others.join(u", ")));
        migration::MigrationRequest request;
        request.guest = p.guest;
        request.profile = plan.profile;
        request.strategy = p.verdict == Verdict::Live ? migration::Strategy::Live : migration::Strategy::Replug;
        request.createMdev = false;
        const auto run = migration::buildPlan(src, dest, request);
        if (!run) {
            problems.append(QStringLiteral("%1: the migration to %2 cannot be planned: %3").arg(p.guest, p.targetHost, run.error().detail));
            continue;
        }
        const Mdev *own = src.mdev(p.mdev);
        if (p.verdict == Verdict::Live) {
            const migration::DriverDecision d = migration::decide(plan.profile, src, p.mdev, dest, p.mdev);
            if (!d.compatible)
                problems.append(QStringLiteral("%1: the driver on %2 refuses the stream (%3)").arg(p.guest, p.targetHost, errnoName(d.err)));
        } else if (!own || !created || own->guestMatrix().size() != created->guestMatrix().size()) {
            problems.append(QStringLiteral("%1: after the replug on %2 the guest would not see all its queues").arg(p.guest, p.targetHost));
        }
        moveGuest(src, dest, p.guest, p.mdev);
    }
    return problems;
}

} // namespace ap::fleet

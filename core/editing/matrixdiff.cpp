#include "matrixdiff.h"

namespace ap {

namespace {

int apqns(const IdMask &adapters, const IdMask &domains) { return adapters.count() * domains.count(); }

} // namespace

QList<MdevChange> describeChanges(const HostSnapshot &before, const HostSnapshot &after)
{
    QList<MdevChange> out;
    for (const Mdev &a : after.mdevs) {
        const Mdev *b = before.mdev(a.uuid);
        if (!b || MatrixAssignment::of(*b) == MatrixAssignment::of(a))
            continue;
        MdevChange c;
        c.uuid = a.uuid;
        c.before = MatrixAssignment::of(*b);
        c.after = MatrixAssignment::of(a);
        c.adaptersAdded = a.adapters.minus(b->adapters);
        c.adaptersRemoved = b->adapters.minus(a.adapters);
        c.domainsAdded = a.domains.minus(b->domains);
        c.domainsRemoved = b->domains.minus(a.domains);
        c.controlDomainsAdded = a.controlDomains.minus(b->controlDomains);
        c.controlDomainsRemoved = b->controlDomains.minus(a.controlDomains);
        c.apqnsBefore = apqns(b->adapters, b->domains);
        c.apqnsAfter = apqns(a.adapters, a.domains);
        c.guestApqnsBefore = apqns(b->guestAdapters, b->guestDomains);
        c.guestApqnsAfter = apqns(a.guestAdapters, a.guestDomains);
        if (const Guest *g = after.guestOfMdev(a.uuid)) {
            c.guest = g->name;
            c.guestRunning = g->state != Guest::State::ShutOff;
        }
        const MdevDefinition *d = after.definitions ? after.definitions->find(a.uuid) : nullptr;
        c.hasDefinition = d || a.persistent.value_or(false);
        c.definitionMatchesAfter = d && d->matrix == c.after;
        out.append(c);
    }
    return out;
}

} // namespace ap

#include "matrixplan.h"

#include "../driver/vfioapdriver.h"
#include "../sysfs/attributeparsers.h"

#include <algorithm>

namespace ap {

PlanReplay replayPlan(const HostSnapshot &h, const WritePlan &plan, ReplayDepth depth)
{
    PlanReplay r{{}, -1, h};
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const SysfsWrite &w = plan.steps.at(i).write;
        driver::Outcome o = driver::writeAttribute(r.after, w.path, w.value, driver::Derive::Later);
        r.outcome.log += o.log;
        if (!o.ok()) {
            r.outcome.err = o.err;
            r.failedStep = int(i);
            break;
        }
    }
    if (depth == ReplayDepth::Full)
        driver::refreshDerivedState(r.after);
    return r;
}

namespace plans {

namespace {

using K = driver::WritableAttribute::Kind;

QString attr(K kind, const QString &uuid) { return driver::writablePath({kind, uuid}); }
QByteArray hexId(int id) { return "0x" + QByteArray::number(id, 16) + '\n'; }
QString idText(int id) { return QStringLiteral("0x") + QString::number(id, 16).rightJustified(2, QLatin1Char('0')); }

MatrixAssignment currentOf(const HostSnapshot &h, const QString &uuid)
{
    const Mdev *m = h.mdev(uuid);
    return m ? MatrixAssignment::of(*m) : MatrixAssignment{};
}

MatrixAssignment intersect(const MatrixAssignment &a, const MatrixAssignment &b)
{
    return {a.adapters & b.adapters, a.domains & b.domains, a.controlDomains & b.controlDomains};
}

/// The mdevs that change, in UUID order so that the same change always gives the same plan.
QStringList changing(const HostSnapshot &h, const MatrixTargets &targets)
{
    QStringList out;
    for (auto it = targets.cbegin(); it != targets.cend(); ++it)
        if (currentOf(h, it.key()) != it.value())
            out.append(it.key());
    std::sort(out.begin(), out.end());
    return out;
}

struct IdPart {
    K assign;
    K unassign;
    const char *noun;
    IdMask MatrixAssignment::*mask;
};
// Removals run control domains, domains, adapters; additions the reverse. The order within a
// phase does not decide what is reachable (see changeMatrices), it only keeps plans stable.
constexpr IdPart kParts[] = {
    {K::AssignControlDomain, K::UnassignControlDomain, "control domain", &MatrixAssignment::controlDomains},
    {K::AssignDomain, K::UnassignDomain, "domain", &MatrixAssignment::domains},
    {K::AssignAdapter, K::UnassignAdapter, "adapter", &MatrixAssignment::adapters},
};

void addIdSteps(WritePlan &p, const QString &uuid, const IdPart &part, const IdMask &ids, bool removal)
{
    for (int id : ids.ids()) {
        const SysfsWrite doIt{attr(removal ? part.unassign : part.assign, uuid), hexId(id)};
        const SysfsWrite undo{attr(removal ? part.assign : part.unassign, uuid), hexId(id)};
        p.steps.append({doIt, undo,
                        QStringLiteral("%1 %2 %3 %4 mdev %5")
                            .arg(QLatin1String(removal ? "unassign" : "assign"), QLatin1String(part.noun), idText(id),
                                 QLatin1String(removal ? "from" : "to"), uuid)});
    }
}

/// Without ap_config: an assignment is validated against the matrix as it stands. Once every
/// mdev holds only ids it keeps, each intermediate matrix is a subset of an end matrix, so if
/// the end state has no shared or reserved APQN, neither has any state on the way.
void perIdSteps(WritePlan &p, const HostSnapshot &h, const MatrixTargets &targets, const QStringList &order)
{
    for (const QString &u : order)
        for (const IdPart &part : kParts)
            addIdSteps(p, u, part, (currentOf(h, u).*part.mask).minus(targets[u].*part.mask), true);
    for (const QString &u : order)
        for (auto it = std::rbegin(kParts); it != std::rend(kParts); ++it)
            addIdSteps(p, u, *it, (targets[u].*(it->mask)).minus(currentOf(h, u).*(it->mask)), false);
}

QByteArray configText(const MatrixAssignment &a) { return sysfs::formatApConfig({a.adapters, a.domains, a.controlDomains}); }

void addConfigStep(WritePlan &p, HostSnapshot &trial, const QString &uuid, const MatrixAssignment &next, bool keepOnly)
{
    const MatrixAssignment before = currentOf(trial, uuid);
    const QString action = keepOnly ? QStringLiteral("write ap_config of mdev %1, keeping only what stays (frees the rest for another mdev)")
                                    : QStringLiteral("write ap_config of mdev %1");
    p.steps.append({{attr(K::ApConfig, uuid), configText(next)}, SysfsWrite{attr(K::ApConfig, uuid), configText(before)}, action.arg(uuid)});
    if (Mdev *m = trial.mdev(uuid)) {
        m->adapters = next.adapters;
        m->domains = next.domains;
        m->controlDomains = next.controlDomains;
    }
}

/// With ap_config: the kernel validates each whole matrix against the others as they stand.
/// An mdev is written as soon as its end state fits; when none fits, an mdev that holds ids it
/// gives up writes what it keeps first (those writes only remove, so they always fit). Every
/// mdev is then a subset of its end state, and the argument of perIdSteps applies.
void configSteps(WritePlan &p, const HostSnapshot &h, const MatrixTargets &targets, QStringList order)
{
    HostSnapshot trial = h;
    QStringList reduced;
    while (!order.isEmpty()) {
        const auto fits = std::find_if(order.cbegin(), order.cend(), [&](const QString &u) {
            const MatrixAssignment &t = targets[u];
            return trial.mdev(u) && driver::checkConfig(trial, u, t.adapters, t.domains, t.controlDomains).ok();
        });
        if (fits != order.cend()) {
            addConfigStep(p, trial, *fits, targets[*fits], false);
            order.removeAt(fits - order.cbegin());
            continue;
        }
        const auto gives = std::find_if(order.cbegin(), order.cend(), [&](const QString &u) {
            const MatrixAssignment now = currentOf(trial, u);
            return trial.mdev(u) && !reduced.contains(u) && intersect(now, targets[u]) != now;
        });
        if (gives == order.cend())
            break;
        reduced.append(*gives);
        addConfigStep(p, trial, *gives, intersect(currentOf(trial, *gives), targets[*gives]), true);
    }
    // No order reaches what is left: write it anyway, so that the replay names the kernel's reason.
    for (const QString &u : order)
        addConfigStep(p, trial, u, targets[u], false);
}

} // namespace

WritePlan changeMatrices(const HostSnapshot &h, const MatrixTargets &targets)
{
    WritePlan p;
    const QStringList order = changing(h, targets);
    p.summary = order.size() == 1 ? QStringLiteral("change the matrix of mdev %1").arg(order.constFirst())
                                  : QStringLiteral("change the matrices of mdevs %1").arg(order.join(QStringLiteral(", ")));
    if (h.matrix.has(u"ap_config"))
        configSteps(p, h, targets, order);
    else
        perIdSteps(p, h, targets, order);
    return p;
}

WritePlan changeMatrix(const HostSnapshot &h, const QString &uuid, const MatrixAssignment &target)
{
    WritePlan p = changeMatrices(h, {{uuid, target}});
    p.summary = QStringLiteral("change the matrix of mdev %1").arg(uuid);
    return p;
}

} // namespace plans

namespace {

/// What keeps the driver model from answering for `h`: rules fed placeholders would promise
/// what the kernel may refuse.
driver::Unknown blindSpot(const HostSnapshot &h, const MatrixTargets &targets)
{
    if (!h.apDetailKnown)
        return driver::Unknown::ApDetail;
    if (!h.bus.apmaskKnown || !h.bus.aqmaskKnown)
        return driver::Unknown::HostMasks;
    for (auto it = targets.cbegin(); it != targets.cend(); ++it)
        if (const Mdev *m = h.mdev(it.key()); m && !m->matrixKnown)
            return driver::Unknown::MdevMatrix;
    return driver::Unknown::None;
}

} // namespace

MatrixVerdict judgeMatrices(const HostSnapshot &h, const MatrixTargets &targets, ReplayDepth depth)
{
    MatrixVerdict v;
    if (const driver::Unknown blind = blindSpot(h, targets); blind != driver::Unknown::None) {
        v.replay.outcome.unknown = blind;
        v.replay.after = h;
        return v;
    }
    v.plan = plans::changeMatrices(h, targets);
    v.replay = replayPlan(h, v.plan, depth);
    return v;
}

} // namespace ap

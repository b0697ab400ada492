#include "writeplan.h"

#include "../driver/vfioapdriver.h"
#include "../sysfs/attributeparsers.h"
#include "../sysfs/paths.h"

namespace ap::plans {

namespace {
using K = driver::WritableAttribute::Kind;

QString attr(K kind, const QString &uuid = {}) { return driver::writablePath({kind, uuid}); }

QByteArray hexId(int id) { return "0x" + QByteArray::number(id, 16) + '\n'; }

void addIdSteps(WritePlan &p, const QString &uuid, const IdMask &from, const IdMask &to, K assignKind,
                K unassignKind, const char *noun, bool removals)
{
    const IdMask ids = removals ? from.minus(to) : to.minus(from);
    for (int id : ids.ids()) {
        const SysfsWrite doIt{attr(removals ? unassignKind : assignKind, uuid), hexId(id)};
        const SysfsWrite undo{attr(removals ? assignKind : unassignKind, uuid), hexId(id)};
        p.steps.append({doIt, undo,
                        QStringLiteral("%1 %2 0x%3 %4 mdev %5")
                            .arg(QLatin1String(removals ? "unassign" : "assign"), QLatin1String(noun),
                                 QString::number(id, 16).rightJustified(2, QLatin1Char('0')),
                                 QLatin1String(removals ? "from" : "to"), uuid)});
    }
}
} // namespace

WritePlan changeMatrix(const HostSnapshot &h, const QString &uuid, const MatrixAssignment &target)
{
    WritePlan p;
    p.summary = QStringLiteral("change the matrix of mdev %1").arg(uuid);
    const Mdev *m = h.mdev(uuid);
    const MatrixAssignment current = m ? MatrixAssignment{m->adapters, m->domains, m->controlDomains} : MatrixAssignment{};
    if (current == target)
        return p;
    if (h.matrix.has(u"ap_config")) {
        const QByteArray next = sysfs::formatApConfig({target.adapters, target.domains, target.controlDomains});
        const QByteArray prev = sysfs::formatApConfig({current.adapters, current.domains, current.controlDomains});
        p.steps.append({{attr(K::ApConfig, uuid), next}, SysfsWrite{attr(K::ApConfig, uuid), prev},
                        QStringLiteral("write ap_config of mdev %1").arg(uuid)});
        return p;
    }
    addIdSteps(p, uuid, current.controlDomains, target.controlDomains, K::AssignControlDomain, K::UnassignControlDomain, "control domain", true);
    addIdSteps(p, uuid, current.domains, target.domains, K::AssignDomain, K::UnassignDomain, "domain", true);
    addIdSteps(p, uuid, current.adapters, target.adapters, K::AssignAdapter, K::UnassignAdapter, "adapter", true);
    addIdSteps(p, uuid, current.adapters, target.adapters, K::AssignAdapter, K::UnassignAdapter, "adapter", false);
    addIdSteps(p, uuid, current.domains, target.domains, K::AssignDomain, K::UnassignDomain, "domain", false);
    addIdSteps(p, uuid, current.controlDomains, target.controlDomains, K::AssignControlDomain, K::UnassignControlDomain, "control domain", false);
    return p;
}

WritePlan createMdev(const QString &uuid)
{
    WritePlan p;
    p.summary = QStringLiteral("create mdev %1").arg(uuid);
    p.steps.append({{attr(K::CreateMdev), uuid.toLatin1() + '\n'}, SysfsWrite{attr(K::RemoveMdev, uuid), "1\n"},
                    QStringLiteral("create mdev %1").arg(uuid)});
    return p;
}

WritePlan removeMdev(const QString &uuid)
{
    WritePlan p;
    p.summary = QStringLiteral("remove mdev %1").arg(uuid);
    p.steps.append({{attr(K::RemoveMdev, uuid), "1\n"}, std::nullopt, QStringLiteral("remove mdev %1").arg(uuid)});
    return p;
}

WritePlan setApmask(const HostSnapshot &h, const IdMask &mask)
{
    WritePlan p;
    p.summary = QStringLiteral("set apmask");
    p.steps.append({{attr(K::Apmask), mask.toHex().toLatin1() + '\n'}, SysfsWrite{attr(K::Apmask), h.bus.apmask.toHex().toLatin1() + '\n'},
                    QStringLiteral("set apmask to %1").arg(mask.toHex())});
    return p;
}

WritePlan setAqmask(const HostSnapshot &h, const IdMask &mask)
{
    WritePlan p;
    p.summary = QStringLiteral("set aqmask");
    p.steps.append({{attr(K::Aqmask), mask.toHex().toLatin1() + '\n'}, SysfsWrite{attr(K::Aqmask), h.bus.aqmask.toHex().toLatin1() + '\n'},
                    QStringLiteral("set aqmask to %1").arg(mask.toHex())});
    return p;
}

} // namespace ap::plans

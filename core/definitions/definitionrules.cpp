#include "definitionrules.h"

#include "../driver/vfioapdriver.h"

#include <cerrno>

namespace ap::definitions {

namespace {

Finding finding(Rule rule, RefusedBy by, std::optional<Apqn> apqn = std::nullopt, QString other = {}, int id = -1,
                QString value = {}, int kernelErrno = 0)
{
    Finding f{rule, by, apqn, std::move(other), id, std::move(value), kernelErrno};
    return f;
}

QString apqnText(const std::optional<Apqn> &q)
{
    // ap-check prints APQNs as decimal "adapter.domain".
    return q ? QStringLiteral("%1.%2").arg(q->adapter).arg(q->domain) : QString();
}

/// Every APQN of `m` that `a` x `d` also holds, adapters outer, domains inner (ap-check's order).
QList<Apqn> overlap(const MatrixAssignment &m, const IdMask &a, const IdMask &d)
{
    return crossProduct(m.adapters & a, m.domains & d);
}

/// The kernel's answers ap-check does not give: ids above the host's limits, list values.
void addConsoleOnly(const HostSnapshot &h, const MdevDefinition &d, QList<Finding> &out)
{
    const int maxA = driver::maxAdapterId(h);
    const int maxD = driver::maxDomainId(h);
    const auto above = [&](const IdMask &ids, int max) {
        for (int id : ids.ids())
            if (id > max)
                out.append(finding(Rule::IdAboveMaximum, RefusedBy::Kernel, std::nullopt, {}, id, {}, ENODEV));
    };
    above(d.matrix.adapters, maxA);
    above(d.matrix.domains, maxD);
    above(d.matrix.controlDomains, maxD);
    for (const QString &v : d.listValues)
        out.append(finding(Rule::ListValue, RefusedBy::Kernel, std::nullopt, {}, -1, v, EINVAL));
}

/// The checks of ap-check's define and modify once the definition's existence is settled.
void addDefinitionChecks(const HostSnapshot &h, const MdevDefinition &d, QList<Finding> &out)
{
    if (d.autostart) {
        for (const MdevDefinition &other : h.definitions->definitions) {
            if (other.uuid == d.uuid || !other.autostart)
                continue;
            for (Apqn q : overlap(d.matrix, other.matrix.adapters, other.matrix.domains))
                out.append(finding(Rule::AutostartClash, RefusedBy::ApCheck, q, other.uuid));
        }
        for (Apqn q : overlap(d.matrix, effectivePersistentApmask(h), effectivePersistentAqmask(h)))
            out.append(finding(Rule::PersistentMaskBlocks, RefusedBy::ApCheck, q));
    }
    addConsoleOnly(h, d, out);
}

/// ap-check's start checks for a matrix (and the kernel's stricter ones).
Verdict startChecks(const HostSnapshot &h, const MdevDefinition &d)
{
    Verdict v;
    if (!h.matrix.present) {
        v.findings.append(finding(Rule::VfioApNotLoaded, RefusedBy::ApCheck));
        return v;
    }
    if (h.mdev(d.uuid)) {
        v.findings.append(finding(Rule::AlreadyActive, RefusedBy::Mdevctl, std::nullopt, d.uuid));
        return v;
    }
    if (d.matrix.domains.isEmpty() && !d.matrix.controlDomains.isEmpty()) {
        v.findings.append(finding(Rule::ControlWithoutUsage, RefusedBy::ApCheck));
        return v;
    }
    for (const Mdev &m : h.mdevs) {
        if (m.uuid == d.uuid)
            continue;
        for (Apqn q : overlap(d.matrix, m.adapters, m.domains))
            v.findings.append(finding(Rule::ActiveClash, RefusedBy::ApCheck, q, m.uuid, -1, {}, EADDRINUSE));
    }
    for (Apqn q : overlap(d.matrix, h.bus.apmask, h.bus.aqmask))
        v.findings.append(finding(Rule::ActiveMaskBlocks, RefusedBy::ApCheck, q, {}, -1, {}, EADDRNOTAVAIL));
    addConsoleOnly(h, d, v.findings);
    return v;
}

Verdict unknownDefinitions()
{
    Verdict v;
    v.unknown = QStringLiteral("the host's persistent mdev definitions are not known");
    return v;
}

} // namespace

bool Verdict::apCheckRefuses() const
{
    for (const Finding &f : findings)
        if (f.by == RefusedBy::ApCheck)
            return true;
    return false;
}

IdMask effectivePersistentApmask(const HostSnapshot &h)
{
    return h.definitions && h.definitions->masks.apmask ? *h.definitions->masks.apmask : h.bus.apmask;
}

IdMask effectivePersistentAqmask(const HostSnapshot &h)
{
    return h.definitions && h.definitions->masks.aqmask ? *h.definitions->masks.aqmask : h.bus.aqmask;
}

Verdict checkDefine(const HostSnapshot &h, const MdevDefinition &d)
{
    if (!h.definitions)
        return unknownDefinitions();
    Verdict v;
    if (h.definitions->find(d.uuid)) {
        v.findings.append(finding(Rule::DefinitionExists, RefusedBy::ApCheck, std::nullopt, d.uuid));
        return v;
    }
    addDefinitionChecks(h, d, v.findings);
    return v;
}

Verdict checkModify(const HostSnapshot &h, const MdevDefinition &d)
{
    if (!h.definitions)
        return unknownDefinitions();
    Verdict v;
    if (!h.definitions->find(d.uuid)) {
        v.findings.append(finding(Rule::DefinitionMissing, RefusedBy::ApCheck, std::nullopt, d.uuid));
        return v;
    }
    addDefinitionChecks(h, d, v.findings);
    return v;
}

Verdict checkUpdateDefinition(const HostSnapshot &h, const QString &uuid, const MatrixAssignment &matrix)
{
    if (!h.definitions)
        return unknownDefinitions();
    if (const MdevDefinition *existing = h.definitions->find(uuid)) {
        MdevDefinition d = *existing;
        d.matrix = matrix;
        return checkModify(h, d);
    }
    MdevDefinition d;
    d.uuid = uuid;
    d.matrix = matrix;
    return checkDefine(h, d);
}

Verdict checkAutostart(const HostSnapshot &h, const QString &uuid, bool autostart)
{
    if (!h.definitions)
        return unknownDefinitions();
    const MdevDefinition *existing = h.definitions->find(uuid);
    if (!existing) {
        Verdict v;
        v.findings.append(finding(Rule::DefinitionMissing, RefusedBy::ApCheck, std::nullopt, uuid));
        return v;
    }
    MdevDefinition d = *existing;
    d.autostart = autostart;
    return checkModify(h, d);
}

Verdict checkStart(const HostSnapshot &h, const QString &uuid)
{
    if (!h.definitions)
        return unknownDefinitions();
    const MdevDefinition *d = h.definitions->find(uuid);
    if (!d) {
        Verdict v;
        v.findings.append(finding(Rule::DefinitionMissing, RefusedBy::Mdevctl, std::nullopt, uuid));
        return v;
    }
    return startChecks(h, *d);
}

Verdict checkStartTransient(const HostSnapshot &h, const MdevDefinition &d)
{
    return startChecks(h, d);
}

Verdict checkStop(const HostSnapshot &h, const QString &uuid)
{
    Verdict v;
    if (!h.mdev(uuid))
        v.findings.append(finding(Rule::NotActive, RefusedBy::Mdevctl, std::nullopt, uuid));
    return v;
}

Verdict checkUndefine(const HostSnapshot &h, const QString &uuid)
{
    if (!h.definitions)
        return unknownDefinitions();
    Verdict v;
    if (!h.definitions->find(uuid))
        v.findings.append(finding(Rule::UndefineMissing, RefusedBy::ApCheck, std::nullopt, uuid));
    return v;
}

QString Finding::message() const
{
    switch (rule) {
    case Rule::DefinitionExists: return QStringLiteral("Config already exists");
    case Rule::DefinitionMissing:
        return by == RefusedBy::ApCheck ? QStringLiteral("Config doesn't exist") : QStringLiteral("mdev %1 is not defined").arg(other);
    case Rule::UndefineMissing: return QStringLiteral("Failed to read device config");
    case Rule::AutostartClash: return QStringLiteral("APQN %1 is defined for autostart by %2").arg(apqnText(apqn), other);
    case Rule::PersistentMaskBlocks:
        return QStringLiteral("APQN %1 is not defined for vfio_ap-passthrough use by the persistent ap bus mask settings").arg(apqnText(apqn));
    case Rule::VfioApNotLoaded: return QStringLiteral("vfio_ap module is not loaded");
    case Rule::ControlWithoutUsage: return QStringLiteral("At least one usage domain must be specified");
    case Rule::ActiveClash: return QStringLiteral("APQN %1 already in use by %2").arg(apqnText(apqn), other);
    case Rule::ActiveMaskBlocks:
        return QStringLiteral("APQN %1 is not allowed for vfio_ap-passthrough use by the active ap bus mask settings").arg(apqnText(apqn));
    case Rule::AlreadyActive: return QStringLiteral("mdev %1 is already active").arg(other);
    case Rule::NotActive: return QStringLiteral("mdev %1 is not active").arg(other);
    case Rule::IdAboveMaximum:
        return QStringLiteral("id %1 (0x%2) is above the host's maximum: the kernel refuses it (ENODEV); ap-check would let it through")
            .arg(id).arg(id, 2, 16, QLatin1Char('0'));
    case Rule::ListValue:
        return QStringLiteral("%1 names several ids in one attribute: the kernel refuses it (EINVAL); ap-check would let it through").arg(value);
    }
    return {};
}

QString Finding::hint() const
{
    switch (rule) {
    case Rule::DefinitionExists: return QStringLiteral("Modify the existing definition instead, or undefine it first.");
    case Rule::DefinitionMissing: return QStringLiteral("Define the mdev first.");
    case Rule::UndefineMissing: return QStringLiteral("Nothing to undefine: the mdev has no definition.");
    case Rule::AutostartClash: return QStringLiteral("Remove the APQN from one of the two definitions, or set one of them to manual start.");
    case Rule::PersistentMaskBlocks: return QStringLiteral("Release the APQN from the host in the persistent masks (chzdev --type ap apmask=… aqmask=… --persistent), or set the definition to manual start.");
    case Rule::VfioApNotLoaded: return QStringLiteral("Load the vfio_ap module (modprobe vfio_ap).");
    case Rule::ControlWithoutUsage: return QStringLiteral("Assign at least one usage domain.");
    case Rule::ActiveClash: return QStringLiteral("Remove the APQN from this mdev or from the active one, or stop the active one first.");
    case Rule::ActiveMaskBlocks: return QStringLiteral("Release the APQN from the host (apmask/aqmask) first.");
    case Rule::AlreadyActive: return QStringLiteral("Stop it first, or change the running matrix instead.");
    case Rule::NotActive: return QStringLiteral("Nothing to stop.");
    case Rule::IdAboveMaximum: return QStringLiteral("Use ids up to ap_max_adapter_id / ap_max_domain_id.");
    case Rule::ListValue: return QStringLiteral("Write one id per attribute entry.");
    }
    return {};
}

} // namespace ap::definitions

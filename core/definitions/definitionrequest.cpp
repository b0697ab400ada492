#include "definitionrequest.h"

#include "mdevctljson.h"

namespace ap::definitions {

QString DefinitionRequest::actionName() const
{
    switch (kind) {
    case Kind::Define: return QStringLiteral("define");
    case Kind::Modify:
    case Kind::SetAutostart: return QStringLiteral("modify");
    case Kind::Start:
    case Kind::StartTransient: return QStringLiteral("start");
    case Kind::Stop: return QStringLiteral("stop");
    case Kind::Undefine: return QStringLiteral("undefine");
    }
    return {};
}

Verdict check(const HostSnapshot &h, const DefinitionRequest &r)
{
    switch (r.kind) {
    case DefinitionRequest::Kind::Define: return checkDefine(h, r.definition);
    case DefinitionRequest::Kind::Modify: return checkModify(h, r.definition);
    case DefinitionRequest::Kind::Start: return checkStart(h, r.uuid);
    case DefinitionRequest::Kind::StartTransient: return checkStartTransient(h, r.definition);
    case DefinitionRequest::Kind::Stop: return checkStop(h, r.uuid);
    case DefinitionRequest::Kind::SetAutostart: return checkAutostart(h, r.uuid, r.autostart);
    case DefinitionRequest::Kind::Undefine: return checkUndefine(h, r.uuid);
    }
    return {};
}

DefinitionRequest updateRequest(const HostSnapshot &h, const QString &uuid, const MatrixAssignment &matrix)
{
    if (const MdevDefinition *existing = h.definitions ? h.definitions->find(uuid) : nullptr) {
        MdevDefinition d = *existing;
        d.matrix = matrix;
        return {DefinitionRequest::Kind::Modify, uuid, d, false};
    }
    const Mdev *m = h.mdev(uuid);
    return {DefinitionRequest::Kind::Define, uuid, definitionOf(uuid, matrix, m && m->autostart.value_or(false)), false};
}

void applyToDefinitions(HostDefinitions &defs, const DefinitionRequest &r)
{
    switch (r.kind) {
    case DefinitionRequest::Kind::Define:
    case DefinitionRequest::Kind::Modify:
        if (MdevDefinition *d = defs.find(r.uuid))
            *d = r.definition;
        else
            defs.definitions.append(r.definition);
        defs.sort();
        break;
    case DefinitionRequest::Kind::SetAutostart:
        if (MdevDefinition *d = defs.find(r.uuid))
            d->autostart = r.autostart;
        break;
    case DefinitionRequest::Kind::Undefine:
        defs.definitions.removeIf([&r](const MdevDefinition &d) { return d.uuid == r.uuid; });
        break;
    case DefinitionRequest::Kind::Start:
    case DefinitionRequest::Kind::StartTransient:
    case DefinitionRequest::Kind::Stop:
        break; // the definitions stay; the mdev's life is the driver's
    }
}

} // namespace ap::definitions

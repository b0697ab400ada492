#include "domainevent.h"

namespace ap::migration {

QString DomainEvent::guestState() const
{
    if (kind != Kind::Lifecycle)
        return {};
    switch (event) {
    case Started:
    case Resumed:
        return QStringLiteral("running");
    case Suspended:
    case PmSuspended:
        return QStringLiteral("paused");
    case Stopped:
    case Shutdown:
    case Crashed:
    case Undefined:
        return QStringLiteral("gone");
    default:
        return {};
    }
}

} // namespace ap::migration

#include "guest.h"

namespace ap {

QString guestStateName(Guest::State s)
{
    switch (s) {
    case Guest::State::Running: return QStringLiteral("running");
    case Guest::State::Paused: return QStringLiteral("paused");
    case Guest::State::ShutOff: return QStringLiteral("shut off");
    }
    return {};
}

bool parseGuestState(QStringView text, Guest::State &out)
{
    for (auto s : {Guest::State::Running, Guest::State::Paused, Guest::State::ShutOff})
        if (text == guestStateName(s)) {
            out = s;
            return true;
        }
    return false;
}

QStringList Guest::definitionOnlyMdevs() const
{
    QStringList out;
    for (const ApHostdev &d : apHostdevs)
        if (d.presence == Presence::Persistent)
            out.append(d.uuid);
    return out;
}

QString presenceName(Guest::Presence p)
{
    switch (p) {
    case Guest::Presence::Live: return QStringLiteral("live");
    case Guest::Presence::Persistent: return QStringLiteral("persistent");
    case Guest::Presence::Both: return QStringLiteral("both");
    }
    return {};
}

std::optional<Guest::Presence> parsePresence(QStringView text)
{
    for (auto p : {Guest::Presence::Live, Guest::Presence::Persistent, Guest::Presence::Both})
        if (text == presenceName(p))
            return p;
    return std::nullopt;
}

} // namespace ap

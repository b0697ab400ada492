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

} // namespace ap

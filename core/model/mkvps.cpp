#include "mkvps.h"

namespace ap {

const MkvpRegister *Mkvps::find(MkvpRegister::Kind kind, MkvpRegister::Slot slot) const
{
    for (const auto &r : registers)
        if (r.kind == kind && r.slot == slot)
            return &r;
    return nullptr;
}

QString mkvpKindName(MkvpRegister::Kind kind)
{
    switch (kind) {
    case MkvpRegister::Kind::Aes: return QStringLiteral("AES");
    case MkvpRegister::Kind::Apka: return QStringLiteral("APKA");
    case MkvpRegister::Kind::Asym: return QStringLiteral("ASYM");
    case MkvpRegister::Kind::Wk: return QStringLiteral("WK");
    }
    return {};
}

QString mkvpSlotName(MkvpRegister::Slot slot)
{
    switch (slot) {
    case MkvpRegister::Slot::New: return QStringLiteral("NEW");
    case MkvpRegister::Slot::Cur: return QStringLiteral("CUR");
    case MkvpRegister::Slot::Old: return QStringLiteral("OLD");
    }
    return {};
}

QString mkvpStateName(MkvpRegister::State state)
{
    switch (state) {
    case MkvpRegister::State::Unknown: return QStringLiteral("-");
    case MkvpRegister::State::Empty: return QStringLiteral("empty");
    case MkvpRegister::State::Partial: return QStringLiteral("partial");
    case MkvpRegister::State::Full: return QStringLiteral("full");
    case MkvpRegister::State::Invalid: return QStringLiteral("invalid");
    case MkvpRegister::State::Valid: return QStringLiteral("valid");
    case MkvpRegister::State::Uncommitted: return QStringLiteral("uncommitted");
    case MkvpRegister::State::Committed: return QStringLiteral("committed");
    }
    return {};
}

QByteArray Mkvps::toText() const
{
    QByteArray out;
    for (const auto &r : registers) {
        out += mkvpKindName(r.kind).toLatin1() + ' ' + mkvpSlotName(r.slot).toLatin1() + ": ";
        if (r.state == MkvpRegister::State::Unknown) {
            out += "- -\n";
            continue;
        }
        out += mkvpStateName(r.state).toLatin1() + ' ';
        out += r.pattern.isEmpty() ? QByteArray("-") : QByteArray("0x") + r.pattern;
        out += '\n';
    }
    return out;
}

} // namespace ap

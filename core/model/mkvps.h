#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ap {

/// One master-key register line of a queue's `mkvps` attribute.
struct MkvpRegister {
    enum class Kind : quint8 { Aes, Apka, Asym, Wk };
    enum class Slot : quint8 { New, Cur, Old };
    /// The state word; Unknown is the "- -" form (query failed or register absent).
    enum class State : quint8 { Unknown, Empty, Partial, Full, Invalid, Valid, Uncommitted, Committed };

    Kind kind = Kind::Aes;
    Slot slot = Slot::Cur;
    State state = State::Unknown;
    QByteArray pattern; ///< verification pattern as lowercase hex without "0x"; empty if none

    friend bool operator==(const MkvpRegister &, const MkvpRegister &) = default;
};

/// A queue's master key verification patterns: nine CCA lines or two EP11 lines, in the order
/// the kernel prints them.
struct Mkvps {
    enum class Flavor : quint8 { Cca, Ep11 };
    Flavor flavor = Flavor::Cca;
    QList<MkvpRegister> registers;

    const MkvpRegister *find(MkvpRegister::Kind kind, MkvpRegister::Slot slot) const;
    /// The attribute text exactly as the kernel prints it (with the trailing newline).
    QByteArray toText() const;

    friend bool operator==(const Mkvps &, const Mkvps &) = default;
};

QString mkvpKindName(MkvpRegister::Kind kind);
QString mkvpSlotName(MkvpRegister::Slot slot);
QString mkvpStateName(MkvpRegister::State state);

} // namespace ap

#pragma once

#include <QString>
#include <QHashFunctions>
#include <QtGlobal>

#include <compare>
#include <optional>

namespace ap {

/// An AP queue number: adapter (APID, card) and usage domain (APQI), each 0..255.
struct Apqn {
    quint8 adapter = 0;
    quint8 domain = 0;

    constexpr quint16 value() const { return quint16(adapter << 8 | domain); }
    static constexpr Apqn fromValue(quint16 v) { return {quint8(v >> 8), quint8(v & 0xff)}; }

    /// "aa.dddd", lowercase hex, as the kernel names queue devices ("05.0004").
    QString toString() const;
    /// Parses "aa.dddd" (hex, as in sysfs); nullopt on anything else.
    static std::optional<Apqn> parse(QStringView text);

    friend constexpr auto operator<=>(const Apqn &, const Apqn &) = default;
};

inline size_t qHash(Apqn a, size_t seed = 0) noexcept { return ::qHash(a.value(), seed); }

} // namespace ap

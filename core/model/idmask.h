#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <array>
#include <cstdint>

namespace ap {

/// A 256-bit AP id mask (adapters, usage domains or control domains) in the kernel's bit order:
/// id 0 is the most significant bit of the first 64-bit word, so the textual form reads left to
/// right ("0x41" = ids 1 and 7).
class IdMask {
public:
    static constexpr int kBits = 256;

    IdMask() = default;
    static IdMask all();
    static IdMask fromIds(const QList<int> &ids);
    /// ids first..last inclusive.
    static IdMask range(int first, int last);

    bool test(int id) const;
    void set(int id, bool on = true);
    void clear(int id) { set(id, false); }

    bool isEmpty() const;
    int count() const;
    /// Highest id set, -1 when empty.
    int highest() const;
    /// Set ids in ascending order.
    QList<int> ids() const;

    IdMask operator&(const IdMask &o) const;
    IdMask operator|(const IdMask &o) const;
    IdMask operator~() const;
    /// Bits set here and not in o.
    IdMask minus(const IdMask &o) const { return *this & ~o; }
    friend bool operator==(const IdMask &, const IdMask &) = default;

    /// "0x" + 64 lowercase hex digits, the format of apmask/aqmask and of each ap_config field.
    QString toHex() const;
    /// Compact human form: "0-15,32,128", or with hex "0x00-0x0f,0x20" (empty for an empty mask).
    QString toRanges(bool hex = false) const;

    /// The kernel's absolute mask grammar (ap_hex2bitmap): optional "0x" (or a lone 'x'), hex
    /// digits filling ids from 0 (short strings pad on the right), at most 64 digits, one
    /// optional '\n', nothing else. Empty is valid and clears. Returns false (EINVAL) on error.
    static bool parseAbsolute(QByteArrayView text, IdMask &out);
    /// The kernel's relative grammar (modify_bitmap): terms "+A", "-A", "+A-B" with auto-base
    /// numbers <= 255, separated by any number of ',' and '\n'; applied to `base`.
    static bool parseRelative(QByteArrayView text, const IdMask &base, IdMask &out);
    /// What the kernel does with a write to apmask/aqmask: relative when the first character
    /// is '+' or '-', absolute otherwise. Returns false for EINVAL.
    static bool parseMaskWrite(QByteArrayView text, const IdMask &current, IdMask &out);

    const std::array<std::uint64_t, 4> &words() const { return m_words; }

private:
    std::array<std::uint64_t, 4> m_words{};
};

} // namespace ap

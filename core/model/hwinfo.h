#pragma once

#include <QString>

#include <cstdint>

namespace ap {

/// The 64-bit TAPQ GR2 word (struct ap_tapq_hwinfo). Bit numbers are IBM's: bit 0 is the most
/// significant bit. The facility word printed by `ap_functions` is bits 0-31.
class Hwinfo {
public:
    static constexpr std::uint64_t kCardMask = 0xFFFF0000FFFF0F0FULL; ///< TAPQ_CARD_HWINFO_MASK
    static constexpr std::uint64_t kCompatMask = 0xffffc000ff000000ULL; ///< QINFO_DATA_MASK

    // Facility bits as they appear in the 32-bit `ap_functions` word.
    static constexpr std::uint32_t kFacApsc = 0x80000000u;
    static constexpr std::uint32_t kFacMex4k = 0x40000000u;
    static constexpr std::uint32_t kFacCrt4k = 0x20000000u;
    static constexpr std::uint32_t kFacCca = 0x10000000u;
    static constexpr std::uint32_t kFacAccel = 0x08000000u;
    static constexpr std::uint32_t kFacEp11 = 0x04000000u;
    static constexpr std::uint32_t kFacApxa = 0x02000000u;
    static constexpr std::uint32_t kFacSlcf = 0x01000000u;

    static constexpr std::uint8_t kClassNative = 0x80;
    static constexpr std::uint8_t kClassStateless = 0x40;

    constexpr Hwinfo() = default;
    constexpr explicit Hwinfo(std::uint64_t v) : m_value(v) {}
    /// Builds GR2 from a facility word (bits 0-31) and an AP type; other fields zero.
    static constexpr Hwinfo fromFunctions(std::uint32_t fac, int apType)
    {
        return Hwinfo(std::uint64_t(fac) << 32 | std::uint64_t(apType & 0xff) << 24);
    }

    constexpr std::uint64_t value() const { return m_value; }
    constexpr bool apsc() const { return m_value >> 63 & 1; }
    constexpr bool mex4k() const { return m_value >> 62 & 1; }
    constexpr bool crt4k() const { return m_value >> 61 & 1; }
    constexpr bool cca() const { return m_value >> 60 & 1; }
    constexpr bool accel() const { return m_value >> 59 & 1; }
    constexpr bool ep11() const { return m_value >> 58 & 1; }
    constexpr bool apxa() const { return m_value >> 57 & 1; }
    constexpr bool slcf() const { return m_value >> 56 & 1; }
    constexpr std::uint8_t classification() const { return std::uint8_t(m_value >> 48); }
    constexpr int bs() const { return int(m_value >> 46 & 3); }
    constexpr std::uint32_t reserved18to31() const { return std::uint32_t(m_value >> 32 & 0x3fff); }
    constexpr int apType() const { return int(m_value >> 24 & 0xff); }
    constexpr int domains() const { return int(m_value >> 16 & 0xff); }
    constexpr int maxMessageUnits() const { return int(m_value >> 8 & 0xf); }
    constexpr int queueDepth() const { return int(m_value & 0xf); }
    constexpr std::uint32_t facilities() const { return std::uint32_t(m_value >> 32); }
    constexpr std::uint32_t apinfo() const { return std::uint32_t(m_value); }

    constexpr Hwinfo cardMasked() const { return Hwinfo(m_value & kCardMask); }

    /// "0x" + 16 lowercase hex digits.
    QString toHex() const;

    friend constexpr bool operator==(Hwinfo, Hwinfo) = default;

private:
    std::uint64_t m_value = 0;
};

/// The mode of an adapter or queue, decided the way zcrypt does it: accelerator if the accel
/// bit is set, else CCA coprocessor, else EP11 coprocessor.
enum class CryptoMode { None, Accelerator, Cca, Ep11 };

CryptoMode modeFromFunctions(std::uint32_t functions);
/// "accel", "cca", "ep11" (the inventory JSON vocabulary); empty for None.
QString modeKey(CryptoMode mode);
/// The zcrypt type letter: 'A', 'C', 'P'; '\0' for None.
char modeLetter(CryptoMode mode);
/// "CEX8C" style name for a compatible type 10..14 and a mode; empty if unknown.
QString cexTypeName(int hwtype, CryptoMode mode);
/// Compact cell label: "8C", "7P"; "?" when unknown.
QString cexShortName(int hwtype, CryptoMode mode);
/// The compatible device type of a raw AP type (10..14 as is; newer types map to CEX8 = 14
/// as PQAP(QACT) does on current machines; below 10 unsupported: 0).
int compatibleHwtype(int rawType);

} // namespace ap

#include "kernelnumber.h"

#include <cerrno>
#include <limits>

namespace ap {

namespace {

int digitValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

bool isHexDigit(char c) { return digitValue(c) < 16; }

// _parse_integer_fixup_radix with base 0: "0x" + hex digit selects 16 (prefix skipped),
// another leading '0' selects 8, anything else 10.
int fixupRadix(QByteArrayView s, qsizetype &pos)
{
    if (pos < s.size() && s[pos] == '0') {
        if (pos + 2 < s.size() && (s[pos + 1] == 'x' || s[pos + 1] == 'X') && isHexDigit(s[pos + 2])) {
            pos += 2;
            return 16;
        }
        return 8;
    }
    return 10;
}

} // namespace

KernelNumber parseKstrtoul(QByteArrayView s)
{
    qsizetype pos = 0;
    if (pos < s.size() && s[pos] == '+')
        ++pos;
    const int base = fixupRadix(s, pos);
    std::uint64_t value = 0;
    bool overflow = false;
    const qsizetype start = pos;
    for (; pos < s.size(); ++pos) {
        const int d = digitValue(s[pos]);
        if (d >= base)
            break;
        if (value > (std::numeric_limits<std::uint64_t>::max() - std::uint64_t(d)) / std::uint64_t(base))
            overflow = true;
        value = value * std::uint64_t(base) + std::uint64_t(d);
    }
    if (overflow)
        return {0, ERANGE};
    if (pos == start)
        return {0, EINVAL};
    if (pos < s.size() && s[pos] == '\n')
        ++pos;
    if (pos != s.size())
        return {0, EINVAL};
    return {value, 0};
}

PrefixNumber parseSimpleStrtoul(QByteArrayView s)
{
    qsizetype pos = 0;
    const int base = fixupRadix(s, pos);
    std::uint64_t value = 0;
    const qsizetype start = pos;
    for (; pos < s.size(); ++pos) {
        const int d = digitValue(s[pos]);
        if (d >= base)
            break;
        if (value > (std::numeric_limits<std::uint64_t>::max() - std::uint64_t(d)) / std::uint64_t(base))
            value = std::numeric_limits<std::uint64_t>::max();
        else
            value = value * std::uint64_t(base) + std::uint64_t(d);
    }
    // With base 8 from a lone "0", the '0' itself is the digit consumed.
    if (pos == start)
        return {0, 0};
    return {value, pos};
}

} // namespace ap

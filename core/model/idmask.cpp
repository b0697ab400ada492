#include "idmask.h"

#include "kernelnumber.h"

#include <bit>

namespace ap {

namespace {
constexpr std::uint64_t bitFor(int id) { return std::uint64_t(1) << (63 - (id & 63)); }

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
} // namespace

IdMask IdMask::all()
{
    IdMask m;
    m.m_words.fill(~std::uint64_t(0));
    return m;
}

IdMask IdMask::fromIds(const QList<int> &ids)
{
    IdMask m;
    for (int id : ids)
        m.set(id);
    return m;
}

IdMask IdMask::range(int first, int last)
{
    IdMask m;
    for (int id = first; id <= last; ++id)
        m.set(id);
    return m;
}

bool IdMask::test(int id) const
{
    if (id < 0 || id >= kBits)
        return false;
    return m_words[size_t(id >> 6)] & bitFor(id);
}

void IdMask::set(int id, bool on)
{
    if (id < 0 || id >= kBits)
        return;
    if (on)
        m_words[size_t(id >> 6)] |= bitFor(id);
    else
        m_words[size_t(id >> 6)] &= ~bitFor(id);
}

bool IdMask::isEmpty() const
{
    return (m_words[0] | m_words[1] | m_words[2] | m_words[3]) == 0;
}

int IdMask::count() const
{
    int n = 0;
    for (auto w : m_words)
        n += std::popcount(w);
    return n;
}

int IdMask::highest() const
{
    for (int w = 3; w >= 0; --w)
        if (m_words[size_t(w)])
            return w * 64 + 63 - std::countr_zero(m_words[size_t(w)]);
    return -1;
}

QList<int> IdMask::ids() const
{
    QList<int> out;
    out.reserve(count());
    for (int w = 0; w < 4; ++w) {
        std::uint64_t word = m_words[size_t(w)];
        while (word) {
            const int lead = std::countl_zero(word);
            out.append(w * 64 + lead);
            word &= ~(std::uint64_t(1) << (63 - lead));
        }
    }
    return out;
}

IdMask IdMask::operator&(const IdMask &o) const
{
    IdMask m;
    for (size_t i = 0; i < 4; ++i)
        m.m_words[i] = m_words[i] & o.m_words[i];
    return m;
}

IdMask IdMask::operator|(const IdMask &o) const
{
    IdMask m;
    for (size_t i = 0; i < 4; ++i)
        m.m_words[i] = m_words[i] | o.m_words[i];
    return m;
}

IdMask IdMask::operator~() const
{
    IdMask m;
    for (size_t i = 0; i < 4; ++i)
        m.m_words[i] = ~m_words[i];
    return m;
}

QString IdMask::toHex() const
{
    // Written by hand: this runs for every ap_config write the driver model replays.
    static constexpr char kDigits[] = "0123456789abcdef";
    char out[2 + 64];
    out[0] = '0';
    out[1] = 'x';
    int at = 2;
    for (const std::uint64_t w : m_words)
        for (int shift = 60; shift >= 0; shift -= 4)
            out[at++] = kDigits[(w >> shift) & 0xf];
    return QString::fromLatin1(out, int(sizeof out));
}

QString IdMask::toRanges(bool hex) const
{
    const auto num = [hex](int v) {
        return hex ? QStringLiteral("0x%1").arg(v, 2, 16, QLatin1Char('0')) : QString::number(v);
    };
    QString out;
    const QList<int> list = ids();
    for (qsizetype i = 0; i < list.size();) {
        qsizetype j = i;
        while (j + 1 < list.size() && list[j + 1] == list[j] + 1)
            ++j;
        if (!out.isEmpty())
            out += QLatin1Char(',');
        out += num(list[i]);
        if (j > i)
            out += QLatin1Char('-') + num(list[j]);
        i = j + 1;
    }
    return out;
}

bool IdMask::parseAbsolute(QByteArrayView s, IdMask &out)
{
    IdMask m;
    qsizetype pos = 0;
    if (s.size() >= 2 && s[0] == '0' && s[1] == 'x')
        ++pos;
    if (pos < s.size() && s[pos] == 'x')
        ++pos;
    int id = 0;
    for (; pos < s.size() && id < kBits; ++pos) {
        const int v = hexValue(s[pos]);
        if (v < 0)
            break;
        for (int n = 0; n < 4; ++n)
            if (v & (0x08 >> n))
                m.set(id + n);
        id += 4;
    }
    if (pos < s.size() && s[pos] == '\n')
        ++pos;
    if (pos != s.size())
        return false;
    out = m;
    return true;
}

bool IdMask::parseRelative(QByteArrayView s, const IdMask &base, IdMask &out)
{
    IdMask m = base;
    qsizetype pos = 0;
    while (pos < s.size()) {
        const char sign = s[pos++];
        if (sign != '+' && sign != '-')
            return false;
        const PrefixNumber a = parseSimpleStrtoul(s.sliced(pos));
        if (a.consumed == 0 || a.value >= std::uint64_t(kBits))
            return false;
        pos += a.consumed;
        std::uint64_t z = a.value;
        if (pos < s.size() && s[pos] == '-') {
            ++pos;
            const PrefixNumber b = parseSimpleStrtoul(s.sliced(pos));
            if (b.consumed == 0 || a.value > b.value || b.value >= std::uint64_t(kBits))
                return false;
            pos += b.consumed;
            z = b.value;
        }
        for (std::uint64_t i = a.value; i <= z; ++i)
            m.set(int(i), sign == '+');
        while (pos < s.size() && (s[pos] == ',' || s[pos] == '\n'))
            ++pos;
    }
    out = m;
    return true;
}

bool IdMask::parseMaskWrite(QByteArrayView text, const IdMask &current, IdMask &out)
{
    if (!text.isEmpty() && (text[0] == '+' || text[0] == '-'))
        return parseRelative(text, current, out);
    return parseAbsolute(text, out);
}

} // namespace ap

#include "attributeparsers.h"

#include <QRegularExpression>

namespace ap::sysfs {

namespace {

QByteArrayView chompOne(QByteArrayView t)
{
    if (t.endsWith('\n'))
        t.chop(1);
    return t;
}

Error bad(QByteArrayView text, const char *expected)
{
    QString shown = QString::fromUtf8(text.first(std::min<qsizetype>(text.size(), 120)));
    shown.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return makeError(ErrorCode::Parse, {},
                     QStringLiteral("expected %1, got \"%2\"").arg(QLatin1String(expected), shown));
}

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

bool allHex(QByteArrayView t, bool lowerOnly = false)
{
    if (t.isEmpty())
        return false;
    for (char c : t)
        if (lowerOnly ? !isLowerHex(c) : !isHex(c))
            return false;
    return true;
}

bool allDigits(QByteArrayView t)
{
    if (t.isEmpty())
        return false;
    for (char c : t)
        if (c < '0' || c > '9')
            return false;
    return true;
}

QList<QByteArrayView> splitLines(QByteArrayView t)
{
    QList<QByteArrayView> out;
    if (t.isEmpty())
        return out;
    if (t.endsWith('\n'))
        t.chop(1);
    qsizetype start = 0;
    while (true) {
        const qsizetype nl = t.indexOf('\n', start);
        if (nl < 0) {
            out.append(t.sliced(start));
            break;
        }
        out.append(t.sliced(start, nl - start));
        start = nl + 1;
    }
    return out;
}

} // namespace

Result<int> parseInt(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    QByteArrayView digits = t.startsWith('-') ? t.sliced(1) : t;
    if (!allDigits(digits) || digits.size() > 10)
        return bad(text, "a decimal integer");
    bool ok = false;
    const int v = t.toByteArray().toInt(&ok);
    if (!ok)
        return bad(text, "a decimal integer");
    return v;
}

Result<quint64> parseUnsigned(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    if (!allDigits(t) || t.size() > 20)
        return bad(text, "an unsigned decimal number");
    bool ok = false;
    const quint64 v = t.toByteArray().toULongLong(&ok);
    if (!ok)
        return bad(text, "an unsigned decimal number");
    return v;
}

Result<bool> parseFlag(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    if (t == "1")
        return true;
    if (t == "0")
        return false;
    return bad(text, "0 or 1");
}

Result<std::uint32_t> parseFunctions(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    if (t.size() != 10 || !t.startsWith("0x") || !allHex(t.sliced(2)))
        return bad(text, "0x followed by 8 hex digits");
    return std::uint32_t(t.sliced(2).toByteArray().toUInt(nullptr, 16));
}

Result<IdMask> parseMask(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    IdMask m;
    if (t.size() != 66 || !t.startsWith("0x") || !allHex(t.sliced(2)) || !IdMask::parseAbsolute(t, m))
        return bad(text, "0x followed by 64 hex digits");
    return m;
}

Result<std::optional<IdMask>> parseQciMask(QByteArrayView text)
{
    if (chompOne(text) == "not supported")
        return std::optional<IdMask>();
    auto m = parseMask(text);
    if (!m)
        return m.error();
    return std::optional<IdMask>(*m);
}

Result<QStringList> parseBusFeatures(QByteArrayView text, bool *qci)
{
    if (qci)
        *qci = true;
    QByteArrayView t = chompOne(text);
    if (t == "-") {
        if (qci)
            *qci = false;
        return QStringList();
    }
    static const QStringList known = {QStringLiteral("APSC"), QStringLiteral("APXA"), QStringLiteral("QACT"),
                                      QStringLiteral("RC8A"), QStringLiteral("APSB")};
    QStringList words;
    for (const auto &w : QString::fromLatin1(t).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!known.contains(w))
            return bad(text, "AP bus feature names (APSC APXA QACT RC8A APSB)");
        words.append(w);
    }
    return words;
}

Result<QStringList> parseWords(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    if (t.contains('\n'))
        return bad(text, "one line of words");
    QStringList words;
    for (const auto &w : QString::fromLatin1(t).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        for (QChar c : w)
            if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-')))
                return bad(text, "space-separated words");
        words.append(w);
    }
    return words;
}

Result<std::optional<quint64>> parseRequestCount(QByteArrayView text)
{
    if (chompOne(text) == "-")
        return std::optional<quint64>();
    auto v = parseUnsigned(text);
    if (!v)
        return bad(text, "a request count or \"-\"");
    return std::optional<quint64>(*v);
}

namespace {

using Kind = MkvpRegister::Kind;
using Slot = MkvpRegister::Slot;
using State = MkvpRegister::State;

std::optional<MkvpRegister> parseMkvpLine(QByteArrayView line, Kind kind, Slot slot)
{
    const QByteArray prefix = mkvpKindName(kind).toLatin1() + ' ' + mkvpSlotName(slot).toLatin1() + ": ";
    if (!line.startsWith(prefix))
        return std::nullopt;
    QByteArrayView rest = line.sliced(prefix.size());
    MkvpRegister r{kind, slot, State::Unknown, {}};
    if (rest == "- -")
        return r;
    const qsizetype sp = rest.indexOf(' ');
    if (sp < 0)
        return std::nullopt;
    const QByteArrayView word = rest.first(sp);
    const QByteArrayView vp = rest.sliced(sp + 1);

    struct Allowed { const char *word; State state; bool pattern; };
    QList<Allowed> allowed;
    if (kind == Kind::Wk && slot == Slot::Cur)
        allowed = {{"invalid", State::Invalid, false}, {"valid", State::Valid, true}};
    else if (kind == Kind::Wk)
        allowed = {{"empty", State::Empty, false}, {"uncommitted", State::Uncommitted, true},
                   {"committed", State::Committed, true}};
    else if (slot == Slot::New)
        allowed = {{"empty", State::Empty, true}, {"partial", State::Partial, true}, {"full", State::Full, true}};
    else
        allowed = {{"invalid", State::Invalid, true}, {"valid", State::Valid, true}};

    const qsizetype hexLen = kind == Kind::Wk ? 64 : kind == Kind::Asym ? 32 : 16;
    for (const auto &a : allowed) {
        if (word != a.word)
            continue;
        r.state = a.state;
        if (!a.pattern)
            return vp == "-" ? std::optional(r) : std::nullopt;
        if (vp.size() != hexLen + 2 || !vp.startsWith("0x") || !allHex(vp.sliced(2), true))
            return std::nullopt;
        r.pattern = vp.sliced(2).toByteArray();
        return r;
    }
    return std::nullopt;
}

} // namespace

Result<Mkvps> parseMkvps(QByteArrayView text)
{
    const QList<QByteArrayView> lines = splitLines(text);
    Mkvps m;
    if (lines.size() == 9) {
        m.flavor = Mkvps::Flavor::Cca;
        int i = 0;
        for (Kind k : {Kind::Aes, Kind::Apka, Kind::Asym})
            for (Slot s : {Slot::New, Slot::Cur, Slot::Old}) {
                auto r = parseMkvpLine(lines[i++], k, s);
                if (!r)
                    return bad(text, "nine CCA master key lines (AES/APKA/ASYM NEW/CUR/OLD)");
                m.registers.append(*r);
            }
        return m;
    }
    if (lines.size() == 2) {
        m.flavor = Mkvps::Flavor::Ep11;
        auto cur = parseMkvpLine(lines[0], Kind::Wk, Slot::Cur);
        auto nxt = parseMkvpLine(lines[1], Kind::Wk, Slot::New);
        if (!cur || !nxt)
            return bad(text, "two EP11 wrapping key lines (WK CUR, WK NEW)");
        m.registers = {*cur, *nxt};
        return m;
    }
    return bad(text, "nine CCA or two EP11 master key lines");
}

Result<VfioQueueStatus> parseVfioStatus(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    if (t == "in use") return VfioQueueStatus::InUse;
    if (t == "assigned") return VfioQueueStatus::Assigned;
    if (t == "unassigned") return VfioQueueStatus::Unassigned;
    return bad(text, "\"in use\", \"assigned\" or \"unassigned\"");
}

Result<QString> parseTypeString(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    static const QRegularExpression re(QStringLiteral("^CEX[4-8][ACP]$"));
    const QString s = QString::fromLatin1(t);
    if (!re.match(s).hasMatch())
        return bad(text, "a card type such as CEX8C");
    return s;
}

Result<QString> parseLine(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    if (t.contains('\n'))
        return bad(text, "a single line");
    for (char c : t)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            return bad(text, "printable text");
    return QString::fromLatin1(t);
}

Result<QString> parseSeBind(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    if (t == "-" || t == "bound" || t == "unbound")
        return QString::fromLatin1(t);
    return bad(text, "\"-\", \"bound\" or \"unbound\"");
}

Result<QString> parseSeAssociate(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    if (t == "-" || t == "association pending" || t == "unassociated")
        return QString::fromLatin1(t);
    if (t.startsWith("associated ") && allDigits(t.sliced(11)))
        return QString::fromLatin1(t);
    return bad(text, "\"-\", \"associated N\", \"association pending\" or \"unassociated\"");
}

Result<MatrixListing> parseMatrixListing(QByteArrayView text)
{
    MatrixListing m;
    enum class Form { Unknown, Both, AdaptersOnly, DomainsOnly } form = Form::Unknown;
    for (QByteArrayView line : splitLines(text)) {
        Form f;
        int a = -1, d = -1;
        if (line.size() == 7 && line[2] == '.' && allHex(line.first(2), true) && allHex(line.sliced(3), true)) {
            f = Form::Both;
            a = line.first(2).toByteArray().toInt(nullptr, 16);
            d = line.sliced(3).toByteArray().toInt(nullptr, 16);
        } else if (line.size() == 3 && line[2] == '.' && allHex(line.first(2), true)) {
            f = Form::AdaptersOnly;
            a = line.first(2).toByteArray().toInt(nullptr, 16);
        } else if (line.size() == 5 && line[0] == '.' && allHex(line.sliced(1), true)) {
            f = Form::DomainsOnly;
            d = line.sliced(1).toByteArray().toInt(nullptr, 16);
        } else {
            return bad(text, "APQN lines \"aa.dddd\", \"aa.\" or \".dddd\"");
        }
        if (d > 0xff || (form != Form::Unknown && form != f))
            return bad(text, "APQN lines of one form with ids up to 255");
        form = f;
        if (a >= 0)
            m.adapters.set(a);
        if (d >= 0)
            m.domains.set(d);
        if (f == Form::Both)
            m.apqns.append(Apqn{quint8(a), quint8(d)});
    }
    return m;
}

Result<IdMask> parseControlDomains(QByteArrayView text)
{
    IdMask m;
    for (QByteArrayView line : splitLines(text)) {
        if (line.size() != 4 || !allHex(line, true))
            return bad(text, "control domain lines \"%04x\"");
        const int d = line.toByteArray().toInt(nullptr, 16);
        if (d > 0xff)
            return bad(text, "control domains up to 255");
        m.set(d);
    }
    return m;
}

Result<ApConfig> parseApConfigRead(QByteArrayView text)
{
    QByteArrayView t = chompOne(text);
    const QList<QByteArray> parts = t.toByteArray().split(',');
    if (parts.size() != 3)
        return bad(text, "three comma-separated masks (APM,AQM,ADM)");
    ApConfig c;
    IdMask *targets[] = {&c.adapters, &c.domains, &c.controlDomains};
    for (int i = 0; i < 3; ++i) {
        auto m = parseMask(parts[i]);
        if (!m)
            return bad(text, "three masks of the form 0x + 64 hex digits");
        *targets[i] = *m;
    }
    return c;
}

QByteArray formatApConfig(const ApConfig &c)
{
    return (c.adapters.toHex() + QLatin1Char(',') + c.domains.toHex() + QLatin1Char(',')
            + c.controlDomains.toHex() + QLatin1Char('\n')).toLatin1();
}

bool isCanonicalUuid(QStringView s)
{
    if (s.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const QChar c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != QLatin1Char('-'))
                return false;
        } else if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f')))) {
            return false;
        }
    }
    return true;
}

} // namespace ap::sysfs

#include "driverlog.h"

#include "revision.h"

#include <array>

namespace ap::migration {

namespace {

constexpr int kCount = int(LogId::Count);
using Table = std::array<const char *, kCount>;

struct Entry {
    LogId id;
    const char *format;
};
constexpr LogId F(Feature f, FeatureLine l) { return featureLine(f, l); }
using enum Feature;
using enum FeatureLine;

// v3 (= v4), verbatim (driver-revisions §5.1). Every other dialect is this list with changes.
// The Secure Execution line is a dev_err: the device prefix is written into the string.
const Entry kV3[] = {
    {LogId::TapqNotAvailable, "vfio_ap_mdev %s: migration failed: Failed to get hwinfo for queue %02lx.%04lx on target host: TAPQ rc=%d"},
    {LogId::TapqFailed, "vfio_ap_mdev %s: Failed to get hwinfo for queue %02lx.%04lx: TAPQ rc=%d"},
    {LogId::QueueNotAvailable, "vfio_ap_mdev %s: Queue %02lx.%04lx not available to vfio_ap driver on target host\n"},
    {F(Apsc, SourceHas), "vfio_ap_mdev %s: APSC facility installed in source queue %02lx.%04lx\n"},
    {F(Apsc, TargetLacks), "vfio_ap_mdev %s: APSC facility not installed in target queue %02lx.%04lx\n"},
    {F(Apsc, SourceLacks), "vfio_ap_mdev %s: APSC facility not installed in source queue %02lx.%04lx\n"},
    {F(Apsc, TargetHas), "vfio_ap_mdev %s APSC facility installed in target queue %02lx.%04lx\n"},
    {F(Mex4k, SourceHas), "vfio_ap_mdev %s: mex4k facility installed in source queue %02lx.%04lx\n"},
    {F(Mex4k, TargetLacks), "vfio_ap_mdev %s: mex4k facility not installed in target queue %02lx.%04lx\n"},
    {F(Mex4k, SourceLacks), "vfio_ap_mdev %s: mex4k facility not installed in source queue %02lx.%04lx\n"},
    {F(Mex4k, TargetHas), "vfio_ap_mdev %s: mex4k facility installed in target queue %02lx.%04lx\n"},
    {F(Crt4k, SourceHas), "vfio_ap_mdev %s: crt4k facility installed in source queue %02lx.%04lx\n"},
    {F(Crt4k, TargetLacks), "vfio_ap_mdev %s: crt4k facility not installed in target queue %02lx.%04lx\n"},
    {F(Crt4k, SourceLacks), "vfio_ap_mdev %s: crt4k facility not installed in source queue %02lx.%04lx\n"},
    {F(Crt4k, TargetHas), "vfio_ap_mdev %s: crt4k facility installed in target queue %02lx.%04lx\n"},
    {F(Cca, SourceHas), "vfio_ap_mdev %s: Coprocessor-mode facility installed in source queue %02lx.%04lx\n"},
    {F(Cca, TargetLacks), "vfio_ap_mdev %s: Coprocessor-mode  facility not installed target queue %02lx.%04lx\n"},
    {F(Cca, SourceLacks), "vfio_ap_mdev %s: Coprocessor-mode facility not installed in source queue %02lx.%04lx\n"},
    {F(Cca, TargetHas), "vfio_ap_mdev %s: Coprocessor-mode  facility installed target queue %02lx.%04lx\n"},
    {F(Accel, SourceHas), "vfio_ap_mdev %s: Accelerator-mode facility installed source queue %02lx.%04lx\n"},
    {F(Accel, TargetLacks), "vfio_ap_mdev %s: Accelerator-mode facility not installed target queue %02lx.%04lx\n"},
    {F(Accel, SourceLacks), "vfio_ap_mdev %s: Accelerator-mode facility not installed source queue %02lx.%04lx\n"},
    {F(Accel, TargetHas), "vfio_ap_mdev %s: Accelerator-mode facility installed target queue %02lx.%04lx\n"},
    {F(Xcp, SourceHas), "vfio_ap_mdev %s: XCP-mode facility installed source queue %02lx.%04lx\n"},
    {F(Xcp, TargetLacks), "vfio_ap_mdev %s: XCP-mode facility not installed target queue %02lx.%04lx\n"},
    {F(Xcp, SourceLacks), "vfio_ap_mdev %s: XCP-mode facility not installed source queue %02lx.%04lx\n"},
    {F(Xcp, TargetHas), "vfio_ap_mdev %s: XCP-mode facility installed target queue %02lx.%04lx\n"},
    {F(Apxa, SourceHas), "vfio_ap_mdev %s: AP-extended-addressing (APXA) facility installed in source queue %02lx.%04lx\n"},
    {F(Apxa, TargetLacks), "vfio_ap_mdev %s: AP-extended-addressing (APXA) facility not installed in target queue %02lx.%04lx\n"},
    {F(Apxa, SourceLacks), "vfio_ap_mdev %s: AP-extended-addressing (APXA) facility not installed in source queue %02lx.%04lx\n"},
    {F(Apxa, TargetHas), "vfio_ap_mdev %s: AP-extended-addressing (APXA) facility installed in target queue %02lx.%04lx\n"},
    {F(Slcf, SourceHas), "vfio_ap_mdev %s: Stateless-command-filtering (SLCF) available in source queue %02lx.%04lx\n"},
    {F(Slcf, TargetLacks), "vfio_ap_mdev %s: Stateless-command-filtering (SLCF) not available in target queue %02lx.%04lx\n"},
    {F(Slcf, SourceLacks), "vfio_ap_mdev %s: Stateless-command-filtering (SLCF) not available in source queue %02lx.%04lx\n"},
    {F(Slcf, TargetHas), "vfio_ap_mdev %s: Stateless-command-filtering (SLCF) available in target queue %02lx.%04lx\n"},
    {LogId::BindState, "vfio_ap_mdev %s: Bind/associate state for source (%01x) and target (%01x) queue %02lx.%04lx must be 0\n"},
    {LogId::ApType, "vfio_ap_mdev %s: AP type of source (%02x) not compatible with target (%02x)\n"},
    {LogId::ClassSourceNative, "vfio_ap_mdev %s: Full native card function available on source queue %02lx.%04lx\n"},
    {LogId::ClassTargetStateless, "vfio_ap_mdev %s: Only stateless functions available on target queue %02lx.%04lx\n"},
    {LogId::Header, "vfio_ap_mdev %s: Migration failed: Source and target queue (%02lx.%04lx) not compatible\n"},
    {LogId::SecureExecution, "vfio_ap_mdev %s: Migration not allowed from or to a Secure Execution guest\n"},
};

// v2 prints through dev_err, which writes "vfio_ap_mdev <uuid>: " before the source's string; the
// strings below carry that prefix as "vfio_ap_mdev %s: " so the printed bytes are the same. The
// first has no device (plain pr_err).
const Entry kV2[] = {
    {LogId::NotLinked, "migration failed: matrix_mdev object not linked to migration file"},
    {LogId::InvalidPosition, "vfio_ap_mdev %s: migration failed: invalid migration file position  (%lli) for write\n"},
    {LogId::PosOverflow, "vfio_ap_mdev %s: migration failed: pos (%llu) plus len (%zu) operation overflowed loff_t precision\n"},
    {LogId::ConfigTooLarge, "vfio_ap_mdev %s: migration failed: source guest's AP config size (%llu) larger than target's (%lu)"},
    {LogId::FileDisabled, "vfio_ap_mdev %s: migration failed: migration file is disabled"},
    {LogId::QueueCountDiffers, "vfio_ap_mdev %s: migration failed: number of queues on source (%d) and target (%d) guests differ\n"},
    {LogId::NotAssigned, "vfio_ap_mdev %s: migration failed: queue %02lx.%04lx not assigned to guest matrix\n"},
    {F(Apsc, TargetHas), "vfio_ap_mdev %s: APSC facility installed in target queue %02lx.%04lx\n"},
    {LogId::BindState, "vfio_ap_mdev %s: Bind/associate state for source (%01x) and target (%01x) queue %02lx.%04lx are not compatible\n"},
    {LogId::TapqNotAvailable, nullptr},
    {LogId::TapqFailed, nullptr},
    {LogId::QueueNotAvailable, nullptr},
};

// B (§5.2): new TAPQ texts (note "%s:Failed"), the control-domain line; Secure Execution
// never reaches set_state.
const Entry kB[] = {
    {LogId::TapqNotAvailable, "vfio_ap_mdev %s: Failed to get hwinfo for queue %02lx.%04lx: TAPQ rc=%d"},
    {LogId::TapqFailed, "vfio_ap_mdev %s:Failed to get hwinfo for queue %02lx.%04lx: TAPQ rc=%d"},
    {LogId::ControlDomainNotAvailable, "vfio_ap_mdev: %s: Control domain %04lx not available on the destination host"},
    {LogId::SecureExecution, nullptr},
};

// C (§5.3): wording corrected, all ratelimited.
const Entry kC[] = {
    {LogId::TapqNotAvailable, "vfio_ap_mdev %s: Failed to get hwinfo for queue %02lx.%04lx: TAPQ rc=%d\n"},
    {LogId::TapqFailed, "vfio_ap_mdev %s: Failed to get hwinfo for queue %02lx.%04lx: TAPQ rc=%d\n"},
    {LogId::ControlDomainNotAvailable, "vfio_ap_mdev: %s: Control domain %04lx not available on the destination host\n"},
    {F(Apsc, TargetHas), "vfio_ap_mdev %s: APSC facility installed in target queue %02lx.%04lx\n"},
    {F(Cca, TargetLacks), "vfio_ap_mdev %s: Coprocessor-mode facility not installed in target queue %02lx.%04lx\n"},
    {F(Cca, TargetHas), "vfio_ap_mdev %s: Coprocessor-mode facility installed in target queue %02lx.%04lx\n"},
    {F(Accel, SourceHas), "vfio_ap_mdev %s: Accelerator-mode facility installed in source queue %02lx.%04lx\n"},
    {F(Accel, TargetLacks), "vfio_ap_mdev %s: Accelerator-mode facility not installed in target queue %02lx.%04lx\n"},
    {F(Accel, SourceLacks), "vfio_ap_mdev %s: Accelerator-mode facility not installed in source queue %02lx.%04lx\n"},
    {F(Accel, TargetHas), "vfio_ap_mdev %s: Accelerator-mode facility installed in target queue %02lx.%04lx\n"},
    {F(Xcp, SourceHas), "vfio_ap_mdev %s: XCP-mode facility installed in source queue %02lx.%04lx\n"},
    {F(Xcp, TargetLacks), "vfio_ap_mdev %s: XCP-mode facility not installed in target queue %02lx.%04lx\n"},
    {F(Xcp, SourceLacks), "vfio_ap_mdev %s: XCP-mode facility not installed in source queue %02lx.%04lx\n"},
    {F(Xcp, TargetHas), "vfio_ap_mdev %s: XCP-mode facility installed in target queue %02lx.%04lx\n"},
    {LogId::SecureExecution, nullptr},
};

const Table &table(LogDialect d)
{
    static const Table v2 = [] {
        Table t{};
        for (const Entry &e : kV3)
            t[int(e.id)] = e.format;
        for (const Entry &e : kV2)
            t[int(e.id)] = e.format;
        return t;
    }();
    static const Table v3 = [] {
        Table t{};
        for (const Entry &e : kV3)
            t[int(e.id)] = e.format;
        return t;
    }();
    static const Table b = [] {
        Table t = v3;
        for (const Entry &e : kB)
            t[int(e.id)] = e.format;
        return t;
    }();
    static const Table c = [] {
        Table t = b;
        for (const Entry &e : kC)
            t[int(e.id)] = e.format;
        return t;
    }();
    switch (d) {
    case LogDialect::V2: return v2;
    case LogDialect::V3: return v3;
    case LogDialect::B: return b;
    case LogDialect::C: return c;
    }
    return v3;
}

} // namespace

const char *logFormat(DriverProfile p, LogId id)
{
    return table(revision(p).dialect)[int(id)];
}

QString formatKernelLine(const char *f, QStringView uuid, std::initializer_list<qint64> numbers)
{
    QString out;
    out.reserve(128);
    const qint64 *arg = numbers.begin();
    auto next = [&]() -> qint64 { return arg != numbers.end() ? *arg++ : 0; };
    while (*f) {
        if (*f != '%') {
            out.append(QLatin1Char(*f++));
            continue;
        }
        ++f;
        if (*f == '%') {
            out.append(QLatin1Char(*f++));
            continue;
        }
        bool zero = false;
        while (*f == '0' || *f == '-' || *f == '+' || *f == ' ' || *f == '#')
            zero |= *f++ == '0';
        int width = 0;
        while (*f >= '0' && *f <= '9')
            width = width * 10 + (*f++ - '0');
        int longs = 0;
        bool size = false;
        while (*f == 'l' || *f == 'z' || *f == 'h') {
            longs += *f == 'l';
            size |= *f == 'z';
            ++f;
        }
        const bool wide = longs > 0 || size;
        QString text;
        switch (*f) {
        case 's': text = uuid.toString(); break;
        case 'd':
        case 'i': text = QString::number(wide ? next() : qint64(qint32(next()))); break;
        case 'u': text = QString::number(wide ? quint64(next()) : quint64(quint32(next()))); break;
        case 'x': text = QString::number(wide ? quint64(next()) : quint64(quint32(next())), 16); break;
        case 'X': text = QString::number(wide ? quint64(next()) : quint64(quint32(next())), 16).toUpper(); break;
        default: break;
        }
        if (*f)
            ++f;
        const bool negative = text.startsWith(QLatin1Char('-'));
        if (text.size() < width) {
            const QString pad(width - text.size(), zero ? QLatin1Char('0') : QLatin1Char(' '));
            text = zero && negative ? QString(QLatin1Char('-') + pad + text.mid(1)) : QString(pad + text);
        }
        out += text;
    }
    if (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

KernelLog::KernelLog(DriverProfile p, QString uuid)
    : m_profile(p)
    , m_uuid(std::move(uuid))
    , m_ratelimited(revision(p).ratelimited)
{
}

void KernelLog::add(LogId id, std::initializer_list<qint64> numbers)
{
    const char *f = logFormat(m_profile, id);
    if (!f)
        return;
    if (m_ratelimited && ++m_perSite[int(id)] > kRatelimitBurst) {
        ++m_suppressed;
        return;
    }
    m_lines.append(formatKernelLine(f, m_uuid, numbers));
}

} // namespace ap::migration

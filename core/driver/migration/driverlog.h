#pragma once

#include "profile.h"
#include "../../model/apqn.h"

#include <QHash>
#include <QStringList>

#include <initializer_list>

/// The one place that formats the migration driver's kernel log lines. Each revision's format
/// strings are kept as the C source spells them (whitespace included); a line is produced by
/// the same printf rules the kernel applies, without the trailing newline.
namespace ap::migration {

/// A kernel log call site. Feature reporter lines are addressed with featureLine().
enum class LogId {
    // v2 parameter and post-copy checks
    NotLinked, InvalidPosition, PosOverflow, ConfigTooLarge, FileDisabled, QueueCountDiffers, NotAssigned,
    // later revisions
    QueueNotAvailable, TapqNotAvailable, TapqFailed, ControlDomainNotAvailable,
    // incompatibility reporters
    Header, ApType, BindState, ClassSourceNative, ClassTargetStateless,
    FeatureFirst, // 8 features x 4 lines, see featureLine()
    SecureExecution = FeatureFirst + 32,
    Count
};

/// The facility bits the reporters look at, in their order (bits 0-7).
enum class Feature { Apsc, Mex4k, Crt4k, Cca, Accel, Xcp, Apxa, Slcf };
/// Which of a feature's four lines: the source has it / the target lacks it (printed together),
/// or the source lacks it / the target has it.
enum class FeatureLine { SourceHas, TargetLacks, SourceLacks, TargetHas };
constexpr LogId featureLine(Feature f, FeatureLine l) { return LogId(int(LogId::FeatureFirst) + 4 * int(f) + int(l)); }

/// The C format string a revision prints for a call site, nullptr if it has none.
const char *logFormat(DriverProfile p, LogId id);

/// The kernel's printf for the conversions the driver uses (%s %d %i %u %x with flags, width,
/// and l/ll/z): the first %s takes `uuid`, numeric conversions take `numbers` in order. A final
/// "\n" is dropped (one line = one element).
QString formatKernelLine(const char *format, QStringView uuid, std::initializer_list<qint64> numbers);

/// The lines one mdev's driver logs during one operation, in order. C prints through
/// pr_err_ratelimited: every call site has its own budget of 10 lines per 5 s, so within one
/// migration the 11th and later lines of a site are dropped (counted in suppressed()).
class KernelLog {
public:
    KernelLog(DriverProfile p, QString uuid);

    /// Appends the call site's line; nothing when the revision has no such line.
    void add(LogId id, std::initializer_list<qint64> numbers = {});
    /// Shorthand for the "%02lx.%04lx" of an APQN as the only arguments.
    void add(LogId id, Apqn q) { add(id, {q.adapter, q.domain}); }

    /// Lines another part of the driver formatted (the matrix code's warnings).
    void append(const QStringList &lines) { m_lines += lines; }

    DriverProfile profile() const { return m_profile; }
    const QStringList &lines() const { return m_lines; }
    QStringList take() { return std::exchange(m_lines, {}); }
    int suppressed() const { return m_suppressed; }

private:
    DriverProfile m_profile;
    QString m_uuid;
    bool m_ratelimited;
    QStringList m_lines;
    QHash<int, int> m_perSite;
    int m_suppressed = 0;
};

/// C's ratelimit burst per call site (kernel default DEFAULT_RATELIMIT_BURST).
inline constexpr int kRatelimitBurst = 10;

} // namespace ap::migration

#include "treereader.h"

#include "attributeparsers.h"
#include "paths.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

namespace ap::sysfs {

namespace {

/// Reads and parses attributes, recording problems as issues.
class Reader {
public:
    Reader(const SysfsSource &src, QList<Error> &issues)
        : m_src(src), m_issues(issues) {}

    /// Content of a file, or nullopt (missing: recorded only if required; unreadable: recorded).
    std::optional<QByteArray> raw(const QString &path, bool required)
    {
        SysfsSource::File f = m_src.read(path);
        switch (f.status) {
        case SysfsSource::File::Status::Ok:
            return std::move(f.content);
        case SysfsSource::File::Status::Missing:
            if (required)
                m_issues.append(makeError(ErrorCode::NotFound, path, QStringLiteral("attribute missing")));
            return std::nullopt;
        case SysfsSource::File::Status::Error:
            m_issues.append(makeError(ErrorCode::Io, path, QStringLiteral("read failed: %1").arg(f.error)));
            return std::nullopt;
        }
        return std::nullopt;
    }

    template <typename Parser>
    auto get(const QString &path, Parser parser, bool required = true)
        -> std::optional<std::remove_cvref_t<decltype(*parser(QByteArrayView()))>>
    {
        auto content = raw(path, required);
        if (!content)
            return std::nullopt;
        auto parsed = parser(*content);
        if (!parsed) {
            Error e = parsed.error();
            e.where = path;
            m_issues.append(std::move(e));
            return std::nullopt;
        }
        return std::move(*parsed);
    }

    QString driverOf(const QString &dir)
    {
        auto target = m_src.readLink(paths::join(dir, u"driver"));
        if (!target)
            return {};
        return drivers::intern(target->mid(target->lastIndexOf(QLatin1Char('/')) + 1));
    }

private:
    const SysfsSource &m_src;
    QList<Error> &m_issues;
};

/// A decimal integer the kernel keeps within [low, high]: anything else is raised as an issue.
auto inRange(int low, int high, const char *what)
{
    return [=](QByteArrayView text) -> Result<int> {
        auto v = parseInt(text);
        if (!v)
            return v;
        if (*v < low || *v > high)
            return makeError(ErrorCode::Parse, QString(), QStringLiteral("%1 %2 is outside %3..%4").arg(QLatin1String(what)).arg(*v).arg(low).arg(high));
        return v;
    };
}

/// What the driver would never show: an mdev naming ids beyond the bus's maximum ids, a guest
/// matrix that is not part of the mdev's matrix.
void checkConsistency(HostSnapshot &h)
{
    const QString m = paths::matrix();
    auto beyond = [](const IdMask &mask, int max) { return !mask.isEmpty() && mask.highest() > max; };
    for (const Mdev &md : std::as_const(h.mdevs)) {
        const QString dir = paths::join(m, md.uuid);
        if (beyond(md.adapters, h.bus.maxAdapterId))
            h.issues.append(makeError(ErrorCode::Parse, dir, QStringLiteral("the matrix names adapter %1, beyond ap_max_adapter_id %2")
                                                                 .arg(md.adapters.highest()).arg(h.bus.maxAdapterId)));
        if (beyond(md.domains, h.bus.maxDomainId) || beyond(md.controlDomains, h.bus.maxDomainId))
            h.issues.append(makeError(ErrorCode::Parse, dir, QStringLiteral("the matrix names domain %1, beyond ap_max_domain_id %2")
                                                                 .arg(std::max(md.domains.highest(), md.controlDomains.highest())).arg(h.bus.maxDomainId)));
        if (!md.guestAdapters.minus(md.adapters).isEmpty() || !md.guestDomains.minus(md.domains).isEmpty())
            h.issues.append(makeError(ErrorCode::Parse, dir, QStringLiteral("guest_matrix is not part of the mdev's matrix")));
    }
}

bool parseHexName(QStringView s, int &out)
{
    bool ok = false;
    out = s.toInt(&ok, 16);
    if (!ok)
        return false;
    for (QChar c : s)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

/// A card as read in the first pass: its attributes, the issues met, and its queues' domains.
struct CardResult {
    Card card;
    QList<Error> issues;
    QList<quint8> domains;
};

CardResult readCard(const SysfsSource &src, int id)
{
    CardResult r;
    Reader rd(src, r.issues);
    const QString dir = paths::card(id);
    Card &c = r.card;
    c.id = id;
    c.hwtype = rd.get(paths::join(dir, u"hwtype"), inRange(0, 255, "hwtype")).value_or(0);
    c.rawHwtype = rd.get(paths::join(dir, u"raw_hwtype"), inRange(0, 255, "raw_hwtype")).value_or(c.hwtype);
    c.functions = rd.get(paths::join(dir, u"ap_functions"), parseFunctions).value_or(0);
    c.depth = rd.get(paths::join(dir, u"depth"), parseInt, false).value_or(0);
    c.maxMessageSize = rd.get(paths::join(dir, u"max_msg_size"), parseInt, false).value_or(0);
    c.config = rd.get(paths::join(dir, u"config"), parseFlag).value_or(true);
    c.chkstop = rd.get(paths::join(dir, u"chkstop"), parseFlag, false).value_or(false);
    c.requestCount = rd.get(paths::join(dir, u"request_count"), parseUnsigned, false);
    c.driver = rd.driverOf(dir);
    const CryptoMode mode = c.mode();
    if (!c.driver.isEmpty()) {
        c.typeString = rd.get(paths::join(dir, u"type"), parseTypeString, false).value_or(QString());
        c.online = rd.get(paths::join(dir, u"online"), parseFlag, false);
        if (mode == CryptoMode::Cca || mode == CryptoMode::Ep11)
            c.serialNumber = rd.get(paths::join(dir, u"serialnr"), parseLine, false).value_or(QString());
        if (mode == CryptoMode::Ep11)
            c.opModes = rd.get(paths::join(dir, u"op_modes"), parseWords, false).value_or(QStringList());
    }

    QStringList names = src.list(dir);
    names.sort();
    const QString prefix = paths::cardName(id).mid(4) + QLatin1Char('.');
    for (const QString &name : names) {
        if (name.size() != 7 || !name.startsWith(prefix))
            continue;
        int dom = 0;
        if (!parseHexName(QStringView(name).mid(3), dom) || dom > 0xff)
            continue;
        r.domains.append(quint8(dom));
    }
    return r;
}

/// The queues of a card read in the first pass, into `out` (one per domain).
void readQueues(const SysfsSource &src, CardResult &r, bool seGuest, Queue *out)
{
    Reader rd(src, r.issues);
    const int id = r.card.id;
    const CryptoMode mode = r.card.mode();
    // "sys/devices/ap/card05/05.00" and the domain's two hex digits (domains end at 0xff), as the
    // listing names it: formatting each name anew costs a few percent of a read.
    const QString prefix = paths::card(id) + QLatin1Char('/') + paths::cardName(id).mid(4) + QStringLiteral(".00");
    for (quint8 dom : std::as_const(r.domains)) {
        Queue &q = *out++;
        q.apqn = Apqn{quint8(id), dom};
        const char digits[2] = {"0123456789abcdef"[dom >> 4], "0123456789abcdef"[dom & 0xf]};
        const QString qdir = prefix + QLatin1String(digits, 2);
        q.driver = rd.driverOf(qdir);
        q.config = rd.get(paths::join(qdir, u"config"), parseFlag).value_or(true);
        q.chkstop = rd.get(paths::join(qdir, u"chkstop"), parseFlag, false).value_or(false);
        q.functions = rd.get(paths::join(qdir, u"ap_functions"), parseFunctions, false);
        q.requestCount = rd.get(paths::join(qdir, u"request_count"), parseRequestCount, false).value_or(std::nullopt);
        if (q.isBoundToZcrypt()) {
            q.online = rd.get(paths::join(qdir, u"online"), parseFlag, false);
            if (mode == CryptoMode::Cca || mode == CryptoMode::Ep11)
                q.mkvps = rd.get(paths::join(qdir, u"mkvps"), parseMkvps, false);
            if (mode == CryptoMode::Ep11)
                q.opModes = rd.get(paths::join(qdir, u"op_modes"), parseWords, false).value_or(QStringList());
        } else if (q.isBoundToVfio()) {
            q.vfioStatus = rd.get(paths::join(qdir, u"status"), parseVfioStatus, false);
        }
        if (seGuest) {
            q.seBind = rd.get(paths::join(qdir, u"se_bind"), parseSeBind, false).value_or(QString());
            q.seAssociate = rd.get(paths::join(qdir, u"se_associate"), parseSeAssociate, false).value_or(QString());
        }
    }
}

/// Runs job(i) for i in [0, count) on several threads, each taking the next i. Returns 0, or 1
/// when canceled, 2 when the deadline passed (jobs not started then are left undone).
int onThreads(qsizetype count, const ReadOptions &options, const std::function<void(qsizetype)> &job)
{
    std::atomic<qsizetype> next{0};
    std::atomic<int> stop{0};
    auto work = [&] {
        while (!stop.load()) {
            const qsizetype i = next.fetch_add(1);
            if (i >= count)
                return;
            if (options.canceled && options.canceled()) {
                stop = 1;
                return;
            }
            if (options.deadline.hasExpired()) {
                stop = 2;
                return;
            }
            job(i);
        }
    };
    const int threads = std::clamp(options.threads > 0 ? options.threads : QThread::idealThreadCount(), 1,
                                   int(std::max<qsizetype>(1, count)));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto &t : pool)
        t.join();
    return stop.load();
}

void readBus(Reader &rd, HostSnapshot &h)
{
    const QString b = paths::bus();
    BusInfo &bus = h.bus;
    bus.maxAdapterId = rd.get(paths::join(b, u"ap_max_adapter_id"), inRange(0, IdMask::kBits - 1, "ap_max_adapter_id")).value_or(63);
    bus.maxDomainId = rd.get(paths::join(b, u"ap_max_domain_id"), inRange(0, IdMask::kBits - 1, "ap_max_domain_id")).value_or(15);
    // An unreadable mask stays unknown; its placeholder (all reserved) keeps every rule safe.
    const auto apmask = rd.get(paths::join(b, u"apmask"), parseMask);
    const auto aqmask = rd.get(paths::join(b, u"aqmask"), parseMask);
    bus.apmask = apmask.value_or(IdMask::all());
    bus.aqmask = aqmask.value_or(IdMask::all());
    bus.apmaskKnown = apmask.has_value();
    bus.aqmaskKnown = aqmask.has_value();
    bool qci = true;
    bus.features = rd.get(paths::join(b, u"features"), [&](QByteArrayView t) { return parseBusFeatures(t, &qci); },
                          false).value_or(QStringList());
    auto apm = rd.get(paths::join(b, u"ap_adapter_mask"), parseQciMask, false);
    auto aqm = rd.get(paths::join(b, u"ap_usage_domain_mask"), parseQciMask, false);
    auto adm = rd.get(paths::join(b, u"ap_control_domain_mask"), parseQciMask, false);
    bus.qciAvailable = qci && apm && *apm;
    bus.configuredAdapters = apm && *apm ? **apm : IdMask();
    bus.configuredDomains = aqm && *aqm ? **aqm : IdMask();
    bus.configuredControlDomains = adm && *adm ? **adm : IdMask();
    bus.defaultDomain = rd.get(paths::join(b, u"ap_domain"), parseInt, false).value_or(-1);
}

void readMatrix(const SysfsSource &src, Reader &rd, HostSnapshot &h)
{
    const QString m = paths::matrix();
    auto features = rd.get(paths::join(m, u"features"), parseWords, false);
    h.matrix.present = features.has_value() || !src.list(m).isEmpty();
    h.matrix.features = features.value_or(QStringList());
    if (!h.matrix.present)
        return;
    h.matrix.availableInstances =
        rd.get(paths::join(paths::mdevType(), u"available_instances"), parseInt, false).value_or(0);
    QStringList names = src.list(m);
    names.sort();
    for (const QString &name : names) {
        if (!isCanonicalUuid(name))
            continue;
        const QString dir = paths::join(m, name);
        Mdev md;
        md.uuid = name;
        if (auto cfg = rd.get(paths::join(dir, u"ap_config"), parseApConfigRead, false)) {
            md.adapters = cfg->adapters;
            md.domains = cfg->domains;
            md.controlDomains = cfg->controlDomains;
        } else if (auto listing = rd.get(paths::join(dir, u"matrix"), parseMatrixListing)) {
            md.adapters = listing->adapters;
            md.domains = listing->domains;
            md.controlDomains = rd.get(paths::join(dir, u"control_domains"), parseControlDomains).value_or(IdMask());
        }
        if (auto guest = rd.get(paths::join(dir, u"guest_matrix"), parseMatrixListing, false)) {
            md.guestAdapters = guest->adapters;
            md.guestDomains = guest->domains;
        }
        h.mdevs.append(std::move(md));
    }
}

} // namespace

Result<HostSnapshot> readHost(const SysfsSource &src, const QString &hostName, const ReadOptions &options)
{
    HostSnapshot h;
    h.host = hostName;
    if (src.list(paths::bus()).isEmpty())
        return makeError(ErrorCode::NotFound, src.describe() + QLatin1Char('/') + paths::bus(),
                         QStringLiteral("no AP bus found"),
                         QStringLiteral("Is this an s390 host with the ap module loaded, and is the root right?"));
    Reader rd(src, h.issues);
    readBus(rd, h);
    h.secureExecutionGuest = rd.get(paths::seGuestFlag(), parseFlag, false).value_or(false);
    h.kernelRelease = rd.get(paths::osRelease(), parseLine, false).value_or(QString());
    h.vfioApVersion = rd.get(paths::join(paths::vfioApModule(), u"version"), parseLine, false).value_or(QString());
    h.vfioApSrcversion = rd.get(paths::join(paths::vfioApModule(), u"srcversion"), parseLine, false).value_or(QString());

    QList<int> cardIds;
    for (const QString &name : src.list(paths::devices())) {
        int id = 0;
        if (name.size() == 6 && name.startsWith(QLatin1String("card")) && parseHexName(QStringView(name).mid(4), id))
            cardIds.append(id);
    }
    std::sort(cardIds.begin(), cardIds.end());

    // Cards are independent: read them on several threads. First the cards and their queues'
    // names, then the queues straight into their place in the snapshot: per-card lists joined
    // afterwards would hold every queue twice at the end (the largest part of a big host).
    QList<CardResult> results(cardIds.size());
    int stop = onThreads(cardIds.size(), options, [&](qsizetype i) { results[i] = readCard(src, cardIds[i]); });
    std::vector<qsizetype> first(size_t(results.size()), 0);
    qsizetype queueCount = 0;
    for (qsizetype i = 0; i < results.size(); ++i) {
        first[size_t(i)] = queueCount;
        queueCount += results[i].domains.size();
    }
    if (!stop) {
        h.queues.reserve(queueCount); // exactly: resize() alone leaves room to grow
        h.queues.resize(queueCount);
        Queue *queues = h.queues.data();
        stop = onThreads(results.size(), options, [&](qsizetype i) {
            readQueues(src, results[i], h.secureExecutionGuest, queues + first[size_t(i)]);
        });
    }
    if (stop == 1)
        return makeError(ErrorCode::Canceled, hostName, QStringLiteral("inventory read canceled"));
    if (stop == 2)
        return makeError(ErrorCode::Timeout, hostName, QStringLiteral("inventory read did not finish in time"),
                         QStringLiteral("The host is slow or very large; try again or raise the timeout."));

    h.cards.reserve(results.size());
    for (auto &r : results) {
        h.cards.append(std::move(r.card));
        h.issues.append(std::move(r.issues));
    }

    readMatrix(src, rd, h);
    checkConsistency(h);
    h.sort();
    return h;
}

} // namespace ap::sysfs

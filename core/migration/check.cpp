#include "check.h"

#include "../driver/migration/compatibility.h"
#include "../driver/migration/hwinfosource.h"
#include "../driver/migration/resumingfile.h"
#include "../driver/migration/revision.h"
#include "../driver/migration/sourcestream.h"
#include "blindspots.h"
#include "readiness.h"
#include "revisionnotes.h"

#include <cerrno>

namespace ap::migration {

namespace {

DriverDecision decideWith(DriverProfile p, const HostIndex &sourceIndex, const QString &mdev, const HostIndex &targetIndex,
                          const QString &targetMdev, int chunkBytes)
{
    const HostSnapshot &source = sourceIndex.host();
    const HostSnapshot &target = targetIndex.host();
    const Revision &rev = revision(p);
    DriverDecision d;
    if (const QList<FindingText> blind = checkBlindSpots(source, mdev, target, targetMdev); !blind.isEmpty()) {
        QStringList why;
        for (const FindingText &t : blind)
            why.append(t.english());
        d.unknown = why.join(QLatin1Char(' '));
        return d;
    }
    if (source.secureExecutionGuest || target.secureExecutionGuest) {
        if (rev.secureExecution == SecureExecution::NoMigration) {
            d.err = ENOTTY; // no migration ops: QEMU sees a device that cannot migrate
            return d;
        }
        KernelLog log(p, source.secureExecutionGuest ? mdev : targetMdev);
        log.add(LogId::SecureExecution);
        d.err = EPERM;
        d.kernelLog = log.take();
        return d;
    }
    const SourceStream stream = buildSourceStream(p, sourceIndex, mdev);
    if (stream.err) {
        d.err = stream.err; // the source's read() fails: nothing reaches the destination
        d.kernelLog = stream.log;
        return d;
    }
    d.streamBytes = stream.bytes.size();
    if (!target.mdev(targetMdev)) {
        d.err = ENODEV; // no device to resume into: QEMU/libvirt fail before the driver is asked
        return d;
    }
    ResumingFile file(p, target, targetMdev, {}, &targetIndex);
    const ResumingFile::Answer a = file.write(stream.bytes);
    d.kernelLog = a.log;
    d.undefined = a.undefined;
    d.err = a.isUndefined() ? 0 : a.err();
    d.compatible = !a.isUndefined() && d.err == 0;
    d.suppressedLines = file.suppressedLines();
    if (chunkBytes > 0 && stream.bytes.size() > chunkBytes) {
        ResumingFile pieces(p, target, targetMdev, {}, &targetIndex);
        int err = 0;
        for (qsizetype off = 0; off < stream.bytes.size() && !err && d.chunkedUndefined.isEmpty(); off += chunkBytes) {
            const ResumingFile::Answer c = pieces.write(stream.bytes.mid(off, chunkBytes));
            err = c.err();
            d.chunkedUndefined = c.undefined;
        }
        d.chunkedErr = err;
    }
    return d;
}

} // namespace

DriverDecision decide(DriverProfile p, const HostSnapshot &source, const QString &mdev, const HostSnapshot &target,
                      const QString &targetMdev, int chunkBytes)
{
    return decideWith(p, HostIndex(source), mdev, HostIndex(target), targetMdev, chunkBytes);
}

namespace {

/// `chunkedFor`: the revision whose chunked answer a report shows (nullopt: every revision's);
/// the others skip that second pass over the stream.
QList<RevisionDecision> decideAll(const HostIndex &source, const QString &mdev, const HostIndex &target, const QString &targetMdev,
                                  int chunkBytes, std::optional<DriverProfile> chunkedFor = std::nullopt)
{
    QList<RevisionDecision> out;
    for (const DriverProfile p : distinctRevisions())
        out.append({p, decideWith(p, source, mdev, target, targetMdev, !chunkedFor || *chunkedFor == p ? chunkBytes : 0)});
    return out;
}

} // namespace

QList<RevisionDecision> decideAllRevisions(const HostSnapshot &source, const QString &mdev, const HostSnapshot &target,
                                           const QString &targetMdev, int chunkBytes)
{
    return decideAll(HostIndex(source), mdev, HostIndex(target), targetMdev, chunkBytes);
}

namespace {

/// What a report shows of one adapter's card: its type name and, when its attributes were
/// read (a non-zero message size), its queue depth and largest message.
struct CardFacts {
    QString type;
    std::optional<int> depth, maxMessage;
};

CardFacts cardFacts(const HostSnapshot &h, int adapter)
{
    CardFacts f;
    const Card *c = h.card(adapter);
    if (!c)
        return f;
    f.type = c->typeName();
    if (c->maxMessageSize > 0) {
        f.depth = c->depth;
        f.maxMessage = c->maxMessageSize;
    }
    return f;
}

Error noSuchMdev(const CheckInput &in)
{
    return makeError(ErrorCode::NotFound, in.source.host, QStringLiteral("no mdev %1 on the source").arg(in.mdev),
                     QStringLiteral("List the host's mdevs with 'apconsole-cli inventory --host %1'.").arg(in.source.host));
}

/// The report for one profile from the revisions' decisions; the source mdev exists.
CheckReport assemble(const CheckInput &in, DriverProfile profile, const QList<RevisionDecision> &all, const QList<FindingText> &notes,
                     const HostIndex &source, const HostIndex &target)
{
    const Mdev *m = in.source.mdev(in.mdev);
    CheckReport r;
    r.profile = profile;
    r.sourceHost = in.source.host;
    r.targetHost = in.target.host;
    r.mdev = in.mdev;
    r.targetMdev = in.targetMdev.isEmpty() ? in.mdev : in.targetMdev;
    if (const Guest *g = in.source.guestOfMdev(in.mdev))
        r.guest = g->name;
    r.time = QDateTime::currentDateTimeUtc();
    r.byRevision = all;
    r.revisionNotes = notes;
    const DriverProfile own = revision(profile).sameCodeAs;
    for (const RevisionDecision &d : all)
        if (d.profile == own)
            r.decision = d.decision;

    // Card facts once per adapter: a full matrix has 256 adapters but 65,536 queues.
    QHash<int, std::pair<CardFacts, CardFacts>> cards;
    // Queues of a view that shows no functions have nothing true to compare.
    const QList<Apqn> matrix = r.decision.unknown.isEmpty() ? m->guestMatrix() : QList<Apqn>();
    r.queues.reserve(matrix.size());
    for (const Apqn q : matrix) {
        QueueComparison c;
        c.apqn = q;
        c.source = driverHwinfo(profile, source, q).value_or(Hwinfo());
        c.target = driverHwinfo(profile, target, q);
        if (c.target)
            c.compatible = queueCompatible(profile, c.source, *c.target);
        auto t = cards.find(q.adapter);
        if (t == cards.end())
            t = cards.insert(q.adapter, {cardFacts(in.source, q.adapter), cardFacts(in.target, q.adapter)});
        c.sourceType = t->first.type;
        c.targetType = t->second.type;
        c.sourceDepth = t->first.depth;
        c.sourceMaxMessage = t->first.maxMessage;
        if (target.queue(q)) {
            c.targetDepth = t->second.depth;
            c.targetMaxMessage = t->second.maxMessage;
        }
        r.queues.append(c);
    }
    r.findings = readinessFindings(in, r, source, target);
    r.findings += blockerFindings(in.blockers, r.guest);
    r.ready = r.decision.compatible
        && std::none_of(r.findings.cbegin(), r.findings.cend(), [](const Finding &f) { return f.severity == Severity::Error; });
    return r;
}

QString targetOf(const CheckInput &in) { return in.targetMdev.isEmpty() ? in.mdev : in.targetMdev; }

} // namespace

QList<Finding> CheckReport::blocking() const
{
    QList<Finding> out;
    for (const Finding &f : findings)
        if (f.severity == Severity::Error)
            out.append(f);
    return out;
}

namespace {

/// A guest without a vfio-ap device in it: nothing of the AP configuration travels live.
Result<CheckReport> checkDeviceFree(const CheckInput &in)
{
    const Guest *g = in.source.guest(in.guest);
    if (!g)
        return makeError(ErrorCode::NotFound, in.source.host, QStringLiteral("no guest named '%1' on the source").arg(in.guest));
    CheckReport r;
    r.profile = in.profile;
    r.sourceHost = in.source.host;
    r.targetHost = in.target.host;
    r.guest = g->name;
    r.time = QDateTime::currentDateTimeUtc();
    r.findings = deviceFreeFindings(in, *g);
    r.findings += blockerFindings(in.blockers, r.guest);
    r.ready = g->state != Guest::State::ShutOff
        && std::none_of(r.findings.cbegin(), r.findings.cend(), [](const Finding &f) { return f.severity == Severity::Error; });
    return r;
}

} // namespace

Result<CheckReport> runCheck(const CheckInput &in)
{
    if (in.mdev.isEmpty() && !in.guest.isEmpty())
        return checkDeviceFree(in);
    if (!in.source.mdev(in.mdev))
        return noSuchMdev(in);
    const HostIndex source(in.source), target(in.target);
    if (!in.allRevisions) {
        const DriverProfile own = revision(in.profile).sameCodeAs;
        return assemble(in, in.profile, {{own, decideWith(own, source, in.mdev, target, targetOf(in), in.chunkBytes)}}, {}, source, target);
    }
    const QList<RevisionDecision> all = decideAll(source, in.mdev, target, targetOf(in), in.chunkBytes, revision(in.profile).sameCodeAs);
    return assemble(in, in.profile, all, revisionNotes(in, targetOf(in), all), source, target);
}

Result<QList<CheckReport>> runCheckAllProfiles(const CheckInput &in)
{
    if (!in.source.mdev(in.mdev))
        return noSuchMdev(in);
    const HostIndex source(in.source), target(in.target);
    const QList<RevisionDecision> all = decideAll(source, in.mdev, target, targetOf(in), in.chunkBytes);
    const QList<FindingText> notes = revisionNotes(in, targetOf(in), all);
    // A profile that names the same code as an earlier one (v4 is v3) reads the same report.
    QList<CheckReport> out;
    for (const DriverProfile p : allProfiles()) {
        const auto same = std::find_if(out.cbegin(), out.cend(), [p](const CheckReport &r) { return r.profile == revision(p).sameCodeAs; });
        if (same == out.cend()) {
            out.append(assemble(in, p, all, notes, source, target));
            continue;
        }
        CheckReport copy = *same;
        copy.profile = p;
        out.append(copy);
    }
    return out;
}

} // namespace ap::migration

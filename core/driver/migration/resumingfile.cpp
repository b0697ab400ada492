#include "resumingfile.h"

#include "compatibility.h"
#include "hwinfosource.h"
#include "revision.h"
#include "stream.h"
#include "../vfioapdriver.h"

#include <QtEndian>

#include <algorithm>
#include <cerrno>

namespace ap::migration {

namespace {
constexpr qint64 kMaxQueues = 65536;
constexpr int kStagingBytes = 12; // C: magic, version, num_queues
} // namespace

ResumingFile::ResumingFile(DriverProfile profile, const HostSnapshot &destination, QString mdevUuid, Leftover leftover,
                           const HostIndex *index)
    : m_profile(profile)
    , m_dest(destination)
    , m_index(index)
    , m_uuid(std::move(mdevUuid))
    , m_log(profile, m_uuid)
    , m_stored(leftover.stored)
    , m_stagingFilled(leftover.stagingFilled)
{
    if (revision(m_profile).write == WriteAlgorithm::FixedBuffer) {
        m_size = streamSize(m_profile, destinationQueueCount());
        m_buffer = QByteArray(m_size, '\0');
    }
}

int ResumingFile::destinationQueueCount() const
{
    const Mdev *m = m_dest.mdev(m_uuid);
    return m ? m->guestAdapters.count() * m->guestDomains.count() : 0;
}

ResumingFile::Answer ResumingFile::done(qint64 result)
{
    return {result, m_log.take(), {}};
}

ResumingFile::Answer ResumingFile::undefined(const QString &why)
{
    return {0, m_log.take(), why};
}

ResumingFile::Answer ResumingFile::write(const QByteArray &chunk)
{
    switch (revision(m_profile).write) {
    case WriteAlgorithm::FixedBuffer: return writeFixedBuffer(chunk);
    case WriteAlgorithm::OneShot: return writeOneShot(chunk);
    case WriteAlgorithm::Chunked: return writeChunked(chunk);
    case WriteAlgorithm::Staged: return writeStaged(chunk);
    }
    return done(-EINVAL);
}

// v2 (kernel-interfaces §6.4): a buffer of the destination's own size; the queue count is
// compared on every write once the header is in, the rest when the buffer is exactly full.
ResumingFile::Answer ResumingFile::writeFixedBuffer(QByteArrayView chunk)
{
    const qint64 len = chunk.size();
    if (m_pos + len > m_size) {
        m_log.add(LogId::ConfigTooLarge, {m_pos + len, m_size});
        return done(-EIO);
    }
    // copy_n, not memcpy: an empty write's view may have no data pointer at all (memcpy from
    // a null pointer is undefined even for 0 bytes).
    std::copy_n(chunk.data(), len, m_buffer.data() + m_pos);
    m_pos += len; // committed even if a check below fails
    if (m_pos < 4)
        return done(len);
    // Both counts are C ints: 0xFFFFFFFF in the stream is -1.
    const int nSrc = int(readU32(m_buffer.constData()));
    const int nDst = destinationQueueCount();
    if (nSrc != nDst) {
        m_log.add(LogId::QueueCountDiffers, {nSrc, nDst});
        return done(nDst > nSrc ? -ENODEV : -E2BIG);
    }
    if (m_pos == m_size) {
        if (const int err = validate())
            return done(-err);
        m_accepted = true;
    }
    return done(len);
}

// v3 (driver-revisions §2.3): the whole configuration must arrive in one write.
ResumingFile::Answer ResumingFile::writeOneShot(QByteArrayView chunk)
{
    const qint64 len = chunk.size();
    if (m_dangling)
        return undefined(QStringLiteral("an earlier write freed the stored configuration the driver still points to"));
    if (len == 0)
        return undefined(QStringLiteral("a zero-length write: the driver sizes or resizes its buffer to nothing and reads the header from it"));
    if ((!m_stored && m_pos != 0) || (m_stored && m_pos == 0))
        return done(-EFAULT);
    qint64 cfg = 0;
    if (m_pos == 0) {
        if (len < headerSize(m_profile))
            return undefined(QStringLiteral("a first write of %1 bytes: the driver sizes its buffer to the write and validates a header it never received")
                                 .arg(len));
        const quint32 n = readU32(chunk.data());
        if (n > kMaxQueues)
            return done(-EINVAL);
        cfg = streamSize(m_profile, n);
    } else {
        // "Reallocation" from the in-stream config_sz, which the source leaves 0.
        const quint64 field = readU64(m_buffer.constData() + revision(m_profile).header.configSizeOffset);
        const quint32 n = readU32(m_buffer.constData());
        if (field >= 16 && qint64(field) != streamSize(m_profile, n))
            return done(-EINVAL);
        cfg = field >= 16 ? qint64(field) : qint64(field) + len;
        if (m_pos + len > cfg) {
            m_dangling = true; // the error path frees the buffer the migration data still holds
            return done(-EIO);
        }
    }
    if (m_pos + len > cfg)
        return done(-EIO);
    QByteArray buffer = m_pos == 0 ? QByteArray(cfg, '\0') : m_buffer;
    buffer.resize(cfg, '\0');
    std::copy_n(chunk.data(), len, buffer.data() + m_pos);
    m_size = cfg;
    if (m_pos + len == cfg) {
        m_buffer = buffer;
        if (const int err = validate()) {
            m_buffer.clear();
            return done(-err); // the buffer is freed; nothing is remembered
        }
        m_stored = true;
        m_accepted = true;
    }
    m_pos += len; // a short first write is not kept: the next write meets EFAULT
    return done(len);
}

// B (driver-revisions §3.3): sized from num_queues in the first 4 bytes, any split after that.
ResumingFile::Answer ResumingFile::writeChunked(QByteArrayView chunk)
{
    const qint64 len = chunk.size();
    if (len == 0)
        return done(-EINVAL);
    if ((!m_stored && m_pos != 0) || (m_stored && m_pos == 0))
        return done(-EFAULT);
    const bool first = m_pos == 0;
    if (first) {
        if (len < 4)
            return done(-EINVAL);
        const quint32 n = readU32(chunk.data());
        if (n > kMaxQueues)
            return done(-EINVAL);
        m_size = streamSize(m_profile, n);
    }
    if (m_pos + len > m_size)
        return done(-EIO);
    if (first)
        m_buffer = QByteArray(m_size, '\0');
    const qint64 at = m_pos;
    m_pos += len; // committed before the copy and kept on a failed validation
    std::copy_n(chunk.data(), len, m_buffer.data() + at);
    if (m_pos == m_size) {
        if (const int err = validate()) {
            if (first)
                m_buffer.clear();
            return done(-err);
        }
        m_accepted = true;
    }
    m_stored = true;
    return done(len);
}

// C (driver-revisions §4.3): a 12-byte staging buffer, then a buffer sized from it.
ResumingFile::Answer ResumingFile::writeStaged(QByteArrayView chunk)
{
    const qint64 len = chunk.size();
    if (len == 0)
        return done(-EINVAL);
    if (m_stagingFilled != m_stored)
        return done(-EFAULT);
    const HeaderLayout &h = revision(m_profile).header;
    if (m_stored) {
        if (readU32(m_buffer.constData()) != kStreamMagic || readU32(m_buffer.constData() + 4) != kStreamVersion)
            return done(-EINVAL); // silently: no log line
        if (m_pos + len > m_size)
            return done(-EIO);
        // The kernel writes into a copy of the stored buffer and copies it back on success;
        // keeping the bytes this write replaces does the same without copying the whole buffer.
        const qint64 at = m_pos;
        const QByteArray replaced = m_buffer.mid(at, len);
        std::copy_n(chunk.data(), len, m_buffer.data() + at);
        m_pos += len;
        if (m_pos == m_size) {
            if (const int err = validate()) {
                std::copy_n(replaced.constData(), len, m_buffer.data() + at); // the copy is freed
                return done(-err);
            }
            m_accepted = true;
        }
        return done(len);
    }
    // Staging not filled yet.
    const qint64 take = std::min<qint64>(len, kStagingBytes - m_pos);
    m_staging.resize(kStagingBytes, '\0');
    std::copy_n(chunk.data(), take, m_staging.data() + m_pos);
    if (m_pos + len < kStagingBytes) {
        m_pos += len;
        return done(len);
    }
    m_stagingFilled = true;
    const quint32 n = readU32(m_staging.constData() + h.countOffset);
    if (n > kMaxQueues)
        return done(-EINVAL); // staging stays filled without a buffer: every later write EFAULT
    m_size = streamSize(m_profile, n);
    const qint64 end = m_pos + len;
    if (end > m_size)
        return undefined(QStringLiteral("the write ends at byte %1 of a %2-byte buffer: the kernel copies past its end (heap overflow)")
                             .arg(end).arg(m_size));
    m_buffer = QByteArray(m_size, '\0');
    std::copy_n(m_staging.constData(), kStagingBytes, m_buffer.data());
    std::copy_n(chunk.data() + take, len - take, m_buffer.data() + kStagingBytes);
    m_pos = end;
    if (m_pos == m_size) {
        if (const int err = validate()) {
            m_buffer.clear();
            return done(-err);
        }
        m_accepted = true;
    }
    m_stored = true;
    return done(len);
}

int ResumingFile::validate()
{
    const Revision &rev = revision(m_profile);
    const HeaderLayout &h = rev.header;
    const char *d = m_buffer.constData();
    // The loops run to the header's count, which the size checks made consistent with the buffer.
    const qint64 n = std::min<qint64>(readU32(d + h.countOffset), (m_buffer.size() - h.size) / 16);
    auto apqnAt = [&](qint64 i) { return Apqn::fromValue(qFromBigEndian<quint16>(d + h.size + 16 * i + 8)); };
    auto dataAt = [&](qint64 i) { return Hwinfo(readU64(d + h.size + 16 * i)); };
    const Mdev *mdev = m_dest.mdev(m_uuid);
    std::optional<HostIndex> own;
    if (!m_index)
        own.emplace(m_dest);
    const HostIndex &index = m_index ? *m_index : *own;

    // a. Every source APQN must be usable here (all misses logged).
    bool available = true;
    for (qint64 i = 0; i < n; ++i) {
        const Apqn q = apqnAt(i);
        if (rev.queueCheck == QueueCheck::InGuestMatrix) {
            if (!mdev || !mdev->inGuestMatrix(q)) {
                m_log.add(LogId::NotAssigned, q);
                available = false;
            }
        } else {
            const Queue *queue = index.queue(q);
            if (!queue || !queue->isBoundToVfio()) {
                m_log.add(LogId::QueueNotAvailable, q);
                available = false;
            }
        }
    }
    if (!available)
        return ENODEV;

    // b. Control domains from the stream must be in the host's QCI ADM (not the mdev's).
    const IdMask adm = h.admOffset >= 0 ? readAdm(d + h.admOffset) : IdMask();
    if (rev.controlDomains) {
        const IdMask host = m_dest.bus.qciAvailable ? m_dest.bus.configuredControlDomains : IdMask();
        bool cdomsOk = true;
        for (const int cd : adm.ids()) {
            if (!host.test(cd)) {
                m_log.add(LogId::ControlDomainNotAvailable, {cd});
                cdomsOk = false;
            }
        }
        if (!cdomsOk)
            return ENODEV;
    }

    // c. Each queue: the destination's hwinfo (v2: stored at probe; later: TAPQ), then the rule.
    int err = 0;
    for (qint64 i = 0; i < n; ++i) {
        const Apqn q = apqnAt(i);
        Hwinfo target;
        if (rev.data == DataOrigin::CardAtProbe) {
            const Card *c = index.card(q.adapter);
            target = c ? probeHwinfo(m_dest, *c) : Hwinfo();
        } else {
            const TapqAnswer t = tapq(index, q);
            if (t.rc == 1) {
                m_log.add(LogId::TapqNotAvailable, {q.adapter, q.domain, t.rc});
                err = ENODEV;
                continue;
            }
            if (!t.known() && t.async == rev.tapqFailsWithAsync) {
                m_log.add(LogId::TapqFailed, {q.adapter, q.domain, t.rc});
                err = EIO;
                continue;
            }
            target = t.gr2;
        }
        const Hwinfo source = dataAt(i);
        if (!queueCompatible(m_profile, source, target)) {
            reportIncompatibility(m_log, q, source, target);
            err = rev.incompatibleErrno;
            if (rev.firstIncompatibleEnds)
                return err;
        }
    }
    if (err || rev.queueCheck == QueueCheck::InGuestMatrix)
        return err; // v2 leaves the destination's matrix as it is

    // d. The source's APQNs (and, from B on, its control domains) become the mdev's matrix.
    MatrixAssignment next;
    for (qint64 i = 0; i < n; ++i) {
        next.adapters.set(apqnAt(i).adapter);
        next.domains.set(apqnAt(i).domain);
    }
    next.controlDomains = adm;
    if (!rev.controlDomains) {
        // v3 applies with filtering forbidden (vfio_ap_ops.c, kernel-interfaces §6.5 c). B and C
        // moved these checks to the caller; their own error set is not verified.
        const driver::Outcome o = driver::checkConfig(m_dest, m_uuid, next.adapters, next.domains, next.controlDomains);
        if (!o.ok()) {
            m_log.append(o.log); // the matrix code's own lines (sharing warnings)
            return o.err;
        }
        const driver::GuestMatrix g = driver::computeGuestMatrix(m_dest, next.adapters, next.domains, next.controlDomains);
        if (g.adapters != next.adapters || g.domains != next.domains)
            return ECANCELED;
    }
    m_applied = next;
    return 0;
}

} // namespace ap::migration

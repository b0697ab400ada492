#include "resumingfile.h"

#include "compatibility.h"
#include "hwinfosource.h"
#include "stream.h"
#include "../outcome.h"
#include "../vfioapdriver.h"

#include <QtEndian>

#include <cerrno>

namespace ap::migration {

ResumingFile::ResumingFile(DriverProfile profile, const HostSnapshot &destination, QString mdevUuid)
    : m_profile(profile)
    , m_dest(destination)
    , m_uuid(std::move(mdevUuid))
    , m_prefix(driver::mdevLogPrefix(m_uuid))
{
    if (const Mdev *m = m_dest.mdev(m_uuid))
        m_guestMatrix = m->guestMatrix();
    if (m_profile == DriverProfile::V2) {
        m_size = streamSize(DriverProfile::V2, m_guestMatrix.size());
        m_buffer = QByteArray(m_size, '\0');
    }
}

ResumingFile::Answer ResumingFile::write(const QByteArray &chunk)
{
    return m_profile == DriverProfile::V2 ? writeV2(chunk) : writeV3(chunk);
}

ResumingFile::Answer ResumingFile::writeV2(const QByteArray &chunk)
{
    Answer a;
    const qint64 len = chunk.size();
    // Parameter checks: -EIO, nothing copied, position unchanged.
    if (m_pos + len > m_size) {
        a.log.append(m_prefix + QStringLiteral("migration failed: source guest's AP config size (%1) larger than target's (%2)")
                                    .arg(m_pos + len).arg(m_size));
        a.result = -EIO;
        return a;
    }
    std::memcpy(m_buffer.data() + m_pos, chunk.constData(), size_t(len));
    m_pos += len; // committed even if a check below fails: a retry continues after the data

    if (m_pos >= 4) {
        const qint64 nSrc = readU32(m_buffer.constData());
        const qint64 nDst = m_guestMatrix.size();
        if (nSrc != nDst) {
            a.log.append(m_prefix + QStringLiteral("migration failed: number of queues on source (%1) and target (%2) guests differ")
                                        .arg(qint32(nSrc)).arg(nDst));
            a.result = nDst > nSrc ? -ENODEV : -E2BIG;
            return a;
        }
        if (m_pos == m_size) {
            QList<StreamEntry> entries;
            for (qint64 i = 0; i < nSrc; ++i) {
                const char *e = m_buffer.constData() + 8 + 16 * i;
                entries.append({Apqn::fromValue(qFromBigEndian<quint16>(e + 8)), Hwinfo(readU64(e))});
            }
            const Mdev *m = m_dest.mdev(m_uuid);
            bool allAssigned = true;
            for (const StreamEntry &e : entries) {
                if (!m || !m->guestAdapters.test(e.apqn.adapter) || !m->guestDomains.test(e.apqn.domain)) {
                    a.log.append(m_prefix + QStringLiteral("migration failed: queue %1 not assigned to guest matrix").arg(e.apqn.toString()));
                    allAssigned = false;
                }
            }
            if (!allAssigned) {
                a.result = -ENODEV;
                return a;
            }
            for (const StreamEntry &e : entries) {
                const Hwinfo target = driverHwinfo(DriverProfile::V2, m_dest, e.apqn).value_or(Hwinfo());
                if (!queueCompatible(DriverProfile::V2, e.hwinfo, target)) {
                    a.log += incompatibilityLog(DriverProfile::V2, m_uuid, e.apqn, e.hwinfo, target);
                    a.result = -EFAULT; // the first incompatible queue ends the check
                    return a;
                }
            }
            m_accepted = true;
        }
    }
    a.result = len;
    return a;
}

ResumingFile::Answer ResumingFile::writeV3(const QByteArray &chunk)
{
    Answer a;
    const qint64 len = chunk.size();
    if ((!m_stored && m_pos != 0) || (m_stored && m_pos == 0)) {
        a.result = -EFAULT;
        return a;
    }
    if (m_pos == 0) {
        // Header from the first min(len, 16) bytes; a short first write sizes the buffer to itself.
        QByteArray header = chunk.left(16);
        header.resize(16, '\0');
        const quint32 n = readU32(header.constData());
        if (len >= 16) {
            if (n > 65536) {
                a.result = -EINVAL;
                return a;
            }
            m_size = streamSize(DriverProfile::V3, n);
        } else {
            m_size = len;
        }
        m_buffer = QByteArray(m_size, '\0');
    } else {
        // The stored buffer is resized from the config_sz field in the stream, which the source
        // never sets (0): the new size is that field plus this write's length.
        const quint64 field = readU64(m_buffer.constData() + 8);
        const quint32 n = readU32(m_buffer.constData());
        if (field >= 16 && qint64(field) != streamSize(DriverProfile::V3, n)) {
            a.result = -EINVAL;
            return a;
        }
        m_size = field >= 16 ? qint64(field) : qint64(field) + len;
    }
    if (m_pos + len > m_size) {
        a.result = -EIO;
        return a;
    }
    if (m_buffer.size() < m_size)
        m_buffer.resize(m_size, '\0');
    std::memcpy(m_buffer.data() + m_pos, chunk.constData(), size_t(len));
    if (m_pos + len == m_size) {
        Answer checked = checkV3Configuration();
        if (checked.result < 0)
            return checked; // the buffer is freed; nothing is remembered
        a.log = checked.log;
        m_stored = true;
        m_accepted = true;
    }
    m_pos += len;
    a.result = len;
    return a;
}

ResumingFile::Answer ResumingFile::checkV3Configuration()
{
    Answer a;
    QList<StreamEntry> entries;
    const qint64 n = m_buffer.size() >= 4 ? readU32(m_buffer.constData()) : 0;
    for (qint64 i = 0; i < n && 16 + 16 * (i + 1) <= m_buffer.size(); ++i) {
        const char *e = m_buffer.constData() + 16 + 16 * i;
        entries.append({Apqn::fromValue(qFromBigEndian<quint16>(e + 8)), Hwinfo(readU64(e))});
    }
    // a. Every source queue must exist here and be bound to vfio_ap.
    bool available = true;
    for (const StreamEntry &e : entries) {
        const Queue *q = m_dest.queue(e.apqn);
        if (!q || !q->isBoundToVfio()) {
            a.log.append(m_prefix + QStringLiteral("Queue %1 not available to vfio_ap driver on target host").arg(e.apqn.toString()));
            available = false;
        }
    }
    if (!available) {
        a.result = -ENODEV;
        return a;
    }
    // b. Every queue is examined; the last failure's code is returned.
    int err = 0;
    for (const StreamEntry &e : entries) {
        const std::optional<Hwinfo> live = driverHwinfo(DriverProfile::V3, m_dest, e.apqn);
        const Hwinfo target = live.value_or(Hwinfo());
        if (!queueCompatible(DriverProfile::V3, e.hwinfo, target)) {
            a.log += incompatibilityLog(DriverProfile::V3, m_uuid, e.apqn, e.hwinfo, target);
            err = EFAULT;
        }
    }
    if (err) {
        a.result = -err;
        return a;
    }
    // c. The source's APQNs become the destination mdev's matrix; no adapter may be filtered.
    MatrixAssignment next;
    for (const StreamEntry &e : entries) {
        next.adapters.set(e.apqn.adapter);
        next.domains.set(e.apqn.domain);
    }
    const driver::Outcome o = driver::checkConfig(m_dest, m_uuid, next.adapters, next.domains, next.controlDomains);
    if (!o.ok()) {
        a.log += o.log;
        a.result = -o.err;
        return a;
    }
    const driver::GuestMatrix g = driver::computeGuestMatrix(m_dest, next.adapters, next.domains, next.controlDomains);
    if (g.adapters != next.adapters || g.domains != next.domains) {
        a.result = -ECANCELED;
        return a;
    }
    m_applied = next;
    return a;
}

} // namespace ap::migration

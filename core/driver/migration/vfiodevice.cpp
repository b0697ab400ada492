#include "vfiodevice.h"

#include "driverlog.h"
#include "revision.h"
#include "sourcestream.h"
#include "../outcome.h"
#include "../vfioapdriver.h"

#include <cerrno>

namespace ap::migration {

VfioMigrationDevice::VfioMigrationDevice(DriverProfile profile, QString uuid)
    : m_profile(profile)
    , m_uuid(std::move(uuid))
{
}

VfioMigrationDevice::Transition VfioMigrationDevice::setState(VfioState requested, const HostSnapshot &host)
{
    Transition t;
    if (host.secureExecutionGuest) {
        if (revision(m_profile).secureExecution == SecureExecution::NoMigration) {
            t.err = ENOTTY; // no migration ops registered: the VFIO core answers the feature ioctl
            return t;
        }
        KernelLog log(m_profile, m_uuid);
        log.add(LogId::SecureExecution);
        t.err = EPERM;
        t.log = log.take();
        return t;
    }
    while (m_state != requested) {
        const Result<VfioState> next = nextState(m_state, requested, flags());
        if (!next) {
            t.err = next.error().kernelErrno;
            return t;
        }
        const VfioState from = m_state;
        const VfioState to = *next;
        if (from == VfioState::Stop && to == VfioState::StopCopy) {
            // v2 snapshots the configuration now; v3 builds it on every read(); B and C at the
            // first read(), and keep it until reset or close.
            if (revision(m_profile).snapshot == SourceSnapshot::AtStopCopy)
                m_saved = buildSourceStream(m_profile, host, m_uuid);
            m_readPos = 0;
        } else if (from == VfioState::Stop && to == VfioState::Resuming) {
            const bool carries = revision(m_profile).write == WriteAlgorithm::Chunked
                || revision(m_profile).write == WriteAlgorithm::Staged;
            const ResumingFile::Leftover left = carries && m_file ? m_file->leftover() : ResumingFile::Leftover{};
            m_file = std::make_unique<ResumingFile>(m_profile, host, m_uuid, left);
            m_appliedConfig = false;
        }
        // Leaving STOP_COPY or RESUMING disables the file without any completeness check (§6.8 7).
        m_state = to;
        t.entered.append(to);
    }
    return t;
}

Result<QByteArray> VfioMigrationDevice::read(qint64 max, const HostSnapshot &host)
{
    if (m_state != VfioState::StopCopy)
        return makeError(ErrorCode::Kernel, m_uuid, QStringLiteral("read() outside STOP_COPY"), {}, EINVAL);
    switch (revision(m_profile).snapshot) {
    case SourceSnapshot::AtStopCopy: break;
    case SourceSnapshot::EveryRead: m_saved = buildSourceStream(m_profile, host, m_uuid); break;
    case SourceSnapshot::FirstReadCached:
        if (!m_saved || m_saved->err)
            m_saved = buildSourceStream(m_profile, host, m_uuid);
        break;
    }
    if (!m_saved)
        return QByteArray();
    if (m_saved->err)
        return makeError(ErrorCode::Kernel, m_uuid, m_saved->log.join(QLatin1Char('\n')), {}, m_saved->err);
    const QByteArray &stream = m_saved->bytes;
    if (m_readPos >= stream.size())
        return QByteArray();
    const QByteArray slice = stream.mid(m_readPos, max);
    m_readPos += slice.size();
    return slice;
}

ResumingFile::Answer VfioMigrationDevice::write(const QByteArray &chunk, HostSnapshot &host)
{
    if (m_state != VfioState::Resuming || !m_file)
        return {-EINVAL, {}, {}};
    ResumingFile::Answer a = m_file->write(chunk);
    if (a.result >= 0 && !a.isUndefined() && !m_appliedConfig) {
        if (const auto applied = m_file->appliedMatrix()) {
            if (Mdev *m = host.mdev(m_uuid)) {
                m->adapters = applied->adapters;
                m->domains = applied->domains;
                m->controlDomains = applied->controlDomains;
                driver::refreshDerivedState(host);
            }
            m_appliedConfig = true;
        }
    }
    return a;
}

} // namespace ap::migration

#include "vfiodevice.h"

#include "hwinfosource.h"
#include "stream.h"
#include "../outcome.h"
#include "../vfioapdriver.h"

#include <cerrno>

namespace ap::migration {

VfioMigrationDevice::VfioMigrationDevice(DriverProfile profile, QString uuid)
    : m_profile(profile)
    , m_uuid(std::move(uuid))
{
}

QByteArray VfioMigrationDevice::currentStream(const HostSnapshot &host) const
{
    QList<StreamEntry> entries;
    if (const Mdev *m = host.mdev(m_uuid)) {
        for (const Apqn q : m->guestMatrix())
            entries.append({q, driverHwinfo(m_profile, host, q).value_or(Hwinfo())});
    }
    return encodeStream(m_profile, entries);
}

VfioMigrationDevice::Transition VfioMigrationDevice::setState(VfioState requested, const HostSnapshot &host)
{
    Transition t;
    if (host.secureExecutionGuest) {
        t.err = EPERM;
        t.log.append(driver::mdevLogPrefix(m_uuid) + QStringLiteral("Migration not allowed from or to a Secure Execution guest"));
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
            // v2 snapshots the configuration now; v3 builds it again on every read().
            m_saved = m_profile == DriverProfile::V2 ? currentStream(host) : QByteArray();
            m_readPos = 0;
        } else if (from == VfioState::Stop && to == VfioState::Resuming) {
            m_file = std::make_unique<ResumingFile>(m_profile, host, m_uuid);
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
    const QByteArray stream = m_profile == DriverProfile::V2 ? m_saved : currentStream(host);
    if (m_readPos >= stream.size())
        return QByteArray();
    const QByteArray slice = stream.mid(m_readPos, max);
    m_readPos += slice.size();
    return slice;
}

ResumingFile::Answer VfioMigrationDevice::write(const QByteArray &chunk, HostSnapshot &host)
{
    if (m_state != VfioState::Resuming || !m_file)
        return {-EINVAL, {}};
    ResumingFile::Answer a = m_file->write(chunk);
    if (a.result >= 0 && !m_appliedConfig) {
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

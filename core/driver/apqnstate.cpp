#include "apqnstate.h"

namespace ap::driver {

ApqnStateResolver::ApqnStateResolver(const HostSnapshot &host, QStringView mdevUuid)
    : m_host(host)
    , m_mdev(mdevUuid.isEmpty() ? nullptr : host.mdev(mdevUuid))
{
    if (m_mdev)
        m_guest = computeGuestMatrix(host, m_mdev->adapters, m_mdev->domains, m_mdev->controlDomains);
}

ApqnState ApqnStateResolver::state(Apqn q) const
{
    ApqnState s;
    const Queue *queue = m_host.queue(q);
    s.queueExists = queue != nullptr;
    if (queue) {
        s.configured = queue->config;
        s.checkstopped = queue->chkstop;
        s.driver = queue->driver;
    }
    if (m_mdev && !m_mdev->matrixKnown) {
        s.ownership = ApqnState::Ownership::Unknown;
        return s;
    }
    if (m_mdev && m_mdev->assigns(q)) {
        if (!m_mdev->guestMatrixKnown) {
            s.ownership = ApqnState::Ownership::Assigned;
            return s;
        }
        if (m_mdev->inGuestMatrix(q)) {
            s.ownership = ApqnState::Ownership::InGuest;
            return s;
        }
        s.ownership = ApqnState::Ownership::AssignedFiltered;
        if (!m_host.bus.qciAvailable)
            s.reason = QStringLiteral("the host has no AP configuration information (QCI)");
        else if (!m_host.bus.configuredAdapters.test(q.adapter))
            s.reason = QStringLiteral("adapter 0x%1 is not in the host configuration").arg(q.adapter, 2, 16, QLatin1Char('0'));
        else if (!m_host.bus.configuredDomains.test(q.domain))
            s.reason = QStringLiteral("domain 0x%1 is not in the host configuration").arg(q.domain, 4, 16, QLatin1Char('0'));
        else {
            for (const auto &[adapter, blocker] : m_guest.filteredAdapters) {
                if (adapter != q.adapter)
                    continue;
                const Queue *bq = m_host.queue(blocker);
                const QString why = !bq ? QStringLiteral("does not exist")
                    : bq->driver.isEmpty() ? QStringLiteral("is not bound to any driver")
                                           : QStringLiteral("is bound to %1, not vfio_ap").arg(bq->driver);
                s.reason = blocker == q ? QStringLiteral("queue %1 %2, so the whole adapter is withheld").arg(q.toString(), why)
                                        : QStringLiteral("queue %1 of the same adapter %2, so the whole adapter is withheld").arg(blocker.toString(), why);
                break;
            }
            if (s.reason.isEmpty())
                s.reason = QStringLiteral("the guest matrix has not been updated yet");
        }
        return s;
    }
    const QStringList others = m_host.mdevsAssigning(q, m_mdev ? QStringView(m_mdev->uuid) : QStringView());
    if (!others.isEmpty()) {
        s.ownership = ApqnState::Ownership::OtherMdev;
        s.otherMdev = others.first();
        return s;
    }
    if (!m_host.bus.apmaskKnown || !m_host.bus.aqmaskKnown)
        s.ownership = ApqnState::Ownership::Unknown;
    else
        s.ownership = m_host.isReservedForHost(q) ? ApqnState::Ownership::ReservedForHost : ApqnState::Ownership::Free;
    return s;
}

} // namespace ap::driver

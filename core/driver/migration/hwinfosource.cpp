#include "hwinfosource.h"

#include "revision.h"

namespace ap::migration {

TapqAnswer tapq(const HostIndex &h, Apqn apqn)
{
    TapqAnswer a;
    const Queue *q = h.queue(apqn);
    const Card *c = h.card(apqn.adapter);
    if (!q || !c) {
        a.rc = 1;
        return a;
    }
    if (q->functions)
        a.gr2 = Hwinfo::fromFunctions(*q->functions, c->rawHwtype);
    if (!q->config || !c->config)
        a.rc = 3;
    else if (q->chkstop || c->chkstop)
        a.rc = 4;
    else if (!q->functions)
        a.rc = kUnreadableRc;
    return a;
}

Hwinfo probeHwinfo(const HostSnapshot &h, const Card &c)
{
    const quint64 nd = quint64(h.bus.maxDomainId + 1) & 0xff;
    const quint64 ml = quint64(c.maxMessageSize / 4096) & 0xf;
    const quint64 qd = quint64(c.depth) & 0xf;
    return Hwinfo(Hwinfo::fromFunctions(c.functions, c.rawHwtype).value() | nd << 16 | ml << 8 | qd).cardMasked();
}

namespace {
template<typename Host>
std::optional<Hwinfo> hwinfoOf(DriverProfile p, const Host &h, const HostSnapshot &snapshot, Apqn apqn)
{
    const Queue *q = h.queue(apqn);
    const Card *c = h.card(apqn.adapter);
    if (!q || !c)
        return std::nullopt;
    if (revision(p).data == DataOrigin::CardAtProbe)
        return probeHwinfo(snapshot, *c);
    if (!q->functions)
        return std::nullopt;
    return Hwinfo::fromFunctions(*q->functions, c->rawHwtype);
}
} // namespace

std::optional<Hwinfo> driverHwinfo(DriverProfile p, const HostIndex &h, Apqn apqn)
{
    return hwinfoOf(p, h, h.host(), apqn);
}

std::optional<Hwinfo> driverHwinfo(DriverProfile p, const HostSnapshot &h, Apqn apqn)
{
    return hwinfoOf(p, h, h, apqn);
}

} // namespace ap::migration

#include "compatibility.h"

#include "revision.h"

namespace ap::migration {

namespace {

bool native(Hwinfo h) { return h.classification() & Hwinfo::kClassNative; }

void feature(KernelLog &log, Feature f, bool s, bool t, Apqn q)
{
    if (s == t)
        return;
    log.add(featureLine(f, s ? FeatureLine::SourceHas : FeatureLine::SourceLacks), q);
    log.add(featureLine(f, s ? FeatureLine::TargetLacks : FeatureLine::TargetHas), q);
}

} // namespace

bool queueCompatible(DriverProfile p, Hwinfo s, Hwinfo t)
{
    const bool masked = (s.value() & Hwinfo::kCompatMask) == (t.value() & Hwinfo::kCompatMask);
    const bool olderOrSame = s.apType() <= t.apType();
    switch (revision(p).rule) {
    case CompatRule::V2:
        return masked || (s.facilities() == t.facilities() && olderOrSame);
    case CompatRule::V3: {
        const bool classes = native(s) == native(t) || !native(s);
        return masked || (s.facilities() == t.facilities() && olderOrSame && classes && s.bs() == 0 && t.bs() == 0);
    }
    case CompatRule::B:
        return s.bs() == 0 && t.bs() == 0 && (s.facilities() >> 24) == (t.facilities() >> 24) && olderOrSame
            && !(native(s) && !native(t));
    }
    return false;
}

void reportIncompatibility(KernelLog &log, Apqn q, Hwinfo s, Hwinfo t)
{
    const DriverProfile p = log.profile();
    if (queueCompatible(p, s, t))
        return;
    log.add(LogId::Header, q);
    feature(log, Feature::Apsc, s.apsc(), t.apsc(), q);
    feature(log, Feature::Mex4k, s.mex4k(), t.mex4k(), q);
    feature(log, Feature::Crt4k, s.crt4k(), t.crt4k(), q);
    feature(log, Feature::Cca, s.cca(), t.cca(), q);
    feature(log, Feature::Accel, s.accel(), t.accel(), q);
    feature(log, Feature::Xcp, s.ep11(), t.ep11(), q);
    feature(log, Feature::Apxa, s.apxa(), t.apxa(), q);
    feature(log, Feature::Slcf, s.slcf(), t.slcf(), q);

    auto classLines = [&] {
        if (native(s) && !native(t)) {
            log.add(LogId::ClassSourceNative, q);
            log.add(LogId::ClassTargetStateless, q);
        }
    };
    auto bsLine = [&] {
        if (s.bs() || t.bs())
            log.add(LogId::BindState, {s.bs(), t.bs(), q.adapter, q.domain});
    };
    const bool v2Order = revision(p).v2ReporterOrder;
    if (v2Order)
        classLines();
    if (v2Order || s.apType() > t.apType())
        log.add(LogId::ApType, {s.apType(), t.apType()});
    bsLine();
    if (!v2Order)
        classLines();
}

QStringList incompatibilityLog(DriverProfile p, const QString &mdevUuid, Apqn apqn, Hwinfo source, Hwinfo target)
{
    KernelLog log(p, mdevUuid);
    reportIncompatibility(log, apqn, source, target);
    return log.take();
}

} // namespace ap::migration

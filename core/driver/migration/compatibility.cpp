#include "compatibility.h"

#include "../outcome.h"

namespace ap::migration {

namespace {

bool classesCompatible(Hwinfo s, Hwinfo t)
{
    const bool sNative = s.classification() & Hwinfo::kClassNative;
    const bool tNative = t.classification() & Hwinfo::kClassNative;
    return sNative == tNative || !sNative;
}

struct Reporter {
    DriverProfile profile;
    QString prefix;
    QString apqn;
    QStringList lines;

    void add(const QString &text) { lines.append(prefix + text); }

    /// Two lines when a bit differs: what the source has, then what the target has.
    void pair(bool s, bool t, const char *srcOn, const char *tgtOff, const char *srcOff, const char *tgtOn)
    {
        if (s == t)
            return;
        add(QString::fromLatin1(s ? srcOn : srcOff).arg(apqn));
        add(QString::fromLatin1(s ? tgtOff : tgtOn).arg(apqn));
    }
};

} // namespace

bool queueCompatible(DriverProfile p, Hwinfo s, Hwinfo t)
{
    if ((s.value() & Hwinfo::kCompatMask) == (t.value() & Hwinfo::kCompatMask))
        return true;
    const bool newer = s.facilities() == t.facilities() && s.apType() <= t.apType();
    if (p == DriverProfile::V2)
        return newer;
    return newer && classesCompatible(s, t) && s.bs() == 0 && t.bs() == 0;
}

QStringList incompatibilityLog(DriverProfile p, const QString &uuid, Apqn apqn, Hwinfo s, Hwinfo t)
{
    if (queueCompatible(p, s, t))
        return {};
    Reporter r{p, driver::mdevLogPrefix(uuid), apqn.toString(), {}};
    const bool v3 = p == DriverProfile::V3;
    r.add(QStringLiteral("Migration failed: Source and target queue (%1) not compatible").arg(r.apqn));

    // Facilities. v3's reversed APSC target line lacks the colon after the device name.
    if (s.apsc() != t.apsc()) {
        if (s.apsc()) {
            r.add(QStringLiteral("APSC facility installed in source queue %1").arg(r.apqn));
            r.add(QStringLiteral("APSC facility not installed in target queue %1").arg(r.apqn));
        } else {
            r.add(QStringLiteral("APSC facility not installed in source queue %1").arg(r.apqn));
            const QString line = QStringLiteral("APSC facility installed in target queue %1").arg(r.apqn);
            r.lines.append(v3 ? QStringLiteral("vfio_ap_mdev %1 %2").arg(uuid, line) : r.prefix + line);
        }
    }
    r.pair(s.mex4k(), t.mex4k(), "mex4k facility installed in source queue %1", "mex4k facility not installed in target queue %1",
           "mex4k facility not installed in source queue %1", "mex4k facility installed in target queue %1");
    r.pair(s.crt4k(), t.crt4k(), "crt4k facility installed in source queue %1", "crt4k facility not installed in target queue %1",
           "crt4k facility not installed in source queue %1", "crt4k facility installed in target queue %1");

    // Mode.
    r.pair(s.cca(), t.cca(), "Coprocessor-mode facility installed in source queue %1",
           v3 ? "Coprocessor-mode  facility not installed target queue %1" : "Coprocessor-mode facility not installed target queue %1",
           "Coprocessor-mode facility not installed in source queue %1", "Coprocessor-mode facility installed target queue %1");
    r.pair(s.accel(), t.accel(), "Accelerator-mode facility installed source queue %1", "Accelerator-mode facility not installed target queue %1",
           "Accelerator-mode facility not installed source queue %1", "Accelerator-mode facility installed target queue %1");
    r.pair(s.ep11(), t.ep11(), "XCP-mode facility installed source queue %1", "XCP-mode facility not installed target queue %1",
           "XCP-mode facility not installed source queue %1", "XCP-mode facility installed target queue %1");

    r.pair(s.apxa(), t.apxa(), "AP-extended-addressing (APXA) facility installed in source queue %1",
           "AP-extended-addressing (APXA) facility not installed in target queue %1",
           "AP-extended-addressing (APXA) facility not installed in source queue %1",
           "AP-extended-addressing (APXA) facility installed in target queue %1");
    r.pair(s.slcf(), t.slcf(), "Stateless-command-filtering (SLCF) available in source queue %1",
           "Stateless-command-filtering (SLCF) not available in target queue %1",
           "Stateless-command-filtering (SLCF) not available in source queue %1",
           "Stateless-command-filtering (SLCF) available in target queue %1");

    auto classLines = [&] {
        const bool sNative = s.classification() & Hwinfo::kClassNative;
        const bool tNative = t.classification() & Hwinfo::kClassNative;
        if (sNative && !tNative) {
            r.add(QStringLiteral("Full native card function available on source queue %1").arg(r.apqn));
            r.add(QStringLiteral("Only stateless functions available on target queue %1").arg(r.apqn));
        }
    };
    auto typeLine = [&] {
        // v2 prints it for every rejection, whatever the types; v3 only for an older target.
        if (!v3 || s.apType() > t.apType())
            r.add(QStringLiteral("AP type of source (%1) not compatible with target (%2)")
                      .arg(s.apType(), 2, 16, QLatin1Char('0'))
                      .arg(t.apType(), 2, 16, QLatin1Char('0')));
    };
    auto bsLine = [&] {
        if (s.bs() || t.bs())
            r.add(QStringLiteral("Bind/associate state for source (%1) and target (%2) queue %3 %4")
                      .arg(s.bs(), 1, 16).arg(t.bs(), 1, 16).arg(r.apqn,
                           v3 ? QStringLiteral("must be 0") : QStringLiteral("are not compatible")));
    };
    if (v3) {
        typeLine();
        bsLine();
        classLines();
    } else {
        classLines();
        typeLine();
        bsLine();
    }
    return r.lines;
}

} // namespace ap::migration

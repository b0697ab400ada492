#include "demofleet.h"

#include "../driver/vfioapdriver.h"

#include <QCryptographicHash>

namespace ap::demo {

namespace {

struct AdapterSpec {
    int id;
    int hwtype;
    CryptoMode mode;
    bool config = true;
    bool chkstop = false;
};

/// Facility words (bits 0-31 of TAPQ GR2) of the adapters a z15/z16 carries, class "native".
std::uint32_t functionsFor(int hwtype, CryptoMode mode)
{
    std::uint32_t f = Hwinfo::kFacApsc | Hwinfo::kFacApxa | (std::uint32_t(Hwinfo::kClassNative) << 16);
    if (hwtype >= 14)
        f |= Hwinfo::kFacSlcf;
    switch (mode) {
    case CryptoMode::Cca: f |= Hwinfo::kFacCca | Hwinfo::kFacMex4k | Hwinfo::kFacCrt4k; break;
    case CryptoMode::Accelerator: f |= Hwinfo::kFacAccel | Hwinfo::kFacMex4k | Hwinfo::kFacCrt4k; break;
    case CryptoMode::Ep11: f |= Hwinfo::kFacEp11; break;
    case CryptoMode::None: break;
    }
    return f;
}

/// A deterministic verification pattern: the same key set and domain give the same pattern on
/// every host, so hosts loaded with the same master keys agree.
QByteArray pattern(const QString &keySet, const char *kind, int domain, int hexDigits)
{
    const QByteArray seed = keySet.toUtf8() + '/' + kind + '/' + QByteArray::number(domain);
    QByteArray h = QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex();
    return h.left(hexDigits);
}

Mkvps ccaKeys(const QString &aesSet, const QString &apkaSet, int domain)
{
    using R = MkvpRegister;
    Mkvps m;
    m.flavor = Mkvps::Flavor::Cca;
    m.registers = {
        {R::Kind::Aes, R::Slot::New, R::State::Empty, QByteArray(16, '0')},
        {R::Kind::Aes, R::Slot::Cur, R::State::Valid, pattern(aesSet, "aes", domain, 16)},
        {R::Kind::Aes, R::Slot::Old, R::State::Valid, pattern(aesSet + QStringLiteral("-old"), "aes", domain, 16)},
        {R::Kind::Apka, R::Slot::New, R::State::Unknown, {}},
        {R::Kind::Apka, R::Slot::Cur, R::State::Valid, pattern(apkaSet, "apka", domain, 16)},
        {R::Kind::Apka, R::Slot::Old, R::State::Unknown, {}},
        {R::Kind::Asym, R::Slot::New, R::State::Unknown, {}},
        {R::Kind::Asym, R::Slot::Cur, R::State::Valid, pattern(aesSet, "asym", domain, 32)},
        {R::Kind::Asym, R::Slot::Old, R::State::Unknown, {}},
    };
    return m;
}

Mkvps ep11Keys(const QString &wkSet, int domain)
{
    using R = MkvpRegister;
    Mkvps m;
    m.flavor = Mkvps::Flavor::Ep11;
    m.registers = {
        {R::Kind::Wk, R::Slot::Cur, R::State::Valid, pattern(wkSet, "wk", domain, 64)},
        {R::Kind::Wk, R::Slot::New, R::State::Empty, {}},
    };
    return m;
}

struct HostSpec {
    QString name;
    QString description;
    QList<AdapterSpec> adapters;
    IdMask configuredDomains;
    IdMask configuredControlDomains;
    IdMask vfioAdapters;    ///< adapters released from the host (cleared in apmask)
    IdMask vfioDomains;     ///< domains released from the host (cleared in aqmask)
    bool migratable = false;
    QString aesKeySet;      ///< which AES/ASYM master keys the host's CCA domains hold
    QString apkaKeySet;
    QString wkKeySet;
    int serialBase = 0;
    QString kernelRelease;  ///< what /proc/sys/kernel/osrelease shows
    QString srcversion;     ///< /sys/module/vfio_ap/srcversion: one value per vfio_ap build
};

HostSnapshot build(const HostSpec &s)
{
    HostSnapshot h;
    h.host = QStringLiteral("demo:") + s.name;
    h.description = s.description;
    h.kernelRelease = s.kernelRelease;
    h.vfioApSrcversion = s.srcversion;
    h.bus.maxAdapterId = 63;
    h.bus.maxDomainId = 84;
    h.bus.apmask = IdMask::all().minus(s.vfioAdapters);
    h.bus.aqmask = IdMask::all().minus(s.vfioDomains);
    h.bus.features = {QStringLiteral("APSC"), QStringLiteral("APXA"), QStringLiteral("QACT"), QStringLiteral("RC8A"), QStringLiteral("APSB")};
    h.bus.qciAvailable = true;
    h.bus.configuredDomains = s.configuredDomains;
    h.bus.configuredControlDomains = s.configuredControlDomains;
    h.bus.defaultDomain = s.configuredDomains.ids().value(0, -1);
    h.matrix.present = true;
    h.matrix.features = {QStringLiteral("guest_matrix"), QStringLiteral("hotplug"), QStringLiteral("ap_config")};
    if (s.migratable)
        h.matrix.features.append(QStringLiteral("migratable"));

    for (const AdapterSpec &a : s.adapters) {
        h.bus.configuredAdapters.set(a.id);
        Card c;
        c.id = a.id;
        c.hwtype = a.hwtype;
        c.rawHwtype = a.hwtype;
        c.functions = functionsFor(a.hwtype, a.mode);
        c.depth = 7;
        c.maxMessageSize = a.hwtype >= 13 ? 24576 : 12288;
        c.config = a.config;
        c.chkstop = a.chkstop;
        c.driver = drivers::cex4card();
        c.typeString = cexTypeName(a.hwtype, a.mode);
        c.online = a.config && !a.chkstop;
        c.requestCount = quint64(1000 + a.id * 137);
        if (a.mode != CryptoMode::Accelerator)
            c.serialNumber = a.mode == CryptoMode::Ep11 ? QStringLiteral("93AAB%1").arg(s.serialBase + a.id, 11, 10, QLatin1Char('0'))
                                                        : QStringLiteral("%1").arg(s.serialBase + a.id, 8, 10, QLatin1Char('0'));
        if (a.mode == CryptoMode::Ep11)
            c.opModes = {QStringLiteral("FIPS2021")};
        h.cards.append(c);

        for (int d : s.configuredDomains.ids()) {
            Queue q;
            q.apqn = Apqn{quint8(a.id), quint8(d)};
            q.config = a.config;
            q.chkstop = a.chkstop;
            q.functions = c.functions;
            Mkvps keys;
            const bool hasKeys = a.mode == CryptoMode::Cca || a.mode == CryptoMode::Ep11;
            if (a.mode == CryptoMode::Cca)
                keys = ccaKeys(s.aesKeySet, s.apkaKeySet, d);
            else if (a.mode == CryptoMode::Ep11)
                keys = ep11Keys(s.wkKeySet, d);
            if (h.isReservedForHost(q.apqn)) {
                q.driver = drivers::cex4queue();
                q.online = q.config && !q.chkstop;
                q.requestCount = quint64((a.id * 31 + d * 7) % 500);
                if (hasKeys)
                    q.mkvps = keys;
                if (a.mode == CryptoMode::Ep11)
                    q.opModes = {QStringLiteral("FIPS2021")};
            } else {
                q.driver = drivers::vfioAp();
                q.requestCount = 0;
            }
            if (hasKeys)
                h.lastSeenMkvps.insert(q.apqn, keys);
            h.queues.append(q);
        }
    }
    h.sort();
    return h;
}

void addMdev(HostSnapshot &h, const QString &uuid, const QList<int> &adapters, const QList<int> &domains,
             const QList<int> &controlDomains)
{
    Mdev m;
    m.uuid = uuid;
    m.adapters = IdMask::fromIds(adapters);
    m.domains = IdMask::fromIds(domains);
    m.controlDomains = IdMask::fromIds(controlDomains);
    h.mdevs.append(m);
    h.matrix.availableInstances -= 1;
}

/// Defines an mdev persistently (as mdevctl would) with its running matrix, or with `defined`
/// where the demo wants the definition to differ from what runs.
void definePersistent(HostSnapshot &h, const QString &uuid, bool autostart, std::optional<MatrixAssignment> defined = std::nullopt)
{
    if (!h.definitions) {
        // chzdev wrote the active masks as the persistent ones.
        h.definitions = HostDefinitions{{}, {h.bus.apmask, h.bus.aqmask, true}, QStringLiteral("simulated"), std::nullopt};
    }
    MdevDefinition d;
    d.uuid = uuid;
    d.autostart = autostart;
    d.matrix = defined ? *defined : MatrixAssignment::of(*h.mdev(uuid));
    h.definitions->definitions.append(d);
    h.definitions->sort();
}

void addGuest(HostSnapshot &h, const char *name, Guest::State state, const QString &mdev = {})
{
    h.guests.append(Guest{QString::fromLatin1(name), state, mdev});
}

} // namespace

namespace {

/// The maintenance fleet (see maintenanceHostNames); nullopt for other names.
std::optional<HostSnapshot> maintenanceHost(const QString &name)
{
    using M = CryptoMode;
    HostSpec s;
    s.name = name;
    s.configuredDomains = IdMask::range(0, 84);
    s.configuredControlDomains = IdMask::range(0, 84);
    s.vfioDomains = IdMask::range(0x10, 0x4f);
    s.migratable = true;
    s.aesKeySet = QStringLiteral("prod-2026");
    s.apkaKeySet = QStringLiteral("prod-2026");
    s.wkKeySet = QStringLiteral("ep11-prod");
    const QList<AdapterSpec> z16 = {{0x00, 14, M::Cca}, {0x01, 14, M::Cca}, {0x02, 14, M::Ep11}, {0x03, 14, M::Accelerator},
                                    {0x05, 14, M::Ep11}, {0x07, 14, M::Cca}};
    HostSnapshot h;
    if (name == QLatin1String("zlab-d")) {
        s.description = QStringLiteral("IBM z16 A01, LPAR ZLABD (Linux 6.16 + vfio-ap migration v2), room to spare");
        s.kernelRelease = QStringLiteral("6.16.0-300.apmig2.fc43.s390x");
        s.srcversion = QStringLiteral("A3F1C07D2B9E54E8D61C0B7");
        s.adapters = z16;
        s.vfioAdapters = IdMask::fromIds({0x01, 0x02, 0x03, 0x05, 0x07});
        s.serialBase = 91250000;
        h = build(s);
        addMdev(h, uuids::web, {0x07}, {0x48, 0x49}, {});
        definePersistent(h, uuids::web, true);
        addGuest(h, "web-03", Guest::State::Running, uuids::web);
    } else if (name == QLatin1String("zlab-e")) {
        s.description = QStringLiteral("IBM z16 A01, LPAR ZLABE (Linux 6.16 + vfio-ap migration v2), every vfio_ap APQN in use");
        s.kernelRelease = QStringLiteral("6.16.0-300.apmig2.fc43.s390x");
        s.srcversion = QStringLiteral("A3F1C07D2B9E54E8D61C0B7");
        s.adapters = {{0x00, 14, M::Cca}, {0x01, 14, M::Cca}, {0x02, 14, M::Ep11}, {0x03, 14, M::Accelerator}};
        s.vfioAdapters = IdMask::fromIds({0x01, 0x02, 0x03});
        s.vfioDomains = IdMask::range(0x10, 0x2f);
        s.serialBase = 91260000;
        h = build(s);
        addMdev(h, uuids::database, {0x01, 0x02, 0x03}, {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f},
                {0x10});
        addMdev(h, uuids::machineLearning, {0x01, 0x02, 0x03}, {0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f},
                {});
        definePersistent(h, uuids::database, true);
        definePersistent(h, uuids::machineLearning, true);
        addGuest(h, "db-01", Guest::State::Running, uuids::database);
        addGuest(h, "ml-04", Guest::State::Running, uuids::machineLearning);
    } else if (name == QLatin1String("zlab-f")) {
        s.description = QStringLiteral("IBM z16 A01, LPAR ZLABF (Linux 6.16 + vfio-ap migration v2), test master keys");
        s.kernelRelease = QStringLiteral("6.16.0-300.apmig2.fc43.s390x");
        s.srcversion = QStringLiteral("A3F1C07D2B9E54E8D61C0B7");
        s.adapters = z16;
        s.vfioAdapters = IdMask::fromIds({0x01, 0x02, 0x03, 0x05, 0x07});
        s.aesKeySet = QStringLiteral("test-2026");
        s.apkaKeySet = QStringLiteral("test-2026");
        s.wkKeySet = QStringLiteral("ep11-test");
        s.serialBase = 91270000;
        h = build(s);
        addMdev(h, uuids::ledger, {0x07}, {0x30}, {0x30});
        definePersistent(h, uuids::ledger, true);
        addGuest(h, "ledger-05", Guest::State::Running, uuids::ledger);
    } else if (name == QLatin1String("zlab-g")) {
        s.description = QStringLiteral("IBM z14 M03, LPAR ZLABG (Linux 5.14), CEX6 adapters");
        s.kernelRelease = QStringLiteral("5.14.0-427.13.1.el9_4.s390x");
        s.srcversion = QStringLiteral("6E0D93B1F2A4C85D7B31E20");
        s.adapters = {{0x00, 12, M::Cca}, {0x01, 12, M::Cca}, {0x02, 12, M::Ep11}, {0x03, 12, M::Accelerator}};
        s.configuredDomains = IdMask::range(0, 39);
        s.configuredControlDomains = IdMask::range(0, 39);
        s.vfioAdapters = IdMask::fromIds({0x01, 0x02, 0x03});
        s.vfioDomains = IdMask::range(0x10, 0x27);
        s.migratable = false;
        s.serialBase = 71230000;
        h = build(s);
        addMdev(h, uuids::archive, {0x01}, {0x15}, {});
        definePersistent(h, uuids::archive, false);
        addGuest(h, "archive-09", Guest::State::Running, uuids::archive);
    } else {
        return std::nullopt;
    }
    return h;
}

} // namespace

QStringList hostNames()
{
    return QStringList{QStringLiteral("zlab-a"), QStringLiteral("zlab-b"), QStringLiteral("zlab-c")} + maintenanceHostNames();
}

QStringList maintenanceHostNames()
{
    return {QStringLiteral("zlab-d"), QStringLiteral("zlab-e"), QStringLiteral("zlab-f"), QStringLiteral("zlab-g")};
}

std::optional<HostSnapshot> initialState(const QString &name)
{
    using M = CryptoMode;
    HostSnapshot h;
    if (name == QLatin1String("zlab-a")) {
        HostSpec s;
        s.name = name;
        s.description = QStringLiteral("IBM z16 A01, LPAR ZLABA (Linux 6.16 + vfio-ap migration v2)");
        s.kernelRelease = QStringLiteral("6.16.0-300.apmig2.fc43.s390x");
        s.srcversion = QStringLiteral("A3F1C07D2B9E54E8D61C0B7");
        s.adapters = {{0x00, 14, M::Cca}, {0x01, 14, M::Cca}, {0x02, 14, M::Ep11}, {0x03, 14, M::Accelerator},
                      {0x04, 14, M::Cca, /*config*/ false}, {0x05, 14, M::Ep11}};
        s.configuredDomains = IdMask::range(0, 84);
        s.configuredControlDomains = IdMask::range(0, 84);
        s.vfioAdapters = IdMask::fromIds({0x01, 0x02, 0x03, 0x05});
        s.vfioDomains = IdMask::range(0x10, 0x4f);
        s.migratable = true;
        s.aesKeySet = QStringLiteral("prod-2026");
        s.apkaKeySet = QStringLiteral("prod-2026");
        s.wkKeySet = QStringLiteral("ep11-prod");
        s.serialBase = 91230000;
        h = build(s);
        addMdev(h, uuids::payments, {0x01, 0x02}, {0x11, 0x12}, {0x11, 0x12});
        addMdev(h, uuids::hsm, {0x03, 0x06}, {0x20, 0x21, 0x22, 0x23}, {});
        addMdev(h, uuids::spare, {0x05}, {0x30}, {});
        definePersistent(h, uuids::payments, true);
        // Drifted: adapter 0x06 was added to the running hsm mdev but never to its definition.
        definePersistent(h, uuids::hsm, true, MatrixAssignment{IdMask::fromIds({0x03}), IdMask::range(0x20, 0x23), {}});
        definePersistent(h, uuids::spare, false);
        addGuest(h, "payments-01", Guest::State::Running, uuids::payments);
        addGuest(h, "batch-07", Guest::State::Running, uuids::hsm);
        addGuest(h, "dev-sandbox", Guest::State::ShutOff);
    } else if (name == QLatin1String("zlab-b")) {
        HostSpec s;
        s.name = name;
        s.description = QStringLiteral("IBM z16 A01, LPAR ZLABB (Linux 6.16 + vfio-ap migration v2)");
        s.kernelRelease = QStringLiteral("6.16.0-300.apmig2.fc43.s390x");
        s.srcversion = QStringLiteral("A3F1C07D2B9E54E8D61C0B7");
        s.adapters = {{0x00, 14, M::Cca}, {0x01, 14, M::Cca}, {0x02, 14, M::Ep11}, {0x03, 14, M::Accelerator},
                      {0x06, 14, M::Cca, true, /*chkstop*/ true}};
        s.configuredDomains = IdMask::range(0, 84);
        s.configuredControlDomains = IdMask::range(0, 84);
        s.vfioAdapters = IdMask::fromIds({0x01, 0x02, 0x03, 0x06});
        s.vfioDomains = IdMask::range(0x10, 0x4f);
        s.migratable = true;
        s.aesKeySet = QStringLiteral("prod-2026");
        s.apkaKeySet = QStringLiteral("prod-2025"); // APKA master keys were not rolled on this LPAR
        s.wkKeySet = QStringLiteral("ep11-prod");
        s.serialBase = 91240000;
        h = build(s);
        addMdev(h, uuids::payments, {0x01, 0x02}, {0x11, 0x12}, {0x11, 0x12});
        addMdev(h, uuids::analytics, {0x03}, {0x40, 0x41}, {});
        definePersistent(h, uuids::payments, true);
        definePersistent(h, uuids::analytics, true);
        addGuest(h, "analytics-02", Guest::State::Running, uuids::analytics);
    } else if (name == QLatin1String("zlab-c")) {
        HostSpec s;
        s.name = name;
        s.description = QStringLiteral("IBM z15 T01, LPAR ZLABC (Linux 6.8)");
        s.kernelRelease = QStringLiteral("6.8.0-45-generic");
        s.srcversion = QStringLiteral("C41B7E09D3A2F65E18B0D94");
        s.adapters = {{0x00, 13, M::Cca}, {0x01, 13, M::Cca}, {0x02, 13, M::Ep11}, {0x03, 13, M::Accelerator}};
        s.configuredDomains = IdMask::range(0, 39);
        s.configuredControlDomains = IdMask::range(0, 39);
        s.vfioAdapters = IdMask::fromIds({0x01, 0x02, 0x03});
        s.vfioDomains = IdMask::range(0x10, 0x27);
        s.migratable = false;
        s.aesKeySet = QStringLiteral("prod-2026");
        s.apkaKeySet = QStringLiteral("prod-2026");
        s.wkKeySet = QStringLiteral("ep11-prod");
        s.serialBase = 81230000;
        h = build(s);
        addMdev(h, uuids::payments, {0x01, 0x02}, {0x11, 0x12}, {0x11, 0x12});
        addMdev(h, uuids::legacy, {0x01}, {0x20}, {0x20});
        definePersistent(h, uuids::payments, true);
        definePersistent(h, uuids::legacy, false);
        addGuest(h, "legacy-01", Guest::State::Running, uuids::legacy);
    } else if (name == QLatin1String("zlab-x")) {
        // Not in hostNames(): opened on purpose (--host demo:zlab-x) to try the console at the
        // architecture's limit of 256 adapters by 256 domains.
        HostSpec s;
        s.name = name;
        s.description = QStringLiteral("IBM z17 (simulated), 256 adapters x 256 domains");
        for (int a = 0; a < 256; ++a) {
            const M mode = a % 3 == 0 ? M::Cca : a % 3 == 1 ? M::Ep11 : M::Accelerator;
            s.adapters.append({a, 14, mode, /*config*/ a % 37 != 36, /*chkstop*/ a % 53 == 52});
        }
        s.configuredDomains = IdMask::range(0, 255);
        s.configuredControlDomains = IdMask::range(0, 255);
        s.vfioAdapters = IdMask::range(0x10, 0xff);
        s.vfioDomains = IdMask::range(0x10, 0xff);
        s.migratable = true;
        s.aesKeySet = QStringLiteral("prod-2026");
        s.apkaKeySet = QStringLiteral("prod-2026");
        s.wkKeySet = QStringLiteral("ep11-prod");
        s.serialBase = 95000000;
        h = build(s);
        h.bus.maxAdapterId = 255;
        h.bus.maxDomainId = 255;
        QList<int> wideAdapters, wideDomains;
        for (int i = 0x10; i < 0x90; ++i) {
            wideAdapters.append(i);
            wideDomains.append(i);
        }
        addMdev(h, uuids::wide, wideAdapters, wideDomains, {0x10});
        addMdev(h, uuids::tail, {0xf0, 0xf1, 0xf2, 0xf3}, {0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe}, {0xf8});
        addMdev(h, uuids::scattered, {0x92, 0xa7, 0xc3}, {0x95, 0xb0, 0xe1}, {});
        addGuest(h, "wide-01", Guest::State::Running, uuids::wide);
        addGuest(h, "tail-02", Guest::State::Running, uuids::tail);
    } else if (auto m = maintenanceHost(name)) {
        h = std::move(*m);
    } else {
        return std::nullopt;
    }
    h.sort();
    driver::refreshDerivedState(h);
    return h;
}

} // namespace ap::demo

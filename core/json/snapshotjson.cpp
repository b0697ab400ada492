#include "snapshotjson.h"

#include "../sysfs/attributeparsers.h"

#include <QJsonArray>

namespace ap {

namespace {

QJsonValue orNull(const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); }
template <typename T>
QJsonValue orNull(const std::optional<T> &v) { return v ? QJsonValue(*v) : QJsonValue(); }

QString functionsText(std::uint32_t f) { return QStringLiteral("0x%1").arg(f, 8, 16, QLatin1Char('0')).toUpper().replace(QLatin1String("0X"), QLatin1String("0x")); }

QJsonArray idArray(const IdMask &m)
{
    QJsonArray a;
    for (int id : m.ids())
        a.append(id);
    return a;
}

QJsonArray apqnArray(const QList<Apqn> &list)
{
    QJsonArray a;
    for (const Apqn q : list)
        a.append(q.toString());
    return a;
}

QJsonArray stringArray(const QStringList &l) { return QJsonArray::fromStringList(l); }

QJsonArray mkvpsLines(const Mkvps &m)
{
    QJsonArray a;
    for (const QByteArray &line : m.toText().split('\n'))
        if (!line.isEmpty())
            a.append(QString::fromLatin1(line));
    return a;
}

class JsonReader {
public:
    explicit JsonReader(QString where) : m_where(std::move(where)) {}
    bool failed() const { return !m_error.isEmpty(); }
    Error error() const { return makeError(ErrorCode::Parse, m_where, m_error); }

    void fail(const QString &what) { if (m_error.isEmpty()) m_error = what; }

    int integer(const QJsonObject &o, const char *key, int fallback = 0, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return fallback;
        if (!v.isDouble()) {
            fail(QStringLiteral("\"%1\" must be a number").arg(QLatin1String(key)));
            return fallback;
        }
        return v.toInt();
    }
    bool boolean(const QJsonObject &o, const char *key, bool fallback, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return fallback;
        if (!v.isBool()) {
            fail(QStringLiteral("\"%1\" must be true or false").arg(QLatin1String(key)));
            return fallback;
        }
        return v.toBool();
    }
    std::optional<bool> optBool(const QJsonObject &o, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isBool())
            return v.toBool();
        return std::nullopt;
    }
    QString string(const QJsonObject &o, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isNull() || v.isUndefined())
            return {};
        if (!v.isString()) {
            fail(QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key)));
            return {};
        }
        return v.toString();
    }
    QStringList strings(const QJsonObject &o, const char *key)
    {
        QStringList out;
        for (const QJsonValue &v : o.value(QLatin1String(key)).toArray())
            out.append(v.toString());
        return out;
    }
    IdMask mask(const QJsonObject &o, const char *key, const IdMask &fallback = IdMask())
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        auto m = sysfs::parseMask(v.toString().toLatin1());
        if (!m) {
            fail(QStringLiteral("\"%1\": %2").arg(QLatin1String(key), m.error().detail));
            return fallback;
        }
        return *m;
    }
    IdMask ids(const QJsonObject &o, const char *key)
    {
        IdMask m;
        for (const QJsonValue &v : o.value(QLatin1String(key)).toArray()) {
            const int id = v.toInt(-1);
            if (id < 0 || id > 255)
                fail(QStringLiteral("\"%1\" holds an id outside 0..255").arg(QLatin1String(key)));
            m.set(id);
        }
        return m;
    }
    std::optional<std::uint32_t> functions(const QJsonObject &o, const char *key)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isNull() || v.isUndefined())
            return std::nullopt;
        auto f = sysfs::parseFunctions(v.toString().toLatin1());
        if (!f) {
            fail(QStringLiteral("\"%1\": %2").arg(QLatin1String(key), f.error().detail));
            return std::nullopt;
        }
        return *f;
    }
    std::optional<Mkvps> mkvps(const QJsonValue &v)
    {
        if (!v.isArray())
            return std::nullopt;
        QByteArray text;
        for (const QJsonValue &line : v.toArray())
            text += line.toString().toLatin1() + '\n';
        auto m = sysfs::parseMkvps(text);
        if (!m) {
            fail(QStringLiteral("mkvps: %1").arg(m.error().detail));
            return std::nullopt;
        }
        return *m;
    }

private:
    QString m_where;
    QString m_error;
};

} // namespace

namespace {

/// `detail`: false for a view with AP ids only, whose other fields are placeholders.
QJsonObject cardJson(const Card &c, bool detail)
{
    QJsonObject j;
    j.insert(QStringLiteral("id"), c.id);
    if (!detail)
        return j;
    j.insert(QStringLiteral("type"), orNull(c.typeName()));
    j.insert(QStringLiteral("hwtype"), c.hwtype);
    j.insert(QStringLiteral("raw_hwtype"), c.rawHwtype);
    j.insert(QStringLiteral("mode"), orNull(modeKey(c.mode())));
    j.insert(QStringLiteral("functions"), functionsText(c.functions));
    j.insert(QStringLiteral("online"), orNull(c.online));
    j.insert(QStringLiteral("config"), c.config);
    j.insert(QStringLiteral("chkstop"), c.chkstop);
    j.insert(QStringLiteral("driver"), orNull(c.driver));
    j.insert(QStringLiteral("depth"), c.depth);
    j.insert(QStringLiteral("max_msg_size"), c.maxMessageSize);
    j.insert(QStringLiteral("request_count"), c.requestCount ? QJsonValue(double(*c.requestCount)) : QJsonValue());
    j.insert(QStringLiteral("serialnr"), orNull(c.serialNumber));
    j.insert(QStringLiteral("op_modes"), stringArray(c.opModes));
    return j;
}

QJsonObject queueJson(const Queue &q, bool detail)
{
    QJsonObject j;
    j.insert(QStringLiteral("apqn"), q.apqn.toString());
    j.insert(QStringLiteral("card"), q.apqn.adapter);
    j.insert(QStringLiteral("domain"), q.apqn.domain);
    if (!detail)
        return j;
    j.insert(QStringLiteral("driver"), orNull(q.driver));
    j.insert(QStringLiteral("config"), q.config);
    j.insert(QStringLiteral("chkstop"), q.chkstop);
    j.insert(QStringLiteral("functions"), q.functions ? QJsonValue(functionsText(*q.functions)) : QJsonValue());
    j.insert(QStringLiteral("status"), q.vfioStatus ? QJsonValue(vfioQueueStatusText(*q.vfioStatus)) : QJsonValue());
    j.insert(QStringLiteral("request_count"), q.requestCount ? QJsonValue(double(*q.requestCount)) : QJsonValue());
    j.insert(QStringLiteral("online"), orNull(q.online));
    if (q.mkvps)
        j.insert(QStringLiteral("mkvps"), mkvpsLines(*q.mkvps));
    if (!q.opModes.isEmpty())
        j.insert(QStringLiteral("op_modes"), stringArray(q.opModes));
    if (!q.seBind.isEmpty())
        j.insert(QStringLiteral("se_bind"), q.seBind);
    if (!q.seAssociate.isEmpty())
        j.insert(QStringLiteral("se_associate"), q.seAssociate);
    return j;
}

QJsonObject mdevJson(const Mdev &m)
{
    QJsonObject j;
    j.insert(QStringLiteral("uuid"), m.uuid);
    // Unknown is null, never a placeholder value.
    const auto known = [](bool k, const QJsonValue &v) { return k ? v : QJsonValue(); };
    j.insert(QStringLiteral("adapters"), known(m.matrixKnown, idArray(m.adapters)));
    j.insert(QStringLiteral("domains"), known(m.matrixKnown, idArray(m.domains)));
    j.insert(QStringLiteral("control_domains"), known(m.matrixKnown, idArray(m.controlDomains)));
    j.insert(QStringLiteral("matrix"), known(m.matrixKnown, apqnArray(m.matrix())));
    j.insert(QStringLiteral("guest_matrix"), known(m.guestMatrixKnown, apqnArray(m.guestMatrix())));
    j.insert(QStringLiteral("guest_adapters"), known(m.guestMatrixKnown, idArray(m.guestAdapters)));
    j.insert(QStringLiteral("guest_domains"), known(m.guestMatrixKnown, idArray(m.guestDomains)));
    if (m.persistent)
        j.insert(QStringLiteral("persistent"), *m.persistent);
    if (m.autostart)
        j.insert(QStringLiteral("autostart"), *m.autostart);
    return j;
}

QJsonObject issueJson(const Error &e)
{
    QJsonObject j;
    j.insert(QStringLiteral("code"), errorCodeName(e.code));
    j.insert(QStringLiteral("file"), e.where);
    j.insert(QStringLiteral("detail"), e.detail);
    return j;
}

/// The lists that grow with the host's size: written element by element when streamed.
struct LongLists {
    const HostSnapshot &h;
    bool has(const QString &key) const
    {
        return key == QLatin1String("cards") || key == QLatin1String("queues") || key == QLatin1String("mdevs")
            || (key == QLatin1String("inactive_mdevs") && !h.inactiveMdevs.isEmpty()) || key == QLatin1String("issues");
    }
    template <typename F>
    void forEach(const QString &key, F &&f) const
    {
        if (key == QLatin1String("cards"))
            for (const Card &c : h.cards)
                f(cardJson(c, h.apDetailKnown));
        else if (key == QLatin1String("queues"))
            for (const Queue &q : h.queues)
                f(queueJson(q, h.apDetailKnown));
        else if (key == QLatin1String("mdevs"))
            for (const Mdev &m : h.mdevs)
                f(mdevJson(m));
        else if (key == QLatin1String("inactive_mdevs"))
            for (const Mdev &m : h.inactiveMdevs)
                f(mdevJson(m));
        else
            for (const Error &e : h.issues)
                f(issueJson(e));
    }
};

/// Every member but the long lists, which are null placeholders holding their (sorted) place.
QJsonObject snapshotHead(const HostSnapshot &h)
{
    QJsonObject o;
    o.insert(QStringLiteral("host"), h.host);
    if (!h.description.isEmpty())
        o.insert(QStringLiteral("description"), h.description);
    QJsonObject bus;
    bus.insert(QStringLiteral("ap_max_adapter_id"), h.bus.maxAdapterId);
    bus.insert(QStringLiteral("ap_max_domain_id"), h.bus.maxDomainId);
    // Unknown is null, never a placeholder value.
    bus.insert(QStringLiteral("apmask"), h.bus.apmaskKnown ? QJsonValue(h.bus.apmask.toHex()) : QJsonValue());
    bus.insert(QStringLiteral("aqmask"), h.bus.aqmaskKnown ? QJsonValue(h.bus.aqmask.toHex()) : QJsonValue());
    bus.insert(QStringLiteral("features"), stringArray(h.bus.features));
    bus.insert(QStringLiteral("qci"), h.bus.qciAvailable);
    bus.insert(QStringLiteral("ap_adapter_mask"), h.bus.configuredAdapters.toHex());
    bus.insert(QStringLiteral("ap_usage_domain_mask"), h.bus.configuredDomains.toHex());
    bus.insert(QStringLiteral("ap_control_domain_mask"), h.bus.configuredControlDomains.toHex());
    bus.insert(QStringLiteral("ap_domain"), h.bus.defaultDomain);
    o.insert(QStringLiteral("bus"), bus);
    o.insert(QStringLiteral("matrix_present"), h.matrix.present);
    o.insert(QStringLiteral("matrix_features"), stringArray(h.matrix.features));
    o.insert(QStringLiteral("available_instances"), h.matrix.availableInstancesKnown ? QJsonValue(h.matrix.availableInstances) : QJsonValue());
    o.insert(QStringLiteral("ap_detail_known"), h.apDetailKnown);
    o.insert(QStringLiteral("secure_execution_guest"), h.secureExecutionGuest);
    o.insert(QStringLiteral("kernel_release"), orNull(h.kernelRelease));
    o.insert(QStringLiteral("vfio_ap_version"), orNull(h.vfioApVersion));
    o.insert(QStringLiteral("vfio_ap_srcversion"), orNull(h.vfioApSrcversion));
    // A view with AP ids only writes ids only: its other fields are placeholders.
    if (!h.apDetailKnown) {
        for (const char *k : {"features", "qci", "ap_adapter_mask", "ap_usage_domain_mask", "ap_control_domain_mask", "ap_domain"})
            bus.insert(QLatin1String(k), QJsonValue());
        o.insert(QStringLiteral("bus"), bus);
    }
    o.insert(QStringLiteral("cards"), QJsonValue());
    o.insert(QStringLiteral("queues"), QJsonValue());
    o.insert(QStringLiteral("mdevs"), QJsonValue());
    if (!h.inactiveMdevs.isEmpty())
        o.insert(QStringLiteral("inactive_mdevs"), QJsonValue());
    if (h.definitions) {
        QJsonArray defs;
        for (const MdevDefinition &d : h.definitions->definitions) {
            QJsonObject j;
            j.insert(QStringLiteral("uuid"), d.uuid);
            j.insert(QStringLiteral("autostart"), d.autostart);
            j.insert(QStringLiteral("adapters"), idArray(d.matrix.adapters));
            j.insert(QStringLiteral("domains"), idArray(d.matrix.domains));
            j.insert(QStringLiteral("control_domains"), idArray(d.matrix.controlDomains));
            QJsonArray other;
            for (const auto &[k, v] : d.otherAttrs)
                other.append(QJsonObject{{k, v}});
            if (!other.isEmpty())
                j.insert(QStringLiteral("other_attrs"), other);
            defs.append(j);
        }
        QJsonObject p;
        p.insert(QStringLiteral("source"), h.definitions->source);
        p.insert(QStringLiteral("mdevs"), defs);
        p.insert(QStringLiteral("rule_file"), h.definitions->masks.ruleFilePresent);
        if (h.definitions->masks.apmask)
            p.insert(QStringLiteral("apmask"), h.definitions->masks.apmask->toHex());
        if (h.definitions->masks.aqmask)
            p.insert(QStringLiteral("aqmask"), h.definitions->masks.aqmask->toHex());
        o.insert(QStringLiteral("definitions"), p);
    }

    QJsonArray guests;
    for (const Guest &g : h.guests) {
        QJsonObject j;
        j.insert(QStringLiteral("name"), g.name);
        j.insert(QStringLiteral("state"), guestStateName(g.state));
        j.insert(QStringLiteral("mdev"), orNull(g.mdev));
        if (!g.apHostdevs.isEmpty()) { // views that read libvirt's persistent definitions only
            QJsonArray devs;
            for (const Guest::ApHostdev &d : g.apHostdevs)
                devs.append(QJsonObject{{QStringLiteral("uuid"), d.uuid}, {QStringLiteral("in"), presenceName(d.presence)}});
            j.insert(QStringLiteral("ap_hostdevs"), devs);
        }
        guests.append(j);
    }
    o.insert(QStringLiteral("guests"), guests);

    if (!h.lastSeenMkvps.isEmpty()) {
        QList<Apqn> keys = h.lastSeenMkvps.keys();
        std::sort(keys.begin(), keys.end());
        QJsonObject seen;
        for (const Apqn q : keys)
            seen.insert(q.toString(), mkvpsLines(h.lastSeenMkvps.value(q)));
        o.insert(QStringLiteral("last_seen_mkvps"), seen);
    }
    o.insert(QStringLiteral("issues"), QJsonValue());
    return o;
}

} // namespace

QJsonObject snapshotToJson(const HostSnapshot &h)
{
    QJsonObject o = snapshotHead(h);
    const LongLists lists{h};
    for (const QString &key : o.keys()) {
        if (!lists.has(key))
            continue;
        QJsonArray a;
        lists.forEach(key, [&a](const QJsonObject &j) { a.append(j); });
        o.insert(key, a);
    }
    return o;
}

void writeSnapshotJson(const HostSnapshot &h, JsonStreamWriter &w)
{
    const QJsonObject head = snapshotHead(h);
    const LongLists lists{h};
    w.beginObject();
    for (auto it = head.begin(); it != head.end(); ++it) {
        w.key(it.key());
        if (lists.has(it.key())) {
            w.beginArray();
            lists.forEach(it.key(), [&w](const QJsonObject &j) { w.value(j); });
            w.endArray();
        } else {
            w.value(it.value());
        }
    }
    w.endObject();
    w.finish();
}

Result<HostSnapshot> snapshotFromJson(const QJsonObject &o)
{
    HostSnapshot h;
    JsonReader r(QStringLiteral("inventory JSON"));
    h.host = r.string(o, "host");
    h.description = r.string(o, "description");
    const QJsonObject bus = o.value(QStringLiteral("bus")).toObject();
    h.bus.maxAdapterId = r.integer(bus, "ap_max_adapter_id", 63);
    h.bus.maxDomainId = r.integer(bus, "ap_max_domain_id", 15);
    h.bus.apmaskKnown = !bus.value(QStringLiteral("apmask")).isNull();
    h.bus.aqmaskKnown = !bus.value(QStringLiteral("aqmask")).isNull();
    h.bus.apmask = h.bus.apmaskKnown ? r.mask(bus, "apmask", IdMask::all()) : IdMask::all();
    h.bus.aqmask = h.bus.aqmaskKnown ? r.mask(bus, "aqmask", IdMask::all()) : IdMask::all();
    h.apDetailKnown = r.boolean(o, "ap_detail_known", true, false);
    if (h.apDetailKnown) {
        h.bus.features = r.strings(bus, "features");
        h.bus.qciAvailable = r.boolean(bus, "qci", true, false);
        h.bus.configuredAdapters = r.mask(bus, "ap_adapter_mask");
        h.bus.configuredDomains = r.mask(bus, "ap_usage_domain_mask");
        h.bus.configuredControlDomains = r.mask(bus, "ap_control_domain_mask");
        h.bus.defaultDomain = r.integer(bus, "ap_domain", -1, false);
    }
    h.matrix.present = r.boolean(o, "matrix_present", true, false);
    h.matrix.features = r.strings(o, "matrix_features");
    h.matrix.availableInstancesKnown = !o.value(QStringLiteral("available_instances")).isNull();
    if (h.matrix.availableInstancesKnown)
        h.matrix.availableInstances = r.integer(o, "available_instances", 65536, false);
    h.secureExecutionGuest = r.boolean(o, "secure_execution_guest", false, false);
    h.kernelRelease = o.value(QStringLiteral("kernel_release")).toString();
    h.vfioApVersion = o.value(QStringLiteral("vfio_ap_version")).toString();
    h.vfioApSrcversion = o.value(QStringLiteral("vfio_ap_srcversion")).toString();

    for (const QJsonValue &v : o.value(QStringLiteral("cards")).toArray()) {
        const QJsonObject j = v.toObject();
        Card c;
        c.id = r.integer(j, "id");
        if (c.id < 0 || c.id > 255)
            r.fail(QStringLiteral("card id %1 outside 0..255").arg(c.id));
        if (!h.apDetailKnown) {
            h.cards.append(c);
            continue;
        }
        c.hwtype = r.integer(j, "hwtype");
        c.rawHwtype = r.integer(j, "raw_hwtype");
        c.functions = r.functions(j, "functions").value_or(0);
        c.online = r.optBool(j, "online");
        c.config = r.boolean(j, "config", true);
        c.chkstop = r.boolean(j, "chkstop", false);
        c.driver = drivers::intern(r.string(j, "driver"));
        c.depth = r.integer(j, "depth", 0, false);
        c.maxMessageSize = r.integer(j, "max_msg_size", 0, false);
        if (j.value(QStringLiteral("request_count")).isDouble())
            c.requestCount = quint64(j.value(QStringLiteral("request_count")).toDouble());
        c.serialNumber = r.string(j, "serialnr");
        c.opModes = r.strings(j, "op_modes");
        if (!c.driver.isEmpty())
            c.typeString = r.string(j, "type");
        if (c.id < 0 || c.id > 255)
            r.fail(QStringLiteral("card id %1 outside 0..255").arg(c.id));
        h.cards.append(c);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("queues")).toArray()) {
        const QJsonObject j = v.toObject();
        Queue q;
        const auto apqn = Apqn::parse(r.string(j, "apqn"));
        if (!apqn) {
            r.fail(QStringLiteral("queue with a malformed \"apqn\""));
            break;
        }
        q.apqn = *apqn;
        if (!h.apDetailKnown) {
            h.queues.append(q);
            continue;
        }
        q.driver = drivers::intern(r.string(j, "driver"));
        q.config = r.boolean(j, "config", true);
        q.chkstop = r.boolean(j, "chkstop", false);
        q.functions = r.functions(j, "functions");
        const QString status = r.string(j, "status");
        if (!status.isEmpty()) {
            auto s = sysfs::parseVfioStatus(status.toLatin1());
            if (s)
                q.vfioStatus = *s;
            else
                r.fail(QStringLiteral("queue %1: bad status").arg(q.apqn.toString()));
        }
        if (j.value(QStringLiteral("request_count")).isDouble())
            q.requestCount = quint64(j.value(QStringLiteral("request_count")).toDouble());
        q.online = r.optBool(j, "online");
        q.mkvps = r.mkvps(j.value(QStringLiteral("mkvps")));
        q.opModes = r.strings(j, "op_modes");
        q.seBind = r.string(j, "se_bind");
        q.seAssociate = r.string(j, "se_associate");
        h.queues.append(q);
    }
    const auto readMdevs = [&r](const QJsonArray &array, QList<Mdev> &out) {
        for (const QJsonValue &v : array) {
            const QJsonObject j = v.toObject();
            Mdev m;
            m.uuid = r.string(j, "uuid");
            if (!sysfs::isCanonicalUuid(m.uuid))
                r.fail(QStringLiteral("mdev with a malformed uuid \"%1\"").arg(m.uuid));
            m.matrixKnown = !j.value(QStringLiteral("adapters")).isNull();
            if (m.matrixKnown) {
                m.adapters = r.ids(j, "adapters");
                m.domains = r.ids(j, "domains");
                m.controlDomains = r.ids(j, "control_domains");
            }
            m.guestMatrixKnown = !j.value(QStringLiteral("guest_adapters")).isNull();
            if (m.guestMatrixKnown) {
                m.guestAdapters = r.ids(j, "guest_adapters");
                m.guestDomains = r.ids(j, "guest_domains");
            }
            m.persistent = r.optBool(j, "persistent");
            m.autostart = r.optBool(j, "autostart");
            out.append(m);
        }
    };
    readMdevs(o.value(QStringLiteral("mdevs")).toArray(), h.mdevs);
    readMdevs(o.value(QStringLiteral("inactive_mdevs")).toArray(), h.inactiveMdevs);
    if (o.contains(QStringLiteral("definitions"))) {
        const QJsonObject p = o.value(QStringLiteral("definitions")).toObject();
        HostDefinitions defs;
        defs.source = r.string(p, "source");
        defs.masks.ruleFilePresent = r.boolean(p, "rule_file", false, false);
        if (p.contains(QStringLiteral("apmask")))
            defs.masks.apmask = r.mask(p, "apmask");
        if (p.contains(QStringLiteral("aqmask")))
            defs.masks.aqmask = r.mask(p, "aqmask");
        for (const QJsonValue &v : p.value(QStringLiteral("mdevs")).toArray()) {
            const QJsonObject j = v.toObject();
            MdevDefinition d;
            d.uuid = r.string(j, "uuid");
            if (!sysfs::isCanonicalUuid(d.uuid))
                r.fail(QStringLiteral("definition with a malformed uuid \"%1\"").arg(d.uuid));
            d.autostart = r.boolean(j, "autostart", false);
            d.matrix = {r.ids(j, "adapters"), r.ids(j, "domains"), r.ids(j, "control_domains")};
            for (const QJsonValue &a : j.value(QStringLiteral("other_attrs")).toArray()) {
                const QJsonObject e = a.toObject();
                if (e.size() == 1)
                    d.otherAttrs.append({e.begin().key(), e.begin().value().toString()});
            }
            defs.definitions.append(d);
        }
        defs.sort();
        h.definitions = defs;
    }
    for (const QJsonValue &v : o.value(QStringLiteral("guests")).toArray()) {
        const QJsonObject j = v.toObject();
        Guest g;
        g.name = r.string(j, "name");
        if (!parseGuestState(r.string(j, "state"), g.state))
            r.fail(QStringLiteral("guest %1 has an unknown state").arg(g.name));
        g.mdev = r.string(j, "mdev");
        for (const QJsonValue &dv : j.value(QStringLiteral("ap_hostdevs")).toArray()) {
            const QJsonObject d = dv.toObject();
            const auto presence = parsePresence(r.string(d, "in"));
            if (!presence)
                r.fail(QStringLiteral("guest %1 has a vfio-ap hostdev in an unknown place").arg(g.name));
            g.apHostdevs.append({r.string(d, "uuid"), presence.value_or(Guest::Presence::Both)});
        }
        h.guests.append(g);
    }
    const QJsonObject seen = o.value(QStringLiteral("last_seen_mkvps")).toObject();
    for (auto it = seen.begin(); it != seen.end(); ++it) {
        const auto apqn = Apqn::parse(it.key());
        auto m = r.mkvps(it.value());
        if (apqn && m)
            h.lastSeenMkvps.insert(*apqn, *m);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("issues")).toArray()) {
        const QJsonObject j = v.toObject();
        const ErrorCode code = errorCodeFromName(j.value(QStringLiteral("code")).toString()).value_or(ErrorCode::Parse);
        h.issues.append(makeError(code, j.value(QStringLiteral("file")).toString(), j.value(QStringLiteral("detail")).toString()));
    }
    if (r.failed())
        return r.error();
    h.sort();
    return h;
}

} // namespace ap

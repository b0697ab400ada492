#include "libvirtxml.h"

#include "../viewmerge.h"
#include "../../driver/apconfigwrite.h"
#include "../../model/kernelnumber.h"

#include <algorithm>

#include <QHash>
#include <QUuid>
#include <QXmlStreamReader>

namespace ap::libvirtxml {

namespace {

std::optional<int> number(const QString &text)
{
    bool ok = false;
    const QString t = text.trimmed();
    const int v = t.startsWith(QLatin1String("0x")) ? t.mid(2).toInt(&ok, 16) : t.toInt(&ok, 10);
    return ok ? std::optional<int>(v) : std::nullopt;
}

Error corrupt(const QString &what, const QXmlStreamReader &r)
{
    return makeError(ErrorCode::Corrupt, QStringLiteral("libvirt XML"),
                     QStringLiteral("%1 (line %2)").arg(what).arg(r.lineNumber()));
}

/// The attributes of an mdev's definition, applied in order as mdevctl writes them to sysfs:
/// numbers as the kernel parses them (kstrtoul base 0: "020" is octal 16), `ap_config` replacing
/// all three masks. A value the kernel would refuse is an issue naming the mdev and attribute.
/// The matrix from the mdev's attributes. Without any assignment attribute (an mdev created
/// through sysfs shows none) or with one libvirt cannot parse, the matrix is unknown.
void applyAttributes(Mdev &m, const NodeDevice &d, QList<Error> &issues)
{
    bool assignments = false, malformed = false;
    for (const auto &[name, value] : d.attrs) {
        const QByteArray text = value.toLatin1();
        if (name == u"ap_config") {
            if (const auto config = driver::parseApConfigWrite(text)) {
                m.adapters = config->adapters;
                m.domains = config->domains;
                m.controlDomains = config->controlDomains;
                assignments = true;
            } else {
                issues.append(makeError(ErrorCode::Parse, d.name, QStringLiteral("attr ap_config has value '%1'").arg(value)));
                malformed = true;
            }
            continue;
        }
        IdMask *mask = nullptr;
        if (name.endsWith(u"_control_domain"))
            mask = &m.controlDomains;
        else if (name.endsWith(u"_adapter"))
            mask = &m.adapters;
        else if (name.endsWith(u"_domain"))
            mask = &m.domains;
        const bool assign = name.startsWith(u"assign_");
        if (!mask || (!assign && !name.startsWith(u"unassign_")))
            continue; // not an assignment: nothing of the matrix
        const KernelNumber id = parseKstrtoul(text);
        if (id.error || id.value > 255) {
            issues.append(makeError(ErrorCode::Parse, d.name, QStringLiteral("attr %1 has value '%2'").arg(name, value)));
            malformed = true;
            continue;
        }
        assignments = true;
        if (assign)
            mask->set(int(id.value));
        else
            mask->clear(int(id.value));
    }
    if (!assignments || malformed) {
        m.matrixKnown = false;
        m.adapters = m.domains = m.controlDomains = IdMask();
    }
}

/// The vfio_ap driver refuses an APQN in two mdevs (EADDRINUSE): where libvirt's definitions
/// show it, the host's next start of one of them fails.
void flagSharedApqns(HostSnapshot &h, const QString &host)
{
    QHash<Apqn, QStringList> owners;
    for (const Mdev &m : std::as_const(h.mdevs))
        for (const Apqn q : m.matrix())
            owners[q].append(m.uuid);
    QList<Apqn> shared;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        if (it.value().size() > 1)
            shared.append(it.key());
    std::sort(shared.begin(), shared.end());
    for (const Apqn q : shared)
        h.issues.append(makeError(ErrorCode::Corrupt, host,
                                  QStringLiteral("APQN %1 is assigned to mdevs %2").arg(q.toString(), owners.value(q).join(QStringLiteral(" and ")))).withHint(Hint::ApqnOneMdevOnly));
}

/// Where each vfio-ap hostdev of a guest is: a stopped guest has its definition only, a
/// transient one its live devices only; a running persistent one is compared with its definition.
QList<Guest::ApHostdev> apHostdevs(const DomainInfo &d, Guest::State state)
{
    QList<Guest::ApHostdev> out;
    const auto all = [&out](const QStringList &uuids, Guest::Presence p) {
        for (const QString &uuid : uuids)
            out.append({uuid, p});
    };
    if (state == Guest::State::ShutOff) {
        all(d.apMdevs, Guest::Presence::Persistent);
    } else if (!d.persistent) {
        all(d.apMdevs, Guest::Presence::Live);
    } else if (d.definedApMdevs) {
        for (const QString &uuid : d.apMdevs)
            out.append({uuid, d.definedApMdevs->contains(uuid) ? Guest::Presence::Both : Guest::Presence::Live});
        for (const QString &uuid : *d.definedApMdevs)
            if (!d.apMdevs.contains(uuid))
                out.append({uuid, Guest::Presence::Persistent});
    }
    return out;
}

} // namespace

std::optional<QString> uuidFromMdevName(QStringView name)
{
    if (!name.startsWith(u"mdev_") || name.size() < 5 + 36)
        return std::nullopt;
    QString uuid = name.mid(5, 36).toString();
    uuid.replace(QLatin1Char('_'), QLatin1Char('-'));
    if (QUuid::fromString(uuid).isNull())
        return std::nullopt;
    return uuid.toLower();
}

Result<NodeDevice> parseNodeDevice(const QString &xml)
{
    QXmlStreamReader r(xml);
    NodeDevice d;
    QStringList caps;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const QStringView n = r.name();
            const QString path = caps.isEmpty() ? QString() : caps.last();
            if (n == u"name" && caps.isEmpty() && d.name.isEmpty()) {
                d.name = r.readElementText().trimmed();
            } else if (n == u"parent" && caps.isEmpty()) {
                d.parent = r.readElementText().trimmed();
            } else if (n == u"capability") {
                const QString type = r.attributes().value(QLatin1String("type")).toString();
                caps.append(type);
                if (caps.size() == 1) {
                    if (type == u"ap_card")
                        d.kind = NodeDevice::Kind::Card;
                    else if (type == u"ap_queue")
                        d.kind = NodeDevice::Kind::Queue;
                    else if (type == u"ap_matrix")
                        d.kind = NodeDevice::Kind::Matrix;
                    else if (type == u"mdev")
                        d.kind = NodeDevice::Kind::Mdev;
                }
            } else if (n == u"ap-adapter") {
                const auto v = number(r.readElementText());
                if (!v || *v < 0 || *v > 255)
                    return corrupt(QStringLiteral("bad <ap-adapter> in %1").arg(d.name), r);
                d.adapter = *v;
            } else if (n == u"ap-domain") {
                const auto v = number(r.readElementText());
                if (!v || *v < 0 || *v > 255)
                    return corrupt(QStringLiteral("bad <ap-domain> in %1").arg(d.name), r);
                d.domain = *v;
            } else if (n == u"uuid" && d.kind == NodeDevice::Kind::Mdev) {
                d.uuid = r.readElementText().trimmed().toLower();
            } else if (n == u"type" && d.kind == NodeDevice::Kind::Mdev && path == u"mdev") {
                d.mdevType = r.attributes().value(QLatin1String("id")).toString();
            } else if (n == u"attr" && d.kind == NodeDevice::Kind::Mdev) {
                d.attrs.append({r.attributes().value(QLatin1String("name")).toString(), r.attributes().value(QLatin1String("value")).toString()});
            } else if (n == u"availableInstances" && d.kind == NodeDevice::Kind::Matrix) {
                d.availableInstances = number(r.readElementText()).value_or(-1);
            }
        } else if (r.isEndElement() && r.name() == u"capability" && !caps.isEmpty()) {
            caps.removeLast();
        }
    }
    if (r.hasError())
        return corrupt(r.errorString(), r);
    if (d.name.isEmpty())
        return corrupt(QStringLiteral("node device without a <name>"), r);
    if (d.kind == NodeDevice::Kind::Mdev && d.uuid.isEmpty())
        d.uuid = uuidFromMdevName(d.name).value_or(QString());
    if ((d.kind == NodeDevice::Kind::Card && d.adapter < 0) || (d.kind == NodeDevice::Kind::Queue && (d.adapter < 0 || d.domain < 0)))
        return corrupt(QStringLiteral("%1 lacks its adapter or domain").arg(d.name), r);
    return d;
}

Result<DomainInfo> parseDomain(const QString &xml)
{
    QXmlStreamReader r(xml);
    DomainInfo d;
    int depth = 0;
    bool apHostdev = false;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            ++depth;
            const QStringView n = r.name();
            if (n == u"name" && depth == 2) {
                d.name = r.readElementText().trimmed();
                --depth;
            } else if (n == u"hostdev") {
                apHostdev = r.attributes().value(QLatin1String("type")) == u"mdev" && r.attributes().value(QLatin1String("model")) == u"vfio-ap";
            } else if (n == u"address" && apHostdev) {
                const QString uuid = r.attributes().value(QLatin1String("uuid")).toString().toLower();
                if (!uuid.isEmpty())
                    d.apMdevs.append(uuid);
            }
        } else if (r.isEndElement()) {
            --depth;
            if (r.name() == u"hostdev")
                apHostdev = false;
        }
    }
    if (r.hasError())
        return corrupt(r.errorString(), r);
    if (d.name.isEmpty())
        return corrupt(QStringLiteral("domain without a <name>"), r);
    return d;
}

HostSnapshot buildSnapshot(const QString &host, const QList<NodeDevice> &devices,
                           const QList<std::pair<DomainInfo, Guest::State>> &domains)
{
    HostSnapshot h;
    h.host = host;
    h.matrix.present = false;
    h.matrix.features.clear();
    // libvirt shows neither the QCI limits nor the host masks: no id is ruled out, and which
    // are reserved for the host is unknown.
    h.bus.maxAdapterId = 255;
    h.bus.maxDomainId = 255;
    h.bus.apmask = IdMask();
    h.bus.aqmask = IdMask();
    h.bus.apmaskKnown = h.bus.aqmaskKnown = false;
    h.matrix.availableInstancesKnown = false;
    h.apDetailKnown = false;
    for (const NodeDevice &d : devices) {
        switch (d.kind) {
        case NodeDevice::Kind::Card:
            if (!h.card(d.adapter)) {
                Card c;
                c.id = d.adapter;
                h.cards.append(c);
            }
            break;
        case NodeDevice::Kind::Queue: {
            Queue q;
            q.apqn = {quint8(d.adapter), quint8(d.domain)};
            h.queues.append(q);
            break;
        }
        case NodeDevice::Kind::Matrix:
            h.matrix.present = true;
            if (d.availableInstances >= 0) {
                h.matrix.availableInstances = d.availableInstances;
                h.matrix.availableInstancesKnown = true;
            }
            break;
        case NodeDevice::Kind::Mdev: {
            if (d.uuid.isEmpty() || (!d.mdevType.isEmpty() && d.mdevType != u"vfio_ap-passthrough"))
                break;
            Mdev m;
            m.uuid = d.uuid;
            applyAttributes(m, d, h.issues);
            m.guestMatrixKnown = false; // the driver derives it from bindings libvirt does not show
            m.persistent = d.persistent;
            m.autostart = d.autostart;
            (d.active.value_or(true) ? h.mdevs : h.inactiveMdevs).append(m);
            break;
        }
        case NodeDevice::Kind::Other:
            break;
        }
    }
    for (const auto &[info, state] : domains)
        h.guests.append(Guest{info.name, state, info.apMdevs.value(0), apHostdevs(info, state)});
    flagSharedApqns(h, host);
    flagGuestsWithoutMdev(h, host);
    // The model follows a guest's first vfio-ap device; the host must have its others too.
    for (const auto &[info, state] : domains)
        for (const QString &uuid : info.apMdevs.mid(1))
            flagMissingMdev(h, host, info.name, uuid);
    h.issues.append(makeError(ErrorCode::Unsupported, host,
                              QStringLiteral("libvirt shows AP ids only: adapter types, modes, bindings and masks need the host's SSH address")));
    h.sort();
    return h;
}

} // namespace ap::libvirtxml

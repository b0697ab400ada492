#include "treewriter.h"

#include "attributeformat.h"
#include "attributeparsers.h"
#include "paths.h"

#include <QDir>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ap::sysfs {

namespace {

class Writer {
public:
    explicit Writer(const QString &root) : m_root(root.toLocal8Bit()) {}

    bool dir(const QString &rel)
    {
        const QByteArray abs = m_root + '/' + rel.toLocal8Bit();
        if (::mkdir(abs.constData(), 0755) != 0 && errno != EEXIST)
            return fail(rel);
        return true;
    }
    bool file(const QString &rel, const QByteArray &content)
    {
        const QByteArray abs = m_root + '/' + rel.toLocal8Bit();
        const int fd = ::open(abs.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0)
            return fail(rel);
        qsizetype off = 0;
        while (off < content.size()) {
            const ssize_t n = ::write(fd, content.constData() + off, size_t(content.size() - off));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                ::close(fd);
                return fail(rel);
            }
            off += n;
        }
        ::close(fd);
        return true;
    }
    bool link(const QString &rel, const QString &target)
    {
        const QByteArray abs = m_root + '/' + rel.toLocal8Bit();
        if (::symlink(target.toLocal8Bit().constData(), abs.constData()) != 0)
            return fail(rel);
        return true;
    }
    bool failed() const { return !m_error.isEmpty(); }
    Error error() const { return makeError(ErrorCode::Io, QString::fromLocal8Bit(m_root) + QLatin1Char('/') + m_errorPath, m_error); }

private:
    bool fail(const QString &rel)
    {
        if (m_error.isEmpty()) {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            m_errorPath = rel;
        }
        return false;
    }
    QByteArray m_root;
    QString m_error;
    QString m_errorPath;
};

QByteArray typeLetterTypeString(const Card &c)
{
    return c.typeName().toLatin1() + '\n';
}

} // namespace

Status writeTree(const HostSnapshot &h, const QString &root)
{
    if (!QDir().mkpath(root))
        return makeError(ErrorCode::Io, root, QStringLiteral("cannot create directory"));
    Writer w(root);
    for (const char *d : {"sys", "sys/bus", "sys/bus/ap", "sys/bus/ap/devices", "sys/bus/ap/drivers",
                          "sys/bus/ap/drivers/cex4card", "sys/bus/ap/drivers/cex4queue", "sys/bus/ap/drivers/vfio_ap",
                          "sys/bus/mdev", "sys/bus/mdev/drivers", "sys/bus/mdev/drivers/vfio_ap_mdev",
                          "sys/devices", "sys/devices/ap", "sys/firmware", "sys/firmware/uv"})
        w.dir(QString::fromLatin1(d));

    const BusInfo &b = h.bus;
    const QString bus = paths::bus();
    w.file(bus + u"/ap_max_adapter_id", formatInt(b.maxAdapterId));
    w.file(bus + u"/ap_max_domain_id", formatInt(b.maxDomainId));
    w.file(bus + u"/apmask", formatMask(b.apmask));
    w.file(bus + u"/aqmask", formatMask(b.aqmask));
    w.file(bus + u"/features", b.qciAvailable ? formatWords(b.features) : QByteArray("-\n"));
    const QByteArray noQci("not supported\n");
    w.file(bus + u"/ap_adapter_mask", b.qciAvailable ? formatMask(b.configuredAdapters) : noQci);
    w.file(bus + u"/ap_usage_domain_mask", b.qciAvailable ? formatMask(b.configuredDomains) : noQci);
    w.file(bus + u"/ap_control_domain_mask", b.qciAvailable ? formatMask(b.configuredControlDomains) : noQci);
    w.file(bus + u"/ap_domain", formatInt(b.defaultDomain));
    w.file(bus + u"/ap_interrupts", "1\n");
    w.file(bus + u"/config_time", "30\n");
    w.file(bus + u"/poll_thread", "0\n");
    w.file(bus + u"/poll_timeout", "250000\n");
    w.file(bus + u"/scans", "1\n");
    qsizetype bound = 0;
    for (const auto &q : h.queues)
        bound += q.driver.isEmpty() ? 0 : 1;
    for (const auto &c : h.cards)
        bound += c.driver.isEmpty() ? 0 : 1;
    w.file(bus + u"/bindings", QByteArray::number(bound) + '/' + QByteArray::number(h.cards.size() + h.queues.size())
                                   + (bound == h.cards.size() + h.queues.size() ? " (complete)\n" : "\n"));
    w.file(paths::seGuestFlag(), formatFlag(h.secureExecutionGuest));
    if (!h.kernelRelease.isEmpty()) {
        for (const char *d : {"proc", "proc/sys", "proc/sys/kernel"})
            w.dir(QString::fromLatin1(d));
        w.file(paths::osRelease(), h.kernelRelease.toUtf8() + '\n');
    }
    if (!h.vfioApVersion.isEmpty() || !h.vfioApSrcversion.isEmpty())
        for (const char *d : {"sys/module", "sys/module/vfio_ap"})
            w.dir(QString::fromLatin1(d));
    if (!h.vfioApVersion.isEmpty())
        w.file(paths::join(paths::vfioApModule(), u"version"), h.vfioApVersion.toUtf8() + '\n');
    if (!h.vfioApSrcversion.isEmpty())
        w.file(paths::join(paths::vfioApModule(), u"srcversion"), h.vfioApSrcversion.toUtf8() + '\n');

    qsizetype qi = 0;
    for (const Card &c : h.cards) {
        const QString cdir = paths::card(c.id);
        w.dir(cdir);
        w.link(paths::busDevices() + QLatin1Char('/') + paths::cardName(c.id), QStringLiteral("../../../devices/ap/") + paths::cardName(c.id));
        w.file(cdir + u"/hwtype", formatInt(c.hwtype));
        w.file(cdir + u"/raw_hwtype", formatInt(c.rawHwtype));
        w.file(cdir + u"/depth", formatInt(c.depth));
        w.file(cdir + u"/ap_functions", formatFunctions(c.functions));
        w.file(cdir + u"/request_count", formatInt(qint64(c.requestCount.value_or(0))));
        w.file(cdir + u"/requestq_count", "0\n");
        w.file(cdir + u"/pendingq_count", "0\n");
        const QByteArray modalias = "ap:t" + QByteArray::number(c.hwtype, 16).toUpper().rightJustified(2, '0');
        w.file(cdir + u"/modalias", modalias + '\n');
        w.file(cdir + u"/config", formatFlag(c.config));
        w.file(cdir + u"/chkstop", formatFlag(c.chkstop));
        w.file(cdir + u"/max_msg_size", formatInt(c.maxMessageSize));
        w.file(cdir + u"/uevent", "DEV_TYPE=" + QByteArray::number(c.hwtype) + "\nMODALIAS=" + modalias + '\n');
        if (!c.driver.isEmpty()) {
            w.link(cdir + u"/driver", QStringLiteral("../../../bus/ap/drivers/") + c.driver);
            w.file(cdir + u"/type", typeLetterTypeString(c));
            w.file(cdir + u"/online", formatFlag(c.online.value_or(false)));
            w.file(cdir + u"/load", "0\n");
            if (c.mode() == CryptoMode::Cca || c.mode() == CryptoMode::Ep11)
                w.file(cdir + u"/serialnr", c.serialNumber.toLatin1() + '\n');
            if (c.mode() == CryptoMode::Ep11) {
                w.file(cdir + u"/op_modes", formatWords(c.opModes));
                w.file(cdir + u"/API_ordinalnr", "6\n");
                w.file(cdir + u"/FW_version", "7.19\n");
            }
        }
        for (; qi < h.queues.size() && h.queues[qi].apqn.adapter < c.id; ++qi) {}
        for (; qi < h.queues.size() && h.queues[qi].apqn.adapter == c.id; ++qi) {
            const Queue &q = h.queues[qi];
            const QString qdir = paths::queue(q.apqn);
            w.dir(qdir);
            w.link(paths::busDevices() + QLatin1Char('/') + q.apqn.toString(),
                   QStringLiteral("../../../devices/ap/") + paths::cardName(c.id) + QLatin1Char('/') + q.apqn.toString());
            w.file(qdir + u"/config", formatFlag(q.config));
            w.file(qdir + u"/chkstop", formatFlag(q.chkstop));
            if (q.functions)
                w.file(qdir + u"/ap_functions", formatFunctions(*q.functions));
            w.file(qdir + u"/request_count", formatRequestCount(q.requestCount));
            w.file(qdir + u"/requestq_count", "0\n");
            w.file(qdir + u"/pendingq_count", "0\n");
            w.file(qdir + u"/reset", "No Reset Timer set.\n");
            w.file(qdir + u"/interrupt", "Interrupts enabled.\n");
            w.file(qdir + u"/uevent", "DEV_TYPE=" + QByteArray::number(c.hwtype) + '\n');
            if (!q.driver.isEmpty())
                w.link(qdir + u"/driver", QStringLiteral("../../../../bus/ap/drivers/") + q.driver);
            if (q.isBoundToZcrypt()) {
                w.file(qdir + u"/online", formatFlag(q.online.value_or(false)));
                w.file(qdir + u"/load", "0\n");
                if (q.mkvps)
                    w.file(qdir + u"/mkvps", q.mkvps->toText());
                if (c.mode() == CryptoMode::Ep11)
                    w.file(qdir + u"/op_modes", formatWords(q.opModes));
            }
            if (q.isBoundToVfio() && q.vfioStatus)
                w.file(qdir + u"/status", formatVfioStatus(*q.vfioStatus));
            if (!q.seBind.isEmpty())
                w.file(qdir + u"/se_bind", q.seBind.toLatin1() + '\n');
            if (!q.seAssociate.isEmpty())
                w.file(qdir + u"/se_associate", q.seAssociate.toLatin1() + '\n');
        }
    }

    if (h.matrix.present) {
        const QString m = paths::matrix();
        w.dir(paths::vfioRoot());
        w.dir(m);
        w.dir(m + u"/mdev_supported_types");
        const QString t = paths::mdevType();
        w.dir(t);
        w.dir(t + u"/devices");
        w.file(m + u"/features", formatWords(h.matrix.features));
        w.file(t + u"/name", "VFIO AP Passthrough Device\n");
        w.file(t + u"/device_api", "vfio-ap\n");
        w.file(t + u"/available_instances", formatInt(h.matrix.availableInstances));
        w.file(t + u"/create", {});
        for (const Mdev &md : h.mdevs) {
            const QString d = paths::mdev(md.uuid);
            w.dir(d);
            w.link(t + u"/devices/" + md.uuid, QStringLiteral("../../../") + md.uuid);
            w.link(d + u"/mdev_type", QStringLiteral("../mdev_supported_types/vfio_ap-passthrough"));
            w.link(d + u"/driver", QStringLiteral("../../../../bus/mdev/drivers/vfio_ap_mdev"));
            for (const char *wo : {"assign_adapter", "unassign_adapter", "assign_domain", "unassign_domain",
                                   "assign_control_domain", "unassign_control_domain", "remove"})
                w.file(d + QLatin1Char('/') + QLatin1String(wo), {});
            w.file(d + u"/matrix", formatMatrixListing(md.adapters, md.domains, b.maxAdapterId, b.maxDomainId));
            w.file(d + u"/guest_matrix", formatMatrixListing(md.guestAdapters, md.guestDomains, b.maxAdapterId, b.maxDomainId));
            w.file(d + u"/control_domains", formatControlDomains(md.controlDomains, b.maxDomainId));
            if (h.matrix.has(u"ap_config"))
                w.file(d + u"/ap_config", formatApConfig({md.adapters, md.domains, md.controlDomains}));
        }
    }
    if (w.failed())
        return w.error();
    return {};
}

} // namespace ap::sysfs

#include "attributeformat.h"

namespace ap::sysfs {

QByteArray formatInt(qint64 v) { return QByteArray::number(v) + '\n'; }
QByteArray formatFlag(bool v) { return v ? QByteArray("1\n") : QByteArray("0\n"); }

QByteArray formatFunctions(std::uint32_t f)
{
    return "0x" + QByteArray::number(f, 16).toUpper().rightJustified(8, '0') + '\n';
}

QByteArray formatMask(const IdMask &m) { return m.toHex().toLatin1() + '\n'; }

QByteArray formatRequestCount(std::optional<quint64> v)
{
    return v ? QByteArray::number(*v) + '\n' : QByteArray("-\n");
}

QByteArray formatWords(const QStringList &w) { return w.join(QLatin1Char(' ')).toLatin1() + '\n'; }

QByteArray formatVfioStatus(VfioQueueStatus s) { return vfioQueueStatusText(s).toLatin1() + '\n'; }

QByteArray formatMatrixListing(const IdMask &adapters, const IdMask &domains, int maxAdapter, int maxDomain)
{
    QByteArray out;
    QList<int> a, d;
    for (int id : adapters.ids())
        if (id <= maxAdapter)
            a.append(id);
    for (int id : domains.ids())
        if (id <= maxDomain)
            d.append(id);
    auto hex = [](int v, int width) { return QByteArray::number(v, 16).rightJustified(width, '0'); };
    if (!a.isEmpty() && !d.isEmpty()) {
        out.reserve(a.size() * d.size() * 8);
        for (int ad : a)
            for (int dom : d)
                out += hex(ad, 2) + '.' + hex(dom, 4) + '\n';
    } else if (!a.isEmpty()) {
        for (int ad : a)
            out += hex(ad, 2) + ".\n";
    } else {
        for (int dom : d)
            out += '.' + hex(dom, 4) + '\n';
    }
    return out;
}

QByteArray formatControlDomains(const IdMask &m, int maxDomain)
{
    QByteArray out;
    for (int id : m.ids())
        if (id <= maxDomain)
            out += QByteArray::number(id, 16).rightJustified(4, '0') + '\n';
    return out;
}

} // namespace ap::sysfs

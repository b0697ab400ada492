#include "hostlabels.h"

namespace ap {

namespace {

struct Parts {
    QString scheme;       ///< "sysfs", "ssh"
    QStringList path;     ///< the components after the scheme, without empty ones
};

Parts partsOf(const QString &uri)
{
    const qsizetype colon = uri.indexOf(QLatin1Char(':'));
    Parts p;
    p.scheme = colon < 0 ? QString() : uri.left(colon);
    p.path = uri.mid(colon + 1).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return p;
}

QString tail(const Parts &p, qsizetype k) { return p.path.mid(p.path.size() - k).join(QLatin1Char('/')); }

} // namespace

QStringList hostLabels(const QStringList &uris, int maxChars)
{
    QList<Parts> parts;
    parts.reserve(uris.size());
    for (const QString &u : uris)
        parts.append(partsOf(u));
    QStringList out;
    out.reserve(uris.size());
    for (qsizetype i = 0; i < uris.size(); ++i) {
        const Parts &p = parts[i];
        // Only local trees are told apart by their path; an SSH or libvirt address names its
        // host, which a label must not drop.
        if (uris[i].size() <= maxChars || p.path.size() < 2 || p.scheme != u"sysfs") {
            out.append(uris[i]);
            continue;
        }
        QString label = uris[i];
        // The shortest tail no other URI of the same scheme ends with.
        for (qsizetype k = 1; k < p.path.size(); ++k) {
            const QString t = tail(p, k);
            bool unique = true;
            for (qsizetype j = 0; j < uris.size() && unique; ++j)
                unique = j == i || parts[j].scheme != p.scheme || parts[j].path.size() < k || tail(parts[j], k) != t;
            if (unique) {
                label = p.scheme + QStringLiteral(":…/") + t;
                break;
            }
        }
        out.append(label);
    }
    return out;
}

} // namespace ap

#include "mdev.h"

namespace ap {

QList<Apqn> crossProduct(const IdMask &adapters, const IdMask &domains)
{
    QList<Apqn> out;
    const QList<int> a = adapters.ids();
    const QList<int> d = domains.ids();
    out.reserve(a.size() * d.size());
    for (int ad : a)
        for (int dom : d)
            out.append(Apqn{quint8(ad), quint8(dom)});
    return out;
}

QList<Apqn> Mdev::matrix() const { return crossProduct(adapters, domains); }
QList<Apqn> Mdev::guestMatrix() const { return crossProduct(guestAdapters, guestDomains); }

} // namespace ap

#include "blindspots.h"

#include <QCoreApplication>

namespace ap::migration {

namespace {

void mdevBlindSpots(const HostSnapshot &h, const QString &uuid, QList<FindingText> &out)
{
    const Mdev *m = h.mdev(uuid);
    if (!m)
        return;
    if (!m->matrixKnown)
        out.append(say(QT_TRANSLATE_NOOP("Finding", "%1 does not show the matrix of mdev %2."), {h.host, uuid}));
    else if (!m->guestMatrixKnown && h.apDetailKnown) // otherwise the missing AP detail says it
        out.append(say(QT_TRANSLATE_NOOP("Finding", "%1 does not show the guest matrix the driver derived for mdev %2."), {h.host, uuid}));
}

} // namespace

QList<FindingText> checkBlindSpots(const HostSnapshot &source, const QString &mdev, const HostSnapshot &target, const QString &targetMdev)
{
    QList<FindingText> out;
    if (!source.apDetailKnown)
        out.append(say(QT_TRANSLATE_NOOP("Finding", "%1 shows AP ids only: the queues' functions, which the migration stream carries, are unknown."),
                       {source.host}));
    mdevBlindSpots(source, mdev, out);
    if (!target.apDetailKnown)
        out.append(say(QT_TRANSLATE_NOOP("Finding", "%1 shows AP ids only: which queues are bound to vfio_ap there, and their functions, are unknown."),
                       {target.host}));
    mdevBlindSpots(target, targetMdev, out);
    return out;
}

} // namespace ap::migration

#include "outcome.h"

namespace ap::driver {

QString mdevLogPrefix(QStringView uuid)
{
    return QStringLiteral("vfio_ap_mdev ") + uuid + QStringLiteral(": ");
}

QString unknownReason(Unknown u)
{
    switch (u) {
    case Unknown::None: return {};
    case Unknown::ApDetail: return QStringLiteral("this view of the host shows AP ids only: its masks and queue bindings, which decide the answer, are unknown");
    case Unknown::HostMasks: return QStringLiteral("the host's apmask or aqmask could not be read");
    case Unknown::MdevMatrix: return QStringLiteral("this view of the host does not show the mdev's current matrix");
    }
    return {};
}

} // namespace ap::driver

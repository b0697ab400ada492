#include "outcome.h"

namespace ap::driver {

QString mdevLogPrefix(QStringView uuid)
{
    return QStringLiteral("vfio_ap_mdev ") + uuid + QStringLiteral(": ");
}

} // namespace ap::driver

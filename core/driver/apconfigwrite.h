#pragma once

#include "../model/mdev.h"

#include <QByteArrayView>

#include <optional>

namespace ap::driver {

/// The three masks (APM, AQM, ADM) an `ap_config` write carries, split and parsed as the kernel
/// does (first 201 bytes, fields split at ',' and '\n', absolute masks); nullopt where the
/// kernel answers EINVAL. writeApConfig uses it, and so does the libvirt reader for an
/// `ap_config` attribute of a persistent definition (mdevctl writes it the same way).
std::optional<MatrixAssignment> parseApConfigWrite(QByteArrayView text);

} // namespace ap::driver

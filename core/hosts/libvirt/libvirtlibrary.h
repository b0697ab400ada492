#pragma once

#include <QString>

namespace ap {

/// libvirt's client libraries are opened on the first libvirt call, not when apconsole starts:
/// a command that reaches no libvirt host loads none of libvirt's ~45 dependencies. The libvirt
/// functions the console calls are defined in libvirtlibrary.cpp as forwarders with libvirt's own
/// signatures, so calling code stays plain libvirt.
///
/// Loads libvirt (once; thread-safe). Empty when it is usable, else why not (for an Unsupported
/// error before the first call: a forwarder whose library is missing fails the way libvirt does,
/// with -1 or a null pointer).
QString loadLibvirt();

} // namespace ap

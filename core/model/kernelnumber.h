#pragma once

#include <QByteArrayView>

#include <cstdint>
#include <optional>

namespace ap {

/// Outcome of parsing a number the way the kernel does: value, or a positive errno.
struct KernelNumber {
    std::uint64_t value = 0;
    int error = 0; ///< 0, EINVAL or ERANGE
};

/// kstrtoul(text, 0): optional '+', then decimal, "0x" hex or leading-0 octal, then at most one
/// '\n' and nothing else. EINVAL for anything else, ERANGE on 64-bit overflow. This is how every
/// vfio_ap assign/unassign attribute and `remove` parse what is written to them.
KernelNumber parseKstrtoul(QByteArrayView text);

/// simple_strtoul(text, &end, 0): the longest numeric prefix (auto base, no sign, no overflow
/// check: saturates). Returns the value and the number of characters consumed (0 = no digits).
struct PrefixNumber {
    std::uint64_t value = 0;
    qsizetype consumed = 0;
};
PrefixNumber parseSimpleStrtoul(QByteArrayView text);

} // namespace ap

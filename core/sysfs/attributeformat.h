#pragma once

#include "../model/hostsnapshot.h"

#include <QByteArray>

/// Attribute texts exactly as the kernel prints them (the inverse of attributeparsers.h).
namespace ap::sysfs {

QByteArray formatInt(qint64 v);                 ///< "%d\n"
QByteArray formatFlag(bool v);                  ///< "0\n" / "1\n"
QByteArray formatFunctions(std::uint32_t f);    ///< "0x%08X\n"
QByteArray formatMask(const IdMask &m);         ///< "0x<64>\n"
QByteArray formatRequestCount(std::optional<quint64> v); ///< number or "-"
QByteArray formatWords(const QStringList &w);   ///< "a b c\n"
QByteArray formatVfioStatus(VfioQueueStatus s);
/// `matrix`/`guest_matrix`: ids enumerated up to the given maxima, in the kernel's three forms.
QByteArray formatMatrixListing(const IdMask &adapters, const IdMask &domains, int maxAdapter, int maxDomain);
QByteArray formatControlDomains(const IdMask &m, int maxDomain);

} // namespace ap::sysfs

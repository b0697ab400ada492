#pragma once

#include "../common/result.h"
#include "../model/hostsnapshot.h"

#include <QByteArrayView>

#include <optional>

/// Parsers for every sysfs attribute the console reads, each accepting exactly the kernel's
/// format (one trailing newline optional, since batched dumps may re-add it). A value that does
/// not match gives ErrorCode::Parse with the offending text in the detail; the caller adds the
/// file name as `where`.
namespace ap::sysfs {

Result<int> parseInt(QByteArrayView text);                 ///< "%d\n"
Result<quint64> parseUnsigned(QByteArrayView text);        ///< "%llu\n"
Result<bool> parseFlag(QByteArrayView text);               ///< "0\n" / "1\n"
Result<std::uint32_t> parseFunctions(QByteArrayView text); ///< "0x%08X\n"
Result<IdMask> parseMask(QByteArrayView text);             ///< "0x" + 64 hex + "\n"
/// ap_adapter_mask & co.: a mask, or nullopt for "not supported\n" (no QCI).
Result<std::optional<IdMask>> parseQciMask(QByteArrayView text);
/// Bus `features`: words from APSC APXA QACT RC8A APSB; "-\n" (no QCI) and "" give an empty
/// list; `qci` says which of the two it was.
Result<QStringList> parseBusFeatures(QByteArrayView text, bool *qci = nullptr);
/// Space-separated words on one line (matrix `features`, `op_modes`); "" and "\n" are empty.
Result<QStringList> parseWords(QByteArrayView text);
/// Request counter: a number, or nullopt for "-\n" (queue uninitiated).
Result<std::optional<quint64>> parseRequestCount(QByteArrayView text);
/// CCA (nine lines, fixed order) or EP11 (WK CUR, WK NEW) `mkvps`.
Result<Mkvps> parseMkvps(QByteArrayView text);
Result<VfioQueueStatus> parseVfioStatus(QByteArrayView text); ///< "in use" / "assigned" / "unassigned"
/// zcrypt `type` ("CEX8C"), validated.
Result<QString> parseTypeString(QByteArrayView text);
/// A single line of free text (serial numbers); the newline removed.
Result<QString> parseLine(QByteArrayView text);
Result<QString> parseSeBind(QByteArrayView text);          ///< "-", "bound", "unbound"
Result<QString> parseSeAssociate(QByteArrayView text);     ///< "-", "associated N", ...

/// `matrix` / `guest_matrix`: "aa.dddd" lines, or "aa." (adapters only) or ".dddd" (domains
/// only) lines.
struct MatrixListing {
    IdMask adapters;
    IdMask domains;
    QList<Apqn> apqns;
};
Result<MatrixListing> parseMatrixListing(QByteArrayView text);
/// `control_domains`: "%04lx\n" per domain.
Result<IdMask> parseControlDomains(QByteArrayView text);
/// `ap_config` as read: "0x<64>,0x<64>,0x<64>\n" (APM, AQM, ADM).
struct ApConfig {
    IdMask adapters;
    IdMask domains;
    IdMask controlDomains;
    friend bool operator==(const ApConfig &, const ApConfig &) = default;
};
Result<ApConfig> parseApConfigRead(QByteArrayView text);
/// The text the kernel prints for an ap_config read (201 bytes).
QByteArray formatApConfig(const ApConfig &c);

/// True for a lowercase canonical UUID (the names of mdev directories).
bool isCanonicalUuid(QStringView s);

} // namespace ap::sysfs

#pragma once

#include "hwinfo.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ap {

/// An AP card device (`/sys/devices/ap/cardXX`) as the host shows it.
struct Card {
    int id = 0;
    int hwtype = 0;            ///< compatible type 10..14 (`hwtype`)
    int rawHwtype = 0;         ///< raw AP type (`raw_hwtype`)
    std::uint32_t functions = 0; ///< `ap_functions`: card hwinfo bits 0-31 (BS, 18-31 always 0)
    int depth = 0;             ///< `depth` (hwinfo qd)
    int maxMessageSize = 0;    ///< `max_msg_size`, bytes
    bool config = true;        ///< `config`
    bool chkstop = false;      ///< `chkstop`
    QString driver;            ///< bound driver ("cex4card"), empty if unbound
    QString typeString;        ///< zcrypt `type` ("CEX8C"), empty if not bound to zcrypt
    std::optional<bool> online;       ///< zcrypt `online`
    std::optional<quint64> requestCount; ///< `request_count`
    QString serialNumber;      ///< `serialnr` (CCA/EP11), empty if none
    QStringList opModes;       ///< EP11 `op_modes`

    CryptoMode mode() const { return modeFromFunctions(functions); }
    /// The zcrypt type string if present, otherwise derived from hwtype and mode.
    QString typeName() const;
    /// The card's hwinfo as captured at probe (card-masked): functions and raw type only.
    Hwinfo cardHwinfo() const { return Hwinfo::fromFunctions(functions, rawHwtype); }

    friend bool operator==(const Card &, const Card &) = default;
};

} // namespace ap

#pragma once

#include "../model/hostsnapshot.h"
#include "../common/result.h"
#include "jsonstream.h"

#include <QJsonObject>

namespace ap {

/// The inventory JSON of a host (what `apconsole-cli inventory --format json` prints), which is
/// also how simulated hosts persist: every list sorted by id, APQN or UUID; masks as "0x" + 64
/// hex digits; facility words as "0x" + 8 upper-case hex digits. fromJson(toJson(h)) == h.
QJsonObject snapshotToJson(const HostSnapshot &h);
/// The same JSON, byte for byte as QJsonDocument(snapshotToJson(h)).toJson(Indented), written
/// through `w` card by card and queue by queue: memory stays that of one element.
void writeSnapshotJson(const HostSnapshot &h, JsonStreamWriter &w);
Result<HostSnapshot> snapshotFromJson(const QJsonObject &o);

} // namespace ap

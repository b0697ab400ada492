#pragma once

#include "check.h"

namespace ap::migration {

/// What a check needs and the hosts' views do not show (a libvirt-only view has AP ids but no
/// queue functions or bindings; an mdev seen without attributes has no known matrix), one
/// sentence each. Non-empty: no revision's answer can be predicted, and the check says so.
QList<FindingText> checkBlindSpots(const HostSnapshot &source, const QString &mdev, const HostSnapshot &target, const QString &targetMdev);

} // namespace ap::migration

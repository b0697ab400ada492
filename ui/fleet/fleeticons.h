#pragma once

#include "hostsession.h"

#include <model/hwinfo.h>

#include <QIcon>

namespace ap::ui {

// The fleet tree's icons (resources/icons, embedded under :/icons). Each is loaded once and
// shared, so the tree's many rows render from one cache.
QIcon hostIcon(HostSession::State state);
/// By the adapter's mode: CCA coprocessor, EP11 coprocessor, accelerator; a plain card if unknown.
QIcon adapterIcon(CryptoMode mode);
/// A started mdev, or a persistent one that is defined but not started.
QIcon mdevIcon(bool started);
QIcon guestIcon();
/// The style's folder, for the Adapters / Mediated devices / Guests rows.
QIcon groupIcon();

} // namespace ap::ui

#pragma once

#include "profilecombo.h"

#include <model/hostsnapshot.h>

#include <QLabel>

#include <memory>

namespace ap {
class Store;
}

namespace ap::ui {

/// Which revision of the migration series a destination host runs: sets the ProfileCombo to
/// the operator's earlier choice for the host, or to the console's proposal from what the host
/// shows (kernel release, `migratable`, vfio_ap srcversion), and says which in one line; unknown
/// is shown as unknown. A choice the operator makes in the combo is remembered for the host.
class HostRevisionHint : public QLabel {
    Q_OBJECT
public:
    HostRevisionHint(ProfileCombo *combo, QWidget *parent = nullptr);
    /// The destination changed (`host` may be null when it was never read).
    void setHost(std::shared_ptr<Store> store, std::shared_ptr<const HostSnapshot> host);

private:
    void remember();

    ProfileCombo *m_combo;
    std::shared_ptr<Store> m_store;
    std::shared_ptr<const HostSnapshot> m_host;
};

} // namespace ap::ui

#pragma once

#include <driver/migration/profile.h>

#include <QComboBox>

namespace ap::ui {

/// The destination-driver choice the check dialog, the wizard and the fleet map share: every
/// revision of the migration series, each with its operator-facing label.
class ProfileCombo : public QComboBox {
    Q_OBJECT
public:
    explicit ProfileCombo(QWidget *parent = nullptr);
    migration::DriverProfile profile() const;
    void setProfile(migration::DriverProfile p);
    /// The label for a profile ("v3 (series of 2026-06-30)").
    static QString label(migration::DriverProfile p);
};

} // namespace ap::ui

#include "profilecombo.h"

namespace ap::ui {

using migration::DriverProfile;

ProfileCombo::ProfileCombo(QWidget *parent)
    : QComboBox(parent)
{
    for (const DriverProfile p : migration::allProfiles())
        addItem(label(p), int(p));
}

QString ProfileCombo::label(DriverProfile p)
{
    switch (p) {
    case DriverProfile::V2: return tr("v2 (series of 2026-04-07)");
    case DriverProfile::V3: return tr("v3 (series of 2026-06-30)");
    case DriverProfile::V4: return tr("v4 (2026-07-07, the code of v3)");
    case DriverProfile::B: return tr("B (later copy: control domains, EINVAL)");
    case DriverProfile::C: return tr("C (later copy: \"vfap\" header, rate-limited log)");
    }
    return {};
}

DriverProfile ProfileCombo::profile() const
{
    return DriverProfile(currentData().toInt());
}

void ProfileCombo::setProfile(DriverProfile p)
{
    setCurrentIndex(findData(int(p)));
}

} // namespace ap::ui

#include "hostrevision.h"

#include <migration/revisionguess.h>
#include <store/store.h>

namespace ap::ui {

using migration::RevisionGuess;

HostRevisionHint::HostRevisionHint(ProfileCombo *combo, QWidget *parent)
    : QLabel(parent)
    , m_combo(combo)
{
    setObjectName(QStringLiteral("revisionHint"));
    setWordWrap(true);
    // activated: the operator's pick only, not the combo following a proposal.
    connect(m_combo, &QComboBox::activated, this, &HostRevisionHint::remember);
}

void HostRevisionHint::setHost(std::shared_ptr<Store> store, std::shared_ptr<const HostSnapshot> host)
{
    m_store = std::move(store);
    m_host = std::move(host);
    if (!m_host) {
        setText(tr("Revision of the destination: unknown (the host was not read)."));
        return;
    }
    QList<migration::HostRevisionRecord> known;
    if (m_store)
        known = m_store->hostRevisions().valueOr({});
    const RevisionGuess g = migration::proposeRevision(*m_host, known);
    const QString name = m_host->host;
    const QString unknown = tr("unknown");
    switch (g.basis) {
    case RevisionGuess::Basis::Operator:
        setText(tr("%1 runs %2 (as you set it).").arg(name, ProfileCombo::label(*g.profile)));
        break;
    case RevisionGuess::Basis::SameBuild:
        setText(tr("Proposed for %1: %2, the vfio_ap build (srcversion %3) you set on %4.")
                    .arg(name, ProfileCombo::label(*g.profile), m_host->vfioApSrcversion, g.fromHost));
        break;
    case RevisionGuess::Basis::SameKernel:
        setText(tr("Proposed for %1: %2, the kernel release %3 you set on %4.")
                    .arg(name, ProfileCombo::label(*g.profile), m_host->kernelRelease, g.fromHost));
        break;
    case RevisionGuess::Basis::NotMigratable:
        setText(tr("%1 does not advertise 'migratable': no revision of the migration series is loaded.").arg(name));
        break;
    case RevisionGuess::Basis::Unknown:
        setText(tr("Revision of %1: unknown (kernel %2, vfio_ap %3). Pick the revision it runs; it is remembered for the host.")
                    .arg(name, m_host->kernelRelease.isEmpty() ? unknown : m_host->kernelRelease,
                         m_host->vfioApSrcversion.isEmpty() ? unknown : m_host->vfioApSrcversion));
        break;
    }
    if (g.profile && m_combo->profile() != *g.profile)
        m_combo->setProfile(*g.profile);
}

void HostRevisionHint::remember()
{
    if (!m_store || !m_host)
        return;
    const Status s = m_store->setHostRevision({m_host->host, m_combo->profile(), m_host->kernelRelease, m_host->vfioApSrcversion});
    if (!s) {
        setText(tr("The revision could not be remembered: %1").arg(s.error().toString()));
        return;
    }
    setHost(m_store, m_host);
}

} // namespace ap::ui

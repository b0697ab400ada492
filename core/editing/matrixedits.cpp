#include "matrixedits.h"

#include "../driver/vfioapdriver.h"

#include <algorithm>
#include <cerrno>

namespace ap {

namespace {

MatrixAssignment applyItems(MatrixAssignment a, const QList<MatrixItem> &items, bool assign)
{
    for (const MatrixItem &i : items) {
        switch (i.kind) {
        case MatrixItem::Kind::Adapter: a.adapters.set(i.id, assign); break;
        case MatrixItem::Kind::Domain: a.domains.set(i.id, assign); break;
        case MatrixItem::Kind::ControlDomain: a.controlDomains.set(i.id, assign); break;
        case MatrixItem::Kind::Apqn:
            if (assign) {
                a.adapters.set(i.apqn.adapter);
                a.domains.set(i.apqn.domain);
            } else if (a.assigns(i.apqn)) {
                // One APQN cannot leave alone: the kernel assigns whole adapters and domains.
                // Take away whichever of its adapter and domain costs fewer other APQNs.
                if (a.domains.count() <= a.adapters.count())
                    a.adapters.clear(i.apqn.adapter);
                else
                    a.domains.clear(i.apqn.domain);
            }
            break;
        }
    }
    return a;
}

} // namespace

void MatrixEdits::setBase(std::shared_ptr<const HostSnapshot> base)
{
    m_base = std::move(base);
    if (m_base)
        m_pending.removeIf([this](const auto &it) {
            const Mdev *m = m_base->mdev(it.key());
            return !m || MatrixAssignment::of(*m) == it.value();
        });
    rebuildPreview();
}

void MatrixEdits::setPending(const QHash<QString, MatrixAssignment> &pending)
{
    m_pending = pending;
    if (m_base)
        m_pending.removeIf([this](const auto &it) {
            const Mdev *m = m_base->mdev(it.key());
            return !m || MatrixAssignment::of(*m) == it.value();
        });
    rebuildPreview();
}

void MatrixEdits::rebuildPreview()
{
    if (!m_base) {
        m_preview = HostSnapshot();
        m_previewShared.reset();
        return;
    }
    // Copying the snapshot shares its lists; only the mdev list is detached and changed, so a
    // preview of a 65,536-queue host costs a few mdevs.
    m_preview = *m_base;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        Mdev *m = m_preview.mdev(it.key());
        if (!m)
            continue;
        m->adapters = it->adapters;
        m->domains = it->domains;
        m->controlDomains = it->controlDomains;
        const driver::GuestMatrix g = driver::computeGuestMatrix(m_preview, m->adapters, m->domains, m->controlDomains);
        m->guestAdapters = g.adapters;
        m->guestDomains = g.domains;
    }
    m_previewShared = std::make_shared<const HostSnapshot>(m_preview);
}

bool MatrixEdits::isPendingCell(QStringView uuid, Apqn q) const
{
    auto it = m_pending.constFind(uuid.toString());
    if (it == m_pending.constEnd() || !m_base)
        return false;
    const Mdev *m = m_base->mdev(uuid);
    return m && m->assigns(q) != it->assigns(q);
}

bool MatrixEdits::isPendingControlDomain(QStringView uuid, int domain) const
{
    auto it = m_pending.constFind(uuid.toString());
    if (it == m_pending.constEnd() || !m_base)
        return false;
    const Mdev *m = m_base->mdev(uuid);
    return m && m->controlDomains.test(domain) != it->controlDomains.test(domain);
}

QHash<QString, MatrixAssignment> MatrixEdits::afterChange(const QString &uuid, const QList<MatrixItem> &items, bool assign,
                                                          const QString &from) const
{
    QHash<QString, MatrixAssignment> next = m_pending;
    auto current = [&](const QString &u) -> std::optional<MatrixAssignment> {
        const Mdev *m = m_preview.mdev(u);
        return m ? std::optional(MatrixAssignment::of(*m)) : std::nullopt;
    };
    if (!from.isEmpty() && from != uuid && assign)
        if (auto f = current(from))
            next.insert(from, applyItems(*f, items, false));
    if (auto t = current(uuid))
        next.insert(uuid, applyItems(*t, items, assign));
    return next;
}

driver::Outcome MatrixEdits::check(const QString &uuid, const QList<MatrixItem> &items, bool assign, const QString &from) const
{
    const Mdev *m = m_preview.mdev(uuid);
    if (!m_base || !m)
        return driver::Outcome::failure(ENOENT);
    const QHash<QString, MatrixAssignment> next = afterChange(uuid, items, assign, from);
    // The other mdevs as they will be when this mdev is written (removals go first).
    HostSnapshot trial = m_preview;
    for (auto it = next.cbegin(); it != next.cend(); ++it) {
        if (it.key() == uuid)
            continue;
        if (Mdev *o = trial.mdev(it.key())) {
            o->adapters = o->adapters & it->adapters;
            o->domains = o->domains & it->domains;
        }
    }
    return driver::checkTransition(trial, uuid, next.value(uuid));
}

WritePlan MatrixEdits::plan() const
{
    WritePlan all;
    if (!m_base)
        return all;
    QStringList order = m_pending.keys();
    auto onlyLoses = [this](const QString &u) {
        const Mdev *m = m_base->mdev(u);
        const MatrixAssignment &t = m_pending[u];
        return m && t.adapters.minus(m->adapters).isEmpty() && t.domains.minus(m->domains).isEmpty()
            && t.controlDomains.minus(m->controlDomains).isEmpty();
    };
    std::sort(order.begin(), order.end(), [&](const QString &a, const QString &b) {
        const bool la = onlyLoses(a), lb = onlyLoses(b);
        return la != lb ? la : a < b;
    });
    QStringList summary;
    for (const QString &u : order) {
        const WritePlan p = plans::changeMatrix(*m_base, u, m_pending[u]);
        all.steps += p.steps;
        summary.append(p.summary);
    }
    all.summary = summary.join(QStringLiteral("; "));
    return all;
}

} // namespace ap

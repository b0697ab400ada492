#include "matrixedits.h"

#include "../driver/vfioapdriver.h"

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
    PlanReplay replay = judgeMatrices(*m_base, m_pending, ReplayDepth::Full).replay;
    if (replay.ok()) {
        m_preview = std::move(replay.after);
    } else {
        m_preview = *m_base;
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
            if (Mdev *m = m_preview.mdev(it.key())) {
                m->adapters = it->adapters;
                m->domains = it->domains;
                m->controlDomains = it->controlDomains;
            }
        }
        driver::refreshDerivedState(m_preview);
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

MatrixVerdict MatrixEdits::judge(const QHash<QString, MatrixAssignment> &pending) const
{
    return m_base ? judgeMatrices(*m_base, pending) : MatrixVerdict{{}, {driver::Outcome::failure(ENOENT), -1, {}}};
}

driver::Outcome MatrixEdits::check(const QString &uuid, const QList<MatrixItem> &items, bool assign, const QString &from) const
{
    if (!m_base || !m_preview.mdev(uuid))
        return driver::Outcome::failure(ENOENT);
    return judge(afterChange(uuid, items, assign, from)).replay.outcome;
}

WritePlan MatrixEdits::plan() const
{
    return m_base ? plans::changeMatrices(*m_base, m_pending) : WritePlan{};
}

} // namespace ap

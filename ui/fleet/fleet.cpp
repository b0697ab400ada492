#include "fleet.h"

#include <hosts/backendfactory.h>
#include <hosts/demofleet.h>

namespace ap::ui {

Fleet::Fleet(std::shared_ptr<Store> store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
{
}

void Fleet::loadDefault()
{
    for (const QString &name : demo::hostNames())
        (void)addHost(QStringLiteral("demo:") + name, false);
    if (!m_store)
        return;
    auto remembered = m_store->hosts();
    if (!remembered) {
        emit problem(remembered.error());
        return;
    }
    for (const QString &uri : *remembered) {
        if (auto added = addHost(uri, false); !added)
            emit problem(added.error());
    }
}

HostSession *Fleet::session(const QString &uri) const
{
    for (HostSession *s : m_sessions)
        if (s->uri().text == uri)
            return s;
    return nullptr;
}

Result<HostSession *> Fleet::addHost(const QString &text, bool remember)
{
    auto uri = HostUri::parse(text);
    if (!uri)
        return uri.error();
    if (session(uri->text))
        return makeError(ErrorCode::Usage, uri->text, QStringLiteral("the host is already in the fleet"));
    auto backend = createBackend(*uri, m_store);
    if (remember && m_store && uri->scheme != HostUri::Scheme::Demo) {
        if (Status saved = m_store->addHost(uri->text); !saved)
            emit problem(saved.error());
    }
    if (backend)
        return addBackend(std::move(*backend));
    auto *s = new HostSession(*uri, backend.error(), this);
    m_sessions.append(s);
    emit hostAdded(s);
    return s;
}

HostSession *Fleet::addBackend(std::unique_ptr<HostBackend> backend)
{
    const HostUri uri = backend->uri();
    auto *s = new HostSession(uri, std::move(backend), this);
    m_sessions.append(s);
    connect(s, &HostSession::stateChanged, this, [this, s] { emit hostChanged(s); });
    connect(s, &HostSession::snapshotChanged, this, [this, s] { emit hostChanged(s); });
    emit hostAdded(s);
    s->refresh();
    return s;
}

void Fleet::removeHost(HostSession *s)
{
    if (!m_sessions.contains(s))
        return;
    emit hostAboutToBeRemoved(s);
    m_sessions.removeOne(s);
    if (m_store) {
        if (Status saved = m_store->removeHost(s->uri().text); !saved)
            emit problem(saved.error());
    }
    s->deleteLater();
}

} // namespace ap::ui

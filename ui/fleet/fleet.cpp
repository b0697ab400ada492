#include "fleet.h"

#include <hosts/backendfactory.h>
#include <hosts/demofleet.h>
#include <hosts/hostlabels.h>

namespace ap::ui {

Fleet::Fleet(std::shared_ptr<Store> store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
{
}

void Fleet::loadDefault()
{
    if (m_store) {
        if (auto names = m_store->hostNames())
            m_names = *names;
        else
            emit problem(names.error());
    }
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
    emit namesChanged();
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
    emit namesChanged();
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
        else if (Status named = m_store->setHostName(s->uri().text, {}); !named)
            emit problem(named.error());
    }
    m_names.remove(s->uri().text);
    s->deleteLater();
    emit namesChanged();
}

Result<HostSession *> Fleet::editHost(HostSession *s, const QString &text)
{
    auto uri = HostUri::parse(text);
    if (!uri)
        return uri.error();
    if (uri->text == s->uri().text)
        return s;
    if (session(uri->text))
        return makeError(ErrorCode::Usage, uri->text, QStringLiteral("the host is already in the fleet"));
    const QString name = customName(s);
    removeHost(s);
    auto added = addHost(uri->text);
    if (added && !name.isEmpty())
        (void)renameHost(*added, name);
    return added;
}

Status Fleet::renameHost(HostSession *s, const QString &name)
{
    const QString trimmed = name.trimmed();
    for (HostSession *other : m_sessions)
        if (other != s && !trimmed.isEmpty() && displayName(other) == trimmed)
            return makeError(ErrorCode::Usage, trimmed, QStringLiteral("another host is called %1").arg(trimmed));
    if (trimmed.isEmpty())
        m_names.remove(s->uri().text);
    else
        m_names.insert(s->uri().text, trimmed);
    emit namesChanged();
    if (m_store)
        return m_store->setHostName(s->uri().text, trimmed);
    return {};
}

QString Fleet::customName(const HostSession *s) const { return m_names.value(s->uri().text); }

QString Fleet::displayName(const HostSession *s) const
{
    if (const QString own = customName(s); !own.isEmpty())
        return own;
    // A host with two addresses is named by the first.
    QStringList uris;
    qsizetype mine = -1;
    for (const HostSession *other : m_sessions) {
        if (other == s)
            mine = uris.size();
        uris.append(other->uri().text.section(QLatin1Char(','), 0, 0));
    }
    if (mine < 0)
        return s->uri().text;
    return hostLabels(uris).at(mine);
}

} // namespace ap::ui

#pragma once

#include "hostsession.h"

#include <store/store.h>

#include <QList>
#include <QObject>

namespace ap::ui {

/// The hosts the console shows: the built-in demo fleet first, then the remembered hosts.
class Fleet : public QObject {
    Q_OBJECT
public:
    explicit Fleet(std::shared_ptr<Store> store, QObject *parent = nullptr);

    /// Adds the demo hosts and the hosts remembered in the store, and starts reading them. A
    /// remembered host that cannot be opened any more, or a store that cannot be read, is
    /// reported through problem().
    void loadDefault();
    /// Adds a host by URI (remembering it unless it is a demo host). Fails on a malformed URI or
    /// a host already present.
    Result<HostSession *> addHost(const QString &uri, bool remember = true);
    /// Adds a host with a backend made elsewhere (a simulated copy of a host, a test fixture).
    HostSession *addBackend(std::unique_ptr<HostBackend> backend);
    /// Takes the host out of the fleet and forgets it (and its name), reachable or not.
    void removeHost(HostSession *session);
    /// Replaces a host's address: the old session goes, one for `uri` comes, keeping the name.
    Result<HostSession *> editHost(HostSession *session, const QString &uri);
    /// Sets the operator's name of a host (kept across restarts); empty goes back to the address.
    Status renameHost(HostSession *session, const QString &name);
    /// What the tree calls the host: the operator's name, or a short form of its address that
    /// tells it apart from the other hosts (see hostLabels()).
    QString displayName(const HostSession *session) const;
    /// The operator's own name of the host, empty if none.
    QString customName(const HostSession *session) const;

    const QList<HostSession *> &sessions() const { return m_sessions; }
    HostSession *session(const QString &uri) const;
    std::shared_ptr<Store> store() const { return m_store; }

signals:
    void hostAdded(ap::ui::HostSession *session);
    void hostAboutToBeRemoved(ap::ui::HostSession *session);
    void hostChanged(ap::ui::HostSession *session);
    /// Display names may have changed (a host came, went or was renamed).
    void namesChanged();
    /// Something the operator must hear of that belongs to no host's view: the remembered hosts
    /// could not be read or saved, a remembered host can no longer be opened.
    void problem(const ap::Error &error);

private:
    std::shared_ptr<Store> m_store;
    QList<HostSession *> m_sessions;
    QHash<QString, QString> m_names; ///< URI -> the operator's name
};

} // namespace ap::ui

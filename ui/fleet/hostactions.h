#pragma once

#include "fleetnode.h"

#include <common/result.h>

#include <QFuture>
#include <QObject>
#include <QSet>

class QAction;
class QMenu;
class QWidget;

namespace ap {
class LibvirtHost;
struct HostSnapshot;
} // namespace ap

namespace ap::ui {

class DefinitionActions;
class Fleet;
class HostSession;

/// What the operator does to hosts from the fleet tree and the File menu: add, rename, edit and
/// remove a host, trust an
/// unknown SSH host key, create and remove mdevs, libvirt's start, define, undefine and autostart
/// of mdevs and pause and resume of guests, refresh, reset the demo fleet. Dialogs open over
/// `window`; outcomes go to the status bar through statusMessage().
class HostActions : public QObject {
    Q_OBJECT
public:
    /// The main window's actions that a tree row's menu offers as well.
    struct Shared {
        QAction *check = nullptr;   ///< check migration
        QAction *migrate = nullptr; ///< migrate guest
        QAction *apply = nullptr;   ///< apply pending changes
    };

    HostActions(Fleet *fleet, QWidget *window, Shared shared);

    /// Fills the context menu of a tree row of host `s`.
    void fillTreeMenu(QMenu &menu, HostSession *s, const FleetNode &node);
    /// Asks for an address and adds the host to the fleet.
    void addHost();
    /// Puts the simulated hosts back to the built-in demo state (after asking).
    void resetDemo();
    void createMdev(HostSession *s);
    /// Asks for the operator's name of the host (empty: its address again).
    void renameHost(HostSession *s);
    /// Asks for a new address; the host is read again from there, keeping its name.
    void editHost(HostSession *s);
    /// Asks, then takes the host out of the console for good (reachable or never reached).
    void removeHost(HostSession *s);
    void removeMdev(HostSession *s, const QString &uuid);
    /// Why the host cannot take a write now (still reading it, unreachable, its attributes
    /// read-only or not writable by this user), empty if it can.
    static QString whyNoWrites(const HostSession *s);
    /// Why the host's attributes cannot be written from here as its last read found (read-only,
    /// no permission), empty if they can or it is not known.
    static QString deniedWrites(const HostSnapshot &snap);
    /// A note for write actions where the last read could not tell whether writes are permitted
    /// (the actions stay enabled), empty otherwise.
    static QString unknownWrites(const HostSession *s);

signals:
    /// A line for the status bar; timeoutMs 0 keeps it until the next one, an empty text clears.
    void statusMessage(const QString &text, int timeoutMs);
    void dropVerdict(const QString &message, bool accepted);
    /// The node to select, now or as soon as its host has been read (a new host, a created mdev).
    void selectRequested(const ap::ui::FleetNode &node);

private:
    void resetDemoNow();
    void watch(HostSession *s);
    /// An SSH host whose key is not known: shows the fingerprint and asks whether to trust it.
    void askTrustHostKey(HostSession *s);
    /// Start, autostart and guest pause/resume: what libvirt offers on a host that has it.
    void addLibvirtActions(QMenu &menu, HostSession *s, LibvirtHost *lv, const HostSnapshot &snap, const FleetNode &node);
    void runLibvirtAction(HostSession *s, QFuture<Status> future, const QString &what);

    Fleet *m_fleet;
    QWidget *m_window;
    Shared m_shared;
    QSet<HostSession *> m_askedHostKey;
    DefinitionActions *m_definitions;
};

} // namespace ap::ui

#pragma once

#include "fleetnode.h"

#include <definitions/definitionrequest.h>
#include <definitions/drift.h>

#include <QObject>

class QMenu;
class QWidget;

namespace ap {
struct HostSnapshot;
}

namespace ap::ui {

class HostSession;

/// Persistent mdev definitions from the fleet tree, on hosts whose definitions the console reads
/// itself (SSH, local trees, demo hosts): define, start, start at boot, undefine, both drift
/// repairs, export as mdevctl JSON or libvirt node-device XML, import an mdevctl JSON file. Hosts
/// with libvirt keep libvirt's node-device calls for the lifecycle, asked through approve().
/// Every change asks ap-check's rules first, shows what will run (preview) and runs only on Apply.
class DefinitionActions : public QObject {
    Q_OBJECT
public:
    explicit DefinitionActions(QWidget *window);

    /// `lifecycle` false: only the drift repairs, export and import (libvirt runs the rest).
    /// `noWrites`: why the host cannot take a change now; the actions that change it are then
    /// shown disabled with the reason (export stays).
    void fillTreeMenu(QMenu &menu, HostSession *s, const HostSnapshot &snap, const FleetNode &node, bool lifecycle = true,
                      const QString &noWrites = {});
    /// ap-check's rules for `r`, then the preview naming what runs (`runs`); true on Apply. A
    /// refusal is shown with its reasons and nothing runs.
    bool approve(HostSession *s, const definitions::DefinitionRequest &r, const QString &what, const QString &runs);
    /// Asks for an mdevctl JSON file and defines it on the host (a pending definition until started).
    void importDefinition(HostSession *s);

    /// A rule's verdict in the operator's words.
    static QString findingText(const definitions::Finding &f);
    /// "+adapter 0x05 -domain 0x12" in the operator's words.
    static QString driftText(const definitions::Drift &d);

signals:
    void statusMessage(const QString &text, int timeoutMs);

private:
    /// Rules, preview, then on Apply the change on the host's worker; the host is read again.
    void run(HostSession *s, const definitions::DefinitionRequest &r, const QString &what);
    void exportMdev(const HostSnapshot &snap, const QString &uuid, bool nodeDeviceXml);

    QWidget *m_window;
};

} // namespace ap::ui

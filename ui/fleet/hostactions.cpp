#include "hostactions.h"
#include "../common/errortext.h"
#include "../common/prompts.h"

#include "addhostdialog.h"
#include "definitionactions.h"
#include "fleet.h"
#include "hostsession.h"
#include "../matrix/applydialog.h"
#include "../matrix/dropverdict.h"

#include <definitions/mdevctljson.h>
#include <hosts/demofleet.h>
#include <hosts/libvirt/libvirthost.h>
#include <hosts/simulatedhost.h>
#include <hosts/ssh/sshhost.h>
#include <plan/writeplan.h>

#include <QAction>
#include <QLineEdit>
#include <QFutureWatcher>
#include <QMenu>
#include <QPointer>
#include <QUuid>
#include <QtConcurrent>

namespace ap::ui {

HostActions::HostActions(Fleet *fleet, QWidget *window, Shared shared)
    : QObject(window)
    , m_fleet(fleet)
    , m_window(window)
    , m_shared(shared)
    , m_definitions(new DefinitionActions(window))
{
    connect(m_definitions, &DefinitionActions::statusMessage, this, &HostActions::statusMessage);
    for (HostSession *s : fleet->sessions())
        watch(s);
    connect(fleet, &Fleet::hostAdded, this, &HostActions::watch);
    connect(fleet, &Fleet::hostAboutToBeRemoved, this, [this](HostSession *s) { m_askedHostKey.remove(s); });
}

void HostActions::watch(HostSession *s)
{
    connect(s, &HostSession::stateChanged, this, [this, s] {
        if (s->state() == HostSession::State::Failed && s->error().code == ErrorCode::HostKeyUnknown && !m_askedHostKey.contains(s))
            askTrustHostKey(s);
    });
}

void HostActions::fillTreeMenu(QMenu &menu, HostSession *s, const FleetNode &node)
{
    const auto snap = s->preview();
    if (node.kind == NodeKind::Adapter && snap) {
        QMenu *to = menu.addMenu(tr("Assign adapter to mdev"));
        for (const Mdev &m : snap->mdevs)
            to->addAction(m.uuid, this, [this, s, uuid = m.uuid, id = node.key.toInt()] {
                const DropVerdict v = evaluateDrop(s, uuid, {s->uri().text, {}, {{MatrixItem::Kind::Adapter, id, {}}}}, false, false);
                emit dropVerdict(v.message, v.accepted);
                performDrop(s, uuid, v);
            });
        to->setEnabled(!to->isEmpty());
    }
    // Actions that write are shown, but disabled with the reason, while the host cannot take them.
    const QString noWrites = whyNoWrites(s);
    const QString unknown = unknownWrites(s);
    const auto writing = [&](QAction *a) {
        if (noWrites.isEmpty()) {
            a->setToolTip(unknown);
            a->setStatusTip(unknown);
            return;
        }
        a->setEnabled(false);
        a->setText(tr("%1 (%2)").arg(a->text(), noWrites));
        a->setToolTip(noWrites);
        a->setStatusTip(noWrites);
    };
    if ((node.kind == NodeKind::Host || node.kind == NodeKind::MdevGroup) && s->backend())
        writing(menu.addAction(tr("Create mdev…"), this, [this, s] { createMdev(s); }));
    if (node.kind == NodeKind::Mdev || node.kind == NodeKind::Guest) {
        menu.addAction(m_shared.check);
        menu.addAction(m_shared.migrate);
    }
    if (node.kind == NodeKind::Mdev)
        writing(menu.addAction(tr("Remove mdev…"), this, [this, s, uuid = node.key] { removeMdev(s, uuid); }));
    if (LibvirtHost *lv = s->backend() ? s->backend()->view<LibvirtHost>() : nullptr; lv && snap) {
        addLibvirtActions(menu, s, lv, *snap, node);
        m_definitions->fillTreeMenu(menu, s, *snap, node, false); // drift, export, import where the SSH view reads definitions
    } else if (snap)
        m_definitions->fillTreeMenu(menu, s, *snap, node, true, noWrites); // mdevctl through SSH, local trees, demo hosts
    if (s->edits().hasPending()) {
        menu.addSeparator();
        menu.addAction(m_shared.apply);
    }
    menu.addAction(tr("Refresh"), s, &HostSession::refresh);
    if (node.kind == NodeKind::Host) {
        menu.addSeparator();
        menu.addAction(tr("Rename host…"), this, [this, s] { renameHost(s); });
        // Demo hosts are built in: they have a name but no address to change or forget.
        if (s->uri().scheme != HostUri::Scheme::Demo) {
            menu.addAction(tr("Edit address…"), this, [this, s] { editHost(s); });
            menu.addAction(tr("Remove host…"), this, [this, s] { removeHost(s); });
        }
    }
}

void HostActions::renameHost(HostSession *s)
{
    prompt::askText(m_window, tr("Rename host"), tr("Name of %1 in the console (empty: show its address):").arg(s->uri().text),
                    m_fleet->customName(s), [this, session = QPointer<HostSession>(s)](const QString &name) {
                        if (!session) // removed while the operator typed
                            return;
                        if (Status st = m_fleet->renameHost(session, name); !st)
                            prompt::warn(m_window, tr("Rename host"), tr("The name was not kept: %1").arg(st.error().toString()));
                    });
}

void HostActions::editHost(HostSession *s)
{
    prompt::askText(m_window, tr("Edit host address"), tr("Address of %1:").arg(m_fleet->displayName(s)), s->uri().text,
                    [this, session = QPointer<HostSession>(s)](const QString &uri) {
                        if (!session || uri.trimmed() == session->uri().text)
                            return;
                        auto edited = m_fleet->editHost(session, uri.trimmed());
                        if (!edited) {
                            prompt::warn(m_window, tr("Edit host address"),
                                         tr("Cannot use %1:\n%2\n%3").arg(uri, edited.error().detail, ErrorText::hintOf(edited.error())));
                            return;
                        }
                        emit selectRequested({(*edited)->uri().text, NodeKind::Host, (*edited)->uri().text});
                    });
}

void HostActions::removeHost(HostSession *s)
{
    const QString text = s->edits().hasPending()
        ? tr("Remove %1 from the console? Its pending changes are discarded. Nothing on the host is changed.").arg(m_fleet->displayName(s))
        : tr("Remove %1 from the console? Nothing on the host is changed.").arg(m_fleet->displayName(s));
    prompt::confirm(m_window, tr("Remove host"), text, [this, session = QPointer<HostSession>(s)] {
        if (!session)
            return;
        const QString name = m_fleet->displayName(session);
        m_fleet->removeHost(session);
        emit statusMessage(tr("Removed %1 from the console.").arg(name), 5000);
    });
}

void HostActions::addHost()
{
    auto *dialog = new AddHostDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString uri = dialog->address();
        auto added = m_fleet->addHost(uri);
        if (!added) {
            prompt::warn(m_window, tr("Add host"), tr("Cannot add %1:\n%2\n%3").arg(uri, added.error().detail, ErrorText::hintOf(added.error())));
            return;
        }
        emit selectRequested({(*added)->uri().text, NodeKind::Host, (*added)->uri().text});
    });
    dialog->open();
}

void HostActions::resetDemo()
{
    prompt::confirm(m_window, tr("Reset the demo fleet"),
                    tr("Undo every change made to the simulated hosts and start again from the built-in demo fleet?"), [this] { resetDemoNow(); });
}

void HostActions::resetDemoNow()
{
    if (m_fleet->store()) {
        if (Status reset = m_fleet->store()->resetSimulatedHosts(); !reset)
            prompt::warn(m_window, tr("Reset the demo fleet"),
                                 tr("The saved demo state could not be removed; it comes back at the next start: %1").arg(reset.error().toString()));
    }
    for (HostSession *s : m_fleet->sessions()) {
        if (auto *sim = s->backend() ? s->backend()->view<SimulatedHost>() : nullptr) {
            if (auto initial = demo::initialState(s->uri().name))
                sim->load(*initial);
            s->refresh();
        }
    }
}

QString HostActions::whyNoWrites(const HostSession *s)
{
    switch (s->state()) {
    case HostSession::State::Connected: break;
    case HostSession::State::Connecting: return tr("still reading the host");
    case HostSession::State::Failed: return tr("the host cannot be reached");
    }
    const auto snap = s->snapshot();
    return snap ? deniedWrites(*snap) : QString();
}

QString HostActions::deniedWrites(const HostSnapshot &snap)
{
    if (snap.writes.state != WritePermission::State::Denied)
        return {};
    return tr("read-only: this console may not write /%1 on the host (a read-only mount or no permission)").arg(snap.writes.path);
}

QString HostActions::unknownWrites(const HostSession *s)
{
    const auto snap = s->snapshot();
    if (!snap || snap->writes.state != WritePermission::State::Unknown)
        return {};
    return tr("Whether this console may write to the host is not known: the host decides when the change is applied.");
}

// Like every change: previewed in the Apply dialog (what it creates or removes and which guest
// notices), written only when the operator applies it. Window-modal without a loop of its own:
// the console goes on drawing and reading hosts while the writes run.
void HostActions::createMdev(HostSession *s)
{
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto *dialog = new ApplyDialog(s, plans::createMdev(uuid), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, uri = s->uri().text, uuid] {
        if (dialog->succeeded())
            emit selectRequested({uri, NodeKind::Mdev, uuid});
    });
    dialog->open();
}

void HostActions::removeMdev(HostSession *s, const QString &uuid)
{
    auto *dialog = new ApplyDialog(s, plans::removeMdev(uuid), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void HostActions::askTrustHostKey(HostSession *s)
{
    auto *ssh = s->backend() ? s->backend()->view<SshHost>() : nullptr;
    if (!ssh)
        return;
    m_askedHostKey.insert(s);
    auto *watcher = new QFutureWatcher<Result<HostKeyInfo>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, session = QPointer<HostSession>(s), watcher] {
        watcher->deleteLater();
        if (!session)
            return;
        const Result<HostKeyInfo> key = watcher->result();
        if (!key) {
            prompt::warn(m_window, tr("Unknown host key"),
                         tr("The key of %1 is not known and could not be read: %2").arg(session->uri().text, key.error().toString()));
            return;
        }
        prompt::ask(
            m_window, tr("Unknown host key"),
            tr("<p>The authenticity of <b>%1</b> cannot be established: its key is not known yet.</p><p>Fingerprints offered:</p><pre>%2</pre>"
               "<p>Compare them with the fingerprints the host's administrator gives you (<tt>ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub</tt>). "
               "Trust this key and connect?</p>")
                .arg(session->uri().text.toHtmlEscaped(), key->fingerprints.join(u'\n').toHtmlEscaped()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No, [this, session, key = *key](QMessageBox::StandardButton answer) {
                // The host may have been removed (or re-addressed) while the operator compared.
                auto *current = session && session->backend() ? session->backend()->view<SshHost>() : nullptr;
                if (answer != QMessageBox::Yes || !current)
                    return;
                if (Status st = current->client().trustHostKey(key); !st) {
                    prompt::warn(m_window, tr("Unknown host key"), st.error().toString());
                    return;
                }
                m_askedHostKey.remove(session);
                session->refresh();
            });
    });
    watcher->setFuture(QtConcurrent::run([ssh] { return ssh->client().scanHostKey(QDeadlineTimer(15000)); }));
}

void HostActions::addLibvirtActions(QMenu &menu, HostSession *s, LibvirtHost *lv, const HostSnapshot &snap, const FleetNode &node)
{
    using Kind = definitions::DefinitionRequest::Kind;
    const NodeKind kind = node.kind;
    const QString &key = node.key;
    // libvirt calls mdevctl, whose callout is ap-check: its rules are asked first, and the
    // operator sees what runs before it does.
    const auto gated = [this, s](const definitions::DefinitionRequest &r, const QString &what, const QString &call) {
        return m_definitions->approve(s, r, what, tr("Runs through libvirt: %1").arg(call));
    };
    menu.addSeparator();
    if (kind == NodeKind::StoppedMdev) {
        menu.addAction(tr("Start mdev"), this, [this, s, lv, key, gated] {
            const QString what = tr("Start mdev %1").arg(key);
            if (gated({Kind::Start, key, {}, false}, what, QStringLiteral("virNodeDeviceCreate")))
                runLibvirtAction(s, lv->startMdev(key), what);
        });
    }
    // A persistent mdev, running or stopped.
    const auto persistent = [&snap](const QString &uuid) -> const Mdev * {
        if (const Mdev *m = snap.mdev(uuid); m && m->persistent.value_or(false))
            return m;
        return snap.inactiveMdev(uuid);
    };
    if (const Mdev *m = (kind == NodeKind::Mdev || kind == NodeKind::StoppedMdev) ? persistent(key) : nullptr) {
        QAction *autostart = menu.addAction(tr("Start at boot"));
        autostart->setCheckable(true);
        autostart->setChecked(m->autostart.value_or(false));
        connect(autostart, &QAction::triggered, this, [this, s, lv, key, gated](bool on) {
            const QString what = on ? tr("Start mdev %1 at boot").arg(key) : tr("Stop starting mdev %1 at boot").arg(key);
            if (gated({Kind::SetAutostart, key, {}, on}, what, QStringLiteral("virNodeDeviceSetAutostart")))
                runLibvirtAction(s, lv->setMdevAutostart(key, on), what);
        });
    }
    if (const Mdev *m = kind == NodeKind::Mdev ? snap.mdev(key) : nullptr; m && !m->persistent.value_or(false) && m->matrixKnown) {
        // mdevctl define of an active mdev: the same UUID and matrix come back after a reboot.
        menu.addAction(tr("Keep after reboot (define)"), this, [this, s, lv, key, gated, matrix = MatrixAssignment::of(*m)] {
            const QString what = tr("Define mdev %1").arg(key);
            if (gated({Kind::Define, key, definitions::definitionOf(key, matrix, false), false}, what, QStringLiteral("virNodeDeviceDefineXML")))
                runLibvirtAction(s, lv->defineMdev(key, matrix, false, false), what);
        });
    }
    if (kind == NodeKind::StoppedMdev || (kind == NodeKind::Mdev && persistent(key))) {
        menu.addAction(tr("Undefine (forget after reboot)"), this, [this, s, lv, key, gated] {
            const QString what = tr("Undefine mdev %1").arg(key);
            if (gated({Kind::Undefine, key, {}, false}, what, QStringLiteral("virNodeDeviceUndefine")))
                runLibvirtAction(s, lv->undefineMdev(key), what);
        });
    }
    if (const Guest *g = kind == NodeKind::Guest ? snap.guest(key) : nullptr; g && g->state != Guest::State::ShutOff) {
        const bool pause = g->state == Guest::State::Running;
        menu.addAction(pause ? tr("Pause guest") : tr("Resume guest"), this, [this, s, lv, key, pause] {
            runLibvirtAction(s, lv->setGuestPaused(key, pause), pause ? tr("Pause guest %1").arg(key) : tr("Resume guest %1").arg(key));
        });
    }
}

void HostActions::runLibvirtAction(HostSession *s, QFuture<Status> future, const QString &what)
{
    emit statusMessage(tr("%1…").arg(what), 0);
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, session = QPointer<HostSession>(s), uri = s->uri().text, watcher, what] {
        watcher->deleteLater();
        const Status r = watcher->result();
        if (!r) {
            emit statusMessage({}, 0);
            prompt::warn(m_window, what, tr("%1 failed on %2:\n%3\n%4").arg(what, uri, r.error().detail, ErrorText::hintOf(r.error())));
        } else {
            emit statusMessage(tr("%1: done").arg(what), 5000);
        }
        if (session)
            session->refresh();
    });
    watcher->setFuture(future);
}

} // namespace ap::ui

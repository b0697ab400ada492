#include "definitionactions.h"
#include "../common/errortext.h"

#include "hostsession.h"
#include "../matrix/applydialog.h"

#include <definitions/mdevctljson.h>
#include <hosts/libvirt/libvirthost.h>
#include <plan/matrixplan.h>
#include <sysfs/attributeparsers.h>

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSaveFile>
#include <QUuid>

namespace ap::ui {

using definitions::DefinitionRequest;
using Kind = DefinitionRequest::Kind;

namespace {
QString hex2(int v) { return QStringLiteral("0x%1").arg(v, 2, 16, QLatin1Char('0')); }
QString apqnText(const std::optional<Apqn> &q) { return q ? q->toString() : QString(); }
} // namespace

DefinitionActions::DefinitionActions(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

QString DefinitionActions::findingText(const definitions::Finding &f)
{
    using definitions::Rule;
    QString text;
    switch (f.rule) {
    case Rule::DefinitionExists: text = tr("mdev %1 is defined already.").arg(f.other); break;
    case Rule::DefinitionMissing: text = tr("mdev %1 is not defined.").arg(f.other); break;
    case Rule::UndefineMissing: text = tr("mdev %1 has no definition to remove.").arg(f.other); break;
    case Rule::AutostartClash: text = tr("APQN %1 is defined for start at boot by mdev %2.").arg(apqnText(f.apqn), f.other); break;
    case Rule::PersistentMaskBlocks: text = tr("APQN %1 stays with the host after a reboot (persistent masks in 41-ap.rules).").arg(apqnText(f.apqn)); break;
    case Rule::VfioApNotLoaded: text = tr("The vfio_ap module is not loaded."); break;
    case Rule::ControlWithoutUsage: text = tr("Control domains without any usage domain."); break;
    case Rule::ActiveClash: text = tr("APQN %1 is in use by the running mdev %2.").arg(apqnText(f.apqn), f.other); break;
    case Rule::ActiveMaskBlocks: text = tr("APQN %1 is reserved for the host (apmask/aqmask).").arg(apqnText(f.apqn)); break;
    case Rule::AlreadyActive: text = tr("mdev %1 is running already.").arg(f.other); break;
    case Rule::NotActive: text = tr("mdev %1 is not running.").arg(f.other); break;
    case Rule::IdAboveMaximum: text = tr("Id %1 is above the host's maximum.").arg(hex2(f.id)); break;
    case Rule::ListValue: text = tr("%1 names several ids in one attribute.").arg(f.value); break;
    }
    if (f.by == definitions::RefusedBy::Kernel)
        text += QLatin1Char(' ') + tr("The kernel refuses it; ap-check would let it through.");
    return text;
}

QString DefinitionActions::driftText(const definitions::Drift &d)
{
    QStringList parts;
    const auto add = [&parts](const QString &format, const IdMask &ids) {
        for (int id : ids.ids())
            parts << format.arg(hex2(id));
    };
    add(tr("+adapter %1"), d.addedAdapters());
    add(tr("-adapter %1"), d.removedAdapters());
    add(tr("+domain %1"), d.addedDomains());
    add(tr("-domain %1"), d.removedDomains());
    add(tr("+control domain %1"), d.addedControlDomains());
    add(tr("-control domain %1"), d.removedControlDomains());
    return parts.join(QLatin1Char(' '));
}

void DefinitionActions::fillTreeMenu(QMenu &menu, HostSession *s, const HostSnapshot &snap, const FleetNode &node, bool lifecycle,
                                     const QString &noWrites)
{
    const auto gate = [&noWrites](QAction *a) {
        if (noWrites.isEmpty())
            return a;
        a->setEnabled(false);
        a->setText(tr("%1 (%2)").arg(a->text(), noWrites));
        a->setToolTip(noWrites);
        a->setStatusTip(noWrites);
        return a;
    };
    if (!snap.definitions || !s->backend())
        return;
    const QString &key = node.key;
    if (lifecycle && (node.kind == NodeKind::Host || node.kind == NodeKind::MdevGroup)) {
        gate(menu.addAction(tr("Import mdevctl definition…"), this, [this, s] { importDefinition(s); }));
        return;
    }
    if (node.kind != NodeKind::Mdev && node.kind != NodeKind::StoppedMdev)
        return;
    menu.addSeparator();
    const Mdev *running = snap.mdev(key);
    const MdevDefinition *defined = snap.definitions->find(key);
    if (lifecycle && node.kind == NodeKind::StoppedMdev && defined)
        gate(menu.addAction(tr("Start mdev"), this, [this, s, key] { run(s, {Kind::Start, key, {}, false}, tr("Start mdev %1").arg(key)); }));
    if (lifecycle && running && !defined) {
        // mdevctl define of an active mdev: the same UUID and matrix come back after a reboot.
        const MdevDefinition d = definitions::definitionOf(key, MatrixAssignment::of(*running), false);
        gate(menu.addAction(tr("Keep after reboot (define)"), this, [this, s, key, d] { run(s, {Kind::Define, key, d, false}, tr("Define mdev %1").arg(key)); }));
    }
    if (lifecycle && defined) {
        QAction *autostart = menu.addAction(tr("Start at boot"));
        autostart->setObjectName(QStringLiteral("definitionStartAtBoot"));
        autostart->setCheckable(true);
        autostart->setChecked(defined->autostart);
        connect(autostart, &QAction::triggered, this, [this, s, key](bool on) {
            run(s, {Kind::SetAutostart, key, {}, on}, on ? tr("Start mdev %1 at boot").arg(key) : tr("Stop starting mdev %1 at boot").arg(key));
        });
        gate(autostart);
        gate(menu.addAction(tr("Undefine (forget after reboot)"), this, [this, s, key] { run(s, {Kind::Undefine, key, {}, false}, tr("Undefine mdev %1").arg(key)); }));
    }
    if (const auto drift = definitions::driftOf(snap, key); drift && !drift->isEmpty()) {
        MdevDefinition updated = *defined;
        updated.matrix = drift->running;
        gate(menu.addAction(tr("Make the definition match the running matrix"), this, [this, s, key, updated] {
            run(s, {Kind::Modify, key, updated, false}, tr("Update the definition of mdev %1").arg(key));
        }));
        gate(menu.addAction(tr("Apply the definition to the running mdev…"), this, [this, s, key, target = drift->defined] {
            const auto now = s->snapshot();
            if (!now)
                return;
            auto *dialog = new ApplyDialog(s, plans::changeMatrix(*now, key, target), m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open(); // the preview first: it writes on Apply
        }));
    }
    menu.addAction(tr("Export as mdevctl JSON…"), this, [this, snap, key] { exportMdev(snap, key, false); });
    menu.addAction(tr("Export as libvirt node-device XML…"), this, [this, snap, key] { exportMdev(snap, key, true); });
}

bool DefinitionActions::approve(HostSession *s, const DefinitionRequest &r, const QString &what, const QString &runs)
{
    const auto snap = s->snapshot();
    if (!snap || !s->backend())
        return false;
    const definitions::Verdict verdict = definitions::check(*snap, r);
    if (verdict.refused()) {
        QStringList lines;
        for (const definitions::Finding &f : verdict.findings)
            lines << QStringLiteral("\u2022 ") + findingText(f);
        QMessageBox::warning(m_window, what, tr("%1 is refused; nothing was written.\n\n%2").arg(what, lines.join(QLatin1Char('\n'))));
        return false;
    }
    // The preview: what runs on the host, with the configuration it gets.
    QMessageBox box(QMessageBox::Question, what, tr("%1 on %2?").arg(what, s->uri().text), QMessageBox::Apply | QMessageBox::Cancel, m_window);
    box.setInformativeText(runs + (verdict.unknown.isEmpty() ? QString() : QLatin1Char('\n') + tr("The host's definitions are not known: ap-check on the host decides.")));
    if (r.kind == Kind::Define || r.kind == Kind::Modify || r.kind == Kind::StartTransient)
        box.setDetailedText(QString::fromUtf8(definitions::toConfigJson(r.definition)));
    return box.exec() == QMessageBox::Apply;
}

void DefinitionActions::run(HostSession *s, const DefinitionRequest &r, const QString &what)
{
    const QString runs = tr("Runs: mdevctl %1 --uuid %2")
                             .arg(r.kind == Kind::SetAutostart ? (r.autostart ? QStringLiteral("modify --auto") : QStringLiteral("modify --manual")) : r.actionName(),
                                  r.uuid);
    if (!approve(s, r, what, runs))
        return;
    emit statusMessage(tr("%1…").arg(what), 0);
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, session = QPointer<HostSession>(s), uri = s->uri().text, watcher, what] {
        watcher->deleteLater();
        const Status st = watcher->result();
        if (!st) {
            emit statusMessage({}, 0);
            QMessageBox::warning(m_window, what, tr("%1 failed on %2:\n%3\n%4").arg(what, uri, st.error().detail, ErrorText::hintOf(st.error())));
        } else {
            emit statusMessage(tr("%1: done").arg(what), 5000);
        }
        if (session)
            session->refresh();
    });
    watcher->setFuture(s->backend()->changeDefinition(r));
}

void DefinitionActions::exportMdev(const HostSnapshot &snap, const QString &uuid, bool nodeDeviceXml)
{
    MdevDefinition d;
    if (const MdevDefinition *defined = snap.definitions ? snap.definitions->find(uuid) : nullptr)
        d = *defined;
    else if (const Mdev *m = snap.mdev(uuid))
        d = definitions::definitionOf(uuid, MatrixAssignment::of(*m), false);
    else
        return;
    // A running mdev exports what runs; its start mode comes from the definition.
    if (const Mdev *m = snap.mdev(uuid))
        d.matrix = MatrixAssignment::of(*m);
    const QString path = QFileDialog::getSaveFileName(m_window, nodeDeviceXml ? tr("Export as libvirt node-device XML") : tr("Export as mdevctl JSON"),
                                                      uuid + (nodeDeviceXml ? QStringLiteral(".xml") : QStringLiteral(".json")));
    if (path.isEmpty())
        return;
    const QByteArray data = nodeDeviceXml ? LibvirtHost::mdevXml(uuid, d.matrix).toUtf8() : definitions::toConfigJson(d);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        QMessageBox::warning(m_window, tr("Export"), tr("Cannot write %1: %2").arg(path, f.errorString()));
        return;
    }
    emit statusMessage(tr("Exported mdev %1 to %2").arg(uuid, path), 5000);
}

void DefinitionActions::importDefinition(HostSession *s)
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import mdevctl definition"), QString(), tr("mdevctl JSON (*.json *);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(m_window, tr("Import mdevctl definition"), tr("Cannot read %1: %2").arg(path, f.errorString()));
        return;
    }
    // A definition file is named by its UUID (/etc/mdevctl.d/matrix/<uuid>); any other name gets a new one.
    const QString base = QFileInfo(path).completeBaseName().toLower();
    const QString uuid = sysfs::isCanonicalUuid(base) ? base : QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto d = definitions::parseConfig(f.readAll(), path, uuid);
    if (!d) {
        QMessageBox::warning(m_window, tr("Import mdevctl definition"), tr("%1\n%2").arg(d.error().where, d.error().detail));
        return;
    }
    run(s, {Kind::Define, uuid, *d, false}, tr("Define mdev %1").arg(uuid));
}

} // namespace ap::ui

#include "dropverdict.h"

#include "../fleet/hostactions.h"
#include "../fleet/hostsession.h"
#include "../common/kerneltext.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>

namespace ap::ui {

namespace {

QString hexId(int id) { return QStringLiteral("0x%1").arg(id, 2, 16, QLatin1Char('0')); }

/// "a", "a and b", "a, b and c".
QString joined(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.value(0);
    return QCoreApplication::translate("DropVerdict", "%1 and %2").arg(parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")), parts.last());
}

QStringList maskWords(const IdMask &adapters, const IdMask &domains, const IdMask &controlDomains)
{
    QStringList out;
    const auto add = [&](const IdMask &m, const char *one, const char *many) {
        const QList<int> ids = m.ids();
        if (ids.size() == 1)
            out << QCoreApplication::translate("DropVerdict", one).arg(hexId(ids.first()));
        else if (ids.size() > 1)
            out << QCoreApplication::translate("DropVerdict", many).arg(m.toRanges(true));
    };
    add(adapters, QT_TRANSLATE_NOOP("DropVerdict", "adapter %1"), QT_TRANSLATE_NOOP("DropVerdict", "adapters %1"));
    add(domains, QT_TRANSLATE_NOOP("DropVerdict", "domain %1"), QT_TRANSLATE_NOOP("DropVerdict", "domains %1"));
    add(controlDomains, QT_TRANSLATE_NOOP("DropVerdict", "control domain %1"), QT_TRANSLATE_NOOP("DropVerdict", "control domains %1"));
    return out;
}

QString whoWords(const MdevChange &c) { return c.guest.isEmpty() ? QCoreApplication::translate("DropVerdict", "mdev %1").arg(c.uuid.left(8)) : c.guest; }

} // namespace

QString itemWords(const QList<MatrixItem> &items)
{
    QStringList parts;
    IdMask adapters, domains, controlDomains;
    for (const MatrixItem &i : items) {
        switch (i.kind) {
        case MatrixItem::Kind::Adapter: adapters.set(i.id); break;
        case MatrixItem::Kind::Domain: domains.set(i.id); break;
        case MatrixItem::Kind::ControlDomain: controlDomains.set(i.id); break;
        case MatrixItem::Kind::Apqn: parts << QCoreApplication::translate("DropVerdict", "APQN %1").arg(i.apqn.toString()); break;
        }
    }
    return joined(maskWords(adapters, domains, controlDomains) + parts);
}

QString changeWords(const MdevChange &c)
{
    QStringList effect;
    if (const QStringList gains = maskWords(c.adaptersAdded, c.domainsAdded, c.controlDomainsAdded); !gains.isEmpty())
        effect << QCoreApplication::translate("DropVerdict", "gains %1").arg(joined(gains));
    if (const QStringList loses = maskWords(c.adaptersRemoved, c.domainsRemoved, c.controlDomainsRemoved); !loses.isEmpty())
        effect << QCoreApplication::translate("DropVerdict", "loses %1").arg(joined(loses));
    QString what = effect.join(QStringLiteral(", "));
    if (c.apqnsBefore != c.apqnsAfter)
        what = QCoreApplication::translate("DropVerdict", "%1: %2 → %3 queues").arg(what).arg(c.apqnsBefore).arg(c.apqnsAfter);
    if (c.guestRunning)
        what = QCoreApplication::translate("DropVerdict", "running: %1").arg(what);
    return QStringLiteral("%1 (%2)").arg(whoWords(c), what);
}

DropVerdict evaluateDrop(const HostSession *session, const QString &target, const MatrixDrag &drag, bool asControlDomains, bool move)
{
    DropVerdict v;
    const HostSnapshot *base = session ? session->edits().base() : nullptr;
    if (!base || target.isEmpty()) {
        v.message = QCoreApplication::translate("DropVerdict", "Select an mdev to drop onto.");
        return v;
    }
    if (drag.host != session->uri().text) {
        v.message = QCoreApplication::translate("DropVerdict", "Adapters and domains cannot move between hosts; an mdev only takes its own host's queues.");
        return v;
    }
    if (const QString denied = HostActions::deniedWrites(*base); !denied.isEmpty()) {
        v.message = QCoreApplication::translate("DropVerdict", "This host cannot take the change: %1.").arg(denied);
        return v;
    }
    if (drag.fromMdev == target) {
        v.message = QCoreApplication::translate("DropVerdict", "These are already in this mdev.");
        return v;
    }
    for (const MatrixItem &i : drag.items) {
        if (!asControlDomains) {
            v.items.append(i);
            continue;
        }
        if (i.kind == MatrixItem::Kind::Adapter) {
            v.message = QCoreApplication::translate("DropVerdict", "Adapters cannot be control domains.");
            return v;
        }
        v.items.append({MatrixItem::Kind::ControlDomain, i.kind == MatrixItem::Kind::Apqn ? i.apqn.domain : i.id, {}});
    }
    v.from = move ? drag.fromMdev : QString();
    const MatrixEdits &edits = session->edits();
    if (!edits.preview().mdev(target)) {
        v.outcome = driver::Outcome::failure(ENOENT);
        v.message = QCoreApplication::translate("DropVerdict", "The kernel would refuse: %1").arg(refusalText(v.outcome));
        return v;
    }
    v.next = edits.afterChange(target, v.items, true, v.from);
    const MatrixVerdict judged = edits.judge(v.next);
    v.outcome = judged.replay.outcome;
    if (v.outcome.unknown != driver::Unknown::None) {
        v.message = QCoreApplication::translate("DropVerdict", "The console cannot predict the kernel's answer: %1").arg(unknownText(v.outcome.unknown));
        return v;
    }
    if (!v.outcome.ok()) {
        v.message = QCoreApplication::translate("DropVerdict", "The kernel would refuse: %1").arg(refusalText(v.outcome));
        return v;
    }
    // Against the preview, so that the words say what this drop adds to the pending changes.
    v.changes = describeChanges(edits.preview(), judged.replay.after);
    const auto targetChange = std::find_if(v.changes.cbegin(), v.changes.cend(), [&](const MdevChange &c) { return c.uuid == target; });
    if (targetChange == v.changes.cend()) {
        v.message = QCoreApplication::translate("DropVerdict", "Nothing changes: the mdev already holds %1.").arg(itemWords(v.items));
        return v;
    }
    v.accepted = true;
    const auto sourceChange = std::find_if(v.changes.cbegin(), v.changes.cend(), [&](const MdevChange &c) { return c.uuid == v.from; });
    if (sourceChange != v.changes.cend()) {
        // What leaves the source is what moves (an APQN takes its adapter or domain along).
        const QString moved = joined(maskWords(sourceChange->adaptersRemoved, sourceChange->domainsRemoved, sourceChange->controlDomainsRemoved));
        v.message = QCoreApplication::translate("DropVerdict", "Drop to move %1 from %2 to %3.").arg(moved, changeWords(*sourceChange), changeWords(*targetChange));
    } else {
        v.message = QCoreApplication::translate("DropVerdict", "Drop to assign %1 to %2.").arg(itemWords(v.items), changeWords(*targetChange));
    }
    return v;
}

void performDrop(HostSession *session, const QString &target, const DropVerdict &verdict)
{
    if (!session || !verdict.accepted)
        return;
    const QString text = verdict.from.isEmpty() ? QCoreApplication::translate("DropVerdict", "Assign %1 to mdev %2").arg(itemWords(verdict.items), target.left(8))
                                                : QCoreApplication::translate("DropVerdict", "Move %1 to mdev %2").arg(itemWords(verdict.items), target.left(8));
    session->changePending(verdict.next, text);
}

} // namespace ap::ui

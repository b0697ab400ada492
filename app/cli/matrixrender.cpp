#include "matrixrender.h"

#include <common/errnonames.h>

#include <QJsonArray>

namespace ap::cli {

namespace {

QString stateWord(const MatrixOutcome &o)
{
    switch (o.state) {
    case MatrixOutcome::State::Acceptable: return QStringLiteral("acceptable");
    case MatrixOutcome::State::Applied: return QStringLiteral("applied");
    case MatrixOutcome::State::Refused: return QStringLiteral("refused");
    case MatrixOutcome::State::Unchanged: return QStringLiteral("unchanged");
    case MatrixOutcome::State::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

QString idsLine(const char *what, const IdMask &added, const IdMask &removed)
{
    QStringList parts;
    if (!added.isEmpty())
        parts << QStringLiteral("+") + added.toRanges(true);
    if (!removed.isEmpty())
        parts << QStringLiteral("-") + removed.toRanges(true);
    return parts.isEmpty() ? QString() : QStringLiteral("  %1: %2\n").arg(QLatin1String(what), parts.join(QLatin1Char(' ')));
}

QString guestLine(const MdevChange &c)
{
    if (c.guest.isEmpty())
        return QStringLiteral("  no guest uses this mdev\n");
    const int delta = c.guestApqnsAfter - c.guestApqnsBefore;
    if (!c.guestRunning)
        return QStringLiteral("  guest %1 is shut off: it sees %2 queue(s) at its next start\n").arg(c.guest).arg(c.guestApqnsAfter);
    if (delta > 0)
        return QStringLiteral("  running guest %1: %2 queue(s) hot plugged (%3 -> %4)\n").arg(c.guest).arg(delta).arg(c.guestApqnsBefore).arg(c.guestApqnsAfter);
    if (delta < 0)
        return QStringLiteral("  running guest %1: %2 queue(s) hot unplugged (%3 -> %4)\n").arg(c.guest).arg(-delta).arg(c.guestApqnsBefore).arg(c.guestApqnsAfter);
    return QStringLiteral("  running guest %1: the queues it sees do not change (%2)\n").arg(c.guest).arg(c.guestApqnsAfter);
}

QString definitionLine(const MdevChange &c)
{
    if (!c.hasDefinition)
        return QStringLiteral("  persistent definition: none (the mdev is transient)\n");
    if (c.definitionMatchesAfter)
        return QStringLiteral("  persistent definition: already holds the new matrix\n");
    return QStringLiteral("  persistent definition: not updated; it brings the old matrix back when the mdev is next started "
                          "(update it with 'apconsole-cli mdev modify')\n");
}

QJsonArray idArray(const IdMask &m)
{
    QJsonArray a;
    for (int id : m.ids())
        a.append(id);
    return a;
}

} // namespace

QString matrixText(const MatrixOutcome &o)
{
    QString s = QStringLiteral("matrix change on %1: %2").arg(o.host, stateWord(o));
    if (o.state == MatrixOutcome::State::Acceptable && o.dryRun)
        s += QStringLiteral(" (dry run, nothing written)");
    if (o.state == MatrixOutcome::State::Refused) {
        s += QStringLiteral(": %1 (%2)").arg(errnoName(o.err), errnoMessage(o.err));
        if (o.rolledBack)
            s += QStringLiteral("; the writes already done were undone");
    }
    s += QLatin1Char('\n');
    if (!o.reason.isEmpty())
        s += QStringLiteral("  %1\n").arg(o.reason);
    for (const QString &line : o.kernelLog)
        s += QStringLiteral("  kernel: %1\n").arg(line);
    if (o.failedStep >= 0 && o.failedStep < o.plan.steps.size())
        s += QStringLiteral("  refused at write %1: %2\n").arg(o.failedStep + 1).arg(o.plan.steps.at(o.failedStep).action);
    for (const MdevChange &c : o.changes) {
        s += QStringLiteral("\nmdev %1\n").arg(c.uuid);
        s += idsLine("adapters", c.adaptersAdded, c.adaptersRemoved);
        s += idsLine("domains", c.domainsAdded, c.domainsRemoved);
        s += idsLine("control domains", c.controlDomainsAdded, c.controlDomainsRemoved);
        s += QStringLiteral("  APQNs: %1 -> %2\n").arg(c.apqnsBefore).arg(c.apqnsAfter);
        s += guestLine(c);
        s += definitionLine(c);
    }
    for (const auto &[uuid, state] : o.definitions)
        s += QStringLiteral("\ndefinition of mdev %1: %2\n").arg(uuid, state);
    if (!o.plan.steps.isEmpty()) {
        s += QStringLiteral("\nwrites (%1):\n").arg(o.plan.steps.size());
        for (qsizetype i = 0; i < o.plan.steps.size(); ++i) {
            const WriteStep &w = o.plan.steps.at(i);
            s += QStringLiteral("  %1. %2\n     echo %3 > /%4\n").arg(i + 1).arg(w.action, QString::fromLatin1(w.write.value.trimmed()), w.write.path);
        }
    }
    return s;
}

QJsonObject matrixJson(const MatrixOutcome &o)
{
    QJsonObject j{{QStringLiteral("host"), o.host}, {QStringLiteral("verdict"), stateWord(o)}, {QStringLiteral("dry_run"), o.dryRun}};
    if (o.state == MatrixOutcome::State::Refused) {
        j.insert(QStringLiteral("errno"), errnoName(o.err));
        j.insert(QStringLiteral("rolled_back"), o.rolledBack);
    }
    if (!o.reason.isEmpty())
        j.insert(QStringLiteral("reason"), o.reason);
    if (o.failedStep >= 0)
        j.insert(QStringLiteral("failed_write"), o.failedStep);
    j.insert(QStringLiteral("kernel_log"), QJsonArray::fromStringList(o.kernelLog));
    QJsonArray changes;
    for (const MdevChange &c : o.changes) {
        QJsonObject m{{QStringLiteral("uuid"), c.uuid},
                      {QStringLiteral("adapters_added"), idArray(c.adaptersAdded)},
                      {QStringLiteral("adapters_removed"), idArray(c.adaptersRemoved)},
                      {QStringLiteral("domains_added"), idArray(c.domainsAdded)},
                      {QStringLiteral("domains_removed"), idArray(c.domainsRemoved)},
                      {QStringLiteral("control_domains_added"), idArray(c.controlDomainsAdded)},
                      {QStringLiteral("control_domains_removed"), idArray(c.controlDomainsRemoved)},
                      {QStringLiteral("apqns_before"), c.apqnsBefore},
                      {QStringLiteral("apqns_after"), c.apqnsAfter},
                      {QStringLiteral("guest_apqns_before"), c.guestApqnsBefore},
                      {QStringLiteral("guest_apqns_after"), c.guestApqnsAfter},
                      {QStringLiteral("persistent_definition"),
                       !c.hasDefinition ? QStringLiteral("none") : c.definitionMatchesAfter ? QStringLiteral("matches") : QStringLiteral("not-updated")}};
        if (!c.guest.isEmpty()) {
            m.insert(QStringLiteral("guest"), c.guest);
            m.insert(QStringLiteral("guest_running"), c.guestRunning);
        }
        changes.append(m);
    }
    j.insert(QStringLiteral("changes"), changes);
    if (!o.definitions.isEmpty()) {
        QJsonObject defs;
        for (const auto &[uuid, state] : o.definitions)
            defs.insert(uuid, state);
        j.insert(QStringLiteral("definition_updates"), defs);
    }
    QJsonArray writes;
    for (const WriteStep &w : o.plan.steps)
        writes.append(QJsonObject{{QStringLiteral("path"), QString(QLatin1Char('/') + w.write.path)},
                                  {QStringLiteral("value"), QString::fromLatin1(w.write.value)},
                                  {QStringLiteral("action"), w.action}});
    j.insert(QStringLiteral("writes"), writes);
    return j;
}

} // namespace ap::cli

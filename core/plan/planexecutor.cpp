#include "planexecutor.h"

#include "../driver/vfioapdriver.h"
#include "../sysfs/paths.h"

#include <cerrno>

namespace ap {

namespace {

/// The state a write changes, as text: an mdev's ap_config (or matrix and control domains), or
/// the mask written.
QString stateFor(AttributeAccess &access, const SysfsWrite &w)
{
    const auto attr = driver::classifyWritable(w.path);
    if (!attr)
        return {};
    using K = driver::WritableAttribute::Kind;
    auto readText = [&](const QString &path) -> std::optional<QString> {
        auto v = access.read(path);
        if (!v)
            return std::nullopt;
        return QString::fromLatin1(v->trimmed());
    };
    switch (attr->kind) {
    case K::Apmask: return readText(sysfs::paths::bus() + u"/apmask").value_or(QString());
    case K::Aqmask: return readText(sysfs::paths::bus() + u"/aqmask").value_or(QString());
    case K::CreateMdev: {
        const QString uuid = QString::fromLatin1(w.value.trimmed()).toLower();
        return access.read(sysfs::paths::mdev(uuid) + u"/matrix") ? QStringLiteral("mdev %1 exists").arg(uuid)
                                                                  : QStringLiteral("mdev %1 absent").arg(uuid);
    }
    default: {
        const QString dir = sysfs::paths::mdev(attr->uuid);
        if (auto cfg = readText(dir + u"/ap_config"))
            return *cfg;
        auto matrix = readText(dir + u"/matrix");
        if (!matrix)
            return QStringLiteral("mdev %1 absent").arg(attr->uuid);
        QString m = *matrix;
        m.replace(QLatin1Char('\n'), QLatin1Char(' '));
        QString c = readText(dir + u"/control_domains").value_or(QString());
        c.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return QStringLiteral("matrix: %1; control domains: %2").arg(m, c);
    }
    }
}

/// What a write's state belongs to (an mdev, a mask): steps touching the same thing share it.
QString stateOwner(const SysfsWrite &w)
{
    const auto attr = driver::classifyWritable(w.path);
    if (!attr)
        return w.path;
    using K = driver::WritableAttribute::Kind;
    switch (attr->kind) {
    case K::Apmask: return QStringLiteral("apmask");
    case K::Aqmask: return QStringLiteral("aqmask");
    case K::CreateMdev: return QStringLiteral("mdev ") + QString::fromLatin1(w.value.trimmed()).toLower();
    default: return QStringLiteral("mdev ") + attr->uuid;
    }
}

/// Reads back everything steps 0..last touched and compares it with the state the journal
/// recorded before the first step that touched it.
QStringList readBackDifferences(AttributeAccess &access, const WritePlan &plan, qsizetype last, const QList<JournalEntry> &journal)
{
    QStringList differences;
    QStringList seen;
    for (qsizetype k = 0; k <= last; ++k) {
        const SysfsWrite &w = plan.steps[k].write;
        const QString owner = stateOwner(w);
        if (seen.contains(owner))
            continue;
        seen.append(owner);
        const QString before = journal[k].before;
        const QString now = stateFor(access, w);
        if (now != before)
            differences.append(QStringLiteral("%1: before %2, now %3").arg(owner, before, now));
    }
    return differences;
}

JournalEntry performWrite(AttributeAccess &access, const SysfsWrite &w, const QString &action, const QString &host, bool rollback,
                          std::optional<Error> *transport = nullptr)
{
    JournalEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.host = host;
    e.action = action;
    e.path = w.path;
    e.value = w.value;
    e.rollback = rollback;
    e.before = stateFor(access, w);
    const AttributeAccess::WriteAnswer a = access.write(w);
    if (a.transport) {
        // The audit record keeps it apart from what a kernel answered.
        e.err = a.transport->kernelErrno ? a.transport->kernelErrno : EIO;
        e.after = QStringLiteral("not written: %1").arg(a.transport->toString());
        if (transport)
            *transport = a.transport;
        return e;
    }
    e.err = a.err;
    e.kernelLog = a.kernelLog;
    e.after = stateFor(access, w);
    return e;
}

} // namespace

ApplyReport executePlan(AttributeAccess &access, const WritePlan &plan, const QString &hostName,
                        const std::function<void(int)> &progress)
{
    ApplyReport r;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const WriteStep &step = plan.steps[i];
        std::optional<Error> transport;
        JournalEntry e = performWrite(access, step.write, step.action, hostName, false, &transport);
        r.kernelLog += e.kernelLog;
        const int err = transport ? 0 : e.err;
        r.journal.append(std::move(e));
        if (err == 0 && !transport) {
            if (progress)
                progress(int(i) + 1);
            continue;
        }
        r.ok = false;
        r.failedStep = int(i);
        r.err = err;
        r.transport = transport;
        r.rolledBack = true;
        for (qsizetype j = i - 1; j >= 0; --j) {
            const WriteStep &done = plan.steps[j];
            if (!done.undo) {
                r.rolledBack = false;
                continue;
            }
            JournalEntry u = performWrite(access, *done.undo, QStringLiteral("undo: ") + done.action, hostName, true);
            r.kernelLog += u.kernelLog;
            if (u.err != 0)
                r.rolledBack = false;
            r.journal.append(std::move(u));
        }
        // "As before" is what the host says, not what the undo writes answered.
        r.differences = readBackDifferences(access, plan, i, r.journal);
        if (!r.differences.isEmpty())
            r.rolledBack = false;
        break;
    }
    return r;
}

} // namespace ap

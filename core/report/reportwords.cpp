#include "reportwords.h"

#include "../common/errnonames.h"
#include "../common/placeholders.h"
#include "../model/idmask.h"

#include <QHash>
#include <QMap>

namespace ap::report {

using namespace ap::migration;

/// The source and every argument go through the "Finding" context (ids and host names have no
/// translation and stay as they are).
QString ReportWords::sentence(const FindingText &t)
{
    QStringList args;
    args.reserve(t.args.size());
    for (const QString &a : t.args)
        args.append(QCoreApplication::translate("Finding", a.toUtf8().constData()));
    return fillPlaceholders(QCoreApplication::translate("Finding", t.source.toUtf8().constData()), args);
}

QString ReportWords::findingMessage(const Finding &f) { return f.text.isEmpty() ? f.message : sentence(f.text); }

QString ReportWords::findingHint(const Finding &f) { return f.hintText.isEmpty() ? f.hint : sentence(f.hintText); }

QString ReportWords::severity(Severity s)
{
    switch (s) {
    case Severity::Error: return tr("error");
    case Severity::Warning: return tr("warning");
    case Severity::Info: return tr("info");
    }
    return {};
}

QString ReportWords::decision(bool compatible) { return compatible ? tr("compatible") : tr("incompatible"); }

QString ReportWords::groupKind(QueueGroup::Kind k)
{
    switch (k) {
    case QueueGroup::Kind::Refused: return tr("refused by the destination driver");
    case QueueGroup::Kind::Missing: return tr("no queue on the destination");
    case QueueGroup::Kind::Differs: return tr("accepted, fields differ");
    case QueueGroup::Kind::Identical: return tr("identical on both sides");
    }
    return {};
}

QString ReportWords::blockerTitle(const QString &id)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("secure_execution_guest"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "a Secure Execution guest")},
        {QStringLiteral("source_not_migratable"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "the source driver cannot migrate")},
        {QStringLiteral("target_not_migratable"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "the destination driver cannot migrate")},
        {QStringLiteral("target_mdev_missing"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "no destination mdev")},
        {QStringLiteral("target_mdev_in_use"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "the destination mdev is in use")},
        {QStringLiteral("target_queue_missing"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "queues missing on the destination")},
        {QStringLiteral("target_queue_not_vfio"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "destination queues not bound to vfio_ap")},
        {QStringLiteral("target_queue_deconfigured"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "destination queues deconfigured")},
        {QStringLiteral("target_queue_checkstopped"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "destination queues checkstopped")},
        {QStringLiteral("master_key_mismatch"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "different master keys")},
        {QStringLiteral("chunked_write_differs"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "the stream must not be split")},
        {QStringLiteral("chunked_write_undefined"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "undefined behaviour for a split stream")},
        {QStringLiteral("undefined_behaviour"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "undefined driver behaviour")},
        {QStringLiteral("libvirt-blocked"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "libvirt refuses the guest")},
        {QStringLiteral("cannot_decide"), QT_TRANSLATE_NOOP("ap::report::ReportWords", "what the hosts' views do not show")},
    };
    const char *t = titles.value(id);
    return t ? tr(t) : id;
}

QString ReportWords::verdict(const CheckReport &r)
{
    if (r.mdev.isEmpty()) // no vfio-ap device in the guest: no driver decides anything
        return r.ready ? tr("Ready to migrate: no vfio-ap device is in the running guest, libvirt migrates it as a plain live migration.")
                       : tr("Not ready: the guest has no vfio-ap device in it and is not running.");
    if (r.ready)
        return tr("Ready to migrate: the destination driver accepts the guest's AP configuration and no finding blocks the migration.");
    QStringList names;
    for (const Finding &f : r.blocking())
        if (const QString n = blockerTitle(f.id); !names.contains(n))
            names.append(n);
    if (!r.decision.unknown.isEmpty()) {
        QStringList why;
        for (const Finding &f : r.blocking())
            if (f.id == u"cannot_decide")
                why.append(findingMessage(f));
        return tr("Cannot decide: the console does not see what the destination driver's answer depends on. %1").arg(why.join(QLatin1Char(' ')));
    }
    if (r.decision.compatible)
        return tr("Not ready: the destination driver accepts the guest's AP configuration, but the migration is blocked by: %1.")
            .arg(names.join(QStringLiteral(", ")));
    if (!r.decision.undefined.isEmpty())
        return tr("Not ready: the destination driver's behaviour is undefined for the guest's AP configuration (%1).").arg(r.decision.undefined);
    const QString why = r.decision.err ? QStringLiteral("%1, %2").arg(errnoName(r.decision.err), errnoMessage(r.decision.err)) : tr("no errno");
    if (names.isEmpty())
        return tr("Not ready: the destination driver refuses the guest's AP configuration (%1).").arg(why);
    return tr("Not ready: the destination driver refuses the guest's AP configuration (%1), and the migration is also blocked by: %2.")
        .arg(why, names.join(QStringLiteral(", ")));
}

QString ReportWords::apqnSet(const QList<Apqn> &apqns)
{
    if (apqns.size() == 1)
        return apqns.first().toString();
    QMap<int, IdMask> byAdapter;
    IdMask adapters;
    for (const Apqn q : apqns) {
        byAdapter[q.adapter].set(q.domain);
        adapters.set(q.adapter);
    }
    const IdMask first = byAdapter.first();
    const bool cross = std::all_of(byAdapter.cbegin(), byAdapter.cend(), [&](const IdMask &d) { return d == first; });
    if (cross)
        return tr("adapters %1 × domains %2").arg(adapters.toRanges(true), first.toRanges(true));
    QStringList parts;
    for (auto it = byAdapter.cbegin(); it != byAdapter.cend(); ++it)
        parts.append(tr("%1: domains %2").arg(QStringLiteral("0x%1").arg(it.key(), 2, 16, QLatin1Char('0')), it.value().toRanges(true)));
    return parts.join(QStringLiteral("; "));
}

} // namespace ap::report

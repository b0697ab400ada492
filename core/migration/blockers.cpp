#include "blockers.h"

#include "../hosts/libvirt/libvirthost.h"
#include "../model/hostsnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ap::migration {

bool blocksOnlyTheDevice(const QString &reason)
{
    return reason.contains(QLatin1String("vfio"), Qt::CaseInsensitive);
}

Result<QStringList> parseQueryMigrate(const QString &reply)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(reply.toUtf8(), &pe);
    const auto corrupt = [&reply](const QString &why) {
        return makeError(ErrorCode::Corrupt, QStringLiteral("query-migrate"), QStringLiteral("%1: %2").arg(why, reply.left(200)));
    };
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(QStringLiteral("not a QMP reply"));
    const QJsonObject o = doc.object();
    if (o.contains(QLatin1String("error")))
        return makeError(ErrorCode::Unsupported, QStringLiteral("query-migrate"),
                         o.value(QLatin1String("error")).toObject().value(QLatin1String("desc")).toString());
    const QJsonValue ret = o.value(QLatin1String("return"));
    if (!ret.isObject())
        return corrupt(QStringLiteral("no \"return\" object"));
    const QJsonValue reasons = ret.toObject().value(QLatin1String("blocked-reasons"));
    if (reasons.isUndefined())
        return QStringList(); // QEMU leaves the member out when nothing blocks
    if (!reasons.isArray())
        return corrupt(QStringLiteral("\"blocked-reasons\" is not a list"));
    QStringList out;
    for (const QJsonValue &r : reasons.toArray()) {
        if (!r.isString())
            return corrupt(QStringLiteral("a blocked reason is not text"));
        out.append(r.toString());
    }
    return out;
}

QList<Finding> blockerFindings(const MigrationBlockers &b, const QString &guest)
{
    QList<Finding> out;
    if (!b.asked)
        return out;
    if (b.unavailable) {
        out.append(Finding::make(QStringLiteral("libvirt-blockers-unknown"), Severity::Info,
                                 say(QT_TRANSLATE_NOOP("Finding", "libvirt could not say whether guest %1 can migrate: %2"), {guest, b.unavailable->detail}),
                                 say(QT_TRANSLATE_NOOP("Finding", "libvirt asks QEMU when the migration starts; its refusal reads \"cannot migrate domain: …\"."))));
        return out;
    }
    for (const QString &reason : b.reasons) {
        const bool device = blocksOnlyTheDevice(reason);
        out.append(Finding::make(
            device ? QStringLiteral("libvirt-blocked-device") : QStringLiteral("libvirt-blocked"), device ? Severity::Warning : Severity::Error,
            say(QT_TRANSLATE_NOOP("Finding", "libvirt refuses to migrate guest %1: cannot migrate domain: %2"), {guest, reason}),
            device ? say(QT_TRANSLATE_NOOP("Finding", "QEMU cannot migrate the vfio-ap device of this guest; the replug strategy unplugs it first."))
                   : say(QT_TRANSLATE_NOOP("Finding", "Remove the cause in the guest's configuration; no strategy can move the guest until then."))));
    }
    return out;
}

MigrationBlockers askMigrationBlockers(HostBackend &source, const HostSnapshot &snapshot, const QString &mdev)
{
    MigrationBlockers b;
    LibvirtHost *lv = source.view<LibvirtHost>();
    const Guest *guest = snapshot.guestOfMdev(mdev);
    if (!lv || !guest)
        return b;
    b.asked = true;
    auto reply = lv->queryMigrate(guest->name).result();
    if (!reply) {
        b.unavailable = reply.error();
        return b;
    }
    auto reasons = parseQueryMigrate(*reply);
    if (!reasons)
        b.unavailable = reasons.error();
    else
        b.reasons = *reasons;
    return b;
}

} // namespace ap::migration

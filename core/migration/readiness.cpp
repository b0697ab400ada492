#include "readiness.h"

#include "blindspots.h"

#include "../driver/migration/compatibility.h"
#include "../driver/migration/hostindex.h"
#include "../driver/migration/revision.h"
#include "../driver/vfioapdriver.h"
#include "../common/errnonames.h"

#include <QCoreApplication>

#include <cerrno>

namespace ap::migration {

namespace {

using K = MkvpRegister::Kind;
using S = MkvpRegister::Slot;

class Collector {
public:
    void add(const char *id, Severity s, FindingText message, FindingText hint = {})
    {
        list.append(Finding::make(QString::fromLatin1(id), s, std::move(message), std::move(hint)));
    }
    QList<Finding> list;
};

/// Words marked with QT_TRANSLATE_NOOP("Finding", …) where they are written, English until a
/// renderer translates them.
QString word(const char *source) { return QString::fromUtf8(source); }

QString hex2(int v) { return QStringLiteral("0x%1").arg(v, 2, 16, QLatin1Char('0')); }

/// HostSnapshot::knownMkvps through an index.
const Mkvps *knownMkvps(const HostIndex &h, Apqn q, bool *lastSeen)
{
    *lastSeen = false;
    if (const Queue *qu = h.queue(q); qu && qu->mkvps)
        return &*qu->mkvps;
    const auto it = h.host().lastSeenMkvps.constFind(q);
    if (it == h.host().lastSeenMkvps.cend())
        return nullptr;
    *lastSeen = true;
    return &*it;
}

void masterKeys(const HostIndex &source, const HostIndex &target, const QList<Apqn> &matrix, Collector &c)
{
    QList<Apqn> unknown;
    for (const Apqn q : matrix) {
        bool srcLastSeen = false, dstLastSeen = false;
        const Mkvps *s = knownMkvps(source, q, &srcLastSeen);
        const Mkvps *t = knownMkvps(target, q, &dstLastSeen);
        const Card *card = source.card(q.adapter);
        if (!card || card->mode() == CryptoMode::Accelerator || card->mode() == CryptoMode::None)
            continue; // accelerators hold no master keys
        if (!s || !t) {
            unknown.append(q);
            continue;
        }
        const QList<std::pair<K, const char *>> kinds = s->flavor == Mkvps::Flavor::Ep11
            ? QList<std::pair<K, const char *>>{{K::Wk, QT_TRANSLATE_NOOP("Finding", "EP11 wrapping key (WK CUR)")}}
            : QList<std::pair<K, const char *>>{{K::Aes, QT_TRANSLATE_NOOP("Finding", "AES master key (AES CUR)")},
                                                 {K::Apka, QT_TRANSLATE_NOOP("Finding", "APKA master key (APKA CUR)")},
                                                 {K::Asym, QT_TRANSLATE_NOOP("Finding", "ASYM master key (ASYM CUR)")}};
        for (const auto &[kind, label] : kinds) {
            const MkvpRegister *rs = s->find(kind, S::Cur);
            const MkvpRegister *rt = t->find(kind, S::Cur);
            const bool sValid = rs && rs->state == MkvpRegister::State::Valid;
            const bool tValid = rt && rt->state == MkvpRegister::State::Valid;
            if (!sValid && !tValid)
                continue;
            if (sValid && tValid && rs->pattern == rt->pattern)
                continue;
            const QString src = sValid ? QStringLiteral("0x") + QString::fromLatin1(rs->pattern) : word(QT_TRANSLATE_NOOP("Finding", "none"));
            const QString dst = tValid ? QStringLiteral("0x") + QString::fromLatin1(rt->pattern) : word(QT_TRANSLATE_NOOP("Finding", "none"));
            c.add("master_key_mismatch", Severity::Error,
                  srcLastSeen || dstLastSeen
                      ? say(QT_TRANSLATE_NOOP("Finding", "APQN %1: the %2 differs between source and destination (as last seen while bound to the host): %3 vs %4"),
                          {q.toString(), word(label), src, dst})
                      : say(QT_TRANSLATE_NOOP("Finding", "APQN %1: the %2 differs between source and destination: %3 vs %4"),
                          {q.toString(), word(label), src, dst}),
                  say(QT_TRANSLATE_NOOP("Finding", "Load the same master keys into domain %1 on the destination (TKE or panel.exe) before migrating; "
                                                 "secure keys of the guest would not work there."),
                    {hex2(q.domain)}));
        }
    }
    if (!unknown.isEmpty())
        c.add("master_keys_unknown", Severity::Info,
              say(QT_TRANSLATE_NOOP("Finding", "Master key patterns are not known for %1 (a domain shows them only while bound to the host)."), {apqnList(unknown)}),
              say(QT_TRANSLATE_NOOP("Finding", "Compare them inside the guest (lszcrypt -V) or read them once while the domain is bound to zcrypt.")));
}

void destinationQueues(const HostIndex &target, const QList<Apqn> &matrix, Collector &c)
{
    QList<Apqn> missing, notVfio, deconfigured, checkstopped;
    for (const Apqn q : matrix) {
        const Queue *t = target.queue(q);
        if (!t)
            missing.append(q);
        else {
            if (!t->isBoundToVfio())
                notVfio.append(q);
            if (!t->config)
                deconfigured.append(q);
            if (t->chkstop)
                checkstopped.append(q);
        }
    }
    if (!missing.isEmpty())
        c.add("target_queue_missing", Severity::Error, say(QT_TRANSLATE_NOOP("Finding", "No queue device on the destination for %1."), {apqnList(missing)}),
              say(QT_TRANSLATE_NOOP("Finding", "Configure the adapters and domains to the destination LPAR (or pick another destination).")));
    if (!notVfio.isEmpty())
        c.add("target_queue_not_vfio", Severity::Error, say(QT_TRANSLATE_NOOP("Finding", "On the destination, %1 are not bound to vfio_ap."), {apqnList(notVfio)}),
              say(QT_TRANSLATE_NOOP("Finding", "Release them from the host: clear their adapters in apmask or their domains in aqmask.")));
    if (!deconfigured.isEmpty())
        c.add("target_queue_deconfigured", Severity::Error, say(QT_TRANSLATE_NOOP("Finding", "On the destination, %1 are deconfigured."), {apqnList(deconfigured)}),
              say(QT_TRANSLATE_NOOP("Finding", "Configure the adapter again (chzcrypt -e or the card's config attribute).")));
    if (!checkstopped.isEmpty())
        c.add("target_queue_checkstopped", Severity::Error, say(QT_TRANSLATE_NOOP("Finding", "On the destination, %1 are checkstopped."), {apqnList(checkstopped)}),
              say(QT_TRANSLATE_NOOP("Finding", "The adapter needs service; pick another destination.")));
}

void quirks(const CheckInput &in, const CheckReport &r, Collector &c)
{
    const Revision &rev = revision(r.profile);
    const QString name = QString::fromLatin1(rev.label);
    for (const QueueComparison &q : r.queues) {
        if (!q.target)
            continue;
        const Hwinfo s = q.source, t = *q.target;
        const bool ok = queueCompatible(r.profile, s, t);
        if (!ok && rev.v2ReporterOrder && s.apType() <= t.apType())
            c.add("v2_aptype_line", Severity::Info,
                  say(QT_TRANSLATE_NOOP("Finding", "APQN %1: the destination will log \"AP type of source (%2) not compatible with target (%3)\" although the AP type is not the cause."),
                    {q.apqn.toString(), QStringLiteral("%1").arg(s.apType(), 2, 16, QLatin1Char('0')), QStringLiteral("%1").arg(t.apType(), 2, 16, QLatin1Char('0'))}),
                  say(QT_TRANSLATE_NOOP("Finding", "The v2 driver prints this line for every rejection; look at the other lines for the reason.")));
        if (!ok) {
            const QStringList lines = incompatibilityLog(r.profile, r.targetMdev, q.apqn, s, t);
            const bool onlyHeader = std::all_of(lines.cbegin() + 1, lines.cend(), [](const QString &l) {
                return l.contains(QLatin1String("AP type of source"));
            });
            if (onlyHeader && s.classification() != t.classification())
                c.add("class_rejected_without_reason", Severity::Warning,
                      say(QT_TRANSLATE_NOOP("Finding", "APQN %1 is rejected because the adapter classification differs (source %2, destination %3); the kernel log gives no reason."),
                        {q.apqn.toString(), hex2(s.classification()), hex2(t.classification())}),
                      say(QT_TRANSLATE_NOOP("Finding", "The driver requires equal classification bits, even stateless to native.")));
        }
        if (ok && s.bs() != 0 && s.bs() == t.bs())
            c.add("equal_nonzero_bs_accepted", Severity::Warning,
                  say(QT_TRANSLATE_NOOP("Finding", "APQN %1 is accepted with bind/associate state %2 on both sides, which the documented rule forbids."),
                    {q.apqn.toString(), QString::number(s.bs())}),
                  say(QT_TRANSLATE_NOOP("Finding", "Secure Execution bindings do not move with the guest; bind the queue again on the destination.")));
    }
    if (r.decision.compatible)
        c.add("truncated_stream_accepted", Severity::Info,
              say(QT_TRANSLATE_NOOP("Finding", "The destination driver does not check that the whole stream arrived: leaving RESUMING succeeds on a partial stream.")),
              say(QT_TRANSLATE_NOOP("Finding", "If the transfer is interrupted, check the guest's AP configuration on the destination before resuming it.")));
    if (!r.decision.undefined.isEmpty())
        c.add("undefined_behaviour", Severity::Error,
              say(QT_TRANSLATE_NOOP("Finding", "The %1 driver's behaviour is undefined here: %2."), {name, r.decision.undefined}),
              say(QT_TRANSLATE_NOOP("Finding", "No verdict can be predicted; change what the transfer writes or pick another destination.")));
    if (r.decision.suppressedLines > 0)
        c.add("log_ratelimited", Severity::Info,
              say(QT_TRANSLATE_NOOP("Finding", "The %1 driver's rate limit drops %2 kernel log lines (10 per call site within 5 s)."),
                {name, QString::number(r.decision.suppressedLines)}),
              say(QT_TRANSLATE_NOOP("Finding", "Failures on other mdevs within the last 5 s shrink the budget further; the report lists what the kernel prints.")));

    // How the transfer's chunking changes the answer.
    if (r.decision.chunkedErr && in.target.mdev(r.targetMdev)) {
        const int err = *r.decision.chunkedErr;
        const bool oneShot = rev.write == WriteAlgorithm::OneShot;
        if (!r.decision.chunkedUndefined.isEmpty())
            c.add("chunked_write_undefined", Severity::Error,
                  say(QT_TRANSLATE_NOOP("Finding", "Written in chunks of %1 bytes, the %2 driver's behaviour is undefined: %3."),
                    {QString::number(in.chunkBytes), name, r.decision.chunkedUndefined}),
                  say(QT_TRANSLATE_NOOP("Finding", "The transfer must write the stream differently; no verdict can be predicted.")));
        else if (err != r.decision.err)
            c.add("chunked_write_differs", oneShot ? Severity::Error : Severity::Warning,
                  say(QT_TRANSLATE_NOOP("Finding", "Written in chunks of %1 bytes, the destination answers %2 instead of %3."),
                    {QString::number(in.chunkBytes), err ? errnoName(err) : word(QT_TRANSLATE_NOOP("Finding", "success")),
                     r.decision.err ? errnoName(r.decision.err) : word(QT_TRANSLATE_NOOP("Finding", "success"))}),
                  oneShot ? say(QT_TRANSLATE_NOOP("Finding", "The %1 driver takes the stream only in one write(); the transfer must not split it."), {name})
                          : say(QT_TRANSLATE_NOOP("Finding", "The answer depends on how the stream is split; the errno seen by QEMU may differ.")));
    }
}

/// The running guest that has `uuid` in its persistent definition only, if any.
const Guest *guestDefiningOnly(const HostSnapshot &h, const QString &uuid)
{
    for (const Guest &g : h.guests)
        if (g.definitionOnlyMdevs().contains(uuid))
            return &g;
    return nullptr;
}

} // namespace

QList<Finding> deviceFreeFindings(const CheckInput &in, const Guest &guest)
{
    Collector c;
    const QStringList defined = guest.definitionOnlyMdevs();
    if (guest.state == Guest::State::ShutOff)
        c.add("source_guest_not_running", Severity::Info, say(QT_TRANSLATE_NOOP("Finding", "Guest %1 is shut off: there is no live state to migrate."), {guest.name}),
              say(QT_TRANSLATE_NOOP("Finding", "A stopped guest can simply be defined on the destination with an mdev of the same UUID.")));
    if (defined.isEmpty())
        c.add("no_ap_device", Severity::Info,
              say(QT_TRANSLATE_NOOP("Finding", "Guest %1 has no vfio-ap device: it migrates as a plain live migration."), {guest.name}));
    for (const QString &uuid : defined) {
        c.add("ap_device_in_definition_only", Severity::Info,
              say(QT_TRANSLATE_NOOP("Finding", "AP device %1 is in the persistent definition of guest %2 only: it will be plugged at the destination through the definition."),
                  {uuid, guest.name}),
              say(QT_TRANSLATE_NOOP("Finding", "Nothing is unplugged on the source; the guest gets the device at its next start on the destination.")));
        if (!in.target.mdev(uuid) && !in.target.inactiveMdev(uuid))
            c.add("definition_mdev_missing_on_destination", Severity::Warning,
                  say(QT_TRANSLATE_NOOP("Finding", "%1 has no mdev %2: the guest's next start there fails until it exists."), {in.target.host, uuid}),
                  say(QT_TRANSLATE_NOOP("Finding", "Create mdev %1 on the destination before the guest is restarted there."), {uuid}));
    }
    return c.list;
}

QList<Finding> readinessFindings(const CheckInput &in, const CheckReport &r)
{
    return readinessFindings(in, r, HostIndex(in.source), HostIndex(in.target));
}

QList<Finding> readinessFindings(const CheckInput &in, const CheckReport &r, const HostIndex &source, const HostIndex &target)
{
    Collector c;
    const Mdev *m = in.source.mdev(in.mdev);
    if (!m)
        return {};
    // Findings drawn from placeholders would be false: only what the check cannot see.
    if (const QList<FindingText> blind = checkBlindSpots(in.source, in.mdev, in.target, r.targetMdev); !blind.isEmpty()) {
        for (const FindingText &t : blind)
            c.add("cannot_decide", Severity::Error, t,
                  say(QT_TRANSLATE_NOOP("Finding", "Give the host an SSH address (its menu, Edit address…) so the console reads its sysfs: libvirt alone shows AP ids only.")));
        return c.list;
    }
    const Guest *g = in.source.guestOfMdev(in.mdev);
    const Guest *defining = g ? nullptr : guestDefiningOnly(in.source, in.mdev);
    if (defining)
        c.add("ap_device_in_definition_only", Severity::Info,
              say(QT_TRANSLATE_NOOP("Finding", "AP device %1 is in the persistent definition of guest %2 only: it will be plugged at the destination through the definition."),
                  {in.mdev, defining->name}),
              say(QT_TRANSLATE_NOOP("Finding", "Nothing is unplugged on the source; the guest gets the device at its next start on the destination.")));
    else if (!g || g->state == Guest::State::ShutOff)
        c.add("source_guest_not_running", Severity::Info,
              g ? say(QT_TRANSLATE_NOOP("Finding", "Guest %1 is shut off: there is no live state to migrate."), {g->name})
                : say(QT_TRANSLATE_NOOP("Finding", "No guest on %1 is known to use mdev %2."), {in.source.host, in.mdev}),
              say(QT_TRANSLATE_NOOP("Finding", "A stopped guest can simply be defined on the destination with an mdev of the same UUID.")));
    if (in.source.secureExecutionGuest || in.target.secureExecutionGuest)
        c.add("secure_execution_guest", Severity::Error,
              revision(r.profile).secureExecution == SecureExecution::NoMigration
                  ? say(QT_TRANSLATE_NOOP("Finding", "%1 is a Secure Execution guest with AP pass-through: the driver registers no migration support there (ENOTTY; QEMU sees a device that cannot migrate)."),
                      {in.source.secureExecutionGuest ? in.source.host : in.target.host})
                  : say(QT_TRANSLATE_NOOP("Finding", "%1 is a Secure Execution guest with AP pass-through: the driver refuses migration (EPERM)."),
                      {in.source.secureExecutionGuest ? in.source.host : in.target.host}),
              say(QT_TRANSLATE_NOOP("Finding", "Use the replug strategy, or migrate without the vfio-ap device.")));
    if (!in.source.matrix.has(u"migratable"))
        c.add("source_not_migratable", Severity::Error,
              say(QT_TRANSLATE_NOOP("Finding", "The vfio_ap driver on %1 does not advertise 'migratable' (no migration support in its kernel)."), {in.source.host}),
              say(QT_TRANSLATE_NOOP("Finding", "Use the replug strategy: hot-unplug the vfio-ap device, migrate, hot-plug an mdev on the destination.")));
    if (!in.target.matrix.has(u"migratable"))
        c.add("target_not_migratable", Severity::Error,
              say(QT_TRANSLATE_NOOP("Finding", "The vfio_ap driver on %1 does not advertise 'migratable'."), {in.target.host}),
              say(QT_TRANSLATE_NOOP("Finding", "Pick a destination whose kernel carries the vfio-ap migration series, or use the replug strategy.")));

    const Mdev *tm = in.target.mdev(r.targetMdev);
    if (r.targetMdev != in.mdev)
        c.add("target_mdev_uuid_differs", Severity::Warning,
              say(QT_TRANSLATE_NOOP("Finding", "The destination mdev %1 is not the source's UUID %2; libvirt looks for the same UUID."), {r.targetMdev, in.mdev}),
              say(QT_TRANSLATE_NOOP("Finding", "Create an mdev with UUID %1 on the destination."), {in.mdev}));
    if (!tm) {
        c.add("target_mdev_missing", Severity::Error,
              say(QT_TRANSLATE_NOOP("Finding", "There is no mdev %1 on %2; libvirt would fail with \"device not found: mediated device '%1' not found\"."),
                {r.targetMdev, in.target.host}),
              say(QT_TRANSLATE_NOOP("Finding", "Create it on the destination with the source's matrix (adapters %1, domains %2)."),
                {m->adapters.toRanges(true), m->domains.toRanges(true)}));
    } else {
        if (const Guest *tg = in.target.guestOfMdev(r.targetMdev); tg && tg->state != Guest::State::ShutOff)
            c.add("target_mdev_in_use", Severity::Error,
                  say(QT_TRANSLATE_NOOP("Finding", "mdev %1 on %2 is in use by guest %3."), {r.targetMdev, in.target.host, tg->name}),
                  say(QT_TRANSLATE_NOOP("Finding", "Stop that guest or migrate to another mdev.")));
        const driver::GuestMatrix gm = driver::computeGuestMatrix(in.target, tm->adapters, tm->domains, tm->controlDomains);
        for (const auto &[adapter, blocker] : gm.filteredAdapters)
            c.add("target_adapter_filtered", Severity::Warning,
                  say(QT_TRANSLATE_NOOP("Finding", "On the destination, adapter %1 is withheld from the guest matrix: queue %2 is not usable by vfio_ap."),
                    {hex2(adapter), blocker.toString()}),
                  say(QT_TRANSLATE_NOOP("Finding", "Bind the queue to vfio_ap on the destination or remove the adapter from the mdev.")));
        if (tm->controlDomains != m->controlDomains && !revision(r.profile).controlDomains)
            c.add("control_domains_differ", Severity::Warning,
                  say(QT_TRANSLATE_NOOP("Finding", "Control domains differ: source %1, destination %2; the driver does not migrate them."),
                    {m->controlDomains.isEmpty() ? word(QT_TRANSLATE_NOOP("Finding", "none")) : m->controlDomains.toRanges(true),
                     tm->controlDomains.isEmpty() ? word(QT_TRANSLATE_NOOP("Finding", "none")) : tm->controlDomains.toRanges(true)}),
                  say(QT_TRANSLATE_NOOP("Finding", "Assign the same control domains to the destination mdev before migrating.")));
    }
    const QList<Apqn> matrix = m->guestMatrix();
    destinationQueues(target, matrix, c);
    masterKeys(source, target, matrix, c);
    quirks(in, r, c);
    // The notes themselves follow the report's table by revision.
    if (!r.revisionNotes.isEmpty())
        c.add("revisions_disagree", Severity::Info,
              say(QT_TRANSLATE_NOOP("Finding", "The driver revisions decide differently; the table by revision names each answer and why.")),
              say(QT_TRANSLATE_NOOP("Finding", "Make sure which revision of the migration series the destination kernel carries.")));
    return c.list;
}

bool blocksReplug(const Finding &f)
{
    static const QStringList liveOnly{QStringLiteral("source_not_migratable"), QStringLiteral("target_not_migratable"),
                                      QStringLiteral("secure_execution_guest"), QStringLiteral("chunked_write_differs"),
                                      QStringLiteral("chunked_write_undefined"), QStringLiteral("undefined_behaviour")};
    return f.severity == Severity::Error && !liveOnly.contains(f.id);
}

} // namespace ap::migration

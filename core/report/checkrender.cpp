#include "checkrender.h"
#include "../common/csv.h"

#include "../common/errnonames.h"
#include "../driver/migration/revision.h"
#include "queuegroups.h"
#include "reportwords.h"

#include <QJsonArray>

#include <functional>

namespace ap::report {

using namespace ap::migration;

namespace {

QJsonValue errnoValue(int err) { return err ? QJsonValue(errnoName(err)) : QJsonValue(); }

QString verdictWord(const DriverDecision &d)
{
    if (!d.unknown.isEmpty())
        return QStringLiteral("unknown");
    if (!d.undefined.isEmpty())
        return QStringLiteral("undefined");
    return d.compatible ? QStringLiteral("compatible") : QStringLiteral("incompatible");
}

QString errnoCell(const DriverDecision &d) { return d.err ? errnoName(d.err) : QStringLiteral("-"); }
QString firstLine(const DriverDecision &d) { return d.kernelLog.isEmpty() ? QStringLiteral("-") : d.kernelLog.first(); }

/// The first other revision whose answer differs from the report's own (the "other profile"
/// older readers know).
const RevisionDecision *otherDecision(const CheckReport &r)
{
    const DriverProfile own = revision(r.profile).sameCodeAs;
    for (const RevisionDecision &d : r.byRevision)
        if (d.profile != own && (verdictWord(d.decision) != verdictWord(r.decision) || d.decision.err != r.decision.err))
            return &d;
    return nullptr;
}

QJsonArray byRevisionJson(const CheckReport &r)
{
    QJsonArray a;
    for (const RevisionDecision &d : r.byRevision) {
        QJsonArray profiles;
        for (const DriverProfile p : allProfiles())
            if (revision(p).sameCodeAs == d.profile)
                profiles.append(profileName(p));
        QJsonObject o{{QStringLiteral("revision"), revisionColumn(d.profile)},
                      {QStringLiteral("profiles"), profiles},
                      {QStringLiteral("verdict"), verdictWord(d.decision)},
                      {QStringLiteral("errno"), errnoValue(d.decision.err)},
                      {QStringLiteral("first_kernel_line"), d.decision.kernelLog.isEmpty() ? QJsonValue() : QJsonValue(d.decision.kernelLog.first())},
                      {QStringLiteral("kernel_log"), QJsonArray::fromStringList(d.decision.kernelLog)}};
        if (!d.decision.undefined.isEmpty())
            o.insert(QStringLiteral("undefined"), d.decision.undefined);
        if (!d.decision.unknown.isEmpty())
            o.insert(QStringLiteral("unknown"), d.decision.unknown);
        a.append(o);
    }
    return a;
}

QJsonObject decisionJson(DriverProfile p, const DriverDecision &d)
{
    QJsonObject o;
    o.insert(QStringLiteral("profile"), profileName(p));
    o.insert(QStringLiteral("verdict"), verdictWord(d));
    o.insert(QStringLiteral("errno"), errnoValue(d.err));
    o.insert(QStringLiteral("kernel_log"), QJsonArray::fromStringList(d.kernelLog));
    if (!d.undefined.isEmpty())
        o.insert(QStringLiteral("undefined"), d.undefined);
    if (!d.unknown.isEmpty())
        o.insert(QStringLiteral("unknown"), d.unknown);
    return o;
}

QString esc(const QString &s) { return s.toHtmlEscaped(); }

using W = ReportWords;

/// One row of a queue's field table: its label (marked for translation) and value on one side.
struct Field {
    const char *name;
    std::function<QString(const QueueComparison &, bool target)> value;
};

/// The hwinfo word of one side; null for a destination without the queue.
const Hwinfo *side(const QueueComparison &q, bool target)
{
    if (!target)
        return &q.source;
    return q.target ? &*q.target : nullptr;
}

/// qd and ml are not in the sysfs-derived hwinfo: a nonzero hwinfo field wins, then what the
/// card shows, and otherwise the value is unknown, never 0.
QString depthText(const QueueComparison &q, bool target)
{
    const Hwinfo *hw = side(q, target);
    if (hw && hw->queueDepth())
        return QString::number(hw->queueDepth());
    const auto card = target ? q.targetDepth : q.sourceDepth;
    return card ? QString::number(*card) : ReportWords::tr("unknown");
}

QString maxMessageText(const QueueComparison &q, bool target)
{
    const Hwinfo *hw = side(q, target);
    if (hw && hw->maxMessageUnits())
        return ReportWords::tr("%1 bytes").arg(hw->maxMessageUnits() * 4096);
    const auto card = target ? q.targetMaxMessage : q.sourceMaxMessage;
    return card ? ReportWords::tr("%1 bytes").arg(*card) : ReportWords::tr("unknown");
}

const QList<Field> &hwFields()
{
    auto bit = [](bool (Hwinfo::*get)() const) {
        return [get](const QueueComparison &q, bool target) {
            const Hwinfo *hw = side(q, target);
            return !hw ? QStringLiteral("-") : (hw->*get)() ? QStringLiteral("1") : QStringLiteral("0");
        };
    };
    auto number = [](auto get) {
        return [get](const QueueComparison &q, bool target) {
            const Hwinfo *hw = side(q, target);
            return hw ? get(*hw) : QStringLiteral("-");
        };
    };
    static const QList<Field> f = {
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "APSC"), bit(&Hwinfo::apsc)},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "AP4KM (mex4k)"), bit(&Hwinfo::mex4k)},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "AP4KC (crt4k)"), bit(&Hwinfo::crt4k)},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "CCA mode"), bit(&Hwinfo::cca)},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "accelerator mode"), bit(&Hwinfo::accel)},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "EP11 mode"), bit(&Hwinfo::ep11)},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "APXA"), bit(&Hwinfo::apxa)},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "SLCF"), bit(&Hwinfo::slcf)},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "class"),
         number([](Hwinfo h) { return QStringLiteral("0x%1").arg(h.classification(), 2, 16, QLatin1Char('0')); })},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "BS"), number([](Hwinfo h) { return QString::number(h.bs()); })},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "bits 18-31"),
         number([](Hwinfo h) { return QStringLiteral("0x%1").arg(h.reserved18to31(), 4, 16, QLatin1Char('0')); })},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "AP type"), number([](Hwinfo h) { return QString::number(h.apType()); })},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "domains (nd)"),
         number([](Hwinfo h) { return h.domains() ? QString::number(h.domains()) : ReportWords::tr("unknown"); })},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "max message (ml)"), maxMessageText},
        {QT_TRANSLATE_NOOP("ap::report::ReportWords", "queue depth (qd)"), depthText},
    };
    return f;
}

/// verdictWord() in the operator's language.
QString verdictText(const DriverDecision &d)
{
    if (!d.unknown.isEmpty())
        return ReportWords::tr("unknown");
    return !d.undefined.isEmpty() ? ReportWords::tr("undefined") : W::decision(d.compatible);
}

QString queueVerdict(const QueueComparison &q)
{
    return !q.compatible ? ReportWords::tr("no destination queue") : W::decision(*q.compatible);
}

QJsonValue optionalInt(const std::optional<int> &v) { return v ? QJsonValue(*v) : QJsonValue(); }

std::optional<int> intOrNothing(const QJsonValue &v) { return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt; }

QJsonObject textJson(const FindingText &t)
{
    return {{QStringLiteral("source"), t.source}, {QStringLiteral("args"), QJsonArray::fromStringList(t.args)}};
}

FindingText textFromJson(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    FindingText t{o.value(QStringLiteral("source")).toString(), {}};
    for (const QJsonValue &a : o.value(QStringLiteral("args")).toArray())
        t.args.append(a.toString());
    return t;
}

} // namespace

QString revisionTableText(const CheckReport &r)
{
    if (r.byRevision.isEmpty())
        return {};
    QString s = QStringLiteral("By revision:\n");
    for (const RevisionDecision &d : r.byRevision)
        s += QStringLiteral("  %1 %2 %3 %4\n")
                 .arg(revisionColumn(d.profile), -6)
                 .arg(verdictWord(d.decision), -12)
                 .arg(errnoCell(d.decision), -7)
                 .arg(firstLine(d.decision));
    for (const FindingText &n : r.revisionNotes)
        s += QStringLiteral("  - %1\n").arg(n.english());
    return s;
}

QJsonObject checkReportJson(const CheckReport &r)
{
    QJsonObject o = decisionJson(r.profile, r.decision);
    o.insert(QStringLiteral("stream_bytes"), double(r.decision.streamBytes));
    o.insert(QStringLiteral("ready"), r.ready);
    o.insert(QStringLiteral("source"), r.sourceHost);
    o.insert(QStringLiteral("target"), r.targetHost);
    o.insert(QStringLiteral("mdev"), r.mdev);
    o.insert(QStringLiteral("target_mdev"), r.targetMdev);
    o.insert(QStringLiteral("guest"), r.guest.isEmpty() ? QJsonValue() : QJsonValue(r.guest));
    o.insert(QStringLiteral("time"), r.time.toString(Qt::ISODate));
    QJsonArray queues;
    for (const QueueComparison &q : r.queues) {
        QJsonObject j;
        j.insert(QStringLiteral("apqn"), q.apqn.toString());
        j.insert(QStringLiteral("source_hwinfo"), q.source.toHex());
        j.insert(QStringLiteral("target_hwinfo"), q.target ? QJsonValue(q.target->toHex()) : QJsonValue());
        j.insert(QStringLiteral("compatible"), q.compatible ? QJsonValue(*q.compatible) : QJsonValue());
        j.insert(QStringLiteral("source_type"), q.sourceType.isEmpty() ? QJsonValue() : QJsonValue(q.sourceType));
        j.insert(QStringLiteral("target_type"), q.targetType.isEmpty() ? QJsonValue() : QJsonValue(q.targetType));
        j.insert(QStringLiteral("source_depth"), optionalInt(q.sourceDepth));
        j.insert(QStringLiteral("target_depth"), optionalInt(q.targetDepth));
        j.insert(QStringLiteral("source_max_msg_size"), optionalInt(q.sourceMaxMessage));
        j.insert(QStringLiteral("target_max_msg_size"), optionalInt(q.targetMaxMessage));
        queues.append(j);
    }
    o.insert(QStringLiteral("queues"), queues);
    QJsonArray findings;
    for (const Finding &f : r.findings)
    {
        QJsonObject j{{QStringLiteral("id"), f.id},
                      {QStringLiteral("severity"), severityName(f.severity)},
                      {QStringLiteral("message"), f.message},
                      {QStringLiteral("hint"), f.hint}};
        // The sentences as data, so a stored report reads in the operator's language later.
        if (!f.text.isEmpty())
            j.insert(QStringLiteral("message_text"), textJson(f.text));
        if (!f.hintText.isEmpty())
            j.insert(QStringLiteral("hint_text"), textJson(f.hintText));
        findings.append(j);
    }
    o.insert(QStringLiteral("findings"), findings);
    if (const RevisionDecision *other = otherDecision(r))
        o.insert(QStringLiteral("other_profile"), decisionJson(other->profile, other->decision));
    o.insert(QStringLiteral("by_revision"), byRevisionJson(r));
    QJsonArray notes, noteTexts;
    for (const FindingText &n : r.revisionNotes) {
        notes.append(n.english());
        noteTexts.append(textJson(n));
    }
    o.insert(QStringLiteral("revision_notes"), notes);
    o.insert(QStringLiteral("revision_note_texts"), noteTexts);
    return o;
}

Result<CheckReport> checkReportFromJson(const QJsonObject &o)
{
    auto bad = [](const QString &what) { return makeError(ErrorCode::Corrupt, QStringLiteral("report JSON"), what); };
    CheckReport r;
    const auto profile = parseProfile(o.value(QStringLiteral("profile")).toString());
    if (!profile)
        return bad(QStringLiteral("unknown profile"));
    r.profile = *profile;
    const QString verdict = o.value(QStringLiteral("verdict")).toString();
    if (verdict != u"compatible" && verdict != u"incompatible" && verdict != u"undefined" && verdict != u"unknown")
        return bad(QStringLiteral("unknown verdict"));
    auto decision = [](const QJsonObject &j) {
        DriverDecision d;
        d.compatible = j.value(QStringLiteral("verdict")).toString() == u"compatible";
        d.undefined = j.value(QStringLiteral("undefined")).toString();
        if (d.undefined.isEmpty() && j.value(QStringLiteral("verdict")).toString() == u"undefined")
            d.undefined = QStringLiteral("undefined");
        d.unknown = j.value(QStringLiteral("unknown")).toString();
        if (d.unknown.isEmpty() && j.value(QStringLiteral("verdict")).toString() == u"unknown")
            d.unknown = QStringLiteral("unknown");
        d.err = j.value(QStringLiteral("errno")).isString() ? errnoFromName(j.value(QStringLiteral("errno")).toString()) : 0;
        for (const QJsonValue &l : j.value(QStringLiteral("kernel_log")).toArray())
            d.kernelLog.append(l.toString());
        return d;
    };
    r.decision = decision(o);
    r.decision.streamBytes = qint64(o.value(QStringLiteral("stream_bytes")).toDouble());
    r.ready = o.value(QStringLiteral("ready")).toBool();
    r.sourceHost = o.value(QStringLiteral("source")).toString();
    r.targetHost = o.value(QStringLiteral("target")).toString();
    r.mdev = o.value(QStringLiteral("mdev")).toString();
    r.targetMdev = o.value(QStringLiteral("target_mdev")).toString();
    r.guest = o.value(QStringLiteral("guest")).toString();
    r.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODate);
    auto hw = [](const QJsonValue &v) -> std::optional<Hwinfo> {
        bool ok = false;
        const quint64 x = v.toString().mid(2).toULongLong(&ok, 16);
        return ok ? std::optional(Hwinfo(x)) : std::nullopt;
    };
    for (const QJsonValue &v : o.value(QStringLiteral("queues")).toArray()) {
        const QJsonObject q = v.toObject();
        QueueComparison c;
        const auto apqn = Apqn::parse(q.value(QStringLiteral("apqn")).toString());
        const auto src = hw(q.value(QStringLiteral("source_hwinfo")));
        if (!apqn || !src)
            return bad(QStringLiteral("malformed queue entry"));
        c.apqn = *apqn;
        c.source = *src;
        c.target = hw(q.value(QStringLiteral("target_hwinfo")));
        if (q.value(QStringLiteral("compatible")).isBool())
            c.compatible = q.value(QStringLiteral("compatible")).toBool();
        c.sourceType = q.value(QStringLiteral("source_type")).toString();
        c.targetType = q.value(QStringLiteral("target_type")).toString();
        c.sourceDepth = intOrNothing(q.value(QStringLiteral("source_depth")));
        c.targetDepth = intOrNothing(q.value(QStringLiteral("target_depth")));
        c.sourceMaxMessage = intOrNothing(q.value(QStringLiteral("source_max_msg_size")));
        c.targetMaxMessage = intOrNothing(q.value(QStringLiteral("target_max_msg_size")));
        r.queues.append(c);
    }
    for (const QJsonValue &v : o.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString sev = f.value(QStringLiteral("severity")).toString();
        const Severity s = sev == u"error" ? Severity::Error : sev == u"warning" ? Severity::Warning : Severity::Info;
        r.findings.append({f.value(QStringLiteral("id")).toString(), s, f.value(QStringLiteral("message")).toString(),
                           f.value(QStringLiteral("hint")).toString(), textFromJson(f.value(QStringLiteral("message_text"))),
                           textFromJson(f.value(QStringLiteral("hint_text")))});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("by_revision")).toArray()) {
        const QJsonObject j = v.toObject();
        const auto p = parseProfile(j.value(QStringLiteral("profiles")).toArray().first().toString());
        if (!p)
            return bad(QStringLiteral("unknown revision in by_revision"));
        r.byRevision.append({*p, decision(j)});
    }
    // Reports stored before the revision table knew only their own profile and the other one.
    if (r.byRevision.isEmpty()) {
        r.byRevision.append({revision(r.profile).sameCodeAs, r.decision});
        const QJsonObject other = o.value(QStringLiteral("other_profile")).toObject();
        if (const auto p = parseProfile(other.value(QStringLiteral("profile")).toString()))
            r.byRevision.append({revision(*p).sameCodeAs, decision(other)});
    }
    // Reports stored before the notes were data have the English sentences only.
    const QJsonArray noteTexts = o.value(QStringLiteral("revision_note_texts")).toArray();
    const QJsonArray notes = o.value(QStringLiteral("revision_notes")).toArray();
    for (qsizetype i = 0; i < notes.size(); ++i) {
        const FindingText t = textFromJson(noteTexts.at(i));
        r.revisionNotes.append(t.isEmpty() ? FindingText{notes.at(i).toString(), {}} : t);
    }
    return r;
}

QString checkReportText(const CheckReport &r)
{
    QString s;
    s += QStringLiteral("%1: %2 -> %3, mdev %4%5\n")
             .arg(r.ready ? QStringLiteral("READY") : QStringLiteral("NOT READY"), r.sourceHost, r.targetHost, r.mdev,
                  r.guest.isEmpty() ? QString() : QStringLiteral(" (guest %1)").arg(r.guest));
    s += W::verdict(r) + QLatin1Char('\n');
    const bool unknown = !r.decision.unknown.isEmpty();
    s += QStringLiteral("Destination driver (%1): %2%3, stream %4\n")
             .arg(profileName(r.profile), verdictWord(r.decision),
                  r.decision.err ? QStringLiteral(", %1 (%2)").arg(errnoName(r.decision.err), errnoMessage(r.decision.err)) : QString(),
                  unknown ? QStringLiteral("unknown") : QStringLiteral("%1 bytes").arg(r.decision.streamBytes));
    if (!r.decision.undefined.isEmpty())
        s += QStringLiteral("Undefined kernel behaviour: %1\n").arg(r.decision.undefined);
    if (!r.decision.kernelLog.isEmpty()) {
        s += QStringLiteral("Destination kernel log:\n");
        for (const QString &l : r.decision.kernelLog)
            s += QStringLiteral("  ") + l + QLatin1Char('\n');
    }
    s += revisionTableText(r);
    s += unknown ? QStringLiteral("Queues: unknown\n") : QStringLiteral("Queues:\n");
    for (const QueueGroup &g : groupQueues(r.queues)) {
        const QueueComparison &q = g.sample;
        s += QStringLiteral("  %1 %2 %3 -> %4 %5  %6\n")
                 .arg(W::apqnSet(g.apqns), q.sourceType, q.source.toHex(), q.targetType.isEmpty() ? QStringLiteral("-") : q.targetType,
                      q.target ? q.target->toHex() : QStringLiteral("(none)"),
                      !q.compatible ? QStringLiteral("no queue") : *q.compatible ? QStringLiteral("compatible") : QStringLiteral("INCOMPATIBLE"));
    }
    if (!r.findings.isEmpty()) {
        s += QStringLiteral("Findings:\n");
        for (const Finding &f : r.findings)
            s += QStringLiteral("  [%1] %2: %3\n      %4\n").arg(severityName(f.severity), f.id, f.message, f.hint);
    }
    return s;
}

QByteArray checkReportCsv(const CheckReport &r)
{
    QStringList rows;
    rows.append(QStringLiteral("record,key,value,detail,extra,extra2"));
    auto row = [&](const QStringList &cells) {
        QStringList c;
        for (const QString &x : cells)
            c.append(csvField(x));
        while (c.size() < 6)
            c.append(QString());
        rows.append(c.join(QLatin1Char(',')));
    };
    row({QStringLiteral("summary"), QStringLiteral("profile"), profileName(r.profile)});
    row({QStringLiteral("summary"), QStringLiteral("verdict"), verdictWord(r.decision)});
    row({QStringLiteral("summary"), QStringLiteral("errno"), r.decision.err ? errnoName(r.decision.err) : QString()});
    row({QStringLiteral("summary"), QStringLiteral("stream_bytes"), QString::number(r.decision.streamBytes)});
    row({QStringLiteral("summary"), QStringLiteral("ready"), r.ready ? QStringLiteral("true") : QStringLiteral("false")});
    row({QStringLiteral("summary"), QStringLiteral("source"), r.sourceHost});
    row({QStringLiteral("summary"), QStringLiteral("target"), r.targetHost});
    row({QStringLiteral("summary"), QStringLiteral("mdev"), r.mdev});
    row({QStringLiteral("summary"), QStringLiteral("target_mdev"), r.targetMdev});
    row({QStringLiteral("summary"), QStringLiteral("guest"), r.guest});
    row({QStringLiteral("summary"), QStringLiteral("time"), r.time.toString(Qt::ISODate)});
    for (qsizetype i = 0; i < r.decision.kernelLog.size(); ++i)
        row({QStringLiteral("kernel_log"), QString::number(i + 1), r.decision.kernelLog[i]});
    for (const RevisionDecision &d : r.byRevision)
        row({QStringLiteral("revision"), revisionColumn(d.profile), verdictWord(d.decision), d.decision.err ? errnoName(d.decision.err) : QString(),
             d.decision.kernelLog.value(0)});
    for (const FindingText &n : r.revisionNotes)
        row({QStringLiteral("revision_note"), QString(), n.english()});
    for (const QueueComparison &q : r.queues)
        row({QStringLiteral("queue"), q.apqn.toString(), q.source.toHex(), q.target ? q.target->toHex() : QString(),
             !q.compatible ? QString() : *q.compatible ? QStringLiteral("true") : QStringLiteral("false"),
             q.sourceType + QLatin1Char('>') + q.targetType});
    for (const Finding &f : r.findings)
        row({QStringLiteral("finding"), f.id, severityName(f.severity), f.message, f.hint});
    return (rows.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

QString checkReportHtml(const CheckReport &r)
{
    auto heading = [](int level, const QString &text) { return QStringLiteral("<h%1>%2</h%1>\n").arg(level).arg(esc(text)); };
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n")
             .arg(esc(ReportWords::tr("Pre-migration report: %1").arg(r.guest.isEmpty() ? r.mdev : r.guest)));
    h += QStringLiteral("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:.5em 0}"
                        "td,th{border:1px solid #999;padding:3px 6px;font-size:90%}th{background:#eee;text-align:left}"
                        ".ready{color:#1a6b2f}.notready{color:#a01818}.diff{background:#fde2a6;font-weight:bold}"
                        "pre{background:#f4f4f4;padding:.5em;white-space:pre-wrap}.error{color:#a01818}.warning{color:#8a5a00}</style></head><body>\n");
    h += heading(1, ReportWords::tr("Pre-migration report"));
    h += QStringLiteral("<h2 class=\"%1\">%2</h2>\n").arg(r.ready ? QStringLiteral("ready") : QStringLiteral("notready"), esc(W::verdict(r)));
    const QString err = r.decision.err ? QStringLiteral(", %1 &ldquo;%2&rdquo;").arg(errnoName(r.decision.err), esc(errnoMessage(r.decision.err))) : QString();
    h += QStringLiteral("<p>%1</p>\n").arg(r.mdev.isEmpty() ? ReportWords::tr("Destination vfio_ap driver: not involved, no vfio-ap device is in the running guest.")
                                          : !r.decision.unknown.isEmpty()
                                              ? ReportWords::tr("Destination vfio_ap driver (%1): <b>%2</b>; stream unknown.")
                                                    .arg(profileName(r.profile), esc(verdictText(r.decision)))
                                              : ReportWords::tr("Destination vfio_ap driver (%1): <b>%2</b>%3; stream of %4 bytes.")
                                                    .arg(profileName(r.profile), esc(verdictText(r.decision)), err)
                                                    .arg(r.decision.streamBytes));
    auto row = [](const QString &k, const QString &v) { return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(esc(k), esc(v)); };
    h += QStringLiteral("<table>") + row(ReportWords::tr("Source host"), r.sourceHost) + row(ReportWords::tr("Destination host"), r.targetHost)
        + row(ReportWords::tr("Guest"), r.guest.isEmpty() ? QStringLiteral("-") : r.guest) + row(ReportWords::tr("mdev"), r.mdev)
        + row(ReportWords::tr("Destination mdev"), r.targetMdev) + row(ReportWords::tr("Checked at"), r.time.toString(Qt::ISODate)) + QStringLiteral("</table>\n");
    if (!r.decision.undefined.isEmpty())
        h += QStringLiteral("<p class=\"error\">%1</p>\n").arg(esc(ReportWords::tr("Undefined kernel behaviour: %1").arg(r.decision.undefined)));
    h += heading(3, ReportWords::tr("By revision"));
    h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>\n")
             .arg(esc(ReportWords::tr("Revision")), esc(ReportWords::tr("Verdict")), esc(ReportWords::tr("errno")), esc(ReportWords::tr("First kernel line")));
    for (const RevisionDecision &d : r.byRevision)
        h += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td><td><code>%5</code></td></tr>\n")
                 .arg(d.profile == revision(r.profile).sameCodeAs ? QStringLiteral(" class=\"diff\"") : QString(), esc(revisionColumn(d.profile)),
                      esc(verdictText(d.decision)), errnoCell(d.decision), esc(firstLine(d.decision)));
    h += QStringLiteral("</table>\n");
    if (!r.revisionNotes.isEmpty()) {
        h += QStringLiteral("<ul>\n");
        for (const FindingText &n : r.revisionNotes)
            h += QStringLiteral("<li>%1</li>\n").arg(esc(ReportWords::sentence(n)));
        h += QStringLiteral("</ul>\n");
    }
    // Where a viewer can put what changed since an earlier report.
    h += QStringLiteral("<!--changes-->\n");
    h += heading(3, ReportWords::tr("Destination kernel log"));
    h += r.decision.kernelLog.isEmpty() ? QStringLiteral("<p>%1</p>\n").arg(esc(ReportWords::tr("(no lines)")))
                                        : QStringLiteral("<pre>%1</pre>\n").arg(esc(r.decision.kernelLog.join(QLatin1Char('\n'))));
    h += heading(3, ReportWords::tr("Findings"));
    if (r.findings.isEmpty())
        h += QStringLiteral("<p>%1</p>\n").arg(esc(ReportWords::tr("None.")));
    else {
        h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th></tr>\n").arg(esc(ReportWords::tr("Severity")), esc(ReportWords::tr("Finding")), esc(ReportWords::tr("What to do")));
        for (const Finding &f : r.findings)
            h += QStringLiteral("<tr><td class=\"%1\">%2</td><td>%3<br><small>%4</small></td><td>%5</td></tr>\n")
                     .arg(severityName(f.severity), esc(W::severity(f.severity)), esc(W::findingMessage(f)), esc(f.id), esc(W::findingHint(f)));
        h += QStringLiteral("</table>\n");
    }
    // One line per group of alike queues, the ones that differ first; field tables only where
    // something differs, so a large mdev of identical queues stays a page.
    const QList<QueueGroup> groups = groupQueues(r.queues);
    h += heading(3, ReportWords::tr("Queues"));
    h += QStringLiteral("<p>%1</p>\n").arg(esc(ReportWords::tr("Queues: %1 in %2 groups of alike queues, those with differences first.").arg(r.queues.size()).arg(groups.size())));
    h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
             .arg(esc(ReportWords::tr("APQNs")), esc(ReportWords::tr("Count")), esc(ReportWords::tr("Source")), esc(ReportWords::tr("Destination")), esc(ReportWords::tr("Result")));
    for (const QueueGroup &g : groups) {
        const QueueComparison &q = g.sample;
        const bool bad = g.kind == QueueGroup::Kind::Refused || g.kind == QueueGroup::Kind::Missing;
        h += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4 %5</td><td>%6 %7</td><td>%8</td></tr>\n")
                 .arg(g.kind == QueueGroup::Kind::Identical ? QString() : QStringLiteral(" class=\"diff\""), esc(W::apqnSet(g.apqns)))
                 .arg(g.apqns.size())
                 .arg(esc(q.sourceType), q.source.toHex(), esc(q.targetType.isEmpty() ? QStringLiteral("-") : q.targetType),
                      q.target ? q.target->toHex() : QStringLiteral("-"),
                      (bad ? QStringLiteral("<b>%1</b>") : QStringLiteral("%1")).arg(esc(W::groupKind(g.kind))));
    }
    h += QStringLiteral("</table>\n");
    for (const QueueGroup &g : groups) {
        if (g.kind == QueueGroup::Kind::Identical)
            continue;
        const QueueComparison &q = g.sample;
        h += QStringLiteral("<h4>%1 &mdash; %2</h4>\n").arg(esc(W::apqnSet(g.apqns)), esc(queueVerdict(q)));
        h += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th></tr>\n")
                 .arg(esc(ReportWords::tr("Field")), esc(ReportWords::tr("Source %1").arg(q.source.toHex())),
                      esc(ReportWords::tr("Destination %1").arg(q.target ? q.target->toHex() : QStringLiteral("-"))));
        for (const Field &f : hwFields()) {
            const QString a = f.value(q, false);
            const QString b = f.value(q, true);
            const bool diff = q.target && a != b;
            h += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                     .arg(diff ? QStringLiteral(" class=\"diff\"") : QString(), esc(ReportWords::tr(f.name)), esc(a), esc(b));
        }
        h += QStringLiteral("</table>\n");
    }
    h += QStringLiteral("</body></html>\n");
    return h;
}

} // namespace ap::report

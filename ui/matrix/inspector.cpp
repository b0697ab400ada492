#include "inspector.h"

#include "../fleet/definitionactions.h"
#include "../migration/migrationtext.h"

#include <driver/apqnstate.h>

#include <QMimeData>

namespace ap::ui {

namespace {
const QChar kBreak(0x200B); // zero width space: a line break opportunity that shows nothing
QString esc(const QString &s) { return s.toHtmlEscaped(); }
QString row(const QString &k, const QString &v) { return QStringLiteral("<tr><th align=left>%1</th><td>%2</td></tr>").arg(esc(k), v); }
QString hex2(int v) { return QStringLiteral("0x%1").arg(v, 2, 16, QLatin1Char('0')); }
QString yesNo(bool b) { return b ? Inspector::tr("yes") : Inspector::tr("no"); }
/// An id list ("0x00-0x05, 0x38-0x39") that wraps between its items only: with word wrap a line
/// breaks at the space after a comma, never inside "0x38" nor after a hyphen before a digit.
QString ids(const IdMask &m)
{
    const QString text = m.toRanges(true).replace(QLatin1Char(','), QStringLiteral(", "));
    return text.isEmpty() ? Inspector::tr("none") : text;
}
/// A UUID that may wrap after each of its hyphens (a line may not break between a hyphen and a
/// digit otherwise): a narrow inspector shows it on two lines instead of scrolling sideways.
/// Copying takes the breaks out again (createMimeDataFromSelection).
QString breakableUuid(const QString &uuid)
{
    return esc(uuid).replace(QLatin1Char('-'), QStringLiteral("-") + kBreak);
}
QString funcs(std::uint32_t f) { return QStringLiteral("0x%1").arg(QString::number(f, 16).toUpper().rightJustified(8, QLatin1Char('0'))); }
QString modeWord(CryptoMode mode)
{
    switch (mode) {
    case CryptoMode::Cca: return Inspector::tr("CCA coprocessor");
    case CryptoMode::Ep11: return Inspector::tr("EP11 coprocessor");
    case CryptoMode::Accelerator: return Inspector::tr("accelerator");
    case CryptoMode::None: break;
    }
    return Inspector::tr("unknown");
}

/// "CEX8C, CCA coprocessor": the queue's own facility word decides the mode when it is readable.
QString typeAndMode(const Card *card, const Queue *queue)
{
    const CryptoMode mode = queue && queue->functions ? modeFromFunctions(*queue->functions) : card ? card->mode() : CryptoMode::None;
    const QString type = card ? card->typeName() : QString();
    return type.isEmpty() ? modeWord(mode) : Inspector::tr("%1, %2").arg(type, modeWord(mode));
}
} // namespace

Inspector::Inspector(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("inspector"));
    setOpenLinks(false);
    // Lines break between words and list items only, never inside a word or a hex value.
    setWordWrapMode(QTextOption::WordWrap);
    showNothing();
}

QMimeData *Inspector::createMimeDataFromSelection() const
{
    QMimeData *mime = QTextBrowser::createMimeDataFromSelection();
    if (mime && mime->hasText())
        mime->setText(mime->text().remove(kBreak));
    return mime;
}

void Inspector::showNothing()
{
    setHtml(QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("Select a host, adapter, mdev, guest or matrix cell."))));
}

QString Inspector::functionsTable(std::uint32_t f)
{
    struct Bit { int bit; const char *name; };
    static const Bit bits[] = {
        {0, QT_TRANSLATE_NOOP("ap::ui::Inspector", "APSC: special command facility")},
        {1, QT_TRANSLATE_NOOP("ap::ui::Inspector", "AP4KM: 4096-bit modular exponentiation")},
        {2, QT_TRANSLATE_NOOP("ap::ui::Inspector", "AP4KC: 4096-bit CRT")},
        {3, QT_TRANSLATE_NOOP("ap::ui::Inspector", "CCA coprocessor mode")},
        {4, QT_TRANSLATE_NOOP("ap::ui::Inspector", "accelerator mode")},
        {5, QT_TRANSLATE_NOOP("ap::ui::Inspector", "EP11 coprocessor mode")},
        {6, QT_TRANSLATE_NOOP("ap::ui::Inspector", "APXA: extended addressing")},
        {7, QT_TRANSLATE_NOOP("ap::ui::Inspector", "SLCF: stateless command filtering")},
        {8, QT_TRANSLATE_NOOP("ap::ui::Inspector", "class: full native card function")},
        {9, QT_TRANSLATE_NOOP("ap::ui::Inspector", "class: only stateless functions")},
    };
    QString s = QStringLiteral("<table cellspacing=0 cellpadding=2>");
    for (const Bit &b : bits) {
        const bool on = f & (0x80000000u >> b.bit);
        s += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                 .arg(b.bit).arg(on ? QStringLiteral("&#x2713;") : QStringLiteral("&ndash;"), esc(tr(b.name)));
    }
    const int bs = int(f >> 14 & 3);
    s += QStringLiteral("<tr><td>16-17</td><td>%1</td><td>%2</td></tr>").arg(bs).arg(esc(tr("Secure Execution bind/associate state")));
    s += QStringLiteral("</table>");
    return s;
}

void Inspector::showHost(const HostSnapshot &h)
{
    QString s = QStringLiteral("<h3>%1</h3>").arg(esc(h.host));
    if (!h.description.isEmpty())
        s += QStringLiteral("<p>%1</p>").arg(esc(h.description));
    s += QStringLiteral("<table>");
    s += row(tr("Max adapter / domain id"), QStringLiteral("%1 / %2").arg(h.bus.maxAdapterId).arg(h.bus.maxDomainId));
    s += row(tr("AP features"), esc(h.bus.qciAvailable ? h.bus.features.join(QLatin1Char(' ')) : tr("no QCI")));
    s += row(tr("Host-owned adapters (apmask)"), esc(ids(h.bus.apmask)));
    s += row(tr("Host-owned domains (aqmask)"), esc(ids(h.bus.aqmask)));
    s += row(tr("Configured adapters"), esc(ids(h.bus.configuredAdapters)));
    s += row(tr("Configured usage domains"), esc(ids(h.bus.configuredDomains)));
    s += row(tr("vfio_ap features"), esc(h.matrix.present ? h.matrix.features.join(QLatin1Char(' ')) : tr("vfio_ap not loaded")));
    s += row(tr("Cards / queues / mdevs"), QStringLiteral("%1 / %2 / %3").arg(h.cards.size()).arg(h.queues.size()).arg(h.mdevs.size()));
    s += QStringLiteral("</table>");
    if (!h.issues.isEmpty()) {
        s += QStringLiteral("<h4>%1</h4><ul>").arg(esc(tr("Attributes that could not be read")));
        for (const Error &e : h.issues)
            s += QStringLiteral("<li><tt>%1</tt>: %2</li>").arg(esc(e.where), esc(e.detail));
        s += QStringLiteral("</ul>");
    }
    setHtml(s);
}

void Inspector::showCard(const HostSnapshot &h, int id)
{
    const Card *c = h.card(id);
    if (!c) {
        setHtml(QStringLiteral("<p>%1</p>").arg(esc(tr("Adapter %1 is not in the host configuration.").arg(hex2(id)))));
        return;
    }
    QString s = QStringLiteral("<h3>%1</h3><table>").arg(esc(tr("Adapter %1").arg(hex2(id))));
    s += row(tr("Type"), esc(c->typeName()));
    s += row(tr("Mode"), esc(modeWord(c->mode())));
    s += row(tr("hwtype / raw_hwtype"), QStringLiteral("%1 / %2").arg(c->hwtype).arg(c->rawHwtype));
    s += row(tr("Configured"), yesNo(c->config));
    s += row(tr("Checkstopped"), yesNo(c->chkstop));
    s += row(tr("Online"), c->online ? yesNo(*c->online) : QStringLiteral("&ndash;"));
    s += row(tr("Driver"), esc(c->driver.isEmpty() ? tr("none") : c->driver));
    s += row(tr("Requests"), c->requestCount ? QString::number(*c->requestCount) : QStringLiteral("&ndash;"));
    s += row(tr("Queue depth / max message"), QStringLiteral("%1 / %2").arg(c->depth).arg(c->maxMessageSize));
    if (!c->serialNumber.isEmpty())
        s += row(tr("Serial number"), esc(c->serialNumber));
    if (!c->opModes.isEmpty())
        s += row(tr("Operation modes"), esc(c->opModes.join(QLatin1Char(' '))));
    s += row(tr("Functions"), funcs(c->functions));
    s += QStringLiteral("</table>") + functionsTable(c->functions);
    setHtml(s);
}

void Inspector::showQueue(const HostSnapshot &h, Apqn apqn)
{
    QString s = QStringLiteral("<h3>%1</h3>").arg(esc(tr("Queue %1").arg(apqn.toString())));
    const Queue *q = h.queue(apqn);
    if (!q) {
        s += QStringLiteral("<p>%1</p>").arg(esc(tr("No queue device: the APQN is not in the host configuration.")));
    } else {
        s += QStringLiteral("<table>");
        s += row(tr("Type and mode"), esc(typeAndMode(h.card(apqn.adapter), q)));
        s += row(tr("Driver"), esc(q->driver.isEmpty() ? tr("none") : q->driver));
        s += row(tr("Configured"), yesNo(q->config));
        s += row(tr("Checkstopped"), yesNo(q->chkstop));
        s += row(tr("Requests"), q->requestCount ? QString::number(*q->requestCount) : tr("&ndash; (not initialised)"));
        if (q->online)
            s += row(tr("Online"), yesNo(*q->online));
        if (q->vfioStatus)
            s += row(tr("vfio_ap status"), esc(vfioQueueStatusText(*q->vfioStatus)));
        s += row(tr("Reserved for the host"), yesNo(h.isReservedForHost(apqn)));
        s += row(tr("Functions (live)"), q->functions ? funcs(*q->functions) : tr("not readable"));
        s += QStringLiteral("</table>");
        if (q->functions)
            s += functionsTable(*q->functions);
    }
    bool lastSeen = false;
    if (const Mkvps *m = h.knownMkvps(apqn, &lastSeen)) {
        s += QStringLiteral("<h4>%1</h4><pre>%2</pre>")
                 .arg(esc(lastSeen ? tr("Master key verification patterns (last seen while bound to the host)")
                                   : tr("Master key verification patterns")),
                      esc(QString::fromLatin1(m->toText())));
    }
    setHtml(s);
}

void Inspector::showMdev(const HostSnapshot &h, const QString &uuid)
{
    const Mdev *m = h.mdev(uuid);
    if (!m) {
        showNothing();
        return;
    }
    const driver::GuestMatrix g = driver::computeGuestMatrix(h, m->adapters, m->domains, m->controlDomains);
    QString s = QStringLiteral("<h3>%1</h3><p><tt>%2</tt></p><table>").arg(esc(tr("Mediated device")), breakableUuid(uuid));
    const Guest *guest = h.guestOfMdev(uuid);
    s += row(tr("Guest"), guest ? esc(tr("%1 (%2)").arg(guest->name, migrationtext::guestState(guestStateName(guest->state)))) : tr("none"));
    const QString unknown = tr("unknown (not shown by this view)");
    s += row(tr("Adapters"), m->matrixKnown ? esc(ids(m->adapters)) : unknown);
    s += row(tr("Usage domains"), m->matrixKnown ? esc(ids(m->domains)) : unknown);
    s += row(tr("Control domains"), m->matrixKnown ? esc(ids(m->controlDomains)) : unknown);
    s += row(tr("Guest matrix"), m->matrixKnown && m->guestMatrixKnown ? tr("%1 of %2 APQNs").arg(m->guestMatrix().size()).arg(m->matrix().size())
                                                                       : unknown);
    if (!h.definitions) {
        s += row(tr("Persistent definition"), esc(tr("unknown")));
    } else if (const MdevDefinition *d = h.definitions->find(uuid)) {
        s += row(tr("Persistent definition"), esc(d->autostart ? tr("defined, starts at boot") : tr("defined, manual start")));
        if (const auto drift = definitions::driftOf(h, uuid); drift && !drift->isEmpty())
            s += row(tr("Running differs from definition"), QStringLiteral("<b>%1</b>").arg(esc(DefinitionActions::driftText(*drift))));
    } else {
        s += row(tr("Persistent definition"), esc(tr("none: gone after a reboot")));
    }
    s += QStringLiteral("</table>");
    if (h.apDetailKnown && !g.filteredAdapters.isEmpty()) { // bindings the view does not show explain nothing
        s += QStringLiteral("<h4>%1</h4><ul>").arg(esc(tr("Adapters withheld from the guest")));
        for (const auto &[adapter, blocker] : g.filteredAdapters)
            s += QStringLiteral("<li>%1</li>").arg(esc(tr("Adapter %1: queue %2 is not bound to vfio_ap").arg(hex2(adapter), blocker.toString())));
        s += QStringLiteral("</ul>");
    }
    setHtml(s);
}

void Inspector::showGuest(const HostSnapshot &h, const QString &name)
{
    const Guest *g = h.guest(name);
    if (!g) {
        showNothing();
        return;
    }
    QString s = QStringLiteral("<h3>%1</h3><table>").arg(esc(tr("Guest %1").arg(name)));
    s += row(tr("State"), esc(migrationtext::guestState(guestStateName(g->state))));
    s += row(tr("vfio-ap mdev"), esc(g->mdev.isEmpty() ? tr("none") : g->mdev));
    if (const QStringList defined = g->definitionOnlyMdevs(); !defined.isEmpty() && g->state != Guest::State::ShutOff)
        s += row(tr("In its persistent definition only"), esc(defined.join(QStringLiteral(", "))));
    s += QStringLiteral("</table>");
    setHtml(s);
}

} // namespace ap::ui

#include "vfiostatediagram.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include <algorithm>

namespace ap::ui {

using namespace ap::migration;

namespace {

// Layout in a 2 x 4 grid, the running states on top, as the uapi comment draws them.
QPointF cellOf(VfioState s)
{
    switch (s) {
    case VfioState::Running: return {0, 0};
    case VfioState::PreCopy: return {1, 0};
    case VfioState::RunningP2P: return {0, 1};
    case VfioState::PreCopyP2P: return {1, 1};
    case VfioState::Stop: return {0, 2};
    case VfioState::StopCopy: return {1, 2};
    case VfioState::Resuming: return {0, 3};
    case VfioState::Error: return {1, 3};
    }
    return {};
}

/// Direct arcs of the full state machine (every flag): cur -> new where the table's next step is new.
QList<std::pair<VfioState, VfioState>> allArcs()
{
    QList<std::pair<VfioState, VfioState>> arcs;
    const quint32 all = StopCopyFlag | P2PFlag | PreCopyFlag;
    for (int a = 1; a < kVfioStateCount; ++a) {
        for (int b = 1; b < kVfioStateCount; ++b) {
            if (a == b)
                continue;
            const auto next = nextState(VfioState(a), VfioState(b), all);
            if (next && *next == VfioState(b))
                arcs.append({VfioState(a), VfioState(b)});
        }
    }
    return arcs;
}

/// The point where the segment from the rectangle's centre towards `to` leaves the rectangle.
QPointF edgePoint(const QRectF &r, QPointF to)
{
    const QPointF c = r.center();
    const QPointF d = to - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const qreal sx = qFuzzyIsNull(d.x()) ? 1e9 : (r.width() / 2) / qAbs(d.x());
    const qreal sy = qFuzzyIsNull(d.y()) ? 1e9 : (r.height() / 2) / qAbs(d.y());
    const qreal s = qMin(sx, sy);
    return c + d * s;
}

void drawArrow(QPainter &p, QPointF from, QPointF to, qreal head)
{
    p.drawLine(from, to);
    const qreal angle = qAtan2(to.y() - from.y(), to.x() - from.x());
    QPainterPath tip;
    tip.moveTo(to);
    tip.lineTo(to - QPointF(qCos(angle - 0.45) * head, qSin(angle - 0.45) * head));
    tip.lineTo(to - QPointF(qCos(angle + 0.45) * head, qSin(angle + 0.45) * head));
    tip.closeSubpath();
    p.fillPath(tip, p.pen().color());
}

} // namespace

VfioStateDiagram::VfioStateDiagram(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    updateAccessibleText();
}

void VfioStateDiagram::setTitle(const QString &title, const QString &host)
{
    m_title = title;
    m_host = host;
    updateAccessibleText();
    update();
}

void VfioStateDiagram::setCurrent(std::optional<VfioState> state)
{
    m_current = state;
    updateAccessibleText();
    update();
}

void VfioStateDiagram::addArc(VfioState from, VfioState to)
{
    m_arcs.append({from, to});
    m_current = to;
    updateAccessibleText();
    update();
}

void VfioStateDiagram::clear()
{
    m_arcs.clear();
    m_current.reset();
    updateAccessibleText();
    update();
}

QSize VfioStateDiagram::sizeHint() const
{
    return {300, 260};
}

QSize VfioStateDiagram::minimumSizeHint() const
{
    return {220, 200};
}

void VfioStateDiagram::updateAccessibleText()
{
    setAccessibleName(m_host.isEmpty() ? m_title : QStringLiteral("%1 (%2)").arg(m_title, m_host));
    QStringList taken;
    for (const auto &[from, to] : m_arcs)
        taken.append(vfioStateName(from) + QStringLiteral(" → ") + vfioStateName(to));
    setAccessibleDescription(m_current ? tr("Current state %1. Arcs taken: %2").arg(vfioStateName(*m_current), taken.join(u", "))
                                       : tr("Device not open. Arcs taken: %1").arg(taken.join(u", ")));
}

QRectF VfioStateDiagram::stateRect(VfioState s) const
{
    const qreal top = fontMetrics().height() * 3; // the title and the host line
    const qreal w = width();
    const qreal h = height() - top - fontMetrics().height() * 2.3; // the footnote (up to two lines) stays clear
    const QPointF cell = cellOf(s);
    const qreal boxW = qMin(w * 0.38, qreal(fontMetrics().horizontalAdvance(QStringLiteral("PRE_COPY_P2P")) + 16));
    const qreal boxH = qMin(h / 4 * 0.5, qreal(fontMetrics().height() * 2));
    const qreal cx = w * (cell.x() == 0 ? 0.27 : 0.73);
    const qreal cy = top + h * (cell.y() + 0.5) / 4;
    return {cx - boxW / 2, cy - boxH / 2, boxW, boxH};
}

void VfioStateDiagram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::WindowText));
    // Title and state on the first line, the host on its own; when the title and the state do not
    // fit one line, the state leads the host's line instead of being cut off.
    const QString state = m_current ? vfioStateName(*m_current) : tr("closed");
    QString title = QStringLiteral("%1 — %2").arg(m_title, state);
    QString host = m_host;
    if (QFontMetrics(bold).horizontalAdvance(title) > width()) {
        title = m_title;
        host = m_host.isEmpty() ? state : QStringLiteral("%1 · %2").arg(state, m_host);
    }
    const qreal line = fontMetrics().height() * 1.3;
    p.drawText(QRectF(0, 0, width(), line), Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(bold).elidedText(title, Qt::ElideRight, width()));
    p.setFont(font());
    if (!host.isEmpty())
        p.drawText(QRectF(0, line, width(), line), Qt::AlignLeft | Qt::AlignVCenter, fontMetrics().elidedText(host, Qt::ElideMiddle, width()));

    // Every arc the machine has, faint; a pair in both directions is drawn side by side.
    const auto offsetLine = [this](VfioState a, VfioState b, qreal offset) {
        const QRectF ra = stateRect(a), rb = stateRect(b);
        QPointF d = rb.center() - ra.center();
        const qreal len = qSqrt(d.x() * d.x() + d.y() * d.y());
        const QPointF n = len > 0 ? QPointF(-d.y() / len, d.x() / len) * offset : QPointF();
        return std::make_pair(edgePoint(ra.translated(n), rb.center() + n), edgePoint(rb.translated(n), ra.center() + n));
    };
    QColor faint = pal.color(QPalette::WindowText);
    faint.setAlphaF(0.18);
    p.setPen(QPen(faint, 1));
    for (const auto &[a, b] : allArcs()) {
        const auto [from, to] = offsetLine(a, b, 4);
        drawArrow(p, from, to, 6);
    }

    // The arcs taken, each labelled with its positions in the run ("1,3" when taken twice). The
    // label sits nearer the arc's start and beside it, on the arc's own side of a pair, so it
    // covers neither this arrow nor the one coming back.
    const QColor strong = pal.color(QPalette::Highlight);
    QList<std::pair<std::pair<VfioState, VfioState>, QStringList>> labels;
    for (qsizetype i = 0; i < m_arcs.size(); ++i) {
        auto it = std::find_if(labels.begin(), labels.end(), [&](const auto &l) { return l.first == m_arcs.at(i); });
        if (it == labels.end())
            labels.append({m_arcs.at(i), {QString::number(i + 1)}});
        else
            it->second.append(QString::number(i + 1));
    }
    QList<std::pair<QRectF, QString>> badges; // painted last, so no state box hides a number
    for (const auto &[arc, numbers] : labels) {
        const auto [from, to] = offsetLine(arc.first, arc.second, 4);
        p.setPen(QPen(strong, 2.5));
        drawArrow(p, from, to, 9);
        const QString text = numbers.join(u',');
        const qreal w = qMax<qreal>(18, fontMetrics().horizontalAdvance(text) + 8);
        const QPointF d = to - from;
        const qreal len = qSqrt(d.x() * d.x() + d.y() * d.y());
        const QPointF normal = len > 0 ? QPointF(-d.y() / len, d.x() / len) : QPointF();
        // Far enough out that the badge's nearest edge clears the line, whatever the arc's angle.
        const qreal clearance = qAbs(normal.x()) * w / 2 + qAbs(normal.y()) * 9 + 3;
        const QPointF at = from + d * 0.3 + normal * clearance;
        badges.append({QRectF(at.x() - w / 2, at.y() - 9, w, 18), text});
    }
    p.setBrush(Qt::NoBrush);

    // The state names shrink with a narrow diagram rather than spill over their boxes.
    QFont boxFont = font();
    const qreal boxText = stateRect(VfioState(0)).width() - 6;
    if (const int longest = fontMetrics().horizontalAdvance(QStringLiteral("PRE_COPY_P2P")); longest > boxText && boxText > 0)
        boxFont.setPointSizeF(std::max(6.0, boxFont.pointSizeF() * boxText / longest));
    p.setFont(boxFont);
    for (int i = 0; i < kVfioStateCount; ++i) {
        const VfioState s = VfioState(i);
        const QRectF r = stateRect(s);
        const bool supported = isSupported(s, kFlags);
        const bool current = m_current && *m_current == s;
        if (current) {
            p.setBrush(strong);
            p.setPen(QPen(strong.darker(130), 2));
        } else {
            p.setBrush(pal.color(supported ? QPalette::Base : QPalette::Window));
            p.setPen(QPen(pal.color(supported ? QPalette::WindowText : QPalette::Mid), 1, supported ? Qt::SolidLine : Qt::DashLine));
        }
        p.drawRoundedRect(r, 6, 6);
        p.setPen(current ? pal.color(QPalette::HighlightedText) : pal.color(supported ? QPalette::Text : QPalette::Mid));
        p.drawText(r, Qt::AlignCenter, vfioStateName(s));
    }
    for (const auto &[badge, text] : badges) {
        p.setPen(QPen(strong.darker(130), 1));
        p.setBrush(strong);
        p.drawRoundedRect(badge, 9, 9);
        p.setPen(pal.color(QPalette::HighlightedText));
        p.drawText(badge, Qt::AlignCenter, text);
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(pal.color(QPalette::Mid));
    p.setFont(font());
    p.drawText(QRectF(0, height() - 2 * fontMetrics().height() - 2, width(), 2 * fontMetrics().height()), Qt::AlignRight | Qt::AlignBottom | Qt::TextWordWrap,
               tr("dashed: not supported by this device"));
}

} // namespace ap::ui

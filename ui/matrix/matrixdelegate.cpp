#include "matrixdelegate.h"

#include "matrixmodel.h"

#include <QApplication>
#include <QPainter>

namespace ap::ui {

using Own = driver::ApqnState::Ownership;

QString MatrixDelegate::symbol(int ownership)
{
    switch (Own(ownership)) {
    case Own::InGuest: return QStringLiteral("\u2713");          // check mark
    case Own::AssignedFiltered: return QStringLiteral("\u26A0"); // warning sign
    case Own::Assigned: return QStringLiteral("\u25CF");         // black circle
    case Own::Unknown: return QStringLiteral("?");
    case Own::OtherMdev: return QStringLiteral("\u25C6");        // diamond
    case Own::ReservedForHost: return QStringLiteral("\u2302");  // house
    case Own::Free: return QStringLiteral("\u00B7");             // middle dot
    }
    return {};
}

QString MatrixDelegate::word(int ownership)
{
    switch (Own(ownership)) {
    case Own::InGuest: return tr("in the guest matrix");
    case Own::AssignedFiltered: return tr("assigned, filtered out");
    case Own::Assigned: return tr("assigned, guest matrix unknown");
    case Own::Unknown: return tr("unknown (not shown by this view)");
    case Own::OtherMdev: return tr("assigned to another mdev");
    case Own::ReservedForHost: return tr("reserved for the host");
    case Own::Free: return tr("free");
    }
    return {};
}

namespace {
/// The control row's tint in the cache: a key past the last ownership state.
constexpr int kControlDomain = int(Own::Free) + 1;
bool isDark(const QPalette &pal) { return pal.color(QPalette::Window).lightness() < 128; }
QColor soften(QColor c, const QPalette &pal) { return isDark(pal) ? c.darker(250) : c.lighter(160); }
} // namespace

QColor MatrixDelegate::mdevColour(int index, const QPalette &pal)
{
    // Hues a golden angle apart stay distinguishable for the first dozen mdevs.
    const int hue = int((index * 137.508) + 200) % 360;
    const QColor c = QColor::fromHsv(hue, 150, 210);
    return soften(c, pal);
}

QColor MatrixDelegate::tint(int ownership, int owner, const QPalette &pal)
{
    switch (Own(ownership)) {
    case Own::InGuest: return soften(QColor(0x2e, 0x9d, 0x4f), pal);
    case Own::AssignedFiltered: return soften(QColor(0xe0, 0x9b, 0x1a), pal);
    case Own::Assigned: return soften(QColor(0x7f, 0xb0, 0x8c), pal);
    case Own::Unknown: return soften(QColor(0xc8, 0xc8, 0xc8), pal);
    case Own::OtherMdev: return owner >= 0 ? mdevColour(owner, pal) : soften(QColor(0x3b, 0x6e, 0xc8), pal);
    case Own::ReservedForHost: return soften(QColor(0x8a, 0x8a, 0x8a), pal);
    case Own::Free: return pal.color(QPalette::Base);
    }
    return pal.color(QPalette::Base);
}

void MatrixDelegate::setScale(qreal scale)
{
    m_scale = scale;
}

const QFont &MatrixDelegate::scaledFont(const QFont &viewFont) const
{
    if (m_fontScale != m_scale || viewFont != m_viewFont) {
        m_viewFont = viewFont;
        m_fontScale = m_scale;
        m_scaledFont = viewFont;
        if (!qFuzzyCompare(m_scale, 1.0))
            m_scaledFont.setPointSizeF(std::max(1.0, viewFont.pointSizeF() * m_scale));
    }
    return m_scaledFont;
}

QColor MatrixDelegate::cachedTint(int ownership, int owner, const QPalette &palette) const
{
    if (palette.cacheKey() != m_tintPalette) {
        m_tints.clear();
        m_tintPalette = palette.cacheKey();
    }
    const int key = (owner + 1) * 16 + ownership;
    auto it = m_tints.constFind(key);
    if (it == m_tints.cend())
        it = m_tints.insert(key, ownership == kControlDomain ? tint(int(Own::OtherMdev), -1, palette).lighter(110)
                                                             : tint(ownership, owner, palette));
    return *it;
}

bool MatrixDelegate::isLegible(const QFont &font, QSize room) const
{
    if (font != m_widthFont) {
        m_widths.clear();
        m_texts.clear();
        m_widthFont = font;
        m_height = QFontMetrics(font).height();
    }
    // Below a legible size the tint alone stands for the cell (the overview's way).
    return font.pointSizeF() >= 5 && m_height <= room.height() + 2;
}

QString MatrixDelegate::fittingLabel(const QFont &font, const QStringList &labels, QSize room) const
{
    if (!isLegible(font, room))
        return {};
    for (const QString &label : labels) {
        auto it = m_widths.constFind(label);
        if (it == m_widths.cend())
            it = m_widths.insert(label, QFontMetrics(font).horizontalAdvance(label));
        if (*it <= room.width() - 2)
            return label;
    }
    return {};
}

void MatrixDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRect r = option.rect.adjusted(1, 1, -1, -1);
    const QPalette &pal = option.palette;
    p->save();
    const auto *model = qobject_cast<const MatrixModel *>(index.model());
    const bool hostWide = model && model->mdevUuid().isEmpty();
    QColor bg;
    QStringList labels; // longest first: the first that fits is drawn
    bool problem = false;
    const QFont &f = scaledFont(option.font);
    // Zoomed far out, no label fits: then none is fetched (most cells in view, cheapest frame).
    const bool legible = isLegible(f, r.size());
    if (index.row() == 0) {
        const bool cd = index.data(MatrixModel::ControlDomainRole).toBool();
        bg = cd ? cachedTint(kControlDomain, -1, pal) : pal.color(QPalette::AlternateBase);
        if (cd && legible)
            labels = {QStringLiteral("\u2691 CD"), QStringLiteral("\u2691")}; // flag
    } else {
        // One summary instead of a role each: the state of a cell is worked out once a frame.
        const MatrixModel::CellSummary c = model ? model->summary(index.row(), index.column()) : MatrixModel::CellSummary{};
        const int owner = hostWide && Own(c.ownership) == Own::OtherMdev ? c.owner : -1;
        bg = cachedTint(c.ownership, owner, pal);
        if (legible) {
            const QString sym = owner >= 0 ? mdevNumber(owner) : symbol(c.ownership);
            const QString shortType = index.data(MatrixModel::ShortTypeRole).toString();
            labels = {sym + QLatin1Char(' ') + index.data(MatrixModel::TypeModeRole).toString(), sym + QLatin1Char(' ') + shortType, sym};
        }
        problem = c.problem;
    }
    p->fillRect(r, bg);
    if (problem) {
        // Absent, deconfigured or checkstopped queues: a light hatch behind the text, which stays
        // legible (the legend explains the hatch).
        QColor hatch = pal.color(QPalette::Text);
        hatch.setAlpha(60);
        p->fillRect(r, QBrush(hatch, Qt::BDiagPattern));
    }
    if (index.data(MatrixModel::PendingRole).toBool()) {
        p->setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
        p->drawRect(r.adjusted(0, 0, -1, -1));
        for (QString &l : labels)
            l.prepend(QLatin1Char('*'));
    }
    if (option.state & QStyle::State_Selected) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 2));
        p->drawRect(r.adjusted(1, 1, -1, -1));
    }
    if (const QString label = fittingLabel(f, labels, r.size()); !label.isEmpty()) {
        auto it = m_texts.find(label);
        if (it == m_texts.end()) {
            it = m_texts.insert(label, QStaticText(label));
            it->setTextFormat(Qt::PlainText);
            it->prepare(QTransform(), f);
        }
        const QSizeF size = it->size();
        p->setFont(f);
        p->setPen(pal.color(QPalette::Text));
        p->drawStaticText(QPointF(r.x() + (r.width() - size.width()) / 2, r.y() + (r.height() - size.height()) / 2), *it);
    }
    p->restore();
}

QSize MatrixDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(fm.horizontalAdvance(QStringLiteral("\u2713 8P\u00B7EP11")) + 10, fm.height() + 6);
}

} // namespace ap::ui

#pragma once

#include <QColor>
#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace ap::ui {

/// Paints a matrix cell: a symbol and the adapter's type and mode ("✓ 8C·CCA"), on a tint for the
/// state; as the cell shrinks with the zoom, first the mode, then the type, then the symbol give
/// way. The symbol and the words of the legend carry the state; colour only repeats it. In the
/// host-wide view the symbol of an owned cell is the owning mdev's number, tinted in its colour.
class MatrixDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The font scale that follows the view's zoom (1 = the view's font).
    void setScale(qreal scale);
    qreal scale() const { return m_scale; }

    /// Symbol and legend word of an ownership state (driver::ApqnState::Ownership as int).
    static QString symbol(int ownership);
    static QString word(int ownership);
    /// The background of a cell in this state; `owner` >= 0 picks the mdev's own colour.
    static QColor tint(int ownership, int owner, const QPalette &palette);
    /// A colour per mdev, distinct for the first dozen and stable for an index.
    static QColor mdevColour(int index, const QPalette &palette);
    /// The number that stands for an mdev in the host-wide view ("1" for index 0).
    static QString mdevNumber(int index) { return QString::number(index + 1); }

private:
    /// Whether text in `font` can be read in a cell of `room` (also keeps the width cache).
    bool isLegible(const QFont &font, QSize room) const;
    /// The first of `labels` (longest first) that fits `room` in `font`; empty if none does.
    QString fittingLabel(const QFont &font, const QStringList &labels, QSize room) const;
    /// The view's font at the current scale, made once per font and scale.
    const QFont &scaledFont(const QFont &viewFont) const;
    /// tint(), kept per palette: a frame zoomed out paints tens of thousands of cells, and each
    /// colour conversion costs more than the fill.
    QColor cachedTint(int ownership, int owner, const QPalette &palette) const;

    qreal m_scale = 1.0;
    // Caches of the paint path; the delegate paints on the GUI thread only.
    mutable QHash<QString, int> m_widths; ///< of the few distinct labels, at the current font
    mutable QFont m_widthFont;
    mutable int m_height = 0; ///< of m_widthFont
    mutable QFont m_viewFont;
    mutable qreal m_fontScale = 0;
    mutable QFont m_scaledFont;
    mutable qint64 m_tintPalette = -1; ///< QPalette::cacheKey() the tints were made for
    mutable QHash<int, QColor> m_tints; ///< (ownership, owner) packed -> tint
    /// Laid-out labels: shaping text is the most expensive part of a cell.
    mutable QHash<QString, QStaticText> m_texts;
};

} // namespace ap::ui

#pragma once

#include <QStyledItemDelegate>

namespace ap::ui {

/// Paints a matrix cell: a symbol and the adapter's short type, on a tint for the state. The
/// symbol and the words of the legend carry the state; colour only repeats it.
class MatrixDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Symbol and legend word of an ownership state (driver::ApqnState::Ownership as int).
    static QString symbol(int ownership);
    static QString word(int ownership);
};

} // namespace ap::ui

#pragma once

#include <QImage>
#include <QWidget>

namespace ap::ui {

class MatrixView;

/// The whole matrix at one pixel per cell (as far as room allows), in the cells' colours, with
/// the part the view shows outlined. Clicking or dragging moves the view there. The picture is
/// made again only when the matrix changes; scrolling and zooming only move the outline.
class MatrixOverview : public QWidget {
    Q_OBJECT
public:
    explicit MatrixOverview(MatrixView *view, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    /// Where the view's visible region is drawn, in widget coordinates.
    QRectF visibleRegion() const;
    /// Where the matrix is drawn, in widget coordinates (aspect ratio kept).
    QRectF matrixRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    /// Makes the picture again if the matrix changed since (lazily: many changes, one picture).
    void rebuild() const;
    void navigate(QPointF pos);

    MatrixView *m_view;
    mutable QImage m_image; ///< one pixel per shown cell
    mutable bool m_dirty = true;
};

} // namespace ap::ui

#pragma once

#include "matrixmodel.h"

#include <QTableView>

namespace ap::ui {

class HostSession;
class MatrixDelegate;

/// The adapter x domain matrix as the operator works with it: zoom (Ctrl+wheel keeps the cell
/// under the cursor; Ctrl+-, Ctrl++, Ctrl+0), filters that hide adapters and domains out of
/// scope, and a Control row that stays below the domain header while the adapters scroll (the
/// headers themselves never scroll away). Showing another matrix starts at its top left.
/// Only the cells in view are painted, so a 256 x 256 host costs what a small one does.
class MatrixView : public QTableView {
    Q_OBJECT
public:
    explicit MatrixView(MatrixModel *model, QWidget *parent = nullptr);

    MatrixModel *matrixModel() const { return m_model; }
    /// Shows `mdev` of the session (empty: the host-wide view); another matrix than the one shown
    /// starts scrolled to its top left.
    void showMatrix(HostSession *session, const QString &mdev);

    qreal zoom() const { return m_zoom; }
    /// Sets the zoom (clamped to minZoom..maxZoom), keeping the content point under `anchor`
    /// (viewport coordinates) where it is; without an anchor, the viewport's centre.
    void setZoom(qreal zoom, std::optional<QPoint> anchor = std::nullopt);
    void zoomIn() { setZoom(m_zoom * kZoomStep); }
    void zoomOut() { setZoom(m_zoom / kZoomStep); }
    void resetZoom() { setZoom(1.0); }
    static constexpr qreal kMinZoom = 0.3;
    static constexpr qreal kMaxZoom = 3.0;
    static constexpr qreal kZoomStep = 1.25;

    MatrixModel::Scope scope() const { return m_scope; }
    void setScope(MatrixModel::Scope scope);
    /// Rows (control row included) and columns the filter keeps, in model order.
    QList<int> shownRows() const;
    QList<int> shownColumns() const;

    /// The overlay that keeps the Control row in view.
    QTableView *controlRowView() const { return m_controlRow; }
    /// Scrolls so that the cell is in the middle of the viewport, as far as the edges allow.
    void centreOn(int row, int column);

    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;

signals:
    void zoomChanged(qreal zoom);
    /// The visible region or the shown rows and columns changed (the overview follows).
    void regionChanged();
    /// The filter hid or showed rows or columns.
    void shownChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applySectionSizes();
    void applyScope();
    void placeControlRow();

    MatrixModel *m_model;
    MatrixDelegate *m_delegate;
    QTableView *m_controlRow;
    qreal m_zoom = 1.0;
    QSize m_baseCell;
    MatrixModel::Scope m_scope = MatrixModel::Scope::All;
};

} // namespace ap::ui

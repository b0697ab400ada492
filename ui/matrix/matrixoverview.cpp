#include "matrixoverview.h"

#include "matrixdelegate.h"
#include "matrixview.h"

#include <QHash>
#include <QHeaderView>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace ap::ui {

MatrixOverview::MatrixOverview(MatrixView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("matrixOverview"));
    setAccessibleName(tr("Overview of the whole matrix"));
    setToolTip(tr("The whole matrix; the frame is the part in view. Click or drag to move there."));
    setCursor(Qt::CrossCursor);
    const auto stale = [this] {
        m_dirty = true;
        update();
    };
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelReset, this, stale);
    connect(model, &QAbstractItemModel::dataChanged, this, stale);
    connect(view, &MatrixView::shownChanged, this, stale);
    connect(view, &MatrixView::regionChanged, this, qOverload<>(&QWidget::update));
}

QSize MatrixOverview::sizeHint() const
{
    return {180, 180};
}

QSize MatrixOverview::minimumSizeHint() const
{
    return {96, 96};
}

void MatrixOverview::rebuild() const
{
    if (!m_dirty)
        return;
    m_dirty = false;
    const MatrixModel *model = m_view->matrixModel();
    const QList<int> rows = m_view->shownRows();
    const QList<int> columns = m_view->shownColumns();
    if (rows.isEmpty() || columns.isEmpty()) {
        m_image = {};
        return;
    }
    // One pixel per cell, but never more cells than the overview has pixels: a 256 x 256 matrix
    // in a 180-pixel square is sampled, which halves the work of a change.
    const int side = std::max(width(), height());
    const int w = int(std::min<qsizetype>(columns.size(), side));
    const int h = int(std::min<qsizetype>(rows.size(), side));
    m_image = QImage(w, h, QImage::Format_RGB32);
    const QPalette &pal = palette();
    const bool hostWide = model->mdevUuid().isEmpty();
    const QRgb control = MatrixDelegate::tint(int(driver::ApqnState::Ownership::OtherMdev), -1, pal).lighter(110).rgb();
    const QRgb plain = pal.color(QPalette::AlternateBase).rgb();
    const QRgb problem = pal.color(QPalette::Mid).rgb();
    QRgb byState[int(driver::ApqnState::Ownership::Free) + 1];
    for (int own = 0; own <= int(driver::ApqnState::Ownership::Free); ++own)
        byState[own] = MatrixDelegate::tint(own, -1, pal).rgb();
    QHash<int, QRgb> byOwner;
    for (int y = 0; y < h; ++y) {
        const int row = rows[qsizetype(y) * rows.size() / h];
        auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const MatrixModel::CellSummary c = model->summary(row, columns[qsizetype(x) * columns.size() / w]);
            if (c.ownership < 0)
                line[x] = c.control ? control : plain;
            else if (c.problem)
                line[x] = problem;
            else if (hostWide && c.owner >= 0) {
                auto it = byOwner.constFind(c.owner);
                if (it == byOwner.cend())
                    it = byOwner.insert(c.owner, MatrixDelegate::mdevColour(c.owner, pal).rgb());
                line[x] = *it;
            } else
                line[x] = byState[c.ownership];
        }
    }
}

QRectF MatrixOverview::matrixRect() const
{
    rebuild();
    if (m_image.isNull())
        return {};
    const QRectF room = QRectF(rect()).adjusted(2, 2, -2, -2);
    const qreal scale = std::min(room.width() / m_image.width(), room.height() / m_image.height());
    const QSizeF size(m_image.width() * scale, m_image.height() * scale);
    return {room.topLeft(), size};
}

QRectF MatrixOverview::visibleRegion() const
{
    const QRectF m = matrixRect();
    const qreal totalW = m_view->horizontalHeader()->length();
    const qreal totalH = m_view->verticalHeader()->length();
    if (m.isEmpty() || totalW <= 0 || totalH <= 0)
        return {};
    const QScrollBar *h = m_view->horizontalScrollBar();
    const QScrollBar *v = m_view->verticalScrollBar();
    const QRectF content(h->value() / totalW, v->value() / totalH, m_view->viewport()->width() / totalW,
                         m_view->viewport()->height() / totalH);
    const QRectF r(m.left() + content.left() * m.width(), m.top() + content.top() * m.height(), content.width() * m.width(),
                   content.height() * m.height());
    return r.intersected(m);
}

void MatrixOverview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const QRectF m = matrixRect();
    if (m.isEmpty())
        return;
    p.drawImage(m, m_image);
    p.setPen(QPen(palette().color(QPalette::Highlight), 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(visibleRegion().adjusted(1, 1, -1, -1));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(m.adjusted(-1, -1, 0, 0));
}

void MatrixOverview::navigate(QPointF pos)
{
    const QRectF m = matrixRect();
    if (m.isEmpty())
        return;
    const qreal fx = std::clamp((pos.x() - m.left()) / m.width(), 0.0, 1.0);
    const qreal fy = std::clamp((pos.y() - m.top()) / m.height(), 0.0, 1.0);
    m_view->horizontalScrollBar()->setValue(int(fx * m_view->horizontalHeader()->length() - m_view->viewport()->width() / 2.0));
    m_view->verticalScrollBar()->setValue(int(fy * m_view->verticalHeader()->length() - m_view->viewport()->height() / 2.0));
}

void MatrixOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        navigate(event->position());
}

void MatrixOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        navigate(event->position());
}

} // namespace ap::ui

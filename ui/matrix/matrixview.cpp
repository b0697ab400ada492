#include "matrixview.h"

#include "matrixdelegate.h"

#include <QAction>
#include <QHeaderView>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace ap::ui {

namespace {
void fixSections(QHeaderView *h)
{
    h->setSectionResizeMode(QHeaderView::Fixed);
    h->setMinimumSectionSize(3);
}

void copyDragSetup(QTableView *v)
{
    v->setSelectionMode(QAbstractItemView::ExtendedSelection);
    v->setWordWrap(false);
    v->setDragEnabled(true);
    v->setAcceptDrops(true);
    v->setDropIndicatorShown(true);
    v->setDragDropMode(QAbstractItemView::DragDrop);
    v->setDragDropOverwriteMode(true);
    v->setDefaultDropAction(Qt::MoveAction);
    v->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    v->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
}
} // namespace

MatrixView::MatrixView(MatrixModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_delegate(new MatrixDelegate(this))
    , m_controlRow(new QTableView(this))
{
    setObjectName(QStringLiteral("matrixView"));
    setModel(model);
    setItemDelegate(m_delegate);
    setAccessibleName(tr("Adapter by domain matrix"));
    // Room for the longest label with the widest symbol (symbols come from fallback fonts).
    const QFontMetrics fm(font());
    int widest = 0;
    for (int own = 0; own <= int(driver::ApqnState::Ownership::Free); ++own)
        widest = std::max(widest, fm.horizontalAdvance(MatrixDelegate::symbol(own) + QStringLiteral(" 8P\u00B7EP11")));
    m_baseCell = QSize(widest + 12, fm.height() + 8);
    fixSections(horizontalHeader());
    fixSections(verticalHeader());
    copyDragSetup(this);
    setContextMenuPolicy(Qt::CustomContextMenu);

    // The Control row is drawn a second time by an overlay that sits below the domain header and
    // shares model, selection and delegate, so clicking, dragging and dropping there is the same.
    m_controlRow->setObjectName(QStringLiteral("matrixControlRow"));
    m_controlRow->setModel(model);
    m_controlRow->setSelectionModel(selectionModel());
    m_controlRow->setItemDelegate(m_delegate);
    m_controlRow->horizontalHeader()->hide();
    fixSections(m_controlRow->horizontalHeader());
    fixSections(m_controlRow->verticalHeader());
    copyDragSetup(m_controlRow);
    m_controlRow->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_controlRow->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_controlRow->setFrameShape(QFrame::NoFrame);
    m_controlRow->setFocusPolicy(Qt::NoFocus);
    m_controlRow->setAutoScroll(false);
    m_controlRow->setContextMenuPolicy(Qt::CustomContextMenu);
    m_controlRow->viewport()->installEventFilter(this);
    connect(m_controlRow, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        emit customContextMenuRequested(viewport()->mapFromGlobal(m_controlRow->viewport()->mapToGlobal(pos)));
    });
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, m_controlRow->horizontalScrollBar(), &QScrollBar::setValue);
    connect(m_controlRow->horizontalScrollBar(), &QScrollBar::valueChanged, horizontalScrollBar(), &QScrollBar::setValue);
    // The overlay is one row high and never scrolls down (a drag inside it would try).
    connect(m_controlRow->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int v) {
        if (v != 0)
            m_controlRow->verticalScrollBar()->setValue(0);
    });

    connect(model, &QAbstractItemModel::modelReset, this, &MatrixView::applyScope);
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_scope != MatrixModel::Scope::All)
            applyScope();
    });

    const auto shortcut = [this](const QList<QKeySequence> &keys, void (MatrixView::*slot)()) {
        auto *a = new QAction(this);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
    };
    shortcut({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)}, &MatrixView::zoomIn);
    shortcut({QKeySequence::ZoomOut}, &MatrixView::zoomOut);
    shortcut({QKeySequence(Qt::CTRL | Qt::Key_0)}, &MatrixView::resetZoom);
    applySectionSizes();
}

void MatrixView::showMatrix(HostSession *session, const QString &mdev)
{
    const bool other = session != m_model->session() || mdev != m_model->mdevUuid();
    m_model->setSession(session, mdev);
    applyScope();
    if (other) {
        horizontalScrollBar()->setValue(0);
        verticalScrollBar()->setValue(0);
    }
}

void MatrixView::applySectionSizes()
{
    const int w = std::max(3, int(std::lround(m_baseCell.width() * m_zoom)));
    const int h = std::max(3, int(std::lround(m_baseCell.height() * m_zoom)));
    for (QTableView *v : {static_cast<QTableView *>(this), m_controlRow}) {
        v->horizontalHeader()->setDefaultSectionSize(w);
        v->verticalHeader()->setDefaultSectionSize(h);
    }
    m_delegate->setScale(m_zoom);
}

void MatrixView::setZoom(qreal zoom, std::optional<QPoint> anchor)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    const QPoint a = anchor.value_or(viewport()->rect().center());
    const int oldW = horizontalHeader()->defaultSectionSize();
    const int oldH = verticalHeader()->defaultSectionSize();
    const qreal x = horizontalScrollBar()->value() + a.x();
    const qreal y = verticalScrollBar()->value() + a.y();
    m_zoom = zoom;
    applySectionSizes();
    updateGeometries(); // the scroll ranges of the new size, before scrolling within them
    horizontalScrollBar()->setValue(int(std::lround(x * horizontalHeader()->defaultSectionSize() / oldW)) - a.x());
    verticalScrollBar()->setValue(int(std::lround(y * verticalHeader()->defaultSectionSize() / oldH)) - a.y());
    viewport()->update();
    m_controlRow->viewport()->update();
    emit zoomChanged(m_zoom);
    emit regionChanged();
}

void MatrixView::setScope(MatrixModel::Scope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    applyScope();
}

void MatrixView::applyScope()
{
    bool changed = false;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const bool hide = !m_model->rowInScope(r, m_scope);
        if (isRowHidden(r) != hide) {
            setRowHidden(r, hide);
            changed = true;
        }
    }
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const bool hide = !m_model->columnInScope(c, m_scope);
        if (isColumnHidden(c) != hide) {
            setColumnHidden(c, hide);
            changed = true;
        }
        if (m_controlRow->isColumnHidden(c) != hide)
            m_controlRow->setColumnHidden(c, hide);
    }
    placeControlRow();
    if (changed)
        emit shownChanged();
    emit regionChanged();
}

QList<int> MatrixView::shownRows() const
{
    QList<int> rows;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (!isRowHidden(r))
            rows.append(r);
    return rows;
}

QList<int> MatrixView::shownColumns() const
{
    QList<int> columns;
    for (int c = 0; c < m_model->columnCount(); ++c)
        if (!isColumnHidden(c))
            columns.append(c);
    return columns;
}

void MatrixView::centreOn(int row, int column)
{
    const QHeaderView *h = horizontalHeader();
    const QHeaderView *v = verticalHeader();
    horizontalScrollBar()->setValue(h->sectionPosition(column) + h->sectionSize(column) / 2 - viewport()->width() / 2);
    verticalScrollBar()->setValue(v->sectionPosition(row) + v->sectionSize(row) / 2 - viewport()->height() / 2);
}

void MatrixView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    QTableView::scrollTo(index, hint);
    // Centring leaves the leftmost column cut by the row headers ("C·CCA"): start the view at
    // that column's edge, so every column in view is whole.
    if (const int first = horizontalHeader()->logicalIndexAt(0); first >= 0)
        horizontalScrollBar()->setValue(std::min(horizontalScrollBar()->value(), horizontalHeader()->sectionPosition(first)));
    if (!index.isValid() || m_model->isControlRow(index.row()) || !m_controlRow->isVisible())
        return;
    // An adapter cell must not end up under the frozen Control row.
    const int top = visualRect(index).top();
    if (top < m_controlRow->height())
        verticalScrollBar()->setValue(verticalScrollBar()->value() - (m_controlRow->height() - top));
}

void MatrixView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QTableView::wheelEvent(event);
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta != 0)
        setZoom(m_zoom * std::pow(kZoomStep, delta / 120.0), event->position().toPoint());
    event->accept();
}

bool MatrixView::eventFilter(QObject *watched, QEvent *event)
{
    // Wheeling over the Control row scrolls (or zooms) the matrix, not the one-row overlay.
    if (watched == m_controlRow->viewport() && event->type() == QEvent::Wheel) {
        auto *w = static_cast<QWheelEvent *>(event);
        const QPointF pos = viewport()->mapFromGlobal(w->globalPosition());
        QWheelEvent mapped(pos, w->globalPosition(), w->pixelDelta(), w->angleDelta(), w->buttons(), w->modifiers(), w->phase(),
                           w->inverted(), w->source());
        wheelEvent(&mapped);
        return true;
    }
    return QTableView::eventFilter(watched, event);
}

void MatrixView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    placeControlRow();
    emit regionChanged();
}

void MatrixView::updateGeometries()
{
    QTableView::updateGeometries();
    placeControlRow();
}

void MatrixView::scrollContentsBy(int dx, int dy)
{
    QTableView::scrollContentsBy(dx, dy);
    emit regionChanged();
}

void MatrixView::placeControlRow()
{
    if (m_model->rowCount() == 0) {
        m_controlRow->hide();
        return;
    }
    const QRect vg = viewport()->geometry();
    const int headerWidth = verticalHeader()->isVisible() ? verticalHeader()->width() : 0;
    m_controlRow->verticalHeader()->setFixedWidth(headerWidth);
    m_controlRow->setGeometry(vg.left() - headerWidth, vg.top(), vg.width() + headerWidth, std::min(rowHeight(0), vg.height()));
    m_controlRow->horizontalScrollBar()->setValue(horizontalScrollBar()->value());
    m_controlRow->show();
}

} // namespace ap::ui

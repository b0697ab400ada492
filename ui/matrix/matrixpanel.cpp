#include "matrixpanel.h"

#include "matrixlegend.h"
#include "matrixoverview.h"
#include "matrixview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace ap::ui {

MatrixPanel::MatrixPanel(MatrixModel *model, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Select a host or an mdev to see its matrix.")))
    , m_scope(new QComboBox)
    , m_zoomLabel(new QLabel)
    , m_view(new MatrixView(model))
    , m_overview(new MatrixOverview(m_view))
    , m_legend(new MatrixLegend(model))
{
    m_title->setObjectName(QStringLiteral("matrixTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);

    m_scope->setObjectName(QStringLiteral("matrixScope"));
    m_scope->addItem(tr("All adapters and domains"), int(MatrixModel::Scope::All));
    m_scope->addItem(tr("Assigned only"), int(MatrixModel::Scope::Assigned));
    m_scope->addItem(tr("This mdev only"), int(MatrixModel::Scope::ThisMdev));
    m_scope->setToolTip(tr("Which adapters and domains the matrix shows; the Control row always stays."));
    connect(m_scope, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_view->setScope(MatrixModel::Scope(m_scope->itemData(i).toInt())); });

    const auto button = [this](const QString &text, const QString &tip, const QKeySequence &key, void (MatrixView::*slot)()) {
        auto *b = new QToolButton;
        b->setText(text);
        b->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, m_view, slot);
        return b;
    };
    m_zoomLabel->setObjectName(QStringLiteral("matrixZoom"));
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("300 %")) + 4);
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    const auto showZoom = [this](qreal z) { m_zoomLabel->setText(QStringLiteral("%1 %").arg(qRound(z * 100))); };
    showZoom(m_view->zoom());
    connect(m_view, &MatrixView::zoomChanged, this, showZoom);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    auto *scopeLabel = new QLabel(tr("&Show:"));
    scopeLabel->setBuddy(m_scope);
    controls->addWidget(scopeLabel);
    controls->addWidget(m_scope);
    controls->addStretch(1);
    controls->addWidget(new QLabel(tr("Zoom:")));
    controls->addWidget(button(QStringLiteral("\u2212"), tr("Zoom out"), QKeySequence::ZoomOut, &MatrixView::zoomOut));
    controls->addWidget(m_zoomLabel);
    controls->addWidget(button(QStringLiteral("+"), tr("Zoom in"), QKeySequence::ZoomIn, &MatrixView::zoomIn));
    controls->addWidget(button(tr("Reset"), tr("Reset the zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), &MatrixView::resetZoom));

    auto *middle = new QHBoxLayout;
    middle->setContentsMargins(0, 0, 0, 0);
    middle->addWidget(m_view, 1);
    middle->addWidget(m_overview, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(controls);
    layout->addLayout(middle, 1);
    layout->addWidget(m_legend);

    m_overview->hide();
    connect(m_view, &MatrixView::regionChanged, this, &MatrixPanel::updateOverview);
    connect(m_view->horizontalScrollBar(), &QScrollBar::rangeChanged, this, &MatrixPanel::updateOverview);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &MatrixPanel::updateOverview);
}

void MatrixPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // A quarter of the panel at most: at 1024 pixels the matrix itself needs the room.
    const int side = std::clamp(width() / 4, 96, 200);
    m_overview->setFixedSize(side, side);
}

void MatrixPanel::setTitle(const QString &text)
{
    m_title->setText(text);
}

void MatrixPanel::updateOverview()
{
    // Only a matrix larger than its view needs a map; a small one keeps the room.
    const bool larger = m_view->horizontalScrollBar()->maximum() > 0 || m_view->verticalScrollBar()->maximum() > 0;
    // Showing it only narrows the view and hiding only widens it, so this settles at once.
    if (larger == m_overview->isHidden())
        m_overview->setVisible(larger);
}

} // namespace ap::ui

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
    , m_legendButton(new QToolButton)
    , m_middle(new QHBoxLayout)
{
    m_title->setObjectName(QStringLiteral("matrixTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);

    m_scope->setObjectName(QStringLiteral("matrixScope"));
    m_scope->addItem(tr("All adapters and domains"), int(MatrixModel::Scope::All));
    m_scope->addItem(tr("Assigned only"), int(MatrixModel::Scope::Assigned));
    m_scope->addItem(tr("This mdev only"), int(MatrixModel::Scope::ThisMdev));
    // The row of controls sets the panel's narrowest width: the box grows to its longest entry
    // when there is room and shortens its entries when there is not.
    m_scope->setMaximumWidth(m_scope->sizeHint().width());
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scope->setMinimumContentsLength(12);
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
    controls->addWidget(m_scope, 1);
    controls->addStretch(1);
    controls->addWidget(button(QStringLiteral("\u2212"), tr("Zoom out"), QKeySequence::ZoomOut, &MatrixView::zoomOut));
    controls->addWidget(m_zoomLabel);
    controls->addWidget(button(QStringLiteral("+"), tr("Zoom in"), QKeySequence::ZoomIn, &MatrixView::zoomIn));
    controls->addWidget(button(tr("Reset"), tr("Reset the zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), &MatrixView::resetZoom));
    m_legendButton->setObjectName(QStringLiteral("matrixLegendButton"));
    m_legendButton->setText(tr("Legend"));
    m_legendButton->setToolTip(tr("Show or hide what the cells' symbols, colours and labels mean"));
    m_legendButton->setCheckable(true);
    m_legendButton->setChecked(true);
    m_legendButton->setAutoRaise(true);
    connect(m_legendButton, &QToolButton::toggled, m_legend, &QWidget::setVisible);
    connect(m_legendButton, &QToolButton::clicked, this, [this] { m_legendChosen = true; });
    controls->addWidget(m_legendButton);

    m_middle->setContentsMargins(0, 0, 0, 0);
    m_middle->addWidget(m_view, 1);
    m_middle->addWidget(m_overview, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(controls);
    layout->addLayout(m_middle, 1);
    layout->addWidget(m_legend);

    m_overview->hide();
    connect(m_view, &MatrixView::regionChanged, this, &MatrixPanel::updateOverview);
    connect(m_view->horizontalScrollBar(), &QScrollBar::rangeChanged, this, &MatrixPanel::updateOverview);
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &MatrixPanel::updateOverview);
}

MatrixPanel::~MatrixPanel()
{
    // ~QWidget deletes the children after this object stopped being a MatrixPanel: a scroll
    // range changing as the view goes must not call into it then (undefined behaviour).
    m_view->horizontalScrollBar()->disconnect(this);
    m_view->verticalScrollBar()->disconnect(this);
    m_view->disconnect(this);
}

bool MatrixPanel::isNarrow() const
{
    // Room for the adapter column, eight cells with their longest label and the overview side by side.
    const QFontMetrics fm = m_view->fontMetrics();
    const int cells = fm.horizontalAdvance(QStringLiteral("0x00 CEX8C  ")) + 8 * fm.horizontalAdvance(QStringLiteral("\u2713 8P\u00B7EP11  "));
    return width() < cells + 160;
}

void MatrixPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const bool narrow = isNarrow();
    // Beside the matrix a fifth of the panel at most; when narrow, below it and small: the
    // columns need the width more than the rows need the height.
    const int side = narrow ? 80 : std::clamp(width() / 5, 96, 160);
    m_overview->setFixedSize(side, side);
    m_middle->setDirection(narrow ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight);
    m_middle->setAlignment(m_overview, narrow ? Qt::AlignLeft : Qt::AlignTop);
    if (!m_legendChosen)
        m_legendButton->setChecked(!narrow);
    fitTitle();
}

void MatrixPanel::fitTitle()
{
    // The splitter above does not ask for height-for-width: a title that wraps keeps its lines.
    m_title->setMinimumHeight(m_title->heightForWidth(width()));
}

void MatrixPanel::setTitle(const QString &text)
{
    m_title->setText(text);
    fitTitle();
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

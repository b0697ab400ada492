#pragma once

#include <QWidget>

class QBoxLayout;
class QComboBox;
class QLabel;
class QToolButton;

namespace ap::ui {

class MatrixLegend;
class MatrixModel;
class MatrixOverview;
class MatrixView;

/// The centre of the main window: the matrix's title, its filter and zoom controls, the matrix
/// view, the overview (shown while the matrix is larger than its view) and the legend. When the
/// panel is narrow the overview moves below the matrix and the legend folds away (a button
/// shows it again), so the matrix keeps its columns.
class MatrixPanel : public QWidget {
    Q_OBJECT
public:
    explicit MatrixPanel(MatrixModel *model, QWidget *parent = nullptr);
    ~MatrixPanel() override;

    MatrixView *view() const { return m_view; }
    MatrixOverview *overview() const { return m_overview; }
    QComboBox *scopeBox() const { return m_scope; }
    void setTitle(const QString &text);
    QToolButton *legendButton() const { return m_legendButton; }
    bool isNarrow() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateOverview();
    void fitTitle();

    QLabel *m_title;
    QComboBox *m_scope;
    QLabel *m_zoomLabel;
    MatrixView *m_view;
    MatrixOverview *m_overview;
    MatrixLegend *m_legend;
    QToolButton *m_legendButton;
    QBoxLayout *m_middle;
    bool m_legendChosen = false; ///< the operator showed or hid the legend: the width no longer decides
};

} // namespace ap::ui

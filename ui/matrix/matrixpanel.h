#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace ap::ui {

class MatrixLegend;
class MatrixModel;
class MatrixOverview;
class MatrixView;

/// The centre of the main window: the matrix's title, its filter and zoom controls, the matrix
/// view, the overview (shown while the matrix is larger than its view) and the legend.
class MatrixPanel : public QWidget {
    Q_OBJECT
public:
    explicit MatrixPanel(MatrixModel *model, QWidget *parent = nullptr);

    MatrixView *view() const { return m_view; }
    MatrixOverview *overview() const { return m_overview; }
    QComboBox *scopeBox() const { return m_scope; }
    void setTitle(const QString &text);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateOverview();

    QLabel *m_title;
    QComboBox *m_scope;
    QLabel *m_zoomLabel;
    MatrixView *m_view;
    MatrixOverview *m_overview;
    MatrixLegend *m_legend;
};

} // namespace ap::ui

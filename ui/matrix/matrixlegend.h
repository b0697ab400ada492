#pragma once

#include <QLabel>

namespace ap::ui {

class MatrixModel;

/// What the cells' symbols, tints, hatching and labels mean, for the matrix shown: an mdev's
/// view names the ownership states, the host-wide view each mdev's number and colour.
class MatrixLegend : public QLabel {
    Q_OBJECT
public:
    explicit MatrixLegend(MatrixModel *model, QWidget *parent = nullptr);

    /// How many mdevs the host-wide legend names before "and n more".
    static constexpr int kMaxOwners = 16;

private:
    void rebuild();

    MatrixModel *m_model;
    QString m_shown; ///< the text last set (a refresh that changes nothing costs no layout)
};

} // namespace ap::ui

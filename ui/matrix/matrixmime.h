#pragma once

#include <editing/matrixedits.h>

#include <QMimeData>

namespace ap::ui {

/// The private drag payload: stable ids from the operator's world (host URI, source mdev, adapter,
/// domain and APQN numbers), never pointers or model indexes.
struct MatrixDrag {
    QString host;
    QString fromMdev; ///< empty when dragged from the host's inventory
    QList<MatrixItem> items;
};

QString matrixMimeType(); ///< "application/x-apconsole-ap-items"
QMimeData *encodeMatrixDrag(const MatrixDrag &drag);
std::optional<MatrixDrag> decodeMatrixDrag(const QMimeData *data);

} // namespace ap::ui

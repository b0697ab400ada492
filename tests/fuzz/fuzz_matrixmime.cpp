// libFuzzer target: the matrix drag payload decoder (a drop can come from any application).
#include <matrix/matrixmime.h>

#include <QMimeData>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QMimeData mime;
    mime.setData(ap::ui::matrixMimeType(), QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    (void)ap::ui::decodeMatrixDrag(&mime);
    return 0;
}

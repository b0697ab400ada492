// libFuzzer target: the snapshot JSON reader (inventory files, the store's simulated hosts).
#include <json/snapshotjson.h>

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (doc.isObject())
        (void)ap::snapshotFromJson(doc.object());
    return 0;
}

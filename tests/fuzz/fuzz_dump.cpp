// libFuzzer target: the SSH dump parser, then the tree reader over what it parsed.
#include <sysfs/dumpformat.h>
#include <sysfs/treereader.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray dump = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    auto src = ap::sysfs::parseDump(dump, QStringLiteral("fuzz"));
    if (src)
        (void)ap::sysfs::readHost(**src, QStringLiteral("fuzz"));
    return 0;
}

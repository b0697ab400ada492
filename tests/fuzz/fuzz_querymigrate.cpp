// libFuzzer target: parsing QEMU's query-migrate reply for migration blockers.
#include <migration/blockers.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    (void)ap::migration::parseQueryMigrate(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}

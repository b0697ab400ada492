// libFuzzer target: the migration stream decoder, for every driver profile the code knows. The
// first byte picks the profile by name (names parseProfile() does not know are skipped, so
// profiles added later are covered without touching this file).
#include <driver/migration/stream.h>

#include <cstddef>
#include <cstdint>

using namespace ap::migration;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const char *const kNames[] = {"v2", "v3", "v4", "b", "c"};
    if (size == 0)
        return 0;
    const auto profile = parseProfile(QString::fromLatin1(kNames[data[0] % (sizeof kNames / sizeof *kNames)]));
    if (!profile)
        return 0;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    (void)decodeStream(*profile, bytes);
    return 0;
}

// libFuzzer target: inflating what a host's `gzip -1` printed over SSH. A damaged, cut or
// oversized stream is a Corrupt error naming the host; nothing inflates beyond the limit.
#include <hosts/ssh/gunzip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    constexpr qsizetype kLimit = 1 << 20;
    const auto out = ap::gunzip(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), QStringLiteral("host"), kLimit);
    if (out ? out->size() > kLimit : out.error().code != ap::ErrorCode::Corrupt || out.error().where != QLatin1String("host"))
        std::abort();
    return 0;
}

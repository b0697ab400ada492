// libFuzzer target: the host address parser. An address that parses must format to its stored
// text and parse back to the same fields (parse ∘ format = identity).
#include <hosts/hosturi.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto uri = ap::HostUri::parse(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!uri)
        return 0;
    if (uri->format() != uri->text)
        std::abort();
    const auto again = ap::HostUri::parse(uri->text);
    if (!again || !(*again == *uri))
        std::abort();
    return 0;
}

// libFuzzer target: every sysfs attribute parser. The first byte picks the parser, the rest is
// the attribute's content as a host would show it.
#include <sysfs/attributeparsers.h>

#include <cstddef>
#include <cstdint>

using namespace ap::sysfs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView text(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 18) {
    case 0: (void)parseInt(text); break;
    case 1: (void)parseUnsigned(text); break;
    case 2: (void)parseFlag(text); break;
    case 3: (void)parseFunctions(text); break;
    case 4: (void)parseMask(text); break;
    case 5: (void)parseQciMask(text); break;
    case 6: (void)parseBusFeatures(text); break;
    case 7: (void)parseWords(text); break;
    case 8: (void)parseRequestCount(text); break;
    case 9: (void)parseMkvps(text); break;
    case 10: (void)parseVfioStatus(text); break;
    case 11: (void)parseTypeString(text); break;
    case 12: (void)parseLine(text); break;
    case 13: (void)parseSeBind(text); break;
    case 14: (void)parseSeAssociate(text); break;
    case 15: (void)parseMatrixListing(text); break;
    case 16: (void)parseControlDomains(text); break;
    case 17: (void)parseApConfigRead(text); break;
    }
    return 0;
}

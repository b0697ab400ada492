// libFuzzer target: the SSH dump parser (full dumps, and diffs merged onto a small host), then
// the tree reader over what it parsed, and the write access listing that follows a dump.
#include <sysfs/dumpformat.h>
#include <sysfs/treereader.h>
#include <sysfs/writeaccess.h>

#include <cstddef>
#include <cstdint>

namespace {

/// A full dump with a state directory, for the input to be merged onto as a diff.
const ap::sysfs::DumpSource &base()
{
    static const auto src = *ap::sysfs::DumpSource::parse(QByteArray("#apconsole-dump 2 full\n#state /tmp/apconsole-dump.fuzz\n"
                                                                      "@sys/bus/ap\na3\n63\n@sys/devices/ap\n@sys/devices/ap/card00\nj3\n14\n>cex4card\n"
                                                                      "@sys/devices/ap/card00/00.0001\no2\n1\n>cex4queue\n#end 4\n"),
                                                           QStringLiteral("fuzz"));
    return *src;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray dump(reinterpret_cast<const char *>(data), qsizetype(size));
    auto src = ap::sysfs::parseDump(dump, QStringLiteral("fuzz"));
    if (src)
        (void)ap::sysfs::readHost(**src, QStringLiteral("fuzz"));
    qsizetype end = 0;
    if (auto merged = base().merge(dump, &end))
        (void)ap::sysfs::readHost(**merged, QStringLiteral("fuzz"));
    qsizetype pos = 0;
    (void)ap::sysfs::parseWriteAccess(dump, &pos, QStringLiteral("fuzz"));
    return 0;
}

// libFuzzer target: the `matrix --desired` file parser. Whatever it accepts names only canonical
// mdev UUIDs with ids 0-255, and the same bytes always give the same answer.
#include <plan/desiredmatrices.h>
#include <sysfs/attributeparsers.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto targets = ap::parseDesiredMatrices(bytes, QStringLiteral("desired.json"));
    const auto again = ap::parseDesiredMatrices(bytes, QStringLiteral("desired.json"));
    if (targets.ok() != again.ok())
        std::abort();
    if (!targets) {
        if (targets.error().detail.isEmpty() || targets.error().where != QLatin1String("desired.json"))
            std::abort();
        return 0;
    }
    if (targets->isEmpty() || *targets != *again)
        std::abort();
    for (auto it = targets->cbegin(); it != targets->cend(); ++it) {
        if (!ap::sysfs::isCanonicalUuid(it.key()))
            std::abort();
        for (const ap::IdMask &m : {it->adapters, it->domains, it->controlDomains})
            for (const int id : m.ids())
                if (id < 0 || id > 255)
                    std::abort();
    }
    return 0;
}

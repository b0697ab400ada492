// libFuzzer target: the persistent-definition parsers, over bytes read from a host (mdevctl's
// JSON, a definition file, /etc/udev/rules.d/41-ap.rules, the whole listing an SSH host prints
// with mdevctl's defined and active views). A refusal names its file; an accepted
// configuration written back in mdevctl's format reads back to the same matrix and start mode.
#include <definitions/definitionfiles.h>
#include <definitions/mdevctljson.h>
#include <definitions/udevrules.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {
const QString kUuid = QStringLiteral("783e6dbb-ea0e-411f-94e2-717eaad438bf");
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace ap::definitions;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const auto config = parseConfig(bytes, QStringLiteral("def.json"), kUuid);
    if (!config && !config.error().where.startsWith(QLatin1String("def.json")))
        std::abort();
    if (config) {
        const auto again = parseConfig(toConfigJson(*config), QStringLiteral("again.json"), kUuid);
        if (!again || again->matrix != config->matrix || again->autostart != config->autostart)
            std::abort();
    }
    if (const auto list = parseList(bytes, QStringLiteral("list.json")); !list && !list.error().where.startsWith(QLatin1String("list.json")))
        std::abort();
    if (const auto listing = parseDefinitionsDump(bytes, QStringLiteral("host")); !listing && !listing.error().where.startsWith(QLatin1String("host")))
        std::abort();
    if (const auto rules = parseApRules(bytes, QStringLiteral("41-ap.rules")); !rules && !rules.error().where.startsWith(QLatin1String("41-ap.rules")))
        std::abort();
    return 0;
}

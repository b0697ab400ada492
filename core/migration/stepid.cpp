#include "stepid.h"

#include <array>
#include <utility>

namespace ap::migration {

namespace {
constexpr std::array<std::pair<StepId, const char *>, 12> kNames{{
    {StepId::CreateMdev, "create-mdev"},
    {StepId::VerifyDestination, "verify-destination"},
    {StepId::DestinationOpen, "destination-open"},
    {StepId::MemoryCopy, "memory-copy"},
    {StepId::SourceStopCopy, "source-stop-copy"},
    {StepId::DestinationResuming, "destination-resuming"},
    {StepId::DestinationRunning, "destination-running"},
    {StepId::SourceStop, "source-stop"},
    {StepId::Unplug, "unplug"},
    {StepId::Switchover, "switchover"},
    {StepId::Plug, "plug"},
    {StepId::LibvirtMigrate, "libvirt-migrate"},
}};
} // namespace

QString stepIdName(StepId id)
{
    for (const auto &[step, name] : kNames)
        if (step == id)
            return QLatin1String(name);
    return {};
}

std::optional<StepId> parseStepId(QStringView name)
{
    for (const auto &[step, text] : kNames)
        if (name == QLatin1String(text))
            return step;
    return std::nullopt;
}

} // namespace ap::migration

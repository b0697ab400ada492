#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace ap::migration {

/// The steps a migration plan is made of. Runners switch over it, the UI words it; its name
/// (stepIdName) is what run events, the store and `apconsole-cli migrate` carry.
enum class StepId {
    CreateMdev,          ///< create the destination mdev with the source's matrix
    VerifyDestination,   ///< the destination mdev exists and no guest uses it
    DestinationOpen,     ///< the incoming QEMU opens the device and stops it
    MemoryCopy,          ///< pre-copy of guest memory
    SourceStopCopy,      ///< the source device goes to STOP_COPY
    DestinationResuming, ///< the stream is written into the destination's RESUMING file
    DestinationRunning,  ///< the destination device runs: the guest resumes there
    SourceStop,          ///< the source device stops and closes
    Unplug,              ///< replug: hot-unplug the vfio-ap device on the source
    Switchover,          ///< replug: the guest moves to the destination
    Plug,                ///< replug: hot-plug the mdev on the destination
    LibvirtMigrate,      ///< libvirt migrates the guest (its job, watched)
};

QString stepIdName(StepId id); ///< "create-mdev", "verify-destination", ...
std::optional<StepId> parseStepId(QStringView name);

} // namespace ap::migration

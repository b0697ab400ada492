#pragma once

#include "hostbackend.h"

#include <memory>

namespace ap {

class LibvirtHost;

/// A host with both an SSH (or local sysfs) address and a libvirt address, shown as one host
/// (address `ssh://root@lpar1,qemu+ssh://root@lpar1/system`). Reads run on both at the same
/// time and are merged with mergeHostViews; the matrix is written through the sysfs view;
/// libvirt brings the guests, persistent mdevs and the migration job. A libvirt view that cannot
/// be read leaves the sysfs view whole with the reason in `issues`.
class MergedHost final : public HostBackend {
public:
    MergedHost(HostUri uri, std::unique_ptr<HostBackend> sysfsView, std::unique_ptr<LibvirtHost> libvirtView);
    ~MergedHost() override;

    QList<HostBackend *> views() override;
    QStringList kernelLog() const override;

private:
    Result<HostSnapshot> doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline) override;
    Result<ApplyReport> doApply(const WritePlan &plan, const std::function<void(int)> &progress) override;
    /// Through the SSH or sysfs view (mdevctl); libvirt's own node-device calls stay on LibvirtHost.
    Status doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer deadline) override;

    std::unique_ptr<HostBackend> m_sysfs;
    std::unique_ptr<LibvirtHost> m_libvirt;
};

} // namespace ap

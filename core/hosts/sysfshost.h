#pragma once

#include "hostbackend.h"

#include <memory>

namespace ap {

class HostRecords;

/// A host whose sysfs is a local directory (`sysfs:/` is this machine; `sysfs:/ROOT` a tree laid
/// out the same way). Reads go through the tree reader; writes are plain writes to the attribute
/// files, so on a real /sys the kernel decides and its errno comes back.
class SysfsHost final : public HostBackend {
public:
    SysfsHost(HostUri uri, std::shared_ptr<HostRecords> store = {});
    ~SysfsHost() override;

private:
    Result<HostSnapshot> doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline) override;
    Result<ApplyReport> doApply(const WritePlan &plan, const std::function<void(int)> &progress) override;
    /// Definitions are files below the root (define, modify, autostart, undefine); starting and
    /// stopping need mdevctl or the matrix editor's write plans.
    Status doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer deadline) override;
    std::shared_ptr<HostRecords> m_store;
};

} // namespace ap

#pragma once

#include "hostbackend.h"

#include <memory>

namespace ap {

class HostRecords;

/// Creates the backend for a host URI. demo: hosts start from the store's saved state, else
/// from the built-in fleet; ssh:// hosts use OpenSSH with SshSettings::fromEnvironment();
/// libvirt URIs (qemu:///system, qemu+ssh://…, test:///FILE.xml) use libvirt; an address with
/// both (`ssh://…,qemu+ssh://…`) is a MergedHost of the two.
Result<std::unique_ptr<HostBackend>> createBackend(const HostUri &uri, std::shared_ptr<HostRecords> store = {});

} // namespace ap

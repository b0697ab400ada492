#pragma once

#include "check.h"
#include "../driver/migration/hostindex.h"

namespace ap::migration {

/// The readiness rules beyond the driver (kernel-interfaces §6.8-§6.9, ecosystem §2): the same-
/// UUID mdev libvirt needs, `migratable` on both ends, the destination queues' state, master keys,
/// control domains, and the driver quirks that would mislead an operator. `report` carries the
/// driver's decision and the queue comparison already made.
QList<Finding> readinessFindings(const CheckInput &input, const CheckReport &report);
/// The same with indexes of input.source and input.target at hand.
QList<Finding> readinessFindings(const CheckInput &input, const CheckReport &report, const HostIndex &source, const HostIndex &target);

/// The findings for a running guest without a vfio-ap device in it: a plain live migration
/// ("no_ap_device"), or hostdevs of its persistent definition only that travel in the
/// definition ("ap_device_in_definition_only", and a warning where the destination lacks the mdev).
QList<Finding> deviceFreeFindings(const CheckInput &input, const Guest &guest);

/// Whether an error finding also stops the replug strategy: every error except the rules of
/// the live path alone (`migratable` on either host, Secure Execution, the stream's chunking),
/// which hot-unplugging the device sidesteps.
bool blocksReplug(const Finding &finding);

} // namespace ap::migration

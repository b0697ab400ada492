#pragma once

#include <QStringView>

#include <array>

/// The attributes the batched dump carries, each as a one-letter code (dumpscript prints them,
/// DumpSource reads them back).
namespace ap::sysfs::dumpcodes {

/// The attributes the console reads; a name's code is the letter at its index in kCodes.
inline constexpr std::array<const char *, 34> kNames = {
    // bus
    "ap_max_adapter_id", "ap_max_domain_id", "apmask", "aqmask", "features", "ap_adapter_mask",
    "ap_usage_domain_mask", "ap_control_domain_mask", "ap_domain",
    // cards and queues
    "hwtype", "raw_hwtype", "ap_functions", "depth", "max_msg_size", "config", "chkstop", "type",
    "online", "request_count", "serialnr", "op_modes", "mkvps", "status", "se_bind", "se_associate",
    // vfio_ap
    "available_instances", "matrix", "guest_matrix", "control_domains", "ap_config",
    // firmware, kernel and module (the driver revision's hints)
    "prot_virt_guest", "osrelease", "version", "srcversion",
};
inline constexpr char kCodes[] = "abcdefghijklmnopqrstuvwxyzABCDEFGH";
static_assert(sizeof kCodes - 1 == kNames.size());

/// The attributes whose value the kernel changes without sending a uevent: counters, live TAPQ
/// and CPRB answers (chkstop, functions, master keys, EP11 modes), `online` (it shows 0 while
/// checkstopped, and a checkstop sends no uevent), the default domain, the QCI masks and all of
/// vfio_ap (its matrices change by writes that send none). The rest — devices coming and going,
/// driver bindings, config, the bus masks, types — changes only with a uevent
/// (kernel-interfaces.md), so a refresh with no uevent since the last walk reads only these.
inline constexpr std::array<const char *, 20> kVolatileNames = {
    "ap_domain", "ap_adapter_mask", "ap_usage_domain_mask", "ap_control_domain_mask", "features",
    "request_count", "chkstop", "online", "serialnr", "op_modes", "ap_functions", "mkvps", "status", "se_bind", "se_associate",
    "available_instances", "matrix", "guest_matrix", "control_domains", "ap_config",
};

/// The code's index in kNames, or -1.
int codeIndex(char c);
/// The attribute's code, or 0 if the dump does not carry it.
char codeOf(QStringView name);

} // namespace ap::sysfs::dumpcodes

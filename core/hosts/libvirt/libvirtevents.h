#pragma once

/// libvirt's default event loop, run once per process on its own thread (keepalive and domain
/// events need it), and libvirt's error printing to stderr turned off (errors are typed instead).
namespace ap::libvirtevents {
void ensureRunning();
}

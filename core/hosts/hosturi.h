#pragma once

#include "../common/result.h"

#include <QString>

namespace ap {

/// A host address, the same in the GUI and the CLI:
///   demo:NAME                          a built-in simulated host
///   sysfs:/ROOT                        a local tree laid out as /sys ("sysfs:/" is this machine)
///   ssh://[user@]host[:port][/ROOT]    a host reached with OpenSSH
///   qemu:///system, qemu+ssh://..., test:///abs/file.xml   libvirt
///   SSH_OR_SYSFS,LIBVIRT               one host seen both ways (ssh://root@h,qemu+ssh://root@h/system)
struct HostUri {
    enum class Scheme { Demo, Sysfs, Ssh, Libvirt };
    Scheme scheme = Scheme::Demo;
    QString text;   ///< the normalised URI
    QString name;   ///< demo: the host name
    QString root;   ///< sysfs and ssh: the root directory ("/" by default)
    QString user;   ///< ssh
    QString host;   ///< ssh
    int port = 0;   ///< ssh, 0 = default
    QString libvirt; ///< libvirt: the URI; ssh and sysfs: the same host's libvirt URI (its two views merge), or empty

    /// Parses and validates a URI; names, users and hosts that could be mistaken for options or
    /// carry shell or control characters (also once percent-decoded), queries and fragments
    /// outside libvirt's accepted parameters (keyfile, known_hosts, no_tty for ssh; socket for
    /// unix; pkipath for tls; mode) are refused (ErrorCode::Usage, naming the problem).
    /// The only parser of host addresses: the GUI, the CLI and the store all go through it.
    static Result<HostUri> parse(const QString &text);
    /// The normalised text of the fields (what `text` holds); parse(format()) gives the same
    /// HostUri back. IPv6 hosts are written in brackets.
    QString format() const;

    friend bool operator==(const HostUri &, const HostUri &) = default;
};

} // namespace ap

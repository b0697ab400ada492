#pragma once

// Two real libvirt hosts (libvirtd + QEMU/TCG, scripts/libvirt-hosts.sh) for the integration
// tests and the benchmark: started in a directory the caller owns, on a loopback network of
// their own (so harnesses of several builds do not meet), stopped on destruction.

#include <common/result.h>

#include <QString>
#include <QStringList>

namespace ap::test {

class LibvirtHostsFixture {
public:
    /// `script` is scripts/libvirt-hosts.sh; everything lives under `dir`.
    LibvirtHostsFixture(QString script, QString dir);
    ~LibvirtHostsFixture();

    /// Why the hosts cannot run here (not root, libvirtd or QEMU missing), or empty.
    static QString unavailableReason();

    /// Starts the hosts not running (the first call builds the guest kernel).
    Status up();
    /// Stops host 'a', 'b' or (0) both, with their guests.
    Status down(char host = 0);
    /// Defines and starts a guest on `host` booting the test kernel; `apConfig` (an mdev UUID)
    /// puts a vfio-ap hostdev in its persistent definition only.
    Status startGuest(const QString &name, char host = 'a', int memoryMiB = 64, bool dirty = false, const QString &apConfig = {});
    /// qemu+tcp URI of host 'a' or 'b'.
    QString uri(char host) const;
    /// Runs `virsh -c URI ARGS…` against a host; its standard output, or the error with stderr.
    Result<QString> virsh(char host, const QStringList &args) const;

private:
    Result<QString> run(const QStringList &args) const;

    QString m_script;
    QString m_dir;
    QString m_net;
};

} // namespace ap::test

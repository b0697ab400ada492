#include "errortext.h"

namespace ap::ui {

QString ErrorText::hint(Hint which)
{
    switch (which) {
    case Hint::None: return {};
    case Hint::LibvirtCallUnsupported:
        return tr("Not supported by this host: its libvirt driver does not offer this call.");
    case Hint::UseKeysAndAgent:
        return tr("Use SSH keys and an agent; apconsole never answers a password prompt.");
    case Hint::LoadKeyIntoAgent:
        return tr("Load the key into ssh-agent or name it in ~/.ssh/config (IdentityFile); apconsole never asks for or stores passwords.");
    case Hint::UseSshForMatrix:
        return tr("Add the host's SSH address (ssh://…) to change its AP matrix; libvirt defines and starts persistent mdevs.");
    case Hint::UseSshForDefinitions:
        return tr("Use the host's SSH address for persistent definitions.");
    case Hint::LibvirtViewMissing:
        return tr("Guests and persistent mdevs are missing until libvirt answers.");
    case Hint::MigrateThroughLibvirt:
        return tr("Run the pre-migration check, then migrate with libvirt; simulated hosts can run the whole migration.");
    case Hint::InstallSshClient:
        return tr("Install the OpenSSH client.");
    case Hint::TrustHostKey:
        return tr("Check the key's fingerprint and trust it to connect.");
    case Hint::WritesNotRetried:
        return tr("Nothing is retried automatically for writes; reads are retried.");
    case Hint::CheckHostAddress:
        return tr("Check the host name, the port and that sshd runs there.");
    case Hint::SlowHostRetry:
        return tr("The host or the network is slow; try again.");
    case Hint::HostNeedsPosixTools:
        return tr("The host needs a POSIX sh, find and grep (GNU findutils and grep).");
    case Hint::InstallMdevctl:
        return tr("Install mdevctl (and s390-tools' ap-check) on the host.");
    case Hint::DemoHostTakenAway:
        return tr("It was taken away by the demo's failure injection; bring it back to continue.");
    case Hint::ApqnOneMdevOnly:
        return tr("The vfio_ap driver gives an APQN to one mdev only (EADDRINUSE): unassign it from all but one.");
    case Hint::PrivateDirectoryRefused:
        return tr("Remove it (or set APCONSOLE_SSH_CONTROL_DIR to a directory only you can enter).");
    }
    return {};
}

QString ErrorText::hintOf(const Error &error)
{
    return error.hintCode == Hint::None ? error.hint : hint(error.hintCode);
}

QString ErrorText::describe(const Error &error)
{
    const QString words = hintOf(error);
    return words.isEmpty() ? error.toString() : error.toString() + QLatin1Char('\n') + words;
}

} // namespace ap::ui

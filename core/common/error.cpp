#include "error.h"

#include "printable.h"

#include "errnonames.h"

namespace ap {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Usage: return QStringLiteral("usage");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::Parse: return QStringLiteral("parse");
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::Kernel: return QStringLiteral("kernel");
    case ErrorCode::Timeout: return QStringLiteral("timeout");
    case ErrorCode::Canceled: return QStringLiteral("canceled");
    case ErrorCode::Unreachable: return QStringLiteral("unreachable");
    case ErrorCode::HostKeyUnknown: return QStringLiteral("host-key-unknown");
    case ErrorCode::HostKeyChanged: return QStringLiteral("host-key-changed");
    case ErrorCode::AuthenticationFailed: return QStringLiteral("authentication-failed");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::Corrupt: return QStringLiteral("corrupt");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

std::optional<ErrorCode> errorCodeFromName(QStringView name)
{
    for (int c = int(ErrorCode::Usage); c <= int(ErrorCode::Internal); ++c)
        if (errorCodeName(ErrorCode(c)) == name)
            return ErrorCode(c);
    return std::nullopt;
}

QString hintText(Hint hint)
{
    switch (hint) {
    case Hint::None: return {};
    case Hint::LibvirtCallUnsupported:
        return QStringLiteral("Not supported by this host: its libvirt driver does not offer this call.");
    case Hint::UseKeysAndAgent:
        return QStringLiteral("Use SSH keys and an agent; apconsole never answers a password prompt.");
    case Hint::LoadKeyIntoAgent:
        return QStringLiteral("Load the key into ssh-agent or name it in ~/.ssh/config (IdentityFile); apconsole never asks for or stores passwords.");
    case Hint::UseSshForMatrix:
        return QStringLiteral("Add the host's SSH address (ssh://…) to change its AP matrix; libvirt defines and starts persistent mdevs.");
    case Hint::UseSshForDefinitions:
        return QStringLiteral("Use the host's SSH address for persistent definitions.");
    case Hint::LibvirtViewMissing:
        return QStringLiteral("Guests and persistent mdevs are missing until libvirt answers.");
    case Hint::MigrateThroughLibvirt:
        return QStringLiteral("Run the pre-migration check, then migrate with libvirt; simulated hosts can run the whole migration.");
    case Hint::InstallSshClient:
        return QStringLiteral("Install the OpenSSH client.");
    case Hint::TrustHostKey:
        return QStringLiteral("Check the key's fingerprint and trust it to connect.");
    case Hint::WritesNotRetried:
        return QStringLiteral("Nothing is retried automatically for writes; reads are retried.");
    case Hint::CheckHostAddress:
        return QStringLiteral("Check the host name, the port and that sshd runs there.");
    case Hint::SlowHostRetry:
        return QStringLiteral("The host or the network is slow; try again.");
    case Hint::HostNeedsPosixTools:
        return QStringLiteral("The host needs a POSIX sh, find and grep (GNU findutils and grep).");
    case Hint::InstallMdevctl:
        return QStringLiteral("Install mdevctl (and s390-tools' ap-check) on the host.");
    case Hint::DemoHostTakenAway:
        return QStringLiteral("It was taken away by the demo's failure injection; bring it back to continue.");
    case Hint::ApqnOneMdevOnly:
        return QStringLiteral("The vfio_ap driver gives an APQN to one mdev only (EADDRINUSE): unassign it from all but one.");
    case Hint::PrivateDirectoryRefused:
        return QStringLiteral("Remove it (or set APCONSOLE_SSH_CONTROL_DIR to a directory only you can enter).");
    }
    return {};
}

Error Error::withHint(Hint hintWords) const
{
    Error e = *this;
    e.hintCode = hintWords;
    e.hint = hintText(hintWords);
    return e;
}

QString Error::toString() const
{
    // Where and detail often carry host data (paths, attribute text, remote messages).
    QString s = printable(where.isEmpty() ? detail : where + QStringLiteral(": ") + detail);
    if (kernelErrno != 0)
        s += QStringLiteral(" (") + errnoName(kernelErrno) + QLatin1Char(')');
    return s;
}

} // namespace ap

#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace ap {

/// What kind of failure an Error is. Core never words errors for humans beyond a technical
/// detail; the UI and the CLI turn the code (and the kernel errno, when there is one) into words.
enum class ErrorCode {
    Usage,          ///< the caller asked for something malformed (bad URI, bad argument)
    NotFound,       ///< a host, mdev, guest, file or attribute that does not exist
    Parse,          ///< a value was read but does not have the kernel's format
    Io,             ///< reading or writing a file failed (the OS error is in detail)
    Kernel,         ///< the (real or simulated) kernel refused a write; kernelErrno is set
    Timeout,        ///< the operation did not finish within its deadline
    Canceled,       ///< the caller cancelled the operation
    Unreachable,    ///< a host could not be contacted (or the connection dropped)
    HostKeyUnknown, ///< SSH: the host's key is not known yet (detail carries the fingerprint)
    HostKeyChanged, ///< SSH: the host's key differs from the known one; refused
    AuthenticationFailed, ///< SSH: the host refused every credential offered
    Unsupported,    ///< the host or its driver does not offer the operation
    Corrupt,        ///< stored or streamed data is inconsistent (database, migration stream)
    Internal,       ///< a bug: an invariant of apconsole itself did not hold
};

/// What the operator can do about an error, as a code: the UI words it (tr()), the CLI and the
/// logs print hintText()'s English. None: no advice, or advice only in Error::hint.
enum class Hint {
    None,
    LibvirtCallUnsupported, ///< the host's libvirt driver lacks the call named in the detail
    UseKeysAndAgent, ///< libvirt refused: keys and an agent, never a password prompt
    LoadKeyIntoAgent, ///< SSH refused every key offered
    UseSshForMatrix, ///< libvirt cannot write sysfs
    UseSshForDefinitions, ///< the host offers no mdevctl
    LibvirtViewMissing, ///< a merged host whose libvirt view was not read
    MigrateThroughLibvirt, ///< runs need simulated or libvirt hosts on both ends
    InstallSshClient, ///< no ssh program
    TrustHostKey, ///< the host key is not known yet
    WritesNotRetried, ///< the connection dropped during a write
    CheckHostAddress, ///< the host did not answer
    SlowHostRetry, ///< the request ran out of time
    HostNeedsPosixTools, ///< the host lacks the tools of the dump script
    InstallMdevctl, ///< the host has no mdevctl
    DemoHostTakenAway, ///< a demo host removed by failure injection
    ApqnOneMdevOnly, ///< an APQN assigned to several mdevs
    PrivateDirectoryRefused, ///< the SSH control directory is not private
};

/// The English words of a hint (empty for None).
QString hintText(Hint hint);

/// A typed error: what failed (code), where (a host, file or call), the technical detail and
/// a hint for the operator (a code, with English words for the CLI). kernelErrno is the positive errno value (EBUSY = 16), 0 if none.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString where;
    QString detail;
    QString hint;
    int kernelErrno = 0;
    Hint hintCode = Hint::None; ///< `hint` is then its English words

    /// "where: detail (ERRNONAME)" in one line, for logs and the CLI.
    QString toString() const;
    /// This error with the hint `hintWords` (and their English in `hint`).
    Error withHint(Hint hintWords) const;
};

QString errorCodeName(ErrorCode code);
/// The code errorCodeName() names; nullopt for any other text.
std::optional<ErrorCode> errorCodeFromName(QStringView name);

} // namespace ap

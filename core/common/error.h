#pragma once

#include <QString>
#include <QStringList>

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

/// A typed error: what failed (code), where (a host, file or call), the technical detail and
/// a hint for the operator. kernelErrno is the positive errno value (EBUSY = 16), 0 if none.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString where;
    QString detail;
    QString hint;
    int kernelErrno = 0;

    /// "where: detail (ERRNONAME)" in one line, for logs and the CLI.
    QString toString() const;
};

QString errorCodeName(ErrorCode code);

} // namespace ap

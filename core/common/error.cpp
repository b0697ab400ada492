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

QString Error::toString() const
{
    // Where and detail often carry host data (paths, attribute text, remote messages).
    QString s = printable(where.isEmpty() ? detail : where + QStringLiteral(": ") + detail);
    if (kernelErrno != 0)
        s += QStringLiteral(" (") + errnoName(kernelErrno) + QLatin1Char(')');
    return s;
}

} // namespace ap

#pragma once

#include "resumingfile.h"
#include "sourcestream.h"
#include "vfiostate.h"
#include "../../model/hostsnapshot.h"

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <optional>

namespace ap::migration {

/// One vfio_ap mdev's VFIO migration device inside a (simulated) kernel, from open_device to
/// close_device (§5.4, §6.1-§6.5): the state, the arcs the VFIO core walks one at a time, the
/// source's STOP_COPY data and the destination's RESUMING file. The host snapshot is passed to
/// every call because the driver reads the live configuration (v3 rebuilds the stream on every
/// read, B and C once per session; the RESUMING checks look at the destination as it is when the data arrives).
class VfioMigrationDevice {
public:
    VfioMigrationDevice(DriverProfile profile, QString uuid);

    VfioState state() const { return m_state; }
    /// VFIO_DEVICE_FEATURE_MIGRATION: vfio-ap advertises STOP_COPY only.
    quint32 flags() const { return StopCopyFlag; }

    struct Transition {
        QList<VfioState> entered; ///< the states entered, in order (the arcs taken)
        int err = 0;              ///< 0, or the errno of the refused request
        QStringList log;          ///< kernel lines logged on the way
    };
    /// VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE SET: walks nextState() from the current state to
    /// `requested`, executing each arc. EINVAL for an unsupported request; on a Secure Execution
    /// host EPERM with the driver's line (v2, v3, v4) or ENOTTY (B, C register no migration
    /// ops); on failure the device stays where it got.
    Transition setState(VfioState requested, const HostSnapshot &host);

    /// read() on the STOP_COPY fd: up to `max` bytes, empty at the end. EINVAL outside STOP_COPY.
    Result<QByteArray> read(qint64 max, const HostSnapshot &host);

    /// write() on the RESUMING fd. A configuration a later revision accepts is applied to the
    /// destination mdev (the caller's snapshot) before the write returns, as the driver does.
    /// Outside RESUMING: -EINVAL with no log line.
    ResumingFile::Answer write(const QByteArray &chunk, HostSnapshot &host);

    /// v3: the destination mdev took the configuration from the stream.
    bool configApplied() const { return m_appliedConfig; }

private:
    DriverProfile m_profile;
    QString m_uuid;
    VfioState m_state = VfioState::Running; ///< open_device allocates the migration data in RUNNING
    /// The configuration read() serves: v2's snapshot at STOP -> STOP_COPY, B and C's cache.
    std::optional<SourceStream> m_saved;
    qint64 m_readPos = 0;
    std::unique_ptr<ResumingFile> m_file;
    bool m_appliedConfig = false;
};

} // namespace ap::migration

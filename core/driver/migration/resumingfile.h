#pragma once

#include "profile.h"
#include "../../model/hostsnapshot.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace ap::migration {

/// The destination vfio_ap driver's RESUMING file: what each write() of the migration stream
/// answers, with the kernel's checks in its order, its errno and its log lines (§6.4 for v2,
/// §6.5 for v3). The destination host and mdev are read at construction, as the driver sizes its
/// buffer at STOP -> RESUMING.
class ResumingFile {
public:
    ResumingFile(DriverProfile profile, const HostSnapshot &destination, QString mdevUuid);

    struct Answer {
        qint64 result = 0; ///< bytes taken, or a negative errno
        QStringList log;
        int err() const { return result < 0 ? int(-result) : 0; }
    };
    /// One write() of `chunk` at the file's position.
    Answer write(const QByteArray &chunk);

    qint64 position() const { return m_pos; }
    /// The size the destination expects (v2: 8 + 16 x its own guest matrix size; v3: known once
    /// the header arrived, else -1).
    qint64 expectedSize() const { return m_size; }
    /// v2: the last write reached exactly the expected size and passed every check; v3: the
    /// configuration was applied.
    bool accepted() const { return m_accepted; }
    /// v3: the matrix the driver assigned to the destination mdev (control domains are not part
    /// of the stream).
    std::optional<MatrixAssignment> appliedMatrix() const { return m_applied; }

private:
    Answer writeV2(const QByteArray &chunk);
    Answer writeV3(const QByteArray &chunk);
    Answer checkV3Configuration();

    DriverProfile m_profile;
    const HostSnapshot &m_dest;
    QString m_uuid;
    QString m_prefix;
    QList<Apqn> m_guestMatrix;
    QByteArray m_buffer;
    qint64 m_pos = 0;
    qint64 m_size = -1;
    bool m_stored = false; ///< v3: the buffer was kept after a complete, successful write
    bool m_accepted = false;
    std::optional<MatrixAssignment> m_applied;
};

} // namespace ap::migration

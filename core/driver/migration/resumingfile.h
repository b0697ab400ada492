#pragma once

#include "driverlog.h"
#include "hostindex.h"
#include "profile.h"
#include "../../model/hostsnapshot.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace ap::migration {

/// What B and C keep in the device's migration data across RESUMING sessions (until reset or
/// close): a stored buffer, and C's staging state.
struct ResumingLeftover {
    bool stored = false;
    bool stagingFilled = false;
};

/// The destination vfio_ap driver's RESUMING file: what each write() of the migration stream
/// answers, with the revision's checks in its order, its errno and its log lines
/// (driver-revisions §2.3, §3.3, §4.3; kernel-interfaces §6.4). The destination is read live
/// through the reference on every write, as the driver reads its mdev when the data arrives.
class ResumingFile {
public:
    using Leftover = ResumingLeftover;
    /// `index`: an index of `destination` the caller keeps valid (the destination does not change
    /// while the file is written); without one, each validation builds its own.
    ResumingFile(DriverProfile profile, const HostSnapshot &destination, QString mdevUuid, Leftover leftover = {},
                 const HostIndex *index = nullptr);

    struct Answer {
        qint64 result = 0; ///< bytes taken, or a negative errno; meaningless when undefined
        QStringList log;
        /// Non-empty: the kernel's behaviour for this write is undefined (the reason). No verdict
        /// is predicted.
        QString undefined;
        int err() const { return result < 0 ? int(-result) : 0; }
        bool isUndefined() const { return !undefined.isEmpty(); }
    };
    /// One write() of `chunk` at the file's position.
    Answer write(const QByteArray &chunk);

    qint64 position() const { return m_pos; }
    /// The size the destination expects (v2: 8 + 16 x its own guest matrix size at open; later:
    /// known once the header arrived, else -1).
    qint64 expectedSize() const { return m_size; }
    /// The whole configuration arrived and passed every check (and, after v2, was applied).
    bool accepted() const { return m_accepted; }
    /// After v2: the matrix the driver assigned to the destination mdev.
    std::optional<MatrixAssignment> appliedMatrix() const { return m_applied; }
    Leftover leftover() const { return {m_stored, m_stagingFilled}; }
    /// C: lines the rate limit dropped so far.
    int suppressedLines() const { return m_log.suppressed(); }

private:
    Answer writeFixedBuffer(QByteArrayView chunk);
    Answer writeOneShot(QByteArrayView chunk);
    Answer writeChunked(QByteArrayView chunk);
    Answer writeStaged(QByteArrayView chunk);
    /// The complete configuration in m_buffer: queue check, control domains, per-queue TAPQ and
    /// rule, then the new matrix. 0 or a positive errno; lines go to m_log.
    int validate();
    int destinationQueueCount() const;
    Answer done(qint64 result);
    Answer undefined(const QString &why);

    DriverProfile m_profile;
    const HostSnapshot &m_dest;
    const HostIndex *m_index;
    QString m_uuid;
    KernelLog m_log;
    QByteArray m_buffer;
    QByteArray m_staging; ///< C: the first 12 bytes
    qint64 m_pos = 0;
    qint64 m_size = -1;
    bool m_stored = false;        ///< a buffer is kept between writes
    bool m_stagingFilled = false; ///< C
    bool m_dangling = false;      ///< v3: a later-write "reallocation" freed the stored buffer
    bool m_accepted = false;
    std::optional<MatrixAssignment> m_applied;
};

} // namespace ap::migration

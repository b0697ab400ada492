#pragma once

#include "pathindex.h"
#include "sysfssource.h"
#include "../common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

/// The batched dump: one shell command, run on the host, that walks the AP tree once (find lists,
/// one awk reads only the attributes the console uses) and prints one record per directory:
///
///     #apconsole-dump 2 full|diff\n        [#state DIR\n]
///     @sys/devices/ap/card05/05.0004\n     a directory, relative to the host root
///     <code><length>\n<bytes>              an attribute (one-letter code), exactly length bytes
///     !<code><message>\n                   an attribute that could not be read
///     ><driver>\n                          the directory's driver link (its last component)
///     -sys/devices/ap/card07\n             (diff only) a directory that is gone
///     #end <records>\n
///
/// A "diff" dump carries only the directories whose records changed since the state the host
/// kept in DIR (see dumpScript). The command is a fixed text; host data never becomes part of it.
namespace ap::sysfs {

/// A host tree as received in dumps. It keeps the received bytes and, per directory, only where
/// its record starts in them (16 bytes) plus an index entry (a hash and a number, 8 bytes in a
/// table at most 3/4 full): paths, attribute contents and the attribute lines are read from the
/// record when asked for, so the source costs little more than the dump itself. Immutable once
/// made; merge() makes a new one.
class DumpSource final : public SysfsSource {
public:
    File read(const QString &path) const override;
    std::optional<QString> readLink(const QString &path) const override;
    QStringList list(const QString &dir) const override;
    QString describe() const override { return m_origin; }

    /// Parses a full dump. Fails (ErrorCode::Corrupt, naming the host, the directory and the
    /// byte offset) on a stream that is not a complete, well-formed dump. With `end`, more may
    /// follow the dump (the definitions listing); *end is where it starts.
    static Result<std::shared_ptr<DumpSource>> parse(QByteArray dump, const QString &origin, qsizetype *end = nullptr);
    /// This tree with a dump applied: a diff replaces, adds and removes directories, a full
    /// dump replaces everything. Fails like parse() and leaves this source unchanged.
    Result<std::shared_ptr<DumpSource>> merge(QByteArray dump, qsizetype *end = nullptr) const;

    /// The state directory the host keeps for diffs ("" if none), and whether the last dump
    /// applied was a diff.
    QString state() const { return m_state; }
    bool lastWasDiff() const { return m_lastWasDiff; }
    int lastRecords() const { return m_lastRecords; } ///< directories the last dump carried
    qsizetype directoryCount() const { return qsizetype(m_dirs.size()); }
    /// Bytes held (received dumps and index), for the memory benchmark.
    qsizetype footprint() const;

private:
    struct Dir {
        quint32 offset = 0;     ///< where its "@path" line starts in its chunk
        quint16 chunk = 0;      ///< which received dump (m_chunks) holds the record
        quint16 pathLength = 0; ///< at most kMaxPath
        qint32 firstChild = -1; ///< subdirectories as a chain, in m_dirs order
        qint32 nextSibling = -1;
    };
    struct Entry;
    struct Record;
    QByteArrayView chunkOf(const Dir &d) const { return m_chunks[d.chunk]; }
    QByteArrayView pathOf(const Dir &d) const { return chunkOf(d).sliced(d.offset + 1, d.pathLength); }
    qint32 dirIndex(QStringView path) const;
    /// The attribute lines of the directory `path`, or null if there is none.
    const Record *record(QStringView path) const;
    bool find(const QString &path, Entry *entry) const;
    static Result<std::shared_ptr<DumpSource>> apply(const DumpSource *base, QByteArray dump, const QString &origin, qsizetype *end);
    void linkSubdirectories();
    bool packChunks();

    quint64 m_id = 0; ///< tells this source apart from every other one in the process
    QString m_origin;
    QString m_state;
    bool m_lastWasDiff = false;
    int m_lastRecords = 0;
    QList<QByteArray> m_chunks;
    std::vector<Dir> m_dirs;
    PathIndex m_index; ///< directory path -> m_dirs slot
};

/// Parses a full dump printed by dumpScript(). `origin` names the host for error messages.
Result<std::shared_ptr<DumpSource>> parseDump(const QByteArray &dump, const QString &origin);

} // namespace ap::sysfs

#pragma once

#include "sysfssource.h"
#include "../common/result.h"

#include <QByteArray>
#include <QHash>
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

/// A host tree as received in dumps: one record per directory, attribute contents kept as
/// slices of the received bytes. Immutable once shared; merge() works on a copy.
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
    qsizetype directoryCount() const { return m_index.size(); }
    /// Bytes held (contents and index), for the memory benchmark.
    qsizetype footprint() const;

private:
    struct Entry {
        char code;     ///< attribute code, or '>' for the driver link
        bool failed;   ///< '!' record: the slice is the error text
        quint16 chunk; ///< which received dump holds the bytes
        qint32 offset;
        qint32 length;
    };
    struct Dir {
        QString path;
        qint32 parent = -1;
        QList<qint32> subdirs;
        QList<Entry> entries;
    };
    const Entry *find(const QString &path, char *code) const;
    QByteArray bytes(const Entry &e) const { return m_chunks[e.chunk].sliced(e.offset, e.length); }
    Status apply(QByteArray dump, qsizetype *end);
    qint32 addDir(const QString &path);
    void removeDir(qint32 index);

    QString m_origin;
    QString m_state;
    bool m_lastWasDiff = false;
    int m_lastRecords = 0;
    QList<QByteArray> m_chunks;
    std::vector<Dir> m_dirs;
    QHash<QString, qint32> m_index; ///< directory path -> m_dirs slot
};

/// Parses a full dump printed by dumpScript(). `origin` names the host for error messages.
Result<std::shared_ptr<DumpSource>> parseDump(const QByteArray &dump, const QString &origin);

} // namespace ap::sysfs

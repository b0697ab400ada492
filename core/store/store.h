#pragma once

#include "../common/result.h"
#include "../hosts/hostrecords.h"
#include "../migration/revisionguess.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

namespace ap {

/// The console's SQLite database: remembered hosts, the state of simulated hosts (so demo edits
/// survive restarts), and the audit log of every write. Safe to use from several threads: each
/// thread gets its own connection. The schema is versioned with PRAGMA user_version.
class Store final : public HostRecords {
public:
    /// The default location: <AppDataLocation>/apconsole.db.
    static QString defaultPath();

    /// Opens (creating if needed) the database at `path`. Only a file SQLite itself calls damaged
    /// or not a database is moved aside (with its -wal/-shm) to "<path>.corrupt-<timestamp>" and a
    /// fresh one created; recoveredFrom() then names the kept file. Every other failure leaves
    /// the file alone and is returned: locked by another process for longer than `busyTimeoutMs`
    /// (Timeout), a schema newer than this apconsole (Unsupported, naming the version needed),
    /// a directory or file that cannot be written (Io). Callers then go on without saving and
    /// say so. Creation and migrations run in one immediate transaction, so processes opening a
    /// new file at the same moment all find it complete.
    static Result<std::shared_ptr<Store>> open(const QString &path, int busyTimeoutMs = 5000);
    ~Store();

    QString path() const { return m_path; }
    QString recoveredFrom() const { return m_recoveredFrom; }

    // Remembered hosts (URIs), in the order they were added.
    Status addHost(const QString &uri);
    /// Forgets the host and its name.
    Status removeHost(const QString &uri);
    Result<QStringList> hosts() const;
    /// The operator's name for a host (any URI, demo hosts too); an empty name removes it.
    Status setHostName(const QString &uri, const QString &name);
    /// URI -> name, for the hosts that have one.
    Result<QHash<QString, QString>> hostNames() const;

    // Simulated hosts' persisted state (inventory JSON).
    Status saveSimulatedHost(const QString &name, const QJsonObject &snapshot) override;
    Result<std::optional<QJsonObject>> simulatedHost(const QString &name) const override;
    Status resetSimulatedHosts();

    // Audit log.
    Status appendJournal(const QList<JournalEntry> &entries) override;
    Result<QList<JournalEntry>> journal(const QString &host = {}, int limit = 500) const;

    // Pre-migration reports (the JSON of `apconsole-cli check`, as rendered by report/).
    struct ReportSummary {
        qint64 id = 0;
        QDateTime time;
        QString source;
        QString target;
        QString guest;
        QString mdev;
        QString profile;
        QString verdict;
        QString errnoName;
        bool ready = false;
    };
    Result<qint64> saveReport(const QJsonObject &report);
    /// Newest first; empty filters match everything; `host` matches source or target.
    Result<QList<ReportSummary>> reports(const QString &host = {}, const QString &guest = {}, int limit = 1000) const;
    Result<QJsonObject> report(qint64 id) const;

    // Driver revisions the operator set per host (what the host showed is kept with it).
    /// Remembers `record` for its host, replacing an earlier one.
    Status setHostRevision(const migration::HostRevisionRecord &record);
    Status forgetHostRevision(const QString &host);
    Result<QList<migration::HostRevisionRecord>> hostRevisions() const;

    // Migration runs: one row per run, one per step, and every event as the CLI prints it.
    struct MigrationRunStep {
        QString step;
        qint64 startedMs = -1; ///< since the run started; -1 if it never started
        qint64 endedMs = -1;
        QString outcome;       ///< "done", "failed", "skipped", or "started" (interrupted)
        QString detail;
        QString errnoName;
    };
    struct MigrationRun {
        qint64 id = 0;
        QDateTime time;
        QString source;
        QString target;
        QString guest;
        QString mdev;
        QString strategy;
        bool ok = false;
        QString failedStep;
        QString errnoName;
        QString message;
        QString overrideText;          ///< what the operator typed to start past blocking findings; empty if none blocked
        QStringList overriddenFindings; ///< the ids of the blocking findings that were overridden
        QString injectedFailure;       ///< the demo failure injected into the run ("incompatible"); empty if none
        QList<MigrationRunStep> steps;
        QJsonArray events;     ///< filled by migrationRun(id) only
    };
    Result<qint64> saveMigrationRun(const MigrationRun &run);
    /// Newest first, with their steps; `guest` empty matches every run.
    Result<QList<MigrationRun>> migrationRuns(const QString &guest = {}, int limit = 1000) const;
    Result<MigrationRun> migrationRun(qint64 id) const;

    static constexpr int kSchemaVersion = 6;

private:
    Store(QString path, int busyTimeoutMs);
    Result<QString> connection() const; ///< this thread's connection name, opened on demand
    void closeConnections();
    struct OpenFailure {
        Error error;
        bool damaged = false; ///< SQLite said SQLITE_CORRUPT or SQLITE_NOTADB
    };
    std::optional<OpenFailure> migrate(); ///< nullopt when the schema is current

    QString m_path;
    int m_busyTimeoutMs = 5000;
    QString m_recoveredFrom;
    QString m_connectionPrefix;
    mutable QMutex m_mutex;
    mutable QStringList m_connections;
};

} // namespace ap

#include "store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QScopeGuard>
#include <QUuid>

#include <unistd.h>

namespace ap {

namespace {

Error sqlError(const QString &where, const QSqlError &e)
{
    return makeError(ErrorCode::Io, where, e.text(), QStringLiteral("Check the disk and the file's permissions."));
}

} // namespace

QString Store::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/apconsole.db");
}

Store::Store(QString path, int busyTimeoutMs)
    : m_path(std::move(path))
    , m_busyTimeoutMs(busyTimeoutMs)
    , m_connectionPrefix(QStringLiteral("apstore-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

Store::~Store()
{
    closeConnections();
}

namespace {

// Connections are per thread. Thread ids are reused once a thread ends, so each thread gets a
// serial number of its own, and a worker's connections are closed when it exits.
std::atomic<quint64> g_threadSerial{0};

struct ThreadConnections {
    quint64 serial = ++g_threadSerial;
    QStringList names;
    ~ThreadConnections()
    {
        const QCoreApplication *app = QCoreApplication::instance();
        if (!app || QThread::currentThread() == app->thread())
            return; // the main thread's connections close with the Store
        for (const QString &n : std::as_const(names))
            QSqlDatabase::removeDatabase(n);
    }
};
thread_local ThreadConnections t_connections;

} // namespace

namespace {

// SQLite's primary result codes, as the QSQLITE driver reports them in nativeErrorCode().
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADb = 26;

int sqliteCode(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1; // extended codes carry the primary one in the low byte
}

/// Only SQLite's own verdict makes a file "damaged": everything else (busy, permissions, a full
/// disk, a newer schema) leaves the file alone.
bool isDamaged(const QSqlError &e)
{
    const int code = sqliteCode(e);
    return code == kSqliteCorrupt || code == kSqliteNotADb;
}

Error openError(const QString &path, const QSqlError &e)
{
    switch (sqliteCode(e)) {
    case kSqliteBusy:
    case kSqliteLocked:
        return makeError(ErrorCode::Timeout, path, QStringLiteral("the database is locked by another process: ") + e.text(),
                         QStringLiteral("Another apconsole is busy with it; try again later. Nothing is saved meanwhile."));
    case kSqliteCantOpen:
    case kSqliteReadOnly:
        return makeError(ErrorCode::Io, path, QStringLiteral("the database cannot be opened or created: ") + e.text(),
                         QStringLiteral("Check that its directory exists and is writable, or set APCONSOLE_DB."));
    default:
        return sqlError(path, e);
    }
}

} // namespace

Result<QString> Store::connection() const
{
    const QString name = m_connectionPrefix + QLatin1Char('-') + QString::number(t_connections.serial);
    if (QSqlDatabase::contains(name))
        return name;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!db.open()) {
        const Error e = openError(m_path, db.lastError());
        QSqlDatabase::removeDatabase(name);
        return e;
    }
    // Run records' steps reference their run: let SQLite hold that, on every connection.
    QSqlQuery fk(db);
    if (!fk.exec(QStringLiteral("PRAGMA foreign_keys = ON"))) {
        const Error e = openError(m_path, fk.lastError());
        fk = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return e;
    }
    // With WAL, synchronous=NORMAL syncs at checkpoints, not at every commit: a crash of the
    // console loses nothing and the file never corrupts; a power cut may lose the last commits.
    // A sync per commit made the console wait ~8 ms for each host it was given at start. Only
    // speed rides on it: where SQLite cannot take it now (a file being created by another
    // process, a damaged one that the integrity check will name), the connection syncs fully.
    (void)fk.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    t_connections.names.append(name);
    QMutexLocker lock(&m_mutex);
    m_connections.append(name);
    return name;
}

void Store::closeConnections()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connections)) {
        if (!QSqlDatabase::contains(name))
            continue; // its worker thread ended and closed it
        // Only this thread may look a connection of its own up; a worker's (idle by now) is
        // closed by removing it.
        if (t_connections.names.contains(name)) {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
        t_connections.names.removeAll(name);
    }
    m_connections.clear();
}

Result<std::shared_ptr<Store>> Store::open(const QString &path, int busyTimeoutMs)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(ErrorCode::Io, path, QStringLiteral("cannot create the directory for the database"),
                         QStringLiteral("Check the permissions of its parent directory, or set APCONSOLE_DB."));
    std::shared_ptr<Store> store(new Store(path, busyTimeoutMs));
    const std::optional<OpenFailure> failed = store->migrate();
    if (!failed)
        return store;
    if (!failed->damaged)
        return failed->error;

    // SQLite itself says the file is damaged or not a database: keep it (with its WAL and
    // shared-memory index, which belong to it) aside and start a fresh one. The kept names are
    // made as hard links while our connection is still open, because closing the last connection
    // lets SQLite delete the WAL; then the original names go.
    const QString kept = path + QStringLiteral(".corrupt-") + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz"));
    const QStringList sides = {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};
    QStringList linked;
    for (const QString &side : sides) {
        if (::link(QFile::encodeName(path + side).constData(), QFile::encodeName(kept + side).constData()) == 0)
            linked.append(side);
    }
    store->closeConnections();
    for (const QString &side : sides) {
        const QString from = path + side;
        if (!QFile::exists(from))
            continue;
        const bool gone = linked.contains(side) ? QFile::remove(from) : QFile::rename(from, kept + side);
        if (!gone && side.isEmpty())
            return makeError(ErrorCode::Io, path, QStringLiteral("the database is damaged (%1) and cannot be moved aside").arg(failed->error.detail),
                             QStringLiteral("Check the permissions of its directory, or move the file away by hand."));
        // A side file left next to the fresh database would be read as part of it.
        if (!gone)
            return makeError(ErrorCode::Io, from, QStringLiteral("the damaged database was kept as %1, but its %2 file cannot be moved with it").arg(kept, side),
                             QStringLiteral("Move the file away by hand."));
    }
    std::shared_ptr<Store> fresh(new Store(path, busyTimeoutMs));
    fresh->m_recoveredFrom = kept;
    if (const std::optional<OpenFailure> again = fresh->migrate())
        return again->error;
    return fresh;
}

std::optional<Store::OpenFailure> Store::migrate()
{
    auto fail = [this](const QSqlError &e) { return std::optional<OpenFailure>(OpenFailure{openError(m_path, e), isDamaged(e)}); };
    auto conn = connection();
    if (!conn)
        return OpenFailure{conn.error(), false};
    QSqlDatabase db = QSqlDatabase::database(*conn);
    QSqlQuery q(db);
    // WAL lets readers go on while another process writes. Switching needs a moment alone with the
    // file; the busy timeout waits for it.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return fail(q.lastError());
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return fail(q.lastError());
    if (!q.next() || q.value(0).toString() != QLatin1String("ok"))
        return OpenFailure{makeError(ErrorCode::Corrupt, m_path, QStringLiteral("database failed its integrity check")), true};
    q.finish();

    // Creation and every migration in one immediate transaction: a second process starting at the
    // same moment waits here and then finds the schema complete, never half made.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(q.lastError());
    auto rollback = [&] {
        QSqlQuery r(db);
        r.exec(QStringLiteral("ROLLBACK"));
    };
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        const QSqlError e = q.lastError();
        rollback();
        return fail(e);
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion) {
        rollback();
        return OpenFailure{makeError(ErrorCode::Unsupported, m_path,
                                     QStringLiteral("the database has schema version %1; this apconsole knows versions up to %2")
                                         .arg(version).arg(kSchemaVersion),
                                     QStringLiteral("Use an apconsole that knows schema version %1, or set APCONSOLE_DB to another file. The file was left as it is.")
                                         .arg(version)),
                           false};
    }
    // Each step brings the schema one version up.
    const QList<QList<const char *>> steps = {
        {
            "CREATE TABLE IF NOT EXISTS hosts (uri TEXT PRIMARY KEY, added TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS simulated_hosts (name TEXT PRIMARY KEY, snapshot TEXT NOT NULL, saved TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, host TEXT NOT NULL,"
            " action TEXT NOT NULL, path TEXT NOT NULL, value TEXT NOT NULL, before TEXT, after TEXT, errno INTEGER NOT NULL,"
            " kernel_log TEXT, rollback INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS audit_log_host ON audit_log(host, id)",
            "PRAGMA user_version = 1",
        },
        {
            "CREATE TABLE IF NOT EXISTS reports (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, source TEXT NOT NULL,"
            " target TEXT NOT NULL, guest TEXT, mdev TEXT NOT NULL, profile TEXT NOT NULL, verdict TEXT NOT NULL, errno TEXT,"
            " ready INTEGER NOT NULL, json TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS reports_guest ON reports(guest, time)",
            "PRAGMA user_version = 2",
        },
        {
            "CREATE TABLE IF NOT EXISTS migration_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL,"
            " source TEXT NOT NULL, target TEXT NOT NULL, guest TEXT NOT NULL, mdev TEXT NOT NULL, strategy TEXT NOT NULL,"
            " ok INTEGER NOT NULL, failed_step TEXT, errno TEXT, message TEXT, events TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS migration_steps (run_id INTEGER NOT NULL REFERENCES migration_runs(id) ON DELETE CASCADE,"
            " seq INTEGER NOT NULL, step TEXT NOT NULL, started_ms INTEGER, ended_ms INTEGER, outcome TEXT NOT NULL,"
            " detail TEXT, errno TEXT, PRIMARY KEY (run_id, seq))",
            "CREATE INDEX IF NOT EXISTS migration_runs_guest ON migration_runs(guest, time)",
            "PRAGMA user_version = 3",
        },
        {
            // What the operator decided before a run: an override past blocking findings, an injected failure.
            "ALTER TABLE migration_runs ADD COLUMN override_text TEXT",
            "ALTER TABLE migration_runs ADD COLUMN overridden_findings TEXT",
            "ALTER TABLE migration_runs ADD COLUMN injected_failure TEXT",
            // The operator's own names for hosts (demo hosts too, which are not in `hosts`).
            "CREATE TABLE IF NOT EXISTS host_names (uri TEXT PRIMARY KEY, name TEXT NOT NULL)",
            // Who made each write (older entries have none).
            "ALTER TABLE audit_log ADD COLUMN account TEXT",
            "PRAGMA user_version = 4",
        },
        {
            // Which vfio_ap driver revision each host runs, as the operator set or confirmed it.
            "CREATE TABLE IF NOT EXISTS host_revisions (host TEXT PRIMARY KEY, profile TEXT NOT NULL,"
            " kernel_release TEXT, srcversion TEXT, set_at TEXT NOT NULL)",
            "PRAGMA user_version = 5",
        },
        {
            // Reports kept compressed (zlib, via qCompress) in `packed`; `json` stays for the rows
            // written before, and is empty in new ones.
            "ALTER TABLE reports ADD COLUMN packed BLOB",
            "PRAGMA user_version = 6",
        },
    };
    for (int v = version; v < steps.size(); ++v) {
        for (const char *stmt : steps[v]) {
            if (!q.exec(QString::fromLatin1(stmt))) {
                const QSqlError e = q.lastError();
                rollback();
                return fail(e);
            }
        }
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const QSqlError e = q.lastError();
        rollback();
        return fail(e);
    }
    return std::nullopt;
}

Result<qint64> Store::saveReport(const QJsonObject &r)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("INSERT INTO reports (time, source, target, guest, mdev, profile, verdict, errno, ready, json, packed)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)"));
    const QString time = r.value(QStringLiteral("time")).toString();
    q.addBindValue(time.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : time);
    q.addBindValue(r.value(QStringLiteral("source")).toString());
    q.addBindValue(r.value(QStringLiteral("target")).toString());
    q.addBindValue(r.value(QStringLiteral("guest")).toString());
    q.addBindValue(r.value(QStringLiteral("mdev")).toString());
    q.addBindValue(r.value(QStringLiteral("profile")).toString());
    q.addBindValue(r.value(QStringLiteral("verdict")).toString());
    q.addBindValue(r.value(QStringLiteral("errno")).toString());
    q.addBindValue(r.value(QStringLiteral("ready")).toBool() ? 1 : 0);
    // A 256 x 256 report is ~8 MB of JSON, mostly repeated keys and APQNs: zlib keeps ~1/20 of it.
    q.addBindValue(qCompress(QJsonDocument(r).toJson(QJsonDocument::Compact), 6));
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return q.lastInsertId().toLongLong();
}

Result<QList<Store::ReportSummary>> Store::reports(const QString &host, const QString &guest, int limit) const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("SELECT id, time, source, target, guest, mdev, profile, verdict, errno, ready FROM reports"
                             " WHERE (IFNULL(?, '') = '' OR source = ? OR target = ?) AND (IFNULL(?, '') = '' OR guest = ?) ORDER BY time DESC, id DESC LIMIT ?"));
    q.addBindValue(host);
    q.addBindValue(host);
    q.addBindValue(host);
    q.addBindValue(guest);
    q.addBindValue(guest);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    QList<ReportSummary> out;
    while (q.next()) {
        ReportSummary r;
        r.id = q.value(0).toLongLong();
        r.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODate);
        r.source = q.value(2).toString();
        r.target = q.value(3).toString();
        r.guest = q.value(4).toString();
        r.mdev = q.value(5).toString();
        r.profile = q.value(6).toString();
        r.verdict = q.value(7).toString();
        r.errnoName = q.value(8).toString();
        r.ready = q.value(9).toInt() != 0;
        out.append(r);
    }
    return out;
}

Result<QJsonObject> Store::report(qint64 id) const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("SELECT json, packed FROM reports WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    if (!q.next())
        return makeError(ErrorCode::NotFound, m_path, QStringLiteral("no report %1").arg(id));
    QByteArray json;
    if (q.value(1).isNull()) {
        json = q.value(0).toString().toUtf8(); // written before schema version 6
    } else {
        json = qUncompress(q.value(1).toByteArray());
        if (json.isEmpty())
            return makeError(ErrorCode::Corrupt, m_path, QStringLiteral("report %1 is damaged: its compressed data cannot be unpacked").arg(id),
                             QStringLiteral("The other reports are not affected; run the check again to get this one back."));
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Corrupt, m_path, QStringLiteral("report %1 is not valid JSON").arg(id));
    return doc.object();
}

Status Store::addHost(const QString &uri)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO hosts (uri, added) VALUES (?, ?)"));
    q.addBindValue(uri);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return {};
}

Status Store::setHostRevision(const migration::HostRevisionRecord &r)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO host_revisions (host, profile, kernel_release, srcversion, set_at) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(r.host);
    q.addBindValue(migration::profileName(r.profile));
    q.addBindValue(r.kernelRelease);
    q.addBindValue(r.vfioApSrcversion);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return {};
}

Status Store::forgetHostRevision(const QString &host)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("DELETE FROM host_revisions WHERE host = ?"));
    q.addBindValue(host);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return {};
}

Result<QList<migration::HostRevisionRecord>> Store::hostRevisions() const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    if (!q.exec(QStringLiteral("SELECT host, profile, kernel_release, srcversion FROM host_revisions ORDER BY host")))
        return sqlError(m_path, q.lastError());
    QList<migration::HostRevisionRecord> out;
    while (q.next()) {
        const auto p = migration::parseProfile(q.value(1).toString());
        if (!p)
            continue; // written by a newer apconsole with a revision this one does not know
        out.append({q.value(0).toString(), *p, q.value(2).toString(), q.value(3).toString()});
    }
    return out;
}

Status Store::removeHost(const QString &uri)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("DELETE FROM hosts WHERE uri = ?"));
    q.addBindValue(uri);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return setHostName(uri, {});
}

Status Store::setHostName(const QString &uri, const QString &name)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    if (name.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM host_names WHERE uri = ?"));
        q.addBindValue(uri);
    } else {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO host_names (uri, name) VALUES (?, ?)"));
        q.addBindValue(uri);
        q.addBindValue(name);
    }
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return {};
}

Result<QHash<QString, QString>> Store::hostNames() const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    if (!q.exec(QStringLiteral("SELECT uri, name FROM host_names")))
        return sqlError(m_path, q.lastError());
    QHash<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

Result<QStringList> Store::hosts() const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    if (!q.exec(QStringLiteral("SELECT uri FROM hosts ORDER BY added, uri")))
        return sqlError(m_path, q.lastError());
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Status Store::saveSimulatedHost(const QString &name, const QJsonObject &snapshot)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO simulated_hosts (name, snapshot, saved) VALUES (?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    return {};
}

Result<std::optional<QJsonObject>> Store::simulatedHost(const QString &name) const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("SELECT snapshot FROM simulated_hosts WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    if (!q.next())
        return std::optional<QJsonObject>();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Corrupt, m_path, QStringLiteral("stored state of simulated host %1 is not valid JSON").arg(name));
    return std::optional<QJsonObject>(doc.object());
}

Status Store::resetSimulatedHosts()
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    if (!q.exec(QStringLiteral("DELETE FROM simulated_hosts")))
        return sqlError(m_path, q.lastError());
    return {};
}

Status Store::appendJournal(const QList<JournalEntry> &entries)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = QSqlDatabase::database(*conn);
    if (!db.transaction())
        return sqlError(m_path, db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit_log (time, host, account, action, path, value, before, after, errno, kernel_log, rollback)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // The console writes as the account that runs it; that is who the audit log names.
    const QString localUser = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    for (const JournalEntry &e : entries) {
        q.addBindValue(e.time.toString(Qt::ISODateWithMs));
        q.addBindValue(e.host);
        q.addBindValue(e.user.isEmpty() ? localUser : e.user);
        q.addBindValue(e.action);
        q.addBindValue(e.path);
        q.addBindValue(QString::fromLatin1(e.value));
        q.addBindValue(e.before);
        q.addBindValue(e.after);
        q.addBindValue(e.err);
        q.addBindValue(e.kernelLog.join(QLatin1Char('\n')));
        q.addBindValue(e.rollback ? 1 : 0);
        if (!q.exec()) {
            const Error err = sqlError(m_path, q.lastError());
            db.rollback();
            return err;
        }
    }
    if (!db.commit())
        return sqlError(m_path, db.lastError());
    return {};
}

Result<QList<JournalEntry>> Store::journal(const QString &host, int limit) const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("SELECT time, host, action, path, value, before, after, errno, kernel_log, rollback, account FROM audit_log"
                             " WHERE (IFNULL(?, '') = '' OR host = ?) ORDER BY id DESC LIMIT ?"));
    q.addBindValue(host);
    q.addBindValue(host);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    QList<JournalEntry> out;
    while (q.next()) {
        JournalEntry e;
        e.time = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
        e.host = q.value(1).toString();
        e.action = q.value(2).toString();
        e.path = q.value(3).toString();
        e.value = q.value(4).toString().toLatin1();
        e.before = q.value(5).toString();
        e.after = q.value(6).toString();
        e.err = q.value(7).toInt();
        const QString log = q.value(8).toString();
        e.kernelLog = log.isEmpty() ? QStringList() : log.split(QLatin1Char('\n'));
        e.rollback = q.value(9).toInt() != 0;
        e.user = q.value(10).toString();
        out.append(e);
    }
    return out;
}

Result<qint64> Store::saveMigrationRun(const MigrationRun &r)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = QSqlDatabase::database(*conn);
    if (!db.transaction())
        return sqlError(m_path, db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO migration_runs (time, source, target, guest, mdev, strategy, ok, failed_step, errno,"
                             " message, override_text, overridden_findings, injected_failure, events)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(r.time.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(r.source);
    q.addBindValue(r.target);
    q.addBindValue(r.guest);
    // A guest without a vfio-ap device is migrated too; its run has no mdev (stored as '').
    q.addBindValue(r.mdev.isNull() ? QStringLiteral("") : r.mdev);
    q.addBindValue(r.strategy);
    q.addBindValue(r.ok ? 1 : 0);
    q.addBindValue(r.failedStep);
    q.addBindValue(r.errnoName);
    q.addBindValue(r.message);
    q.addBindValue(r.overrideText);
    q.addBindValue(r.overriddenFindings.join(QLatin1Char(',')));
    q.addBindValue(r.injectedFailure);
    q.addBindValue(QString::fromUtf8(QJsonDocument(r.events).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        const Error err = sqlError(m_path, q.lastError());
        db.rollback();
        return err;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery s(db);
    s.prepare(QStringLiteral("INSERT INTO migration_steps (run_id, seq, step, started_ms, ended_ms, outcome, detail, errno)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < r.steps.size(); ++i) {
        const MigrationRunStep &st = r.steps.at(i);
        s.addBindValue(id);
        s.addBindValue(int(i));
        s.addBindValue(st.step);
        s.addBindValue(st.startedMs);
        s.addBindValue(st.endedMs);
        s.addBindValue(st.outcome);
        s.addBindValue(st.detail);
        s.addBindValue(st.errnoName);
        if (!s.exec()) {
            const Error err = sqlError(m_path, s.lastError());
            db.rollback();
            return err;
        }
    }
    if (!db.commit())
        return sqlError(m_path, db.lastError());
    return id;
}

namespace {

Store::MigrationRun runFromQuery(const QSqlQuery &q)
{
    Store::MigrationRun r;
    r.id = q.value(0).toLongLong();
    r.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    r.source = q.value(2).toString();
    r.target = q.value(3).toString();
    r.guest = q.value(4).toString();
    r.mdev = q.value(5).toString();
    r.strategy = q.value(6).toString();
    r.ok = q.value(7).toInt() != 0;
    r.failedStep = q.value(8).toString();
    r.errnoName = q.value(9).toString();
    r.message = q.value(10).toString();
    r.overrideText = q.value(11).toString();
    r.overriddenFindings = q.value(12).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.injectedFailure = q.value(13).toString();
    return r;
}

Status loadSteps(const QSqlDatabase &db, const QString &path, Store::MigrationRun &r)
{
    QSqlQuery s(db);
    s.prepare(QStringLiteral("SELECT step, started_ms, ended_ms, outcome, detail, errno FROM migration_steps WHERE run_id = ? ORDER BY seq"));
    s.addBindValue(r.id);
    if (!s.exec())
        return sqlError(path, s.lastError());
    while (s.next())
        r.steps.append({s.value(0).toString(), s.value(1).toLongLong(), s.value(2).toLongLong(), s.value(3).toString(),
                        s.value(4).toString(), s.value(5).toString()});
    return {};
}

const char kRunColumns[] = "id, time, source, target, guest, mdev, strategy, ok, failed_step, errno, message, override_text,"
                           " overridden_findings, injected_failure";

} // namespace

Result<QList<Store::MigrationRun>> Store::migrationRuns(const QString &guest, int limit) const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = QSqlDatabase::database(*conn);
    // Two queries however many runs: the runs, then the steps of exactly those runs (read
    // through the steps' primary key), not one query per run. One read transaction, so both
    // see the same runs.
    const bool snapshot = db.transaction();
    const auto endRead = qScopeGuard([&db, snapshot] {
        if (snapshot)
            db.commit();
    });
    const QString chosen = QStringLiteral("SELECT id FROM migration_runs WHERE (IFNULL(?, '') = '' OR guest = ?) ORDER BY id DESC LIMIT ?");
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM migration_runs WHERE id IN (%2) ORDER BY id DESC").arg(QLatin1String(kRunColumns), chosen));
    q.addBindValue(guest);
    q.addBindValue(guest);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    QList<MigrationRun> out;
    QHash<qint64, qsizetype> position;
    while (q.next()) {
        out.append(runFromQuery(q));
        position.insert(out.constLast().id, out.size() - 1);
    }
    if (out.isEmpty())
        return out;
    QSqlQuery s(db);
    s.prepare(QStringLiteral("SELECT run_id, step, started_ms, ended_ms, outcome, detail, errno FROM migration_steps"
                             " WHERE run_id IN (%1) ORDER BY run_id, seq").arg(chosen));
    s.addBindValue(guest);
    s.addBindValue(guest);
    s.addBindValue(limit);
    if (!s.exec())
        return sqlError(m_path, s.lastError());
    while (s.next()) {
        const auto at = position.constFind(s.value(0).toLongLong());
        if (at == position.cend())
            continue; // a run saved between the two queries
        out[*at].steps.append({s.value(1).toString(), s.value(2).toLongLong(), s.value(3).toLongLong(), s.value(4).toString(),
                               s.value(5).toString(), s.value(6).toString()});
    }
    return out;
}

Result<Store::MigrationRun> Store::migrationRun(qint64 id) const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = QSqlDatabase::database(*conn);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1, events FROM migration_runs WHERE id = ?").arg(QLatin1String(kRunColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    if (!q.next())
        return makeError(ErrorCode::NotFound, m_path, QStringLiteral("no migration run %1").arg(id));
    MigrationRun r = runFromQuery(q);
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(14).toString().toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray())
        return makeError(ErrorCode::Corrupt, m_path, QStringLiteral("the events of migration run %1 are not valid JSON").arg(id));
    r.events = doc.array();
    if (Status st = loadSteps(db, m_path, r); !st)
        return st.error();
    return r;
}

} // namespace ap

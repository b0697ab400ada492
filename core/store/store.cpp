#include "store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

namespace ap {

namespace {

Error sqlError(const QString &where, const QSqlError &e)
{
    return makeError(ErrorCode::Io, where, e.text(), QStringLiteral("Check the disk and the file's permissions."));
}

bool isSqliteFile(const QString &path)
{
    QFile f(path);
    if (!f.exists() || f.size() == 0)
        return true; // a new or empty file becomes a database
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

QString Store::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/apconsole.db");
}

Store::Store(QString path)
    : m_path(std::move(path))
    , m_connectionPrefix(QStringLiteral("apstore-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

Store::~Store()
{
    QMutexLocker lock(&m_mutex);
    for (const QString &name : std::as_const(m_connections)) {
        if (!QSqlDatabase::contains(name))
            continue; // its worker thread ended and closed it
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
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

Result<QString> Store::connection() const
{
    const QString name = m_connectionPrefix + QLatin1Char('-') + QString::number(t_connections.serial);
    if (QSqlDatabase::contains(name))
        return name;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        const Error e = sqlError(m_path, db.lastError());
        QSqlDatabase::removeDatabase(name);
        return e;
    }
    t_connections.names.append(name);
    QMutexLocker lock(&m_mutex);
    m_connections.append(name);
    return name;
}

Result<std::shared_ptr<Store>> Store::open(const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(ErrorCode::Io, path, QStringLiteral("cannot create the directory for the database"));
    std::shared_ptr<Store> store(new Store(path));
    auto moveAside = [&]() -> Status {
        const QString kept = path + QStringLiteral(".corrupt-") + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
        if (!QFile::rename(path, kept))
            return makeError(ErrorCode::Io, path, QStringLiteral("database is unreadable and cannot be moved aside"));
        store->m_recoveredFrom = kept;
        return {};
    };
    if (!isSqliteFile(path)) {
        if (Status s = moveAside(); !s)
            return s.error();
    }
    Status s = store->migrate();
    if (!s && store->m_recoveredFrom.isEmpty() && QFile::exists(path)) {
        // Opened but unusable (damaged pages, foreign schema): keep it aside and start fresh.
        {
            std::shared_ptr<Store> broken = std::move(store);
            store.reset(new Store(path));
        }
        if (Status moved = moveAside(); !moved)
            return moved.error();
        s = store->migrate();
    }
    if (!s)
        return s.error();
    return store;
}

Status Store::migrate()
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = QSqlDatabase::database(*conn);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() || q.value(0).toString() != QLatin1String("ok"))
        return makeError(ErrorCode::Corrupt, m_path, QStringLiteral("database failed its integrity check"));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(m_path, q.lastError());
    const int version = q.value(0).toInt();
    if (version > kSchemaVersion)
        return makeError(ErrorCode::Corrupt, m_path, QStringLiteral("database schema %1 is newer than this apconsole (%2)").arg(version).arg(kSchemaVersion));
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    // Each step brings the schema one version up, inside a transaction.
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
    };
    for (int v = version; v < steps.size(); ++v) {
        db.transaction();
        for (const char *stmt : steps[v]) {
            if (!q.exec(QString::fromLatin1(stmt))) {
                const Error e = sqlError(m_path, q.lastError());
                db.rollback();
                return e;
            }
        }
        db.commit();
    }
    return {};
}

Result<qint64> Store::saveReport(const QJsonObject &r)
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlQuery q(QSqlDatabase::database(*conn));
    q.prepare(QStringLiteral("INSERT INTO reports (time, source, target, guest, mdev, profile, verdict, errno, ready, json)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
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
    q.addBindValue(QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact)));
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
    q.prepare(QStringLiteral("SELECT json FROM reports WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    if (!q.next())
        return makeError(ErrorCode::NotFound, m_path, QStringLiteral("no report %1").arg(id));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8(), &pe);
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
    return {};
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
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit_log (time, host, action, path, value, before, after, errno, kernel_log, rollback)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const JournalEntry &e : entries) {
        q.addBindValue(e.time.toString(Qt::ISODateWithMs));
        q.addBindValue(e.host);
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
    q.prepare(QStringLiteral("SELECT time, host, action, path, value, before, after, errno, kernel_log, rollback FROM audit_log"
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
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO migration_runs (time, source, target, guest, mdev, strategy, ok, failed_step, errno,"
                             " message, events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(r.time.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(r.source);
    q.addBindValue(r.target);
    q.addBindValue(r.guest);
    q.addBindValue(r.mdev);
    q.addBindValue(r.strategy);
    q.addBindValue(r.ok ? 1 : 0);
    q.addBindValue(r.failedStep);
    q.addBindValue(r.errnoName);
    q.addBindValue(r.message);
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

const char kRunColumns[] = "id, time, source, target, guest, mdev, strategy, ok, failed_step, errno, message";

} // namespace

Result<QList<Store::MigrationRun>> Store::migrationRuns(const QString &guest, int limit) const
{
    auto conn = connection();
    if (!conn)
        return conn.error();
    QSqlDatabase db = QSqlDatabase::database(*conn);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM migration_runs WHERE (IFNULL(?, '') = '' OR guest = ?) ORDER BY id DESC LIMIT ?")
                  .arg(QLatin1String(kRunColumns)));
    q.addBindValue(guest);
    q.addBindValue(guest);
    q.addBindValue(limit);
    if (!q.exec())
        return sqlError(m_path, q.lastError());
    QList<MigrationRun> out;
    while (q.next())
        out.append(runFromQuery(q));
    for (MigrationRun &r : out) {
        if (Status st = loadSteps(db, m_path, r); !st)
            return st.error();
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
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(11).toString().toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray())
        return makeError(ErrorCode::Corrupt, m_path, QStringLiteral("the events of migration run %1 are not valid JSON").arg(id));
    r.events = doc.array();
    if (Status st = loadSteps(db, m_path, r); !st)
        return st.error();
    return r;
}

} // namespace ap

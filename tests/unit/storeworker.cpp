// A second (third, ...) process for tst_store: what another apconsole does to the same database.
//   storeworker hold PATH      takes SQLite's exclusive lock, prints "locked", holds it until
//                              stdin closes, then commits one host ("sysfs:/held") and exits 0
//   storeworker reports PATH N opens the store and saves N reports; prints how many were saved
//                              and exits 0 only if all were
//   storeworker open PATH      opens the store as an unprivileged user (drops to nobody when run
//                              as root, so permissions count); prints "ok" or the error's code
#include <store/store.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <cstdio>

#include <unistd.h>

namespace {

int hold(const QString &path)
{
    int rc = 1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        db.setDatabaseName(path);
        if (!db.open())
            return 1;
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")) && q.exec(QStringLiteral("BEGIN EXCLUSIVE"))
            && q.exec(QStringLiteral("INSERT INTO hosts (uri, added) VALUES ('sysfs:/held', '2026-01-01T00:00:00Z')"))) {
            std::puts("locked");
            std::fflush(stdout);
            QFile in;
            if (in.open(stdin, QIODevice::ReadOnly))
                in.readAll(); // until the test closes our stdin
            rc = q.exec(QStringLiteral("COMMIT")) ? 0 : 1;
        }
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("holder"));
    return rc;
}

int reports(const QString &path, int n)
{
    auto store = ap::Store::open(path);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
        return 1;
    }
    int saved = 0;
    for (int i = 0; i < n; ++i) {
        auto id = (*store)->saveReport(QJsonObject{{QStringLiteral("source"), QStringLiteral("demo:a")},
                                                   {QStringLiteral("target"), QStringLiteral("demo:b")},
                                                   {QStringLiteral("mdev"), QStringLiteral("m%1").arg(i)},
                                                   {QStringLiteral("profile"), QStringLiteral("v2")},
                                                   {QStringLiteral("verdict"), QStringLiteral("compatible")}});
        if (id)
            ++saved;
        else
            std::fprintf(stderr, "%s\n", qPrintable(id.error().toString()));
    }
    std::printf("%d\n", saved);
    return saved == n ? 0 : 1;
}

int openAsUser(const QString &path)
{
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
        std::fprintf(stderr, "cannot drop to nobody\n");
        return 2;
    }
    auto store = ap::Store::open(path, 500);
    if (store) {
        std::puts("ok");
        return 0;
    }
    std::printf("%s\n", qPrintable(ap::errorCodeName(store.error().code)));
    std::fprintf(stderr, "%s\n", qPrintable(store.error().toString()));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() == 3 && a[1] == QLatin1String("hold"))
        return hold(a[2]);
    if (a.size() == 3 && a[1] == QLatin1String("open"))
        return openAsUser(a[2]);
    if (a.size() == 4 && a[1] == QLatin1String("reports"))
        return reports(a[2], a[3].toInt());
    std::fprintf(stderr, "usage: storeworker hold PATH | reports PATH N | open PATH\n");
    return 2;
}

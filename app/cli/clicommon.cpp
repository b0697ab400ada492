#include "clicommon.h"

#include <common/outputfile.h>
#include <common/printable.h>
#include <hosts/backendfactory.h>
#include <hosts/demofleet.h>

#include <QFile>

#include <cstdio>

namespace ap::cli {

// Everything printed goes through printable(): host data never reaches the terminal raw.
void out(const QString &text)
{
    const QByteArray b = printable(text, true).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void outUtf8(const QByteArray &text)
{
    // Control characters are C0 (but newline and tab), DEL, and C1, which UTF-8 writes as C2 80..9F.
    const auto *b = reinterpret_cast<const unsigned char *>(text.constData());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const unsigned char c = b[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || (c == 0xc2 && i + 1 < text.size() && b[i + 1] >= 0x80 && b[i + 1] <= 0x9f)) {
            out(QString::fromUtf8(text));
            return;
        }
    }
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
}

void err(const QString &text)
{
    const QByteArray b = printable(text, true).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
}

bool parseOrUsage(QCommandLineParser &parser, const QStringList &args, const QString &usageLine)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err(QStringLiteral("apconsole-cli: %1\nusage: %2\n").arg(parser.errorText(), usageLine));
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(QStringLiteral("usage: %1\n\n%2").arg(usageLine, parser.helpText().section(QLatin1Char('\n'), 2)));
        std::exit(Ok);
    }
    return true;
}

std::shared_ptr<Store> openStore()
{
    QString path = qEnvironmentVariable("APCONSOLE_DB");
    if (path.isEmpty())
        path = Store::defaultPath();
    auto store = Store::open(path);
    if (!store) {
        err(QStringLiteral("apconsole-cli: warning: %1; going on without the database\n").arg(store.error().toString()));
        return {};
    }
    if (!(*store)->recoveredFrom().isEmpty())
        err(QStringLiteral("apconsole-cli: warning: the database was unreadable; it was kept as %1 and a new one started\n")
                .arg((*store)->recoveredFrom()));
    return *store;
}

std::shared_ptr<Store> LazyStore::get()
{
    std::call_once(m_once, [this] { m_store = openStore(); });
    return m_store;
}

Status LazyStore::appendJournal(const QList<JournalEntry> &entries)
{
    const auto s = get();
    return s ? s->appendJournal(entries) : Status();
}

Status LazyStore::saveSimulatedHost(const QString &name, const QJsonObject &snapshot)
{
    const auto s = get();
    return s ? s->saveSimulatedHost(name, snapshot) : Status();
}

Result<std::optional<QJsonObject>> LazyStore::simulatedHost(const QString &name) const
{
    // Reading does not change what the store is: opening it on first use is not a visible change.
    const auto s = const_cast<LazyStore *>(this)->get();
    return s ? s->simulatedHost(name) : Result<std::optional<QJsonObject>>(std::optional<QJsonObject>());
}

std::shared_ptr<LazyStore> lazyStore()
{
    return std::make_shared<LazyStore>();
}

std::unique_ptr<HostBackend> openHost(const QString &uriText, std::shared_ptr<HostRecords> store)
{
    auto uri = HostUri::parse(uriText);
    if (!uri) {
        err(QStringLiteral("apconsole-cli: %1\n").arg(uri.error().toString()));
        return {};
    }
    auto backend = createBackend(*uri, store);
    if (!backend) {
        err(QStringLiteral("apconsole-cli: %1\n").arg(backend.error().toString()));
        return {};
    }
    return std::move(*backend);
}

bool hostAddressesValid(const QCommandLineParser &p, const QStringList &options)
{
    for (const QString &option : options) {
        if (!p.isSet(option))
            continue;
        if (auto uri = HostUri::parse(p.value(option)); !uri) {
            err(QStringLiteral("apconsole-cli: --%1: %2\n").arg(option, uri.error().toString()));
            return false;
        }
    }
    return true;
}

void reportHostError(const QString &host, const Error &e)
{
    err(QStringLiteral("apconsole-cli: %1: %2%3\n").arg(host, e.where == host || e.where.isEmpty() ? e.detail : e.where + QStringLiteral(": ") + e.detail,
                                                     e.hint.isEmpty() ? QString() : QStringLiteral(" (") + e.hint + QLatin1Char(')')));
}

std::optional<HostSnapshot> readHost(HostBackend &backend, int timeoutMs)
{
    Result<HostSnapshot> r = backend.readInventory({timeoutMs}).result();
    if (!r) {
        reportHostError(backend.uri().text, r.error());
        return std::nullopt;
    }
    return std::move(r.value());
}

std::optional<HostSnapshot> readHost(const QString &uriText, std::shared_ptr<HostRecords> store, int timeoutMs)
{
    auto backend = openHost(uriText, store);
    if (!backend)
        return std::nullopt;
    return readHost(*backend, timeoutMs);
}

QStringList knownHosts(const std::shared_ptr<Store> &store)
{
    QStringList uris;
    for (const QString &name : demo::hostNames())
        uris.append(QStringLiteral("demo:") + name);
    if (store) {
        auto remembered = store->hosts();
        if (!remembered) {
            err(QStringLiteral("apconsole-cli: warning: the remembered hosts cannot be read: %1\n").arg(remembered.error().toString()));
            return uris;
        }
        for (const QString &u : *remembered)
            if (!uris.contains(u))
                uris.append(u);
    }
    return uris;
}

bool writeOutput(const QString &path, const QByteArray &data)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    if (Status written = writeOutputFile(path, data); !written) {
        err(QStringLiteral("apconsole-cli: cannot write %1\n").arg(written.error().toString()));
        return false;
    }
    return true;
}

void printVerdict(const definitions::Verdict &v)
{
    for (const definitions::Finding &f : v.findings) {
        const QString who = f.by == definitions::RefusedBy::ApCheck ? QStringLiteral("ap-check")
            : f.by == definitions::RefusedBy::Mdevctl                ? QStringLiteral("mdevctl")
                                                                      : QStringLiteral("kernel");
        err(QStringLiteral("apconsole-cli: refused (%1): %2\n  %3\n").arg(who, f.message(), f.hint()));
    }
    if (!v.unknown.isEmpty())
        err(QStringLiteral("apconsole-cli: rules not checked: %1 (mdevctl and ap-check on the host decide)\n").arg(v.unknown));
}

} // namespace ap::cli

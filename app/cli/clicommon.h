#pragma once

#include <definitions/definitionrules.h>
#include <hosts/hostbackend.h>
#include <store/store.h>

#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <mutex>

namespace ap::cli {

/// Exit codes shared by every command.
/// 4: the work was done, but the database could not record it (stderr says why).
enum Exit { Ok = 0, Failed = 1, Usage = 2, HostUnreadable = 3, NotRecorded = 4 };

/// A definition verdict's refusals (who refuses, ap-check's words, the hint) and an unknown
/// verdict's reason, on stderr.
void printVerdict(const definitions::Verdict &v);

/// Writes to stdout / stderr (UTF-8).
void out(const QString &text);
void err(const QString &text);
/// Writes UTF-8 text (whole characters) to stdout as out() would, without decoding it when it
/// holds no control character, for output written in chunks.
void outUtf8(const QByteArray &text);

/// Parses a subcommand's arguments; prints the error and the usage and returns false on misuse.
bool parseOrUsage(QCommandLineParser &parser, const QStringList &args, const QString &usageLine);

/// The console's store (APCONSOLE_DB overrides the path); null if it cannot be opened (with a
/// message on stderr, the command goes on without it).
std::shared_ptr<Store> openStore();

/// The console's store opened on first use, for backends (journal, simulated hosts) and commands
/// that may record something: a command that never needs it never opens SQLite. Safe from any
/// thread. While the store cannot be opened, records are dropped (the warning is printed once).
class LazyStore final : public HostRecords {
public:
    /// The store; null if it cannot be opened.
    std::shared_ptr<Store> get();

    Status appendJournal(const QList<JournalEntry> &entries) override;
    Status saveSimulatedHost(const QString &name, const QJsonObject &snapshot) override;
    Result<std::optional<QJsonObject>> simulatedHost(const QString &name) const override;

private:
    std::once_flag m_once;
    std::shared_ptr<Store> m_store;
};
std::shared_ptr<LazyStore> lazyStore();

/// Reads a host's inventory; on failure prints "apconsole-cli: HOST: cause" and returns nullopt.
/// The backend for a host address; prints the reason and returns null when there is none.
std::unique_ptr<HostBackend> openHost(const QString &uri, std::shared_ptr<HostRecords> store);
/// Parses every host address given with these options; prints the first malformed one. A false
/// answer is a usage error (exit 2), found before any host or the database is opened.
bool hostAddressesValid(const QCommandLineParser &p, const QStringList &options);
/// Prints "apconsole-cli: HOST: what (hint)".
void reportHostError(const QString &host, const Error &e);
std::optional<HostSnapshot> readHost(HostBackend &backend, int timeoutMs = 60000);
std::optional<HostSnapshot> readHost(const QString &uri, std::shared_ptr<HostRecords> store, int timeoutMs = 60000);

/// The hosts the console knows: the demo hosts, then the remembered ones (what `hosts` lists).
/// Remembered hosts that cannot be read are warned about on stderr.
QStringList knownHosts(const std::shared_ptr<Store> &store);

/// Writes text to stdout when path is empty or "-", else as writeOutputFile() does (a regular file
/// atomically, a symlink followed, a device or FIFO in place); prints the failure.
bool writeOutput(const QString &path, const QByteArray &data);

} // namespace ap::cli

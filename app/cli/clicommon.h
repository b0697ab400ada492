#pragma once

#include <hosts/hostbackend.h>
#include <store/store.h>

#include <QCommandLineParser>
#include <QStringList>

#include <memory>

namespace ap::cli {

/// Exit codes shared by every command.
/// 4: the work was done, but the database could not record it (stderr says why).
enum Exit { Ok = 0, Failed = 1, Usage = 2, HostUnreadable = 3, NotRecorded = 4 };

/// Writes to stdout / stderr (UTF-8).
void out(const QString &text);
void err(const QString &text);

/// Parses a subcommand's arguments; prints the error and the usage and returns false on misuse.
bool parseOrUsage(QCommandLineParser &parser, const QStringList &args, const QString &usageLine);

/// The console's store (APCONSOLE_DB overrides the path); null if it cannot be opened (with a
/// message on stderr, the command goes on without it).
std::shared_ptr<Store> openStore();

/// Reads a host's inventory; on failure prints "apconsole-cli: HOST: cause" and returns nullopt.
/// The backend for a host address; prints the reason and returns null when there is none.
std::unique_ptr<HostBackend> openHost(const QString &uri, std::shared_ptr<Store> store);
/// Parses every host address given with these options; prints the first malformed one. A false
/// answer is a usage error (exit 2), found before any host or the database is opened.
bool hostAddressesValid(const QCommandLineParser &p, const QStringList &options);
/// Prints "apconsole-cli: HOST: what (hint)".
void reportHostError(const QString &host, const Error &e);
std::optional<HostSnapshot> readHost(HostBackend &backend, int timeoutMs = 60000);
std::optional<HostSnapshot> readHost(const QString &uri, std::shared_ptr<Store> store, int timeoutMs = 60000);

/// The hosts the console knows: the demo hosts, then the remembered ones (what `hosts` lists).
/// Remembered hosts that cannot be read are warned about on stderr.
QStringList knownHosts(const std::shared_ptr<Store> &store);

/// Writes text to stdout when path is empty or "-", else as writeOutputFile() does (a regular file
/// atomically, a symlink followed, a device or FIFO in place); prints the failure.
bool writeOutput(const QString &path, const QByteArray &data);

} // namespace ap::cli

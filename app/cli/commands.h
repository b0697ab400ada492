#pragma once

#include <QStringList>

namespace ap::cli {

// Each takes the arguments after the command name (args[0] is the program name) and returns
// the process exit code.
int hostsCommand(const QStringList &args);
int inventoryCommand(const QStringList &args);
int treeCommand(const QStringList &args);
int dumpScriptCommand(const QStringList &args);
int checkCommand(const QStringList &args);
int fsmCommand(const QStringList &args);
int streamCommand(const QStringList &args);
int migrateCommand(const QStringList &args);
int mdevCommand(const QStringList &args);
int matrixCommand(const QStringList &args);
int fleetMapCommand(const QStringList &args);
int evacuateCommand(const QStringList &args);

} // namespace ap::cli

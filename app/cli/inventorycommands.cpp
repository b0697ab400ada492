#include "clicommon.h"
#include "commands.h"

#include <json/snapshotjson.h>
#include <report/inventorytext.h>
#include <sysfs/dumpformat.h>
#include <sysfs/treewriter.h>

#include <QDir>
#include <QJsonDocument>

namespace ap::cli {

int hostsCommand(const QStringList &args)
{
    QCommandLineParser p;
    if (!parseOrUsage(p, args, QStringLiteral("apconsole-cli hosts")))
        return Usage;
    if (!p.positionalArguments().isEmpty()) {
        err(QStringLiteral("apconsole-cli: hosts takes no arguments\nusage: apconsole-cli hosts\n"));
        return Usage;
    }
    for (const QString &u : knownHosts(openStore()))
        out(u + QLatin1Char('\n'));
    return Ok;
}

int inventoryCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli inventory --host URI [--format json|text]");
    QCommandLineParser p;
    p.addOption({QStringLiteral("host"), QStringLiteral("The host to read."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("format"), QStringLiteral("json or text (default json)."), QStringLiteral("FORMAT"), QStringLiteral("json")});
    if (!parseOrUsage(p, args, usage))
        return Usage;
    const QString format = p.value(QStringLiteral("format"));
    if (!p.isSet(QStringLiteral("host")) || !p.positionalArguments().isEmpty()
        || (format != QLatin1String("json") && format != QLatin1String("text"))) {
        err(QStringLiteral("apconsole-cli: inventory needs --host and a format of json or text\nusage: %1\n").arg(usage));
        return Usage;
    }
    if (!hostAddressesValid(p, {QStringLiteral("host")}))
        return Usage;
    auto h = readHost(p.value(QStringLiteral("host")), openStore());
    if (!h)
        return HostUnreadable;
    if (format == QLatin1String("text"))
        out(report::inventoryText(*h));
    else
        out(QString::fromUtf8(QJsonDocument(snapshotToJson(*h)).toJson(QJsonDocument::Indented)));
    return Ok;
}

int treeCommand(const QStringList &args)
{
    const QString usage = QStringLiteral("apconsole-cli tree --host URI --output DIR");
    QCommandLineParser p;
    p.addOption({QStringLiteral("host"), QStringLiteral("The host to export."), QStringLiteral("URI")});
    p.addOption({QStringLiteral("output"), QStringLiteral("An empty or new directory."), QStringLiteral("DIR")});
    if (!parseOrUsage(p, args, usage))
        return Usage;
    if (!p.isSet(QStringLiteral("host")) || !p.isSet(QStringLiteral("output"))) {
        err(QStringLiteral("apconsole-cli: tree needs --host and --output\nusage: %1\n").arg(usage));
        return Usage;
    }
    const QString dir = p.value(QStringLiteral("output"));
    if (QDir(dir).exists() && !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        err(QStringLiteral("apconsole-cli: %1 is not empty\n").arg(dir));
        return Usage;
    }
    if (!hostAddressesValid(p, {QStringLiteral("host")}))
        return Usage;
    auto h = readHost(p.value(QStringLiteral("host")), openStore());
    if (!h)
        return HostUnreadable;
    Status s = sysfs::writeTree(*h, dir);
    if (!s) {
        err(QStringLiteral("apconsole-cli: %1\n").arg(s.error().toString()));
        return Failed;
    }
    return Ok;
}

int dumpScriptCommand(const QStringList &args)
{
    QCommandLineParser p;
    if (!parseOrUsage(p, args, QStringLiteral("apconsole-cli dump-script")))
        return Usage;
    out(sysfs::dumpScript());
    return Ok;
}

} // namespace ap::cli

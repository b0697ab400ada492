#include "sysfshost.h"

#include "../plan/planexecutor.h"
#include "../definitions/definitionfiles.h"
#include "../definitions/definitionrequest.h"
#include "../definitions/drift.h"
#include "../definitions/mdevctljson.h"
#include "../definitions/udevrules.h"
#include "../driver/vfioapdriver.h"
#include "hostrecords.h"
#include "readscheduler.h"
#include "../sysfs/sysfssource.h"
#include "../sysfs/treereader.h"
#include "../sysfs/writeaccess.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ap {

namespace {

class LocalAccess final : public AttributeAccess {
public:
    explicit LocalAccess(QString root) : m_source(root), m_root(std::move(root)) {}

    WriteAnswer write(const SysfsWrite &w) override
    {
        // Only attributes the driver model knows are ever written.
        if (!driver::classifyWritable(w.path))
            return {EACCES, {}};
        const QByteArray abs = (m_root == QLatin1String("/") ? QString() : m_root).toLocal8Bit() + '/' + w.path.toLocal8Bit();
        const int fd = ::open(abs.constData(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            return {errno, {}};
        // One write() call: sysfs takes the whole value at once.
        ssize_t n;
        do {
            n = ::write(fd, w.value.constData(), size_t(w.value.size()));
        } while (n < 0 && errno == EINTR);
        const int err = n < 0 ? errno : (n != w.value.size() ? EIO : 0);
        ::close(fd);
        return {err, {}};
    }

    std::optional<QByteArray> read(const QString &path) override
    {
        auto f = m_source.read(path);
        if (f.status != sysfs::SysfsSource::File::Status::Ok)
            return std::nullopt;
        return f.content;
    }

private:
    sysfs::DirectorySource m_source;
    QString m_root;
};

} // namespace

SysfsHost::SysfsHost(HostUri uri, std::shared_ptr<HostRecords> store)
    : HostBackend(std::move(uri))
    , m_store(std::move(store))
{
}

SysfsHost::~SysfsHost()
{
    drain();
}

Result<HostSnapshot> SysfsHost::doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline)
{
    if (!QDir(uri().root).exists())
        return makeError(ErrorCode::Unreachable, uri().text, QStringLiteral("directory %1 does not exist").arg(uri().root));
    sysfs::DirectorySource source(uri().root, deadline);
    sysfs::ReadOptions options;
    options.canceled = canceled;
    options.deadline = deadline;
    // This read holds one slot of the scheduler; its reader threads use the slots no other host
    // is using right now (all cores for a single host, one each in a busy fleet).
    const ReadScheduler::Slot helpers = ReadScheduler::instance().borrow(ReadScheduler::instance().size() - 1);
    options.threads = 1 + helpers.count();
    auto host = sysfs::readHost(source, uri().text, options);
    if (!host)
        return host;
    host->writes = sysfs::localWritePermission(uri().root);
    auto defs = definitions::readDefinitionFiles(uri().root);
    if (!defs) {
        host->issues.append(defs.error()); // the definitions stay unknown, the host is read
    } else {
        host->definitions = *defs;
        definitions::applyDefinitions(*host);
    }
    return host;
}

Status SysfsHost::doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer deadline)
{
    using Kind = definitions::DefinitionRequest::Kind;
    if (request.kind == Kind::Start || request.kind == Kind::StartTransient || request.kind == Kind::Stop)
        return HostBackend::doChangeDefinition(request, deadline);
    // A local tree keeps the definition files as mdevctl would, below its root.
    auto defs = definitions::readDefinitionFiles(uri().root);
    if (!defs)
        return defs.error();
    HostDefinitions current = defs->value_or(HostDefinitions{});
    definitions::applyToDefinitions(current, request);
    const QString path = QDir(uri().root).filePath(definitions::definitionsDir() + QLatin1Char('/') + request.uuid);
    const MdevDefinition *d = current.find(request.uuid);
    if (!d) {
        if (!QFile::remove(path))
            return makeError(ErrorCode::Io, path, QStringLiteral("cannot remove the definition"));
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).path()))
        return makeError(ErrorCode::Io, path, QStringLiteral("cannot create the definitions directory"));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(definitions::toConfigJson(*d)) < 0 || !f.commit())
        return makeError(ErrorCode::Io, path, f.errorString());
    return {};
}

Result<ApplyReport> SysfsHost::doApply(const WritePlan &plan, const std::function<void(int)> &progress)
{
    if (!QDir(uri().root).exists())
        return makeError(ErrorCode::Unreachable, uri().text, QStringLiteral("directory %1 does not exist").arg(uri().root));
    LocalAccess access(uri().root);
    ApplyReport report = executePlan(access, plan, uri().text, progress);
    if (m_store) {
        if (Status saved = m_store->appendJournal(report.journal); !saved)
            report.notRecorded = saved.error();
    }
    return report;
}

} // namespace ap

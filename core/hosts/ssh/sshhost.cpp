#include "sshhost.h"

#include "../../plan/planexecutor.h"
#include "../../definitions/definitionfiles.h"
#include "../../definitions/drift.h"
#include "../../definitions/mdevctljson.h"
#include "../../common/errnonames.h"
#include "../../driver/vfioapdriver.h"
#include "../hostrecords.h"
#include "../readscheduler.h"
#include "../../sysfs/attributeparsers.h"
#include "../../sysfs/dumpformat.h"
#include "../../sysfs/dumpscript.h"
#include "../../sysfs/writeaccess.h"
#include "../../sysfs/treereader.h"
#include "gunzip.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <QProcess>
#include <QThread>

#include <cerrno>

namespace ap {

namespace {

constexpr int kWriteTimeoutMs = 30000;

/// Exit codes of the fixed remote commands.
enum RemoteExit { NoRoot = 97, NoPath = 96 };

bool pathIsSafe(const QString &path)
{
    return !path.isEmpty() && !path.startsWith(QLatin1Char('/')) && !path.contains(QLatin1String(".."))
        && !path.contains(QLatin1Char('\n')) && !path.contains(QChar(0));
}

} // namespace

QString SshHost::writeCommand(const QString &root)
{
    // stdin: the attribute path relative to ROOT, a newline, then the exact bytes, which dd hands
    // to the kernel in a single write(). The path was checked against the driver model first.
    return QStringLiteral("LC_ALL=C sh -c 'IFS= read -r p || exit 96; cd -- \"$0\" || exit 97; "
                          "exec dd of=\"$p\" bs=1048576 count=1 iflag=fullblock conv=nocreat status=none' ")
        + SshClient::shellQuote(root);
}

QString SshHost::readCommand(const QString &root)
{
    return QStringLiteral("LC_ALL=C sh -c 'IFS= read -r p || exit 96; cd -- \"$0\" || exit 97; exec cat -- \"$p\"' ")
        + SshClient::shellQuote(root);
}

QString SshHost::kernelLogCommand(const QString &root)
{
    if (root != QLatin1String("/"))
        return QStringLiteral("exec tail -n 0 -F -- ") + SshClient::shellQuote(root + QStringLiteral("/kmsg"));
    return QStringLiteral("if command -v journalctl >/dev/null 2>&1; then exec journalctl -k -f -n 0 -o cat; else exec dmesg -W; fi");
}

QString SshHost::mdevctlCommand(const QString &root, const QString &action)
{
    // $1 selects one of the fixed command lines; the UUID comes from stdin's first line and the
    // JSON from the rest of stdin, so no value reaches a shell's parser.
    return QStringLiteral(
               "LC_ALL=C sh -c 'IFS= read -r u || exit 96; cd -- \"$0\" || exit 97; "
               "[ \"$0\" = / ] || { MDEVCTL_ENV_ROOT=$0; export MDEVCTL_ENV_ROOT; }; "
               "case $1 in "
               "define) exec mdevctl define --parent matrix --uuid \"$u\" --jsonfile /dev/stdin;; "
               "modify) exec mdevctl modify --parent matrix --uuid \"$u\" --defined --jsonfile /dev/stdin;; "
               "start) exec mdevctl start --uuid \"$u\";; "
               "start-json) exec mdevctl start --parent matrix --uuid \"$u\" --jsonfile /dev/stdin;; "
               "stop) exec mdevctl stop --uuid \"$u\";; "
               "auto) exec mdevctl modify --uuid \"$u\" --auto;; "
               "manual) exec mdevctl modify --uuid \"$u\" --manual;; "
               "undefine) exec mdevctl undefine --uuid \"$u\";; "
               "esac; exit 95' ")
        + SshClient::shellQuote(root) + QLatin1Char(' ') + SshClient::shellQuote(action);
}

/// Attribute reads and writes through the SSH connection, one remote command each.
class SshHost::Access final : public AttributeAccess {
public:
    explicit Access(SshHost &host) : m_host(host) {}

    WriteAnswer write(const SysfsWrite &w) override
    {
        // doApply checked every path of the plan (writes and undos) before anything ran.
        const auto r = m_host.m_client->run(writeCommand(m_host.uri().root), w.path.toUtf8() + '\n' + w.value,
                                            QDeadlineTimer(kWriteTimeoutMs));
        if (!r)
            return WriteAnswer::notDelivered(r.error()); // ssh could not run the write
        if (r->exitCode == 0)
            return {0, {}};
        // dd: "dd: error writing 'PATH': Device or resource busy" — the kernel's errno as text.
        const QString text = QString::fromLocal8Bit(r->err).trimmed();
        const int err = errnoFromMessage(text.section(QStringLiteral(": "), -1));
        if (r->exitCode == 127)
            return {ENOSYS, {QStringLiteral("remote command missing: %1").arg(text)}};
        return {err ? err : EIO, text.isEmpty() ? QStringList() : QStringList{text}};
    }

    std::optional<QByteArray> read(const QString &path) override
    {
        if (!pathIsSafe(path))
            return std::nullopt;
        const auto r = m_host.m_client->run(readCommand(m_host.uri().root), path.toUtf8() + '\n', QDeadlineTimer(kWriteTimeoutMs));
        if (!r || r->exitCode != 0)
            return std::nullopt;
        return r->out;
    }

private:
    SshHost &m_host;
};

SshHost::SshHost(HostUri uri, SshSettings settings, std::shared_ptr<HostRecords> store)
    : HostBackend(uri)
    , m_client(std::make_unique<SshClient>(uri, std::move(settings)))
    , m_store(std::move(store))
{
}

SshHost::~SshHost()
{
    drain();
    // The host's copy of the last dump goes with the backend (best effort, not waited for).
    QMutexLocker lock(&m_readMutex);
    const QString state = m_statePath;
    if (!m_client->connected() || !state.startsWith(QLatin1Char('/')) || state.contains(QLatin1String(".."))
        || !QFileInfo(state).fileName().startsWith(QLatin1String("apconsole-dump.")))
        return;
    QProcess rm;
    rm.setProgram(m_client->program());
    rm.setArguments(m_client->commandArguments(QStringLiteral("exec rm -rf -- ") + SshClient::shellQuote(state)));
    rm.setStandardInputFile(QProcess::nullDevice());
    rm.setStandardOutputFile(QProcess::nullDevice());
    rm.setStandardErrorFile(QProcess::nullDevice());
    rm.startDetached();
}

void SshHost::setReadRetries(int attempts, int firstPauseMs)
{
    m_attempts = std::max(1, attempts);
    m_firstPauseMs = std::max(0, firstPauseMs);
}

QString SshHost::inventoryCommand(const QString &root, const QString &state, quint64 have, quint64 next, bool gzip)
{
    // The login shell only parses this one line and execs sh: the scripts travel as arguments.
    // $1 ROOT, $2 STATE, $3 HAVE, $4 NEW, $5 gzip|plain, $6 the dump script, $7 the write access
    // listing's, $8 the definitions'.
    const QString body = QStringLiteral(
        "cd -- \"$1\" 2>/dev/null || exit 97\n"
        "for c in find awk; do command -v $c >/dev/null 2>&1 || { echo \"$c: not found\" >&2; exit 127; }; done\n"
        "run() { sh -c \"$6\" sh \"$1\" \"$2\" \"$3\" \"$4\" && sh -c \"$7\" \"$1\" && sh -c \"$8\" \"$1\"; }\n"
        "if [ \"$5\" = gzip ] && command -v gzip >/dev/null 2>&1; then printf '#gzip\\n'; run \"$@\" | gzip -1; else run \"$@\"; fi\n");
    QStringList args{root, state, have ? QString::number(have) : QString(), QString::number(next),
                     gzip ? QStringLiteral("gzip") : QStringLiteral("plain"), sysfs::dumpScript(), sysfs::writeAccessScript(), definitions::definitionsScript()};
    QString command = QStringLiteral("exec sh -c ") + SshClient::shellQuote(body) + QStringLiteral(" sh");
    for (const QString &a : args)
        command += QLatin1Char(' ') + SshClient::shellQuote(a);
    return command;
}

bool SshHost::wantCompression() const
{
    using C = SshSettings::Compression;
    const SshSettings &s = m_client->settings();
    if (s.compression != C::Auto)
        return s.compression == C::Always;
    // Over loopback the CPU gzip costs is never won back; elsewhere only for large streams
    // (the first read of a host does not know yet, and compresses).
    const QString h = uri().host;
    if (h == QLatin1String("localhost") || h.startsWith(QLatin1String("127.")) || h == QLatin1String("::1") || h == QLatin1String("[::1]"))
        return false;
    return m_lastDumpBytes < 0 || m_lastDumpBytes > s.compressAboveBytes;
}

void SshHost::forgetReadState()
{
    QMutexLocker lock(&m_readMutex);
    m_last.reset();
}

SshHost::ReadStats SshHost::lastReadStats() const
{
    QMutexLocker lock(&m_readMutex);
    return m_stats;
}

Result<HostSnapshot> SshHost::readOnce(const std::function<bool()> &canceled, QDeadlineTimer deadline)
{
    // One remote command: the sysfs dump (a diff against the last one where the host kept it),
    // then the write access listing and the definitions listing right after its "#end".
    std::shared_ptr<const sysfs::DumpSource> last;
    quint64 have = 0;
    {
        QMutexLocker lock(&m_readMutex);
        if (m_client->settings().incrementalReads) {
            last = m_last;
            have = last ? m_generation : 0;
        }
    }
    const quint64 next = m_generation + 1;
    QString state;
    if (m_client->settings().incrementalReads) {
        QMutexLocker lock(&m_readMutex);
        state = m_statePath.isEmpty() ? QStringLiteral("new") : m_statePath; // a full read keeps using the host's directory
    }
    const bool gzip = wantCompression();
    auto r = m_client->run(inventoryCommand(uri().root, state, have, next, gzip), {}, deadline, canceled);
    if (!r)
        return r.error();
    if (r->exitCode == NoRoot)
        return makeError(ErrorCode::NotFound, uri().text, QStringLiteral("directory %1 does not exist on the host").arg(uri().root));
    if (r->exitCode == 127)
        return makeError(ErrorCode::Unsupported, uri().text,
                         QStringLiteral("a command the inventory needs is missing on the host: %1").arg(QString::fromLocal8Bit(r->err).trimmed())).withHint(Hint::HostNeedsPosixTools);
    // The transfer took no CPU slot; inflating and parsing do (a 256x256 dump is seconds of CPU),
    // and the wait for one does not count against the host's own deadline.
    QElapsedTimer queued;
    queued.start();
    const ReadScheduler::Slot slot = ReadScheduler::instance().acquire(canceled);
    if (!slot)
        return makeError(ErrorCode::Canceled, uri().text, QStringLiteral("inventory read canceled"));
    if (!deadline.isForever())
        deadline = QDeadlineTimer(deadline.remainingTime() + queued.elapsed());
    ReadStats stats;
    stats.wireBytes = r->out.size();
    QByteArray out = std::move(r->out);
    if (out.startsWith("#gzip\n")) {
        // No dump is near 1 GiB (256 x 256 is some 10 MB): a bigger one is an attack or a fault.
        auto inflated = gunzip(QByteArrayView(out).sliced(6), uri().text, qsizetype(1) << 30);
        if (!inflated)
            return inflated.error();
        out = std::move(*inflated);
        stats.compressed = true;
    }
    if (out.capacity() - out.size() > out.size() / 16)
        out.squeeze(); // the dump's source keeps this buffer until the next refresh
    stats.dumpBytes = out.size();
    qsizetype end = 0;
    auto dump = last ? last->merge(out, &end) : sysfs::DumpSource::parse(out, uri().text, &end);
    if (!dump) {
        QMutexLocker lock(&m_readMutex);
        m_last.reset(); // the next attempt reads everything
        return dump.error();
    }
    sysfs::ReadOptions options;
    options.canceled = canceled;
    options.deadline = deadline;
    auto host = sysfs::readHost(**dump, uri().text, options);
    if (!host)
        return host;
    {
        QMutexLocker lock(&m_readMutex);
        m_generation = next;
        m_last = (*dump)->state().isEmpty() ? nullptr : *dump;
        m_statePath = (*dump)->state();
        m_lastDumpBytes = end;
        stats.incremental = (*dump)->lastWasDiff();
        stats.directories = (*dump)->lastRecords();
        m_stats = stats;
    }
    // Then the write access listing, then the definitions.
    if (end < out.size()) {
        if (auto access = sysfs::parseWriteAccess(out, &end, uri().text))
            host->writes = *access;
        else
            return access.error(); // a cut or altered stream: read again
    }
    const QByteArray defsPart = out.mid(end);
    auto defs = defsPart.isEmpty() ? Result<std::optional<HostDefinitions>>(makeError(
                                         ErrorCode::Io, uri().text,
                                         QStringLiteral("reading the mdev definitions failed: %1").arg(QString::fromLocal8Bit(r->err).trimmed())))
                                   : definitions::parseDefinitionsDump(defsPart, uri().text);
    if (!defs) {
        host->issues.append(defs.error()); // a bad definition file leaves the definitions unknown, not the host
    } else {
        host->definitions = *defs;
        definitions::applyDefinitions(*host);
        host->issues += definitions::activeViewDifferences(*host);
    }
    return host;
}

Status SshHost::doChangeDefinition(const definitions::DefinitionRequest &request, QDeadlineTimer deadline)
{
    using Kind = definitions::DefinitionRequest::Kind;
    if (!sysfs::isCanonicalUuid(request.uuid))
        return makeError(ErrorCode::Usage, uri().text, QStringLiteral("\"%1\" is not an mdev UUID").arg(request.uuid));
    QString action;
    QByteArray input = request.uuid.toUtf8() + '\n';
    switch (request.kind) {
    case Kind::Define: action = QStringLiteral("define"); break;
    case Kind::Modify: action = QStringLiteral("modify"); break;
    case Kind::Start: action = QStringLiteral("start"); break;
    case Kind::StartTransient: action = QStringLiteral("start-json"); break;
    case Kind::Stop: action = QStringLiteral("stop"); break;
    case Kind::SetAutostart: action = request.autostart ? QStringLiteral("auto") : QStringLiteral("manual"); break;
    case Kind::Undefine: action = QStringLiteral("undefine"); break;
    }
    if (request.kind == Kind::Define || request.kind == Kind::Modify || request.kind == Kind::StartTransient)
        input += definitions::toConfigJson(request.definition);
    auto r = m_client->run(mdevctlCommand(uri().root, action), input, deadline);
    if (!r)
        return r.error();
    if (r->exitCode == 0)
        return {};
    const QString text = QString::fromLocal8Bit(r->err).trimmed();
    if (r->exitCode == 127)
        return makeError(ErrorCode::Unsupported, uri().text, QStringLiteral("mdevctl is not installed on the host: %1").arg(text)).withHint(Hint::InstallMdevctl);
    if (r->exitCode == NoRoot)
        return makeError(ErrorCode::NotFound, uri().text, QStringLiteral("directory %1 does not exist on the host").arg(uri().root));
    // mdevctl's words (ap-check's lines, then "Error: …") are the detail.
    return makeError(ErrorCode::Io, uri().text, QStringLiteral("mdevctl %1 %2 failed: %3").arg(request.actionName(), request.uuid, text));
}

Result<HostSnapshot> SshHost::doReadInventory(const std::function<bool()> &canceled, QDeadlineTimer deadline)
{
    int pause = m_firstPauseMs;
    for (int attempt = 1;; ++attempt) {
        Result<HostSnapshot> r = readOnce(canceled, deadline);
        if (r)
            return r;
        // Only a failed or dropped connection (or a dump cut short) is worth another try.
        const ErrorCode c = r.error().code;
        const bool transient = c == ErrorCode::Unreachable || c == ErrorCode::Corrupt;
        if (!transient || attempt >= m_attempts || deadline.remainingTime() == 0 || (canceled && canceled()))
            return r;
        m_client->disconnect();
        QDeadlineTimer wait(pause);
        while (!wait.hasExpired() && !(canceled && canceled()) && !deadline.hasExpired())
            QThread::msleep(10);
        pause *= 2;
    }
}

Result<ApplyReport> SshHost::doApply(const WritePlan &plan, const std::function<void(int)> &progress)
{
    const auto writable = [](const QString &path) { return driver::classifyWritable(path) && pathIsSafe(path); };
    for (const WriteStep &s : plan.steps) {
        for (const SysfsWrite *w : {&s.write, s.undo ? &*s.undo : nullptr}) {
            if (w && !writable(w->path))
                return makeError(ErrorCode::Usage, uri().text,
                                 QStringLiteral("refusing to write %1: not an attribute the driver model knows").arg(w->path));
        }
    }
    Access access(*this);
    ApplyReport report = executePlan(access, plan, uri().text, progress);
    if (m_store) {
        if (Status saved = m_store->appendJournal(report.journal); !saved)
            report.notRecorded = saved.error();
    }
    return report;
}

Result<std::optional<migration::VfioState>> SshHost::migrationState(const QString &uuid, QDeadlineTimer deadline)
{
    if (!driver::classifyWritable(QStringLiteral("sys/devices/vfio_ap/matrix/%1/remove").arg(uuid)))
        return makeError(ErrorCode::Usage, uuid, QStringLiteral("not an mdev UUID"));
    const auto r = m_client->run(readCommand(uri().root), QStringLiteral("sys/kernel/debug/vfio/%1/migration/state\n").arg(uuid).toUtf8(), deadline);
    if (!r)
        return r.error();
    if (r->exitCode != 0)
        return std::optional<migration::VfioState>();
    return migration::parseVfioState(QString::fromLatin1(r->out).trimmed().toUpper());
}

} // namespace ap

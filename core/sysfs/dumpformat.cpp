#include "dumpformat.h"

namespace ap::sysfs {

namespace {
const char *const kNames[] = {
    // bus
    "ap_max_adapter_id", "ap_max_domain_id", "apmask", "aqmask", "features", "ap_adapter_mask",
    "ap_usage_domain_mask", "ap_control_domain_mask", "ap_domain",
    // cards and queues
    "hwtype", "raw_hwtype", "ap_functions", "depth", "max_msg_size", "config", "chkstop", "type",
    "online", "request_count", "serialnr", "op_modes", "mkvps", "status", "se_bind", "se_associate",
    // vfio_ap
    "available_instances", "matrix", "guest_matrix", "control_domains", "ap_config",
    // firmware, kernel and module (the driver revision's hints)
    "prot_virt_guest", "osrelease", "version", "srcversion",
};

constexpr char kHeader[] = "#apconsole-dump 1\n";
constexpr char kContent[] = "#content\n";
constexpr char kErrors[] = "#errors\n";
constexpr char kEnd[] = "#end\n";
} // namespace

QString dumpScript()
{
    QString findNames, grepIncludes;
    for (const char *n : kNames) {
        findNames += (findNames.isEmpty() ? QString() : QStringLiteral(" -o")) + QStringLiteral(" -name ") + QLatin1String(n);
        grepIncludes += QStringLiteral(" --include=") + QLatin1String(n);
    }
    const QString dirs = QStringLiteral("sys/bus/ap sys/devices/ap sys/devices/vfio_ap sys/firmware/uv sys/module/vfio_ap proc/sys/kernel/osrelease");
    // find lists which files and driver links exist (so empty files are known), grep prints the
    // contents ("path NUL line" per line), and grep's complaints (EIO from a live TAPQ) are
    // collected separately so they cannot split a content line.
    return QStringLiteral(
               "export LC_ALL=C\n"
               "cd -- \"$1\" 2>/dev/null || exit 97\n"
               "set --\n"
               "for d in %1; do [ -e \"$d\" ] && set -- \"$@\" \"$d\"; done\n"
               "printf '#apconsole-dump 1\\n'\n"
               "[ $# -gt 0 ] && find \"$@\" -maxdepth 4 \\( -type l -name driver -printf 'L\\0%p\\0%l\\0' \\)"
               " -o \\( -type f \\(%2 \\) -printf 'F\\0%p\\0' \\) 2>/dev/null\n"
               "printf '#content\\n'\n"
               "exec 3>&1\n"
               "errs=$( [ $# -gt 0 ] && grep -rHZa%3 '' \"$@\" 2>&1 >&3 )\n"
               "printf '#errors\\n'\n"
               "[ -n \"$errs\" ] && printf '%s\\n' \"$errs\"\n"
               "printf '#end\\n'\n")
        .arg(dirs, findNames, grepIncludes);
}

void DumpSource::addEntry(const QString &path)
{
    QString cur = path;
    while (true) {
        const qsizetype slash = cur.lastIndexOf(QLatin1Char('/'));
        const QString parent = slash < 0 ? QString() : cur.left(slash);
        const QString name = cur.mid(slash + 1);
        const bool parentKnown = m_children.contains(parent);
        m_children[parent].append(name);
        if (parentKnown || parent.isEmpty())
            return;
        cur = parent;
    }
}

SysfsSource::File DumpSource::read(const QString &path) const
{
    File f;
    if (auto e = m_errors.constFind(path); e != m_errors.constEnd()) {
        f.status = File::Status::Error;
        f.error = *e;
        return f;
    }
    auto it = m_files.constFind(path);
    if (it == m_files.constEnd())
        return f;
    f.status = File::Status::Ok;
    f.content = *it;
    return f;
}

std::optional<QString> DumpSource::readLink(const QString &path) const
{
    auto it = m_links.constFind(path);
    if (it == m_links.constEnd())
        return std::nullopt;
    return *it;
}

QStringList DumpSource::list(const QString &dir) const
{
    return m_children.value(dir);
}

Result<std::shared_ptr<DumpSource>> parseDump(const QByteArray &dump, const QString &origin)
{
    return DumpParser::parse(dump, origin);
}

Result<std::shared_ptr<DumpSource>> DumpParser::parse(const QByteArray &dump, const QString &origin)
{
    auto corrupt = [&](const QString &what) {
        return makeError(ErrorCode::Corrupt, origin, QStringLiteral("sysfs dump: %1").arg(what),
                         QStringLiteral("The host's output was cut off or altered; refresh to read it again."));
    };
    if (!dump.startsWith(kHeader))
        return corrupt(QStringLiteral("missing header"));
    auto src = std::make_shared<DumpSource>();
    src->m_origin = origin;
    qsizetype pos = qsizetype(sizeof kHeader - 1);
    const qsizetype n = dump.size();

    auto token = [&](QByteArray &out) -> bool {
        const qsizetype z = dump.indexOf('\0', pos);
        if (z < 0)
            return false;
        out = dump.sliced(pos, z - pos);
        pos = z + 1;
        return true;
    };

    // Existence list.
    QByteArray kind, path, target;
    while (pos < n && !QByteArrayView(dump).sliced(pos).startsWith(kContent)) {
        if (!token(kind) || !token(path))
            return corrupt(QStringLiteral("truncated file list"));
        const QString p = QString::fromUtf8(path);
        if (kind == "F") {
            src->m_files.insert(p, QByteArray());
            src->addEntry(p);
        } else if (kind == "L") {
            if (!token(target))
                return corrupt(QStringLiteral("truncated link record"));
            src->m_links.insert(p, QString::fromUtf8(target));
            src->addEntry(p);
        } else {
            return corrupt(QStringLiteral("unknown record type"));
        }
    }
    if (pos >= n)
        return corrupt(QStringLiteral("missing content section"));
    pos += qsizetype(sizeof kContent - 1);

    // Contents: "path\0line\n" per line, in file order.
    while (pos < n && !QByteArrayView(dump).sliced(pos).startsWith(kErrors)) {
        const qsizetype nl = dump.indexOf('\n', pos);
        if (nl < 0)
            return corrupt(QStringLiteral("truncated content line"));
        // Only within this line: searching the rest of the dump would make the parse quadratic.
        const qsizetype inLine = QByteArrayView(dump).sliced(pos, nl - pos).indexOf('\0');
        const qsizetype z = inLine < 0 ? -1 : pos + inLine;
        if (z < 0) {
            pos = nl + 1; // not a content line (cannot happen with GNU grep); skip it
            continue;
        }
        const QString p = QString::fromUtf8(dump.constData() + pos, z - pos);
        auto it = src->m_files.find(p);
        if (it == src->m_files.end()) {
            it = src->m_files.insert(p, QByteArray());
            src->addEntry(p);
        }
        it->append(dump.constData() + z + 1, nl - z);
        pos = nl + 1;
    }
    if (pos >= n)
        return corrupt(QStringLiteral("missing error section"));
    pos += qsizetype(sizeof kErrors - 1);

    // grep's complaints: "grep: PATH: MESSAGE".
    bool ended = false;
    while (pos < n) {
        const qsizetype nl = dump.indexOf('\n', pos);
        const QByteArray line = dump.sliced(pos, (nl < 0 ? n : nl) - pos);
        pos = nl < 0 ? n : nl + 1;
        if (line + '\n' == kEnd) {
            ended = true;
            break;
        }
        if (!line.startsWith("grep: "))
            continue;
        const QByteArray rest = line.mid(6);
        const qsizetype colon = rest.lastIndexOf(": ");
        if (colon <= 0)
            continue;
        const QString p = QString::fromUtf8(rest.left(colon));
        src->m_errors.insert(p, QString::fromUtf8(rest.mid(colon + 2)));
        if (!src->m_files.contains(p)) {
            src->m_files.insert(p, QByteArray());
            src->addEntry(p);
        }
    }
    if (!ended)
        return corrupt(QStringLiteral("missing end marker"));
    return src;
}

} // namespace ap::sysfs

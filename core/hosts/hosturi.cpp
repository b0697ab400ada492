#include "hosturi.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace ap {

namespace {
Error bad(const QString &text, const QString &why)
{
    return makeError(ErrorCode::Usage, text, why,
                     QStringLiteral("Use demo:NAME, sysfs:/ROOT, ssh://[user@]host[:port][/ROOT], a libvirt URI, "
                                    "or an SSH (or sysfs) address and a libvirt URI joined by a comma."));
}

bool hasControl(const QString &s)
{
    for (QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    return false;
}

/// One spelling per root ("//a/./b/" is "/a/b"), so the stored text parses back to the same
/// root. '..' is refused before this (cleaning would resolve it).
QString cleanRoot(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("/") : QDir::cleanPath(path);
}
} // namespace

namespace {
const QRegularExpression &libvirtScheme()
{
    static const QRegularExpression re(QStringLiteral("^(qemu|qemu\\+ssh|qemu\\+tcp|qemu\\+tls|qemu\\+unix|test)://"));
    return re;
}

/// User and host as ssh (or libvirt's ssh) receives them: nothing that reads as an option, no
/// shell or control characters.
Status checkUserHost(const QString &input, const QString &user, const QString &host)
{
    static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9_.:-]{1,253}$"));
    static const QRegularExpression userRe(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}$"));
    if (host.startsWith(QLatin1Char('-')) || !hostRe.match(host).hasMatch())
        return bad(input, QStringLiteral("host name '%1' is not a valid host").arg(host));
    if (!user.isEmpty() && !userRe.match(user).hasMatch())
        return bad(input, QStringLiteral("user name '%1' is not valid").arg(user));
    return {};
}

/// The libvirt URI parameters accepted, as libvirt documents them (remote driver), each only on
/// the transports it is meant for. Everything else is refused: `command=` (and the `ext`
/// transport) run a local program, `netcat=`/`proxy=` choose what runs on the far side,
/// `no_verify=`/`known_hosts_verify=` turn off checks.
struct LibvirtParameter {
    const char *name;
    QStringList transports;   ///< "ssh", "tcp", "tls", "unix"
    QStringList values;       ///< empty: an absolute path
};

const QList<LibvirtParameter> &libvirtParameters()
{
    static const QList<LibvirtParameter> table = {
        {"keyfile", {QStringLiteral("ssh")}, {}},
        {"known_hosts", {QStringLiteral("ssh")}, {}},
        {"no_tty", {QStringLiteral("ssh")}, {QStringLiteral("0"), QStringLiteral("1")}},
        {"socket", {QStringLiteral("unix")}, {}},
        {"pkipath", {QStringLiteral("tls")}, {}},
        {"mode", {QStringLiteral("ssh"), QStringLiteral("tcp"), QStringLiteral("tls"), QStringLiteral("unix")},
         {QStringLiteral("auto"), QStringLiteral("legacy"), QStringLiteral("direct")}},
    };
    return table;
}

QString acceptedParameters(const QString &transport)
{
    QStringList names;
    for (const LibvirtParameter &p : libvirtParameters())
        if (p.transports.contains(transport))
            names.append(QLatin1String(p.name));
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

Result<HostUri> parseLibvirt(const QString &input, const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return bad(input, QStringLiteral("not a valid libvirt URI: %1").arg(url.errorString()));
    if (url.hasFragment())
        return bad(input, QStringLiteral("a libvirt URI has no '#' fragment"));
    if (!url.password().isEmpty())
        return bad(input, QStringLiteral("passwords are never part of a host address; use ssh keys or an agent"));
    const QString scheme = url.scheme();
    const qsizetype plus = scheme.indexOf(QLatin1Char('+'));
    const QString transport = plus < 0 ? QString() : scheme.mid(plus + 1);
    const QString host = url.host(QUrl::FullyDecoded);
    const QString user = url.userName(QUrl::FullyDecoded);
    const QString path = url.path(QUrl::FullyDecoded);
    if (transport.isEmpty() || transport == QLatin1String("unix")) {
        if (!host.isEmpty() || !user.isEmpty() || url.port() != -1)
            return bad(input, QStringLiteral("a local libvirt URI (%1://) names no user, host or port").arg(scheme));
    } else {
        if (Status ok = checkUserHost(input, user, host); !ok)
            return ok.error();
    }
    if (!path.startsWith(QLatin1Char('/')) || hasControl(path))
        return bad(input, QStringLiteral("a libvirt URI's path is absolute, without control characters"));
    QStringList seen;
    for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        const QString &key = item.first;
        const QString &value = item.second;
        if (hasControl(key) || hasControl(value))
            return bad(input, QStringLiteral("control characters in a libvirt URI parameter (after decoding)"));
        const auto &table = libvirtParameters();
        const auto known = std::find_if(table.cbegin(), table.cend(), [&](const LibvirtParameter &p) { return key == QLatin1String(p.name); });
        if (known == table.cend() || !known->transports.contains(transport))
            return bad(input, QStringLiteral("libvirt URI parameter '%1' is not accepted here (accepted for %2: %3)")
                                  .arg(key, scheme, acceptedParameters(transport)));
        if (seen.contains(key))
            return bad(input, QStringLiteral("libvirt URI parameter '%1' is given twice").arg(key));
        seen.append(key);
        const bool valid = known->values.isEmpty() ? value.startsWith(QLatin1Char('/')) && !value.split(QLatin1Char('/')).contains(QStringLiteral(".."))
                                                   : known->values.contains(value);
        if (!valid)
            return bad(input, QStringLiteral("libvirt URI parameter '%1' must be %2").arg(key,
                known->values.isEmpty() ? QStringLiteral("an absolute path") : known->values.join(QStringLiteral(" or "))));
    }
    HostUri u;
    u.scheme = HostUri::Scheme::Libvirt;
    u.libvirt = url.toString(QUrl::FullyEncoded);
    u.text = u.format();
    return u;
}
} // namespace

Result<HostUri> HostUri::parse(const QString &input)
{
    const QString text = input.trimmed();
    // "PRIMARY,LIBVIRT": the first comma that starts a libvirt URI splits the two addresses.
    for (qsizetype comma = text.indexOf(QLatin1Char(',')); comma > 0; comma = text.indexOf(QLatin1Char(','), comma + 1)) {
        const QString second = text.mid(comma + 1).trimmed();
        if (!libvirtScheme().match(second).hasMatch())
            continue;
        auto primary = parse(text.left(comma));
        if (!primary)
            return primary.error();
        auto lv = parse(second);
        if (!lv)
            return lv.error();
        if (primary->scheme != Scheme::Ssh && primary->scheme != Scheme::Sysfs)
            return bad(input, QStringLiteral("a libvirt address joins an ssh:// or sysfs: address, not %1").arg(primary->text));
        if (lv->scheme != Scheme::Libvirt)
            return bad(input, QStringLiteral("'%1' is not a libvirt URI").arg(second));
        primary->libvirt = lv->libvirt;
        primary->text = primary->format();
        return primary;
    }
    if (text.isEmpty())
        return bad(input, QStringLiteral("empty host address"));
    if (hasControl(text))
        return bad(input, QStringLiteral("control characters in host address"));
    HostUri u;
    if (text.startsWith(QLatin1String("demo:"))) {
        u.scheme = Scheme::Demo;
        u.name = text.mid(5);
        static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
        if (!re.match(u.name).hasMatch())
            return bad(input, QStringLiteral("a demo host name is 1-64 letters, digits, '.', '_' or '-'"));
        u.text = u.format();
        return u;
    }
    if (text.startsWith(QLatin1String("sysfs:"))) {
        u.scheme = Scheme::Sysfs;
        QString path = text.mid(6);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2); // sysfs:///ROOT
        if (!path.startsWith(QLatin1Char('/')))
            return bad(input, QStringLiteral("a sysfs root must be an absolute path"));
        if (path.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return bad(input, QStringLiteral("'..' is not allowed in a sysfs root"));
        u.root = cleanRoot(path);
        u.text = u.format();
        return u;
    }
    if (text.startsWith(QLatin1String("ssh://"))) {
        u.scheme = Scheme::Ssh;
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return bad(input, QStringLiteral("not a valid ssh:// address"));
        if (url.hasQuery() || url.hasFragment())
            return bad(input, QStringLiteral("an ssh:// address has no '?' query or '#' fragment"));
        u.user = url.userName(QUrl::FullyDecoded);
        u.host = url.host(QUrl::FullyDecoded);
        u.port = url.port(0);
        const QString path = url.path(QUrl::FullyDecoded);
        if (Status ok = checkUserHost(input, u.user, u.host); !ok)
            return ok.error();
        if (!url.password().isEmpty())
            return bad(input, QStringLiteral("passwords are never part of a host address; use ssh keys or an agent"));
        if (hasControl(path))
            return bad(input, QStringLiteral("control characters in the root (after decoding)"));
        if (path.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return bad(input, QStringLiteral("'..' is not allowed in a root"));
        u.root = cleanRoot(path);
        u.text = u.format();
        return u;
    }
    if (libvirtScheme().match(text).hasMatch())
        return parseLibvirt(input, text);
    return bad(input, QStringLiteral("unknown kind of host address"));
}

QString HostUri::format() const
{
    switch (scheme) {
    case Scheme::Demo:
        return QStringLiteral("demo:") + name;
    case Scheme::Libvirt:
        return libvirt;
    case Scheme::Sysfs:
    case Scheme::Ssh:
        break;
    }
    QString out;
    if (scheme == Scheme::Sysfs) {
        out = QStringLiteral("sysfs:") + root;
    } else {
        QUrl url;
        url.setScheme(QStringLiteral("ssh"));
        url.setUserName(user, QUrl::DecodedMode);
        url.setHost(host, QUrl::DecodedMode); // an IPv6 address comes out in brackets
        if (port)
            url.setPort(port);
        if (root != QLatin1String("/"))
            url.setPath(root, QUrl::DecodedMode);
        out = url.toString(QUrl::FullyEncoded);
    }
    if (!libvirt.isEmpty())
        out += QLatin1Char(',') + libvirt;
    return out;
}

} // namespace ap

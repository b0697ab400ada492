#include "hosturi.h"

#include <QRegularExpression>
#include <QUrl>

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

QString cleanRoot(const QString &path)
{
    QString p = path.isEmpty() ? QStringLiteral("/") : path;
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p;
}
} // namespace

namespace {
const QRegularExpression &libvirtScheme()
{
    static const QRegularExpression re(QStringLiteral("^(qemu|qemu\\+ssh|qemu\\+tcp|qemu\\+tls|qemu\\+unix|test)://"));
    return re;
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
        primary->libvirt = lv->text;
        primary->text += QLatin1Char(',') + lv->text;
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
        u.text = QStringLiteral("demo:") + u.name;
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
        u.text = QStringLiteral("sysfs:") + u.root;
        return u;
    }
    if (text.startsWith(QLatin1String("ssh://"))) {
        u.scheme = Scheme::Ssh;
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return bad(input, QStringLiteral("not a valid ssh:// address"));
        u.user = url.userName();
        u.host = url.host();
        u.port = url.port(0);
        u.root = cleanRoot(url.path());
        static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9_.:\\[\\]-]{1,253}$"));
        static const QRegularExpression userRe(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}$"));
        if (u.host.startsWith(QLatin1Char('-')) || !hostRe.match(u.host).hasMatch())
            return bad(input, QStringLiteral("host name '%1' is not a valid host").arg(u.host));
        if (!u.user.isEmpty() && !userRe.match(u.user).hasMatch())
            return bad(input, QStringLiteral("user name '%1' is not valid").arg(u.user));
        if (!url.password().isEmpty())
            return bad(input, QStringLiteral("passwords are never part of a host address; use ssh keys or an agent"));
        if (u.root.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return bad(input, QStringLiteral("'..' is not allowed in a root"));
        u.text = QStringLiteral("ssh://") + (u.user.isEmpty() ? QString() : u.user + QLatin1Char('@')) + u.host
            + (u.port ? QStringLiteral(":%1").arg(u.port) : QString()) + (u.root == QLatin1String("/") ? QString() : u.root);
        return u;
    }
    if (libvirtScheme().match(text).hasMatch()) {
        u.scheme = Scheme::Libvirt;
        u.text = text;
        return u;
    }
    return bad(input, QStringLiteral("unknown kind of host address"));
}

} // namespace ap

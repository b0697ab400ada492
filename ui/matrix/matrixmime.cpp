#include "matrixmime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ap::ui {

QString matrixMimeType() { return QStringLiteral("application/x-apconsole-ap-items"); }

namespace {
const char *kindName(MatrixItem::Kind k)
{
    switch (k) {
    case MatrixItem::Kind::Adapter: return "adapter";
    case MatrixItem::Kind::Domain: return "domain";
    case MatrixItem::Kind::ControlDomain: return "control";
    case MatrixItem::Kind::Apqn: return "apqn";
    }
    return "";
}
} // namespace

QMimeData *encodeMatrixDrag(const MatrixDrag &drag)
{
    QJsonArray items;
    for (const MatrixItem &i : drag.items) {
        QJsonObject o{{QStringLiteral("kind"), QLatin1String(kindName(i.kind))}};
        if (i.kind == MatrixItem::Kind::Apqn)
            o.insert(QStringLiteral("apqn"), i.apqn.toString());
        else
            o.insert(QStringLiteral("id"), i.id);
        items.append(o);
    }
    const QJsonObject o{{QStringLiteral("host"), drag.host}, {QStringLiteral("from"), drag.fromMdev}, {QStringLiteral("items"), items}};
    auto *m = new QMimeData;
    m->setData(matrixMimeType(), QJsonDocument(o).toJson(QJsonDocument::Compact));
    QStringList text;
    for (const MatrixItem &i : drag.items)
        text.append(i.kind == MatrixItem::Kind::Apqn ? i.apqn.toString() : QStringLiteral("%1 0x%2").arg(QLatin1String(kindName(i.kind))).arg(i.id, 2, 16, QLatin1Char('0')));
    m->setText(text.join(QLatin1Char('\n')));
    return m;
}

std::optional<MatrixDrag> decodeMatrixDrag(const QMimeData *data)
{
    if (!data || !data->hasFormat(matrixMimeType()))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(data->data(matrixMimeType())).object();
    MatrixDrag d;
    d.host = o.value(QStringLiteral("host")).toString();
    d.fromMdev = o.value(QStringLiteral("from")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray()) {
        const QJsonObject i = v.toObject();
        const QString kind = i.value(QStringLiteral("kind")).toString();
        MatrixItem item;
        if (kind == u"apqn") {
            const auto a = Apqn::parse(i.value(QStringLiteral("apqn")).toString());
            if (!a)
                return std::nullopt;
            item.kind = MatrixItem::Kind::Apqn;
            item.apqn = *a;
        } else {
            item.id = i.value(QStringLiteral("id")).toInt(-1);
            if (item.id < 0 || item.id > 255)
                return std::nullopt;
            if (kind == u"adapter") item.kind = MatrixItem::Kind::Adapter;
            else if (kind == u"domain") item.kind = MatrixItem::Kind::Domain;
            else if (kind == u"control") item.kind = MatrixItem::Kind::ControlDomain;
            else return std::nullopt;
        }
        d.items.append(item);
    }
    if (d.host.isEmpty() || d.items.isEmpty())
        return std::nullopt;
    return d;
}

} // namespace ap::ui

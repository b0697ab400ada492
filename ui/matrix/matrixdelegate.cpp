#include "matrixdelegate.h"

#include "matrixmodel.h"

#include <QApplication>
#include <QPainter>

namespace ap::ui {

using Own = driver::ApqnState::Ownership;

QString MatrixDelegate::symbol(int ownership)
{
    switch (Own(ownership)) {
    case Own::InGuest: return QStringLiteral("\u2713");          // check mark
    case Own::AssignedFiltered: return QStringLiteral("\u26A0"); // warning sign
    case Own::OtherMdev: return QStringLiteral("\u25C6");        // diamond
    case Own::ReservedForHost: return QStringLiteral("\u2302");  // house
    case Own::Free: return QStringLiteral("\u00B7");             // middle dot
    }
    return {};
}

QString MatrixDelegate::word(int ownership)
{
    switch (Own(ownership)) {
    case Own::InGuest: return tr("in the guest matrix");
    case Own::AssignedFiltered: return tr("assigned, filtered out");
    case Own::OtherMdev: return tr("assigned to another mdev");
    case Own::ReservedForHost: return tr("reserved for the host");
    case Own::Free: return tr("free");
    }
    return {};
}

namespace {
QColor tintFor(int ownership, const QPalette &pal)
{
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    auto mix = [&](QColor c) { return dark ? c.darker(250) : c.lighter(160); };
    switch (Own(ownership)) {
    case Own::InGuest: return mix(QColor(0x2e, 0x9d, 0x4f));
    case Own::AssignedFiltered: return mix(QColor(0xe0, 0x9b, 0x1a));
    case Own::OtherMdev: return mix(QColor(0x3b, 0x6e, 0xc8));
    case Own::ReservedForHost: return mix(QColor(0x8a, 0x8a, 0x8a));
    case Own::Free: return pal.color(QPalette::Base);
    }
    return pal.color(QPalette::Base);
}
} // namespace

void MatrixDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRect r = option.rect.adjusted(1, 1, -1, -1);
    const QPalette &pal = option.palette;
    p->save();
    const bool controlRow = index.row() == 0;
    QColor bg;
    QString text;
    QString problem;
    if (controlRow) {
        const bool cd = index.data(MatrixModel::ControlDomainRole).toBool();
        bg = cd ? tintFor(int(Own::OtherMdev), pal).lighter(110) : pal.color(QPalette::AlternateBase);
        text = cd ? QStringLiteral("\u2691 CD") : QString(); // flag
    } else {
        const int own = index.data(MatrixModel::OwnershipRole).toInt();
        bg = tintFor(own, pal);
        text = symbol(own) + QLatin1Char(' ') + index.data(MatrixModel::ShortTypeRole).toString();
        problem = index.data(MatrixModel::ProblemRole).toString();
    }
    p->fillRect(r, bg);
    if (!problem.isEmpty()) {
        // Absent, deconfigured or checkstopped queues are hatched and struck through.
        p->fillRect(r, QBrush(pal.color(QPalette::Text), Qt::BDiagPattern));
    }
    const bool pending = index.data(MatrixModel::PendingRole).toBool();
    if (pending) {
        QPen pen(pal.color(QPalette::Text), 1, Qt::DashLine);
        p->setPen(pen);
        p->drawRect(r.adjusted(0, 0, -1, -1));
        text = QStringLiteral("*") + text;
    }
    if (option.state & QStyle::State_Selected) {
        QPen pen(pal.color(QPalette::Highlight), 2);
        p->setPen(pen);
        p->drawRect(r.adjusted(1, 1, -1, -1));
    }
    p->setPen(pal.color(QPalette::Text));
    QFont f = option.font;
    f.setStrikeOut(!problem.isEmpty());
    p->setFont(f);
    p->drawText(r, Qt::AlignCenter, text);
    p->restore();
}

QSize MatrixDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(fm.horizontalAdvance(QStringLiteral("\u2713 8C")) + 10, fm.height() + 6);
}

} // namespace ap::ui

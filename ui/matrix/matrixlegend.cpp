#include "matrixlegend.h"

#include "matrixdelegate.h"
#include "matrixmodel.h"

#include <algorithm>

namespace ap::ui {

namespace {
using Own = driver::ApqnState::Ownership;

QString swatch(const QColor &bg, const QString &symbol)
{
    return QStringLiteral("<span style=\"background-color:%1\">&nbsp;%2&nbsp;</span>").arg(bg.name(), symbol.toHtmlEscaped());
}

/// One legend entry that never breaks inside (lines break between entries only).
QString entry(const QString &swatchHtml, const QString &words)
{
    return QStringLiteral("<span style=\"white-space:nowrap\">%1&nbsp;%2</span>").arg(swatchHtml, words.toHtmlEscaped());
}
} // namespace

MatrixLegend::MatrixLegend(MatrixModel *model, QWidget *parent)
    : QLabel(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("matrixLegend"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    connect(model, &QAbstractItemModel::modelReset, this, &MatrixLegend::rebuild);
    connect(model, &QAbstractItemModel::dataChanged, this, &MatrixLegend::rebuild);
    rebuild();
}

void MatrixLegend::rebuild()
{
    const QPalette &pal = palette();
    const HostSnapshot *host = m_model->host();
    const bool hostWide = host && m_model->mdevUuid().isEmpty();
    // The two "unknown" states exist only on views that lack something (libvirt alone, a mask
    // that could not be read); elsewhere they would only lengthen the legend.
    const bool partial = host
        && (!host->apDetailKnown || !host->bus.apmaskKnown || !host->bus.aqmaskKnown
            || std::any_of(host->mdevs.cbegin(), host->mdevs.cend(), [](const Mdev &m) { return !m.matrixKnown || !m.guestMatrixKnown; }));
    QStringList states;
    for (int own = 0; own <= int(Own::Free); ++own) {
        if (hostWide && (Own(own) == Own::InGuest || Own(own) == Own::AssignedFiltered || Own(own) == Own::Assigned || Own(own) == Own::OtherMdev))
            continue;
        if (!partial && (Own(own) == Own::Assigned || Own(own) == Own::Unknown))
            continue;
        states.append(entry(swatch(MatrixDelegate::tint(own, -1, pal), MatrixDelegate::symbol(own)), MatrixDelegate::word(own)));
    }
    states.append(entry(swatch(MatrixDelegate::tint(int(Own::OtherMdev), -1, pal).lighter(110), QStringLiteral("\u2691")), tr("control domain")));
    states.append(entry(QStringLiteral("\u25A8"), tr("hatched: no queue, deconfigured or checkstopped")));
    states.append(entry(QStringLiteral("*"), tr("dashed frame: pending until Apply")));
    QString html = states.join(QStringLiteral(" &nbsp; "));
    html += QStringLiteral("<br>") + tr("Type and mode: %1 = CEX8 CCA coprocessor, %2 = CEX8 EP11 coprocessor, %3 = CEX8 accelerator")
                                          .arg(QStringLiteral("8C\u00B7CCA"), QStringLiteral("8P\u00B7EP11"), QStringLiteral("8A"))
                                          .toHtmlEscaped();
    if (hostWide) {
        QStringList owners;
        const qsizetype n = host->mdevs.size();
        for (qsizetype i = 0; i < std::min<qsizetype>(n, kMaxOwners); ++i) {
            const Mdev &m = host->mdevs[i];
            const Guest *g = host->guestOfMdev(m.uuid);
            const QString name = g ? QStringLiteral("%1 (%2)").arg(m.uuid.left(8), g->name) : m.uuid.left(8);
            owners.append(entry(swatch(MatrixDelegate::mdevColour(int(i), pal), MatrixDelegate::mdevNumber(int(i))), name));
        }
        if (n > kMaxOwners)
            owners.append(tr("and %n more", nullptr, int(n - kMaxOwners)).toHtmlEscaped());
        html += QStringLiteral("<br>") + (owners.isEmpty() ? tr("No mdevs on this host.").toHtmlEscaped()
                                                            : tr("Assigned to mdev:").toHtmlEscaped() + QStringLiteral(" ") + owners.join(QStringLiteral(" &nbsp; ")));
    }
    if (html != m_shown) {
        m_shown = html;
        setText(html);
    }
}

} // namespace ap::ui

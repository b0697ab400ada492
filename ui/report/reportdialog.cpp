#include "reportdialog.h"

#include <migration/checkinput.h>
#include "../common/prompts.h"
#include "../fleet/fleet.h"
#include "reportexport.h"
#include "../fleet/hostsession.h"
#include "../migration/migrationtext.h"

#include <report/checkrender.h>
#include <report/reportdiff.h>
#include <report/reportwords.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace ap::ui {

using namespace ap::migration;

ReportDialog::ReportDialog(Fleet *fleet, HostSession *source, const QString &mdev, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_source(source)
    , m_mdev(mdev)
{
    build();
    const auto snap = source->snapshot();
    const Guest *g = snap ? snap->guestOfMdev(mdev) : nullptr;
    setWindowTitle(g ? tr("Check migration of %1").arg(g->name) : tr("Check migration of mdev %1").arg(mdev.left(8)));
    const QString guest = g ? g->name : QString();
    for (HostSession *s : fleet->sessions()) {
        const auto t = s->snapshot();
        const auto e = destinationEligibility({s == source, s->state() == HostSession::State::Failed, t.get()}, guest);
        m_destinations.append({s->uri().text, isSelectable(e), migrationtext::destinationNote(e, guest, s->error().detail)});
    }
    auto *model = new QStandardItemModel(m_target);
    for (const Destination &d : m_destinations) {
        auto *item = new QStandardItem(d.reason.isEmpty() ? d.uri : tr("%1 (%2)").arg(d.uri, d.reason));
        item->setData(d.uri, Qt::UserRole);
        item->setEnabled(d.enabled);
        item->setToolTip(d.reason.isEmpty() ? d.uri : d.reason);
        model->appendRow(item);
    }
    m_target->setModel(model);
    for (int i = 0; i < m_destinations.size(); ++i)
        if (m_destinations[i].enabled) {
            m_target->setCurrentIndex(i);
            break;
        }
    m_run->setEnabled(std::any_of(m_destinations.cbegin(), m_destinations.cend(), [](const Destination &d) { return d.enabled; }));
    showDestinationRevision();
    connect(m_target, &QComboBox::currentIndexChanged, this, &ReportDialog::showDestinationRevision);

    connect(&m_read, &QFutureWatcherBase::finished, this, [this] {
        const Result<CheckInput> r = m_read.result();
        if (!r) {
            m_progress->hide();
            m_run->setEnabled(true);
            m_profile->setEnabled(true);
            m_banner->setText(tr("The check could not run: %1").arg(r.error().toString()));
            emit finished(false);
            return;
        }
        m_input = *r;
        rerunProfile();
    });
    connect(&m_check, &QFutureWatcherBase::finished, this, &ReportDialog::onChecked);
}

ReportDialog::ReportDialog(Fleet *fleet, const CheckReport &stored, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_mdev(stored.mdev)
{
    build();
    setWindowTitle(tr("Migration report of %1").arg(QLocale().toString(stored.time.toLocalTime(), QLocale::ShortFormat)));
    m_destinations.append({stored.targetHost, true, {}});
    m_target->addItem(stored.targetHost);
    m_target->setEnabled(false);
    m_profile->setProfile(stored.profile);
    m_profile->setEnabled(false);
    m_revision->hide();
    m_run->hide();
    m_report = stored;
    showReport(stored);
}

void ReportDialog::build()
{
    setObjectName(QStringLiteral("checkDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_target = new QComboBox;
    m_target->setObjectName(QStringLiteral("destination"));
    m_profile = new ProfileCombo;
    m_profile->setObjectName(QStringLiteral("profile"));
    form->addRow(tr("Destination host:"), m_target);
    form->addRow(tr("Destination driver:"), m_profile);
    m_revision = new HostRevisionHint(m_profile);
    form->addRow(QString(), m_revision);
    layout->addLayout(form);
    auto *row = new QHBoxLayout;
    m_run = new QPushButton(tr("Run check"));
    m_run->setDefault(true);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->hide();
    row->addWidget(m_run);
    row->addWidget(m_progress, 1);
    layout->addLayout(row);
    m_banner = new QLabel(tr("Pick a destination and run the check."));
    m_banner->setObjectName(QStringLiteral("verdictBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_banner);
    m_view = new QTextBrowser;
    m_view->setObjectName(QStringLiteral("reportView"));
    layout->addWidget(m_view, 1);
    auto *exports = new QHBoxLayout;
    exports->addWidget(new QLabel(tr("Export:")));
    const std::pair<QString, const char *> kinds[] = {{tr("HTML…"), "html"}, {tr("PDF…"), "pdf"}, {tr("JSON…"), "json"}, {tr("CSV…"), "csv"}};
    for (const auto &[label, suffix] : kinds) {
        auto *b = new QPushButton(label);
        b->setEnabled(false);
        connect(b, &QPushButton::clicked, this, [this, ext = QString::fromLatin1(suffix)] {
            prompt::saveFile(this, tr("Export report"), QStringLiteral("migration-report.") + ext, tr("%1 files (*.%2)").arg(ext.toUpper(), ext),
                             [this](const QString &path) {
                                 if (const Status s = exportTo(path); !s)
                                     prompt::warn(this, tr("Export report"), tr("The report could not be saved: %1").arg(s.error().toString()));
                             });
        });
        exports->addWidget(b);
        m_exports.append(b);
    }
    exports->addStretch(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    exports->addWidget(buttons);
    layout->addLayout(exports);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &ReportDialog::run);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        if (m_input && !m_read.isRunning() && !m_check.isRunning())
            rerunProfile();
    });
    resize(960, 720);
}

bool ReportDialog::selectDestination(const QString &uri)
{
    for (int i = 0; i < m_destinations.size(); ++i)
        if (m_destinations[i].uri == uri && m_destinations[i].enabled) {
            m_target->setCurrentIndex(i);
            return true;
        }
    return false;
}

void ReportDialog::showDestinationRevision()
{
    const int i = m_target->currentIndex();
    HostSession *s = i >= 0 && i < m_destinations.size() ? m_fleet->session(m_destinations[i].uri) : nullptr;
    // The next run uses the destination's revision; the report shown (of the previous
    // destination) is not re-run with it.
    const QSignalBlocker quiet(m_profile);
    m_revision->setHost(m_fleet->store(), s ? s->snapshot() : nullptr);
}

void ReportDialog::setProfile(DriverProfile p)
{
    m_profile->setProfile(p);
}

void ReportDialog::run()
{
    const int i = m_target->currentIndex();
    if (!m_source || i < 0 || i >= m_destinations.size() || !m_destinations[i].enabled || m_read.isRunning() || m_check.isRunning())
        return;
    HostSession *target = m_fleet->session(m_destinations[i].uri);
    if (!target)
        return;
    m_run->setEnabled(false);
    m_profile->setEnabled(false);
    m_progress->show();
    m_banner->setText(tr("Reading %1 and %2…").arg(m_source->uri().text, target->uri().text));
    HostBackend *src = m_source->backend();
    HostBackend *dst = target->backend();
    const QString mdev = m_mdev;
    // Fresh host data, read on the hosts' own workers; nothing here runs on the GUI thread.
    m_read.setFuture(QtConcurrent::run([src, dst, mdev] { return readCheckInput(src, dst, mdev); }));
}

void ReportDialog::rerunProfile()
{
    if (!m_input)
        return;
    m_input->profile = m_profile->profile();
    m_run->setEnabled(false);
    m_profile->setEnabled(false);
    m_progress->show();
    m_check.setFuture(QtConcurrent::run([input = *m_input] { return runCheck(input); }));
}

void ReportDialog::onChecked()
{
    m_progress->hide();
    m_run->setEnabled(true);
    m_profile->setEnabled(true);
    const Result<CheckReport> r = m_check.result();
    if (!r) {
        m_banner->setText(tr("The check could not run: %1").arg(r.error().toString()));
        emit finished(false);
        return;
    }
    m_report = *r;
    if (m_fleet->store()) {
        auto id = m_fleet->store()->saveReport(report::checkReportJson(*r));
        m_storedId = id ? *id : 0;
    }
    showReport(*r);
    emit finished(true);
}

void ReportDialog::showReport(const CheckReport &r)
{
    // One sentence that names what blocks; the same one heads the report itself.
    m_banner->setText(QStringLiteral("<b>%1</b>").arg(report::ReportWords::verdict(r).toHtmlEscaped()));
    m_banner->setStyleSheet(r.ready ? QStringLiteral("color: #1a6b2f") : QStringLiteral("color: #a01818"));
    QString html = report::checkReportHtml(r);
    if (m_baseline) {
        const QStringList changes = report::diffReports(*m_baseline, r);
        QString list = QStringLiteral("<h3>%1</h3>").arg(tr("Changes since %1").arg(QLocale().toString(m_baseline->time.toLocalTime(), QLocale::ShortFormat)).toHtmlEscaped());
        if (changes.isEmpty())
            list += QStringLiteral("<p>%1</p>").arg(tr("Nothing changed.").toHtmlEscaped());
        else {
            list += QStringLiteral("<ul>");
            for (const QString &c : changes)
                list += QStringLiteral("<li>%1</li>").arg(c.toHtmlEscaped());
            list += QStringLiteral("</ul>");
        }
        html.replace(QLatin1String("<!--changes-->"), list);
    }
    m_view->setHtml(html);
    for (QPushButton *b : m_exports)
        b->setEnabled(true);
}

Status ReportDialog::exportTo(const QString &path) const
{
    if (!m_report)
        return makeError(ErrorCode::Usage, path, QStringLiteral("there is no report yet"));
    const auto format = reportFormatFor(path);
    if (!format)
        return makeError(ErrorCode::Usage, path, QStringLiteral("use a .html, .pdf, .json or .csv file name"));
    return exportReport(*m_report, *format, path);
}

} // namespace ap::ui

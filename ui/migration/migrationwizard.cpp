#include "migrationwizard.h"
#include "../common/prompts.h"

#include "../fleet/hostsession.h"
#include "migrationpages.h"
#include "migrationrunpage.h"


namespace ap::ui {

MigrationWizard::MigrationWizard(Fleet *fleet, HostSession *source, const QString &guest, QWidget *parent)
    : QWizard(parent)
    , m_fleet(fleet)
    , m_source(source)
    , m_guest(guest)
{
    setObjectName(QStringLiteral("migrationWizard"));
    setWindowTitle(tr("Migrate %1 from %2").arg(guest, source->uri().text));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    options.paceMs = defaultPaceMs();
    setPage(DestinationPageId, new DestinationPage(this));
    setPage(PrecheckPageId, new PrecheckPage(this));
    setPage(StrategyPageId, new StrategyPage(this));
    setPage(PlanPageId, new PlanPage(this));
    setPage(RunPageId, new RunPage(this));
    setPage(ResultPageId, new ResultPage(this));
    resize(1000, 760);
}

MigrationWizard::~MigrationWizard() = default;

migration::RunDecisions MigrationWizard::decisions() const
{
    migration::RunDecisions d;
    d.inject = options.inject;
    if (report && !report->ready && !overrideText.isEmpty()) {
        d.overrideText = overrideText;
        for (const migration::Finding &f : report->blocking())
            if (!d.overriddenFindings.contains(f.id))
                d.overriddenFindings.append(f.id);
        if (!report->decision.compatible)
            d.overriddenFindings.prepend(QStringLiteral("driver_refuses"));
    }
    return d;
}

QString MigrationWizard::sourceHostText() const
{
    return m_source->uri().text;
}

int MigrationWizard::defaultPaceMs()
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue("APCONSOLE_MIGRATION_PACE_MS", &ok);
    return ok ? qMax(0, v) : 80;
}

void MigrationWizard::reject()
{
    if (job && job->isRunning()) {
        auto *run = qobject_cast<RunPage *>(page(RunPageId));
        if (run && run->pastPointOfNoReturn()) {
            prompt::inform(this, tr("Migration in progress"),
                           tr("The guest is already resuming on the destination; the run can no longer be aborted. "
                              "Wait for it to finish."));
            return;
        }
        prompt::confirm(this, tr("Cancel the migration?"), tr("Stop the run and bring %1 back to running on %2?").arg(m_guest, sourceHostText()), [this] {
            // The run may have ended while the operator read the question.
            if (!job || !job->isRunning()) {
                QWizard::reject();
                return;
            }
            // The wizard closes once the run has brought the guest back.
            connect(this, &MigrationWizard::runFinished, this, [this] { QWizard::reject(); }, Qt::SingleShotConnection);
            job->cancel();
        });
        return;
    }
    QWizard::reject();
}

} // namespace ap::ui

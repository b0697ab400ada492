#pragma once

#include "../report/hostrevision.h"
#include "../report/profilecombo.h"
#include <migration/check.h>

#include <QFutureWatcher>
#include <QWizardPage>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;
class QTextBrowser;
class QTreeWidget;

namespace ap::ui {

class MigrationWizard;

/// Picks the destination host; hosts that cannot take the guest are listed, disabled, with why.
class DestinationPage : public QWizardPage {
    Q_OBJECT
public:
    explicit DestinationPage(MigrationWizard *wizard);
    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;
    /// Selects a destination by URI; false if it is not offered or disabled.
    bool selectDestination(const QString &uri);

private:
    MigrationWizard *m_wizard;
    QComboBox *m_target;
};

/// Reads both hosts afresh and runs the pre-migration check off the GUI thread. A report that
/// is not ready blocks the wizard until the operator types the guest's name to override it.
class PrecheckPage : public QWizardPage {
    Q_OBJECT
public:
    explicit PrecheckPage(MigrationWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool isBusy() const;
    QLineEdit *overrideEdit() const { return m_override; }

private:
    void start();
    void onChecked();

    MigrationWizard *m_wizard;
    ProfileCombo *m_profile;
    HostRevisionHint *m_revision;
    QProgressBar *m_progress;
    QLabel *m_banner;
    QTextBrowser *m_view;
    QGroupBox *m_overrideBox;
    QLineEdit *m_override;
    QFutureWatcher<Result<migration::CheckInput>> m_read;
    QFutureWatcher<Result<migration::CheckReport>> m_check;
    std::optional<migration::CheckInput> m_input;
};

/// Live or replug, chosen automatically with the reasons; a missing destination mdev can be
/// created with the source's matrix (offered only when the destination driver would accept it);
/// on simulated hosts a failure can be injected.
class StrategyPage : public QWizardPage {
    Q_OBJECT
public:
    explicit StrategyPage(MigrationWizard *wizard);
    void initializePage() override;
    bool validatePage() override;
    QComboBox *failureBox() const { return m_failure; }

private:
    MigrationWizard *m_wizard;
    QRadioButton *m_live;
    QRadioButton *m_replug;
    QLabel *m_liveText;
    QLabel *m_replugText;
    QLabel *m_plain;
    QCheckBox *m_create;
    QLabel *m_createText;
    QGroupBox *m_demoBox;
    QComboBox *m_failure;
    QLabel *m_error;
};

/// The staged steps before anything runs, the driver's checkpoint and the point of no return
/// marked; the chunk size of the device data. Committing starts the run.
class PlanPage : public QWizardPage {
    Q_OBJECT
public:
    explicit PlanPage(MigrationWizard *wizard);
    void initializePage() override;
    bool validatePage() override;
    QTreeWidget *steps() const { return m_steps; }

private:
    MigrationWizard *m_wizard;
    QLabel *m_summary;
    QTreeWidget *m_steps;
    QSpinBox *m_chunk;
};

} // namespace ap::ui

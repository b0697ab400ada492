// The fleet tree's definition menu and the Apply dialog's "also update the persistent definition"
// on a demo host: what is offered per ap-check's rules, a refusal that names its reason and writes
// nothing, the update run after the kernel writes (and its failure reported apart), and a host
// whose attributes cannot be written showing its write actions disabled with the reason.
#include <fleet/fleet.h>
#include <fleet/hostactions.h>
#include <fleet/hostsession.h>
#include <matrix/applydialog.h>
#include <matrix/dropverdict.h>

#include <definitions/mdevctljson.h>
#include <hosts/demofleet.h>
#include <hosts/simulatedhost.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QWidget>

using namespace ap;
using namespace ap::ui;
using Kind = definitions::DefinitionRequest::Kind;

namespace {

const QString kHost = QStringLiteral("demo:zlab-a");
// A definition the tests add: never started, so the kernel has no say in it.
const QString kClash = QStringLiteral("c1a5c1a5-0000-4000-8000-00000000c1a5");

QStringList texts(const QMenu &menu)
{
    QStringList out;
    for (const QAction *a : menu.actions())
        if (!a->isSeparator())
            out << a->text();
    return out;
}

QAction *actionStartingWith(const QMenu &menu, const QString &text)
{
    for (QAction *a : menu.actions())
        if (a->text().startsWith(text))
            return a;
    return nullptr;
}

/// Answers the next message box that opens (nested loop or window-modal) with its escape button,
/// keeping its text.
void closeNextMessageBox(QString *text)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, text] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (!box || !box->isVisible())
                continue;
            *text = box->text() + QLatin1Char('\n') + box->informativeText();
            box->reject();
            poll->deleteLater();
            return;
        }
    });
    poll->start();
}

} // namespace

class TstDefinitionActions : public QObject {
    Q_OBJECT
private:
    Fleet *m_fleet = nullptr;
    HostSession *m_session = nullptr;
    SimulatedHost *m_sim = nullptr;
    QWidget *m_window = nullptr;
    HostActions *m_actions = nullptr;
    QAction m_check{QStringLiteral("check")}, m_migrate{QStringLiteral("migrate")}, m_apply{QStringLiteral("apply")};

    void open(HostSnapshot state)
    {
        m_session = m_fleet->addBackend(std::make_unique<SimulatedHost>(*HostUri::parse(kHost), std::move(state)));
        m_sim = static_cast<SimulatedHost *>(m_session->backend());
        QSignalSpy read(m_session, &HostSession::snapshotChanged);
        QVERIFY(read.wait(5000));
    }
    void refresh()
    {
        QSignalSpy read(m_session, &HostSession::snapshotChanged);
        m_session->refresh();
        QVERIFY(read.wait(5000));
    }
    /// An inactive definition of payments' adapters x `domains` (start=auto or manual).
    void defineClash(const IdMask &domains, bool autostart)
    {
        const HostSnapshot now = m_sim->snapshot(); // a copy: the mdev must outlive this line
        const Mdev *payments = now.mdev(demo::uuids::payments);
        QVERIFY(payments);
        const MdevDefinition d = definitions::definitionOf(kClash, {payments->adapters, domains, {}}, autostart);
        const Status s = m_sim->changeDefinition({Kind::Define, kClash, d, false}).result();
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
    }
    /// The pending edit of the Apply tests: domain 0x13 into the running payments mdev.
    void editPayments()
    {
        m_session->changePending(m_session->edits().afterChange(demo::uuids::payments, {{MatrixItem::Kind::Domain, 0x13, {}}}, true),
                                 QStringLiteral("one domain"));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fleet = new Fleet(nullptr);
        m_window = new QWidget;
        m_actions = new HostActions(m_fleet, m_window, {&m_check, &m_migrate, &m_apply});
    }
    void cleanup()
    {
        delete m_window; // and the actions
        delete m_fleet;
        m_window = nullptr;
        m_fleet = nullptr;
    }

    void treeMenuOffersWhatTheRulesAllow()
    {
        open(*demo::initialState(QStringLiteral("zlab-a")));
        // The drifted hsm mdev: running, defined with start=auto.
        QMenu menu;
        m_actions->fillTreeMenu(menu, m_session, {kHost, NodeKind::Mdev, demo::uuids::hsm});
        const QStringList offered = texts(menu);
        for (const char *t : {"Start at boot", "Undefine (forget after reboot)", "Make the definition match the running matrix",
                              "Apply the definition to the running mdev…", "Export as mdevctl JSON…", "Export as libvirt node-device XML…",
                              "Remove mdev…"})
            QVERIFY2(offered.contains(QString::fromUtf8(t)), qPrintable(QString::fromUtf8(t) + QStringLiteral(" missing from: ") + offered.join(u'|')));
        QVERIFY(!offered.contains(QStringLiteral("Start mdev"))); // running already
        QVERIFY(!offered.contains(QStringLiteral("Keep after reboot (define)"))); // defined already
        QAction *autostart = actionStartingWith(menu, QStringLiteral("Start at boot"));
        QVERIFY(autostart->isCheckable() && autostart->isChecked());
        for (QAction *a : menu.actions())
            QVERIFY2(a->isSeparator() || a->isEnabled(), qPrintable(a->text()));

        // An mdev without drift offers no repair.
        QMenu plain;
        m_actions->fillTreeMenu(plain, m_session, {kHost, NodeKind::Mdev, demo::uuids::payments});
        QVERIFY(!texts(plain).contains(QStringLiteral("Make the definition match the running matrix")));

        // A definition not started: Start mdev is offered.
        defineClash(IdMask::fromIds({0x30}), false);
        refresh();
        QVERIFY(m_session->snapshot()->inactiveMdev(kClash));
        QMenu stopped;
        m_actions->fillTreeMenu(stopped, m_session, {kHost, NodeKind::StoppedMdev, kClash});
        QVERIFY2(texts(stopped).contains(QStringLiteral("Start mdev")), qPrintable(texts(stopped).join(u'|')));
        QVERIFY(texts(stopped).contains(QStringLiteral("Undefine (forget after reboot)")));
    }

    void refusedActionSaysWhyAndWritesNothing()
    {
        open(*demo::initialState(QStringLiteral("zlab-a")));
        // A manual definition sharing payments' APQNs: start=auto would clash with payments'.
        defineClash(m_sim->snapshot().mdev(demo::uuids::payments)->domains, false);
        refresh();
        const auto before = m_sim->snapshot().definitions;
        QMenu menu;
        m_actions->fillTreeMenu(menu, m_session, {kHost, NodeKind::StoppedMdev, kClash});
        QAction *autostart = actionStartingWith(menu, QStringLiteral("Start at boot"));
        QVERIFY(autostart && !autostart->isChecked());
        QString shown;
        closeNextMessageBox(&shown);
        autostart->trigger();
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY2(shown.contains(QLatin1String("is refused; nothing was written")), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("is defined for start at boot by mdev %1").arg(demo::uuids::payments)), qPrintable(shown));
        QCOMPARE(m_sim->snapshot().definitions, before);

        // Starting it would use APQNs of the running payments mdev: refused the same way.
        QMenu again;
        m_actions->fillTreeMenu(again, m_session, {kHost, NodeKind::StoppedMdev, kClash});
        shown.clear();
        closeNextMessageBox(&shown);
        actionStartingWith(again, QStringLiteral("Start mdev"))->trigger();
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY2(shown.contains(QLatin1String("in use by the running mdev %1").arg(demo::uuids::payments)), qPrintable(shown));
        QVERIFY(!m_sim->snapshot().mdev(kClash));
    }

    // An allowed action opens its preview and returns (no nested event loop); Cancel runs
    // nothing, Apply runs the change and the host is read again.
    void allowedActionRunsOnlyOnApply()
    {
        open(*demo::initialState(QStringLiteral("zlab-a")));
        defineClash(IdMask::fromIds({0x30}), false);
        refresh();
        const auto preview = [this]() -> QMessageBox * {
            for (QMessageBox *b : m_window->findChildren<QMessageBox *>())
                if (b->isVisible())
                    return b;
            return nullptr;
        };
        const auto undefine = [this] {
            QMenu menu;
            m_actions->fillTreeMenu(menu, m_session, {kHost, NodeKind::StoppedMdev, kClash});
            QAction *a = actionStartingWith(menu, QStringLiteral("Undefine"));
            QVERIFY(a && a->isEnabled());
            a->trigger(); // returns with the preview open
        };
        undefine();
        QTRY_VERIFY(preview());
        QVERIFY2(preview()->informativeText().contains(QLatin1String("mdevctl undefine --uuid %1").arg(kClash)), qPrintable(preview()->informativeText()));
        preview()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!preview());
        QVERIFY(m_sim->snapshot().definitions->find(kClash));

        undefine();
        QTRY_VERIFY(preview());
        QSignalSpy read(m_session, &HostSession::snapshotChanged);
        preview()->button(QMessageBox::Apply)->click();
        QVERIFY(read.wait(5000));
        QVERIFY(!m_sim->snapshot().definitions->find(kClash));
    }

    void applyDialogUpdatesTheDefinitionAfterTheWrites()
    {
        open(*demo::initialState(QStringLiteral("zlab-a")));
        editPayments();
        const MatrixAssignment wanted = m_session->edits().pending().value(demo::uuids::payments);
        ApplyDialog dialog(m_session, m_session->edits().plan());
        QCheckBox *box = dialog.updateDefinitionBox(demo::uuids::payments);
        QVERIFY(box);
        QVERIFY(box->isEnabled() && !box->isChecked());
        QVERIFY(dialog.definitionNote(demo::uuids::payments).contains(QLatin1String("start=auto starts the mdev at boot with its old matrix")));
        box->setChecked(true);
        QVERIFY2(dialog.definitionNote(demo::uuids::payments).contains(QLatin1String("survives a reboot")),
                 qPrintable(dialog.definitionNote(demo::uuids::payments)));
        dialog.findChild<QCheckBox *>(QStringLiteral("applyConfirm"))->setChecked(true);
        QSignalSpy done(&dialog, &ApplyDialog::completed);
        dialog.start();
        QVERIFY(done.wait(10000));
        QVERIFY(dialog.succeeded());
        QVERIFY(dialog.definitionsSucceeded());
        QVERIFY2(dialog.resultText().contains(QLatin1String("The definition of mdev %1 was updated").arg(demo::uuids::payments)),
                 qPrintable(dialog.resultText()));
        QCOMPARE(m_sim->snapshot().mdev(demo::uuids::payments)->domains, wanted.domains); // the kernel's matrix
        QCOMPARE(m_sim->snapshot().definitions->find(demo::uuids::payments)->matrix, wanted); // and the definition
        QVERIFY(m_sim->snapshot().definitions->find(demo::uuids::payments)->autostart); // start mode kept
    }

    void applyDialogWithoutTheBoxLeavesTheDefinition()
    {
        open(*demo::initialState(QStringLiteral("zlab-a")));
        const MatrixAssignment defined = m_sim->snapshot().definitions->find(demo::uuids::payments)->matrix;
        editPayments();
        ApplyDialog dialog(m_session, m_session->edits().plan());
        dialog.findChild<QCheckBox *>(QStringLiteral("applyConfirm"))->setChecked(true);
        QSignalSpy done(&dialog, &ApplyDialog::completed);
        dialog.start();
        QVERIFY(done.wait(10000));
        QVERIFY(dialog.succeeded());
        QCOMPARE(m_sim->snapshot().definitions->find(demo::uuids::payments)->matrix, defined);
    }

    void refusedDefinitionUpdateDisablesTheBox()
    {
        open(*demo::initialState(QStringLiteral("zlab-a")));
        // Another start=auto definition holds payments' adapters x 0x13.
        defineClash(IdMask::fromIds({0x13}), true);
        refresh();
        editPayments();
        ApplyDialog dialog(m_session, m_session->edits().plan());
        QCheckBox *box = dialog.updateDefinitionBox(demo::uuids::payments);
        QVERIFY(box);
        QVERIFY(!box->isEnabled());
        const QString note = dialog.definitionNote(demo::uuids::payments);
        QVERIFY2(note.contains(QLatin1String("cannot be updated")), qPrintable(note));
        QVERIFY2(note.contains(QLatin1String("is defined for start at boot by mdev %1").arg(kClash)), qPrintable(note));
        QVERIFY2(note.contains(QLatin1String("refused by ap-check")), qPrintable(note));
        QVERIFY(note.contains(QLatin1String("lost at the next reboot")));
    }

    void failedDefinitionUpdateIsReportedApart()
    {
        open(*demo::initialState(QStringLiteral("zlab-a")));
        editPayments();
        ApplyDialog dialog(m_session, m_session->edits().plan());
        QCheckBox *box = dialog.updateDefinitionBox(demo::uuids::payments);
        QVERIFY(box && box->isEnabled());
        box->setChecked(true);
        // The host changes behind the dialog's back: its mdevctl now refuses the update.
        defineClash(IdMask::fromIds({0x13}), true);
        const MatrixAssignment defined = m_sim->snapshot().definitions->find(demo::uuids::payments)->matrix;
        dialog.findChild<QCheckBox *>(QStringLiteral("applyConfirm"))->setChecked(true);
        QSignalSpy done(&dialog, &ApplyDialog::completed);
        dialog.start();
        QVERIFY(done.wait(10000));
        QVERIFY(dialog.succeeded()); // the kernel writes
        QVERIFY(!dialog.definitionsSucceeded());
        const QString result = dialog.resultText();
        QVERIFY2(result.contains(QLatin1String("The kernel change was applied, but the definition of mdev %1 was NOT updated").arg(demo::uuids::payments)),
                 qPrintable(result));
        QVERIFY(result.contains(QLatin1String("lost at the next reboot")));
        QVERIFY(m_sim->snapshot().mdev(demo::uuids::payments)->domains.test(0x13));
        QCOMPARE(m_sim->snapshot().definitions->find(demo::uuids::payments)->matrix, defined);
    }

    void readOnlyHostDisablesWritesWithTheReason()
    {
        HostSnapshot state = *demo::initialState(QStringLiteral("zlab-a"));
        const QString path = QStringLiteral("sys/devices/vfio_ap/matrix/mdev_supported_types/vfio_ap-passthrough/create");
        state.writes = {WritePermission::State::Denied, path};
        open(state);
        const QString why = HostActions::whyNoWrites(m_session);
        QVERIFY2(why.contains(path), qPrintable(why));
        QMenu host;
        m_actions->fillTreeMenu(host, m_session, {kHost, NodeKind::Host, kHost});
        QAction *create = actionStartingWith(host, QStringLiteral("Create mdev…"));
        QVERIFY(create && !create->isEnabled());
        QCOMPARE(create->toolTip(), why);
        QMenu mdev;
        m_actions->fillTreeMenu(mdev, m_session, {kHost, NodeKind::Mdev, demo::uuids::hsm});
        for (const char *t : {"Remove mdev…", "Start at boot", "Undefine (forget after reboot)", "Make the definition match the running matrix"}) {
            QAction *a = actionStartingWith(mdev, QString::fromUtf8(t));
            QVERIFY2(a && !a->isEnabled() && a->toolTip() == why, t);
        }
        QVERIFY(actionStartingWith(mdev, QStringLiteral("Export as mdevctl JSON"))->isEnabled()); // reads only
        // A drop is refused with the same reason, and the Apply dialog offers no definition update.
        const DropVerdict v = evaluateDrop(m_session, demo::uuids::payments,
                                           {kHost, {}, {{MatrixItem::Kind::Domain, 0x13, {}}}}, false, false);
        QVERIFY(!v.accepted);
        QVERIFY2(v.message.contains(path), qPrintable(v.message));
        editPayments();
        ApplyDialog dialog(m_session, m_session->edits().plan());
        QVERIFY(!dialog.updateDefinitionBox(demo::uuids::payments)->isEnabled());
    }

    void unknownPermissionKeepsWritesEnabled()
    {
        open(*demo::initialState(QStringLiteral("zlab-a")));
        QVERIFY(HostActions::whyNoWrites(m_session).isEmpty());
        QVERIFY(HostActions::unknownWrites(m_session).isEmpty()); // the simulated host knows
        HostSnapshot known = *m_session->snapshot();
        QCOMPARE(known.writes.state, WritePermission::State::Writable);
    }
};

QTEST_MAIN(TstDefinitionActions)
#include "tst_definitionactions.moc"

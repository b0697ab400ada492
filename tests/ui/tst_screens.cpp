// Every main screen of the console in English and German at 1600x1000 and 1024x700, saved as
// artifacts for a human to look at; at 1600x1000 no header, column or label text may be cut off.
#include <fleet/auditlogview.h>
#include <fleet/fleet.h>
#include <mainwindow.h>
#include <matrix/applydialog.h>
#include <matrix/matrixmodel.h>
#include <matrix/matrixoverview.h>
#include <matrix/matrixpanel.h>
#include <migration/migrationrunpage.h>
#include <migration/migrationtimeline.h>
#include <migration/migrationpages.h>
#include <migration/migrationwizard.h>
#include <report/reportdialog.h>

#include <editing/matrixedits.h>
#include <hosts/demofleet.h>
#include <store/store.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTranslator>
#include <QTreeView>

using namespace ap;
using namespace ap::ui;

namespace {

const QString kBig = QStringLiteral("demo:zlab-x");
const QString kSource = QStringLiteral("demo:zlab-a");

QString artifactDir()
{
    return QStringLiteral(APCONSOLE_BINARY_DIR "/artifacts/screens");
}

/// The texts of `root`'s visible headers, item-view cells and one-line labels that do not fit
/// the room they are given, one line each ("where: text needs n px, has m").
QStringList cutTexts(QWidget *root)
{
    QStringList cut;
    const auto report = [&](const QWidget *w, const QString &text, int need, int room) {
        if (need > room)
            cut.append(QStringLiteral("%1/%2: \"%3\" needs %4 px, has %5")
                           .arg(w->parent() ? w->parent()->objectName() : QString(), w->objectName(), text)
                           .arg(need)
                           .arg(room));
    };
    const int headerMargin = 2 * root->style()->pixelMetric(QStyle::PM_HeaderMargin);
    for (QHeaderView *h : root->findChildren<QHeaderView *>()) {
        if (!h->isVisibleTo(root) || !h->model())
            continue;
        const QFontMetrics fm(h->font());
        for (int s = 0; s < h->count(); ++s) {
            if (h->isSectionHidden(s))
                continue;
            const QString text = h->model()->headerData(s, h->orientation(), Qt::DisplayRole).toString();
            const int room = h->orientation() == Qt::Horizontal ? h->sectionSize(s) : h->width();
            if (!text.isEmpty())
                report(h, text, fm.horizontalAdvance(text) + headerMargin, room);
        }
    }
    for (QAbstractItemView *v : root->findChildren<QAbstractItemView *>()) {
        // The matrix draws its own cells (its labels are checked against the column width).
        if (!v->isVisibleTo(root) || !v->model() || qobject_cast<QHeaderView *>(v) || qobject_cast<MatrixView *>(v))
            continue;
        auto *tree = qobject_cast<QTreeView *>(v);
        QStyleOptionViewItem opt;
        opt.initFrom(v);
        opt.font = v->font();
        opt.fontMetrics = v->fontMetrics();
        const int icon = v->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, v);
        opt.decorationSize = v->iconSize().isValid() ? v->iconSize() : QSize(icon, icon);
        const QRect viewport = v->viewport()->rect();
        const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            const QAbstractItemModel *m = v->model();
            for (int r = 0; r < m->rowCount(parent); ++r) {
                for (int c = 0; c < m->columnCount(parent); ++c) {
                    const QModelIndex idx = m->index(r, c, parent);
                    const QRect rect = v->visualRect(idx);
                    // The rows on screen: those below are a scroll away, not cut (nor is a
                    // column a view scrolls to sideways).
                    if (rect.isEmpty() || rect.top() < 0 || rect.bottom() > viewport.bottom())
                        continue;
                    const QString text = idx.data(Qt::DisplayRole).toString();
                    if (!text.isEmpty())
                        report(v, text, v->itemDelegateForIndex(idx)->sizeHint(opt, idx).width(), rect.width());
                }
                const QModelIndex child = m->index(r, 0, parent);
                if (tree && tree->isExpanded(child))
                    walk(child);
            }
        };
        walk(QModelIndex());
    }
    for (QLabel *l : root->findChildren<QLabel *>()) {
        if (!l->isVisibleTo(root) || l->text().isEmpty())
            continue;
        // A label that wraps needs the height of its lines.
        if (l->wordWrap()) {
            const int need = l->heightForWidth(l->width());
            if (need > l->height())
                cut.append(QStringLiteral("%1: \"%2\" needs %3 px high, has %4").arg(l->objectName(), l->text().left(60)).arg(need).arg(l->height()));
            continue;
        }
        if (Qt::mightBeRichText(l->text()))
            continue;
        const QString text = l->text().remove(QLatin1Char('&'));
        for (const QString &line : text.split(QLatin1Char('\n')))
            report(l, line, l->fontMetrics().horizontalAdvance(line), l->contentsRect().width());
    }
    return cut;
}

/// `dialog` drawn over `window` where the window manager would put it: centred, at most as large
/// as the window (what an operator sees with the dialog open).
QImage composite(QWidget *window, QWidget *dialog)
{
    QImage image = window->grab().toImage();
    const QImage top = dialog->grab().toImage();
    QPainter p(&image);
    p.fillRect(image.rect(), QColor(0, 0, 0, 60));
    p.drawImage(QPoint((image.width() - top.width()) / 2, (image.height() - top.height()) / 2), top);
    return image;
}

/// Gives a shown dialog the size it opens with on a screen of `screen`: its own, no larger.
void fitDialog(QWidget *dialog, QSize screen)
{
    dialog->resize(dialog->size().boundedTo(screen));
}

bool waitConnected(Fleet &fleet)
{
    return QTest::qWaitFor([&] {
        return std::all_of(fleet.sessions().cbegin(), fleet.sessions().cend(),
                           [](HostSession *s) { return s->state() != HostSession::State::Connecting && s->snapshot(); });
    }, 20000);
}

} // namespace

class TstScreens : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_fleets = 0;
    QString m_lang;
    QSize m_size;
    std::unique_ptr<QTranslator> m_german;
    std::unique_ptr<QTranslator> m_qtGerman;

    /// A fresh demo fleet with its own store (a run or an apply changes the hosts), plus zlab-x.
    std::unique_ptr<Fleet> newFleet()
    {
        auto store = Store::open(m_dir.filePath(QStringLiteral("screens-%1.db").arg(++m_fleets)));
        if (!store)
            return nullptr;
        auto fleet = std::make_unique<Fleet>(*store);
        fleet->loadDefault();
        if (!fleet->addHost(kBig, false))
            return nullptr;
        return waitConnected(*fleet) ? std::move(fleet) : nullptr;
    }

    /// Saves `window` (with `dialog` over it, if any) once the layouts the last change asked for
    /// are done, as a screen would show it.
    bool save(QWidget *window, QWidget *dialog, const QString &screen)
    {
        for (int i = 0; i < 3; ++i)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const QImage image = dialog ? composite(window, dialog) : window->grab().toImage();
        const QString file = QStringLiteral("%1/%2-%3x%4-%5.png").arg(artifactDir(), screen).arg(m_size.width()).arg(m_size.height()).arg(m_lang);
        return image.save(file);
    }

    /// At 1600x1000 everything fits; at 1024x700 what is cut is listed (the screenshot is what counts).
    void checkFits(QWidget *root)
    {
        const QStringList cut = cutTexts(root);
        if (m_size.width() < 1600) {
            if (!cut.isEmpty()) // for whoever looks at the screenshots
                qInfo("cut at %dx%d:\n%s", m_size.width(), m_size.height(), qPrintable(cut.join(QLatin1Char('\n'))));
            return;
        }
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
    }

    void showMain(MainWindow &w)
    {
        w.resize(m_size);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(artifactDir()));
        // A run slow enough to be caught in the middle (each sample waits this long).
        qputenv("APCONSOLE_MIGRATION_PACE_MS", "40");
        qInfo("screenshots in %s", qPrintable(artifactDir()));
    }

    void init()
    {
        const QStringList tag = QString::fromLatin1(QTest::currentDataTag()).split(QLatin1Char(' '));
        QCOMPARE(tag.size(), 2);
        m_lang = tag[0];
        const QStringList wh = tag[1].split(QLatin1Char('x'));
        m_size = QSize(wh[0].toInt(), wh[1].toInt());
        QLocale::setDefault(QLocale(m_lang));
        if (m_lang == QLatin1String("de")) {
            m_german = std::make_unique<QTranslator>();
            QVERIFY(m_german->load(QLocale(m_lang), QStringLiteral("apconsole"), QStringLiteral("_"), QStringLiteral(":/i18n")));
            QCoreApplication::installTranslator(m_german.get());
            // The dialogs' standard buttons, as the console loads them.
            m_qtGerman = std::make_unique<QTranslator>();
            if (m_qtGerman->load(QLocale(m_lang), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(m_qtGerman.get());
        }
    }
    void cleanup()
    {
        for (auto *t : {&m_german, &m_qtGerman}) {
            if (*t)
                QCoreApplication::removeTranslator(t->get());
            t->reset();
        }
        QLocale::setDefault(QLocale::c());
    }

    // Every slot runs in both languages at both sizes.
    void mainWindow_data() { languagesAndSizes(); }
    void mainWindow()
    {
        auto fleet = newFleet();
        QVERIFY(fleet);
        MainWindow w(fleet.get());
        showMain(w);
        QVERIFY(w.selectNode(FleetNode(kSource, FleetModel::Kind::Mdev, demo::uuids::payments)));
        w.fleetView()->expandAll();
        QVERIFY(save(&w, nullptr, QStringLiteral("main")));
        checkFits(&w);
    }

    void bigHostWithOverview_data() { languagesAndSizes(); }
    void bigHostWithOverview()
    {
        auto fleet = newFleet();
        QVERIFY(fleet);
        MainWindow w(fleet.get());
        showMain(w);
        QVERIFY(w.selectNode(FleetNode(kBig, FleetModel::Kind::Mdev, demo::uuids::wide)));
        QTRY_VERIFY(w.matrixPanel()->overview()->isVisible());
        QCOMPARE(w.matrixModel()->rowCount(), 257);
        QVERIFY(save(&w, nullptr, QStringLiteral("matrix-256")));
        checkFits(&w);
        // Beside the overview and the legend the matrix keeps room for a useful number of columns,
        // each wide enough for the cells' longest label ("✓ 8P·EP11").
        MatrixView *view = w.matrixView();
        QVERIFY(view->fontMetrics().horizontalAdvance(QStringLiteral("\u2713 8P\u00B7EP11")) + 4 <= view->columnWidth(0));
        qInfo("%d matrix columns visible", view->viewport()->width() / view->columnWidth(0));
        QVERIFY2(view->viewport()->width() / view->columnWidth(0) >= (m_size.width() >= 1600 ? 8 : 5),
                 qPrintable(QStringLiteral("%1 columns visible").arg(view->viewport()->width() / view->columnWidth(0))));
    }

    void applyDialog_data() { languagesAndSizes(); }
    void applyDialog()
    {
        auto fleet = newFleet();
        QVERIFY(fleet);
        MainWindow w(fleet.get());
        showMain(w);
        HostSession *s = fleet->session(kSource);
        QVERIFY(w.selectNode(FleetNode(kSource, FleetModel::Kind::Mdev, demo::uuids::payments)));
        s->changePending(s->edits().afterChange(demo::uuids::payments, {{MatrixItem::Kind::Domain, 0x13, {}}, {MatrixItem::Kind::Adapter, 3, {}}}, true),
                         QStringLiteral("assign adapter 0x03 and domain 0x13"));
        QVERIFY(s->edits().hasPending());
        w.applyChanges();
        ApplyDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<ApplyDialog *>()) && dialog->isVisible());
        fitDialog(dialog, m_size);
        QVERIFY(save(&w, dialog, QStringLiteral("apply")));
        checkFits(dialog);
        dialog->reject();
    }

    void reportDialog_data() { languagesAndSizes(); }
    void reportDialog()
    {
        auto fleet = newFleet();
        QVERIFY(fleet);
        MainWindow w(fleet.get());
        showMain(w);
        QVERIFY(w.selectNode(FleetNode(kSource, FleetModel::Kind::Mdev, demo::uuids::payments)));
        ReportDialog dialog(fleet.get(), fleet->session(kSource), demo::uuids::payments, &w);
        QVERIFY(dialog.selectDestination(QStringLiteral("demo:zlab-b")));
        dialog.show();
        fitDialog(&dialog, m_size);
        QSignalSpy done(&dialog, &ReportDialog::finished);
        dialog.run();
        QVERIFY(done.wait(20000));
        QVERIFY(done.first().at(0).toBool());
        QVERIFY(save(&w, &dialog, QStringLiteral("report")));
        checkFits(&dialog);
    }

    void migrationWizard_data() { languagesAndSizes(); }
    void migrationWizard()
    {
        auto fleet = newFleet();
        QVERIFY(fleet);
        MainWindow w(fleet.get());
        showMain(w);
        MigrationWizard wizard(fleet.get(), fleet->session(kSource), QStringLiteral("payments-01"), &w);
        wizard.setWindowModality(Qt::WindowModal);
        wizard.show();
        fitDialog(&wizard, m_size);
        auto *dest = qobject_cast<DestinationPage *>(wizard.page(MigrationWizard::DestinationPageId));
        QVERIFY(dest->selectDestination(QStringLiteral("demo:zlab-b")));
        wizard.next();
        auto *pre = qobject_cast<PrecheckPage *>(wizard.page(MigrationWizard::PrecheckPageId));
        QTRY_VERIFY_WITH_TIMEOUT(!pre->isBusy() && wizard.report.has_value(), 20000);
        if (!wizard.report->ready)
            pre->overrideEdit()->setText(wizard.guest());
        QVERIFY(pre->isComplete());
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(MigrationWizard::PlanPageId));
        wizard.next(); // commit: the run starts
        auto *run = qobject_cast<RunPage *>(wizard.page(MigrationWizard::RunPageId));
        QTRY_VERIFY_WITH_TIMEOUT(run->timeline()->pointCount() >= 4, 20000);
        QVERIFY(save(&w, &wizard, QStringLiteral("wizard-running")));
        checkFits(&wizard);
        if (!QTest::qWaitFor([&] { return run->isComplete(); }, 60000)) {
            save(&w, &wizard, QStringLiteral("wizard-stuck"));
            QFAIL(qPrintable(QStringLiteral("the run did not end; %1 events").arg(wizard.job ? wizard.job->events().size() : -1)));
        }
        QVERIFY(save(&w, &wizard, QStringLiteral("wizard-run-done")));
        checkFits(&wizard);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(MigrationWizard::ResultPageId));
        QVERIFY(save(&w, &wizard, QStringLiteral("wizard-result")));
        checkFits(&wizard);
    }

    void logs_data() { languagesAndSizes(); }
    void logs()
    {
        auto fleet = newFleet();
        QVERIFY(fleet);
        // One apply, so the audit log has writes with their before and after values.
        HostSession *s = fleet->session(kSource);
        s->changePending(s->edits().afterChange(demo::uuids::payments, {{MatrixItem::Kind::Domain, 0x13, {}}}, true), QStringLiteral("assign domain 0x13"));
        {
            ApplyDialog apply(s, s->edits().plan());
            if (auto *confirm = apply.findChild<QCheckBox *>(QStringLiteral("applyConfirm")))
                confirm->setChecked(true);
            QSignalSpy done(s, &HostSession::applyFinished);
            apply.start();
            QVERIFY(done.wait(10000));
            QVERIFY(apply.succeeded());
        }
        MainWindow w(fleet.get());
        showMain(w);
        QVERIFY(w.selectNode(FleetNode(kSource, FleetModel::Kind::Mdev, demo::uuids::payments)));
        auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("logTabs"));
        QVERIFY(tabs);
        auto *kernel = w.findChild<QPlainTextEdit *>(QStringLiteral("kernelLog"));
        QTRY_VERIFY(!kernel->toPlainText().isEmpty());
        tabs->setCurrentWidget(kernel);
        QVERIFY(save(&w, nullptr, QStringLiteral("kernel-log")));
        checkFits(&w);
        auto *audit = w.findChild<AuditLogView *>();
        QVERIFY(audit);
        tabs->setCurrentWidget(audit);
        QTRY_VERIFY(audit->visibleRows() > 0);
        audit->table()->selectRow(0);
        QVERIFY(save(&w, nullptr, QStringLiteral("audit-log")));
        checkFits(&w);
    }

private:
    static void languagesAndSizes()
    {
        // The tag says it all (init() reads it); a table needs a column.
        QTest::addColumn<bool>("unused");
        for (const char *lang : {"en", "de"})
            for (const QSize size : {QSize(1600, 1000), QSize(1024, 700)})
                QTest::addRow("%s %dx%d", lang, size.width(), size.height()) << true;
    }
};

QTEST_MAIN(TstScreens)
#include "tst_screens.moc"

// The matrix view at the architecture's limit (demo host zlab-x, 256 x 256): zoom, filters, the
// frozen Control row, the overview and the reset of the scroll position; the model's contract.
#include <fleet/fleet.h>
#include <fleet/fleetmodel.h>
#include <mainwindow.h>
#include <matrix/inspector.h>
#include <matrix/matrixmodel.h>
#include <matrix/matrixoverview.h>
#include <matrix/matrixpanel.h>
#include <matrix/matrixview.h>

#include <hosts/demofleet.h>

#include <QAbstractItemModelTester>
#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextLayout>
#include <QTranslator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWheelEvent>

using namespace ap;
using namespace ap::ui;

namespace {
const QString kBig = QStringLiteral("demo:zlab-x");

void wheel(QWidget *viewport, QPoint pos, int delta, Qt::KeyboardModifiers mods)
{
    QWheelEvent e(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, mods, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &e);
}
} // namespace

class TstMatrixView : public QObject {
    Q_OBJECT
private:
    Fleet *m_fleet = nullptr;
    HostSession *m_big = nullptr;
    HostSession *m_small = nullptr;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_fleet = new Fleet(nullptr);
        m_big = *m_fleet->addHost(kBig, false);
        m_small = *m_fleet->addHost(QStringLiteral("demo:zlab-a"), false);
        QTRY_VERIFY_WITH_TIMEOUT(m_big->snapshot() && m_small->snapshot(), 20000);
    }
    void cleanupTestCase() { delete m_fleet; }

    void modelContract()
    {
        MatrixModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_small, demo::uuids::payments);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.data(model.index(model.rowOfAdapter(1), model.columnOfDomain(0x11)), MatrixModel::TypeModeRole).toString(),
                 QStringLiteral("8C\u00B7CCA"));
        QCOMPARE(model.data(model.index(model.rowOfAdapter(2), 0), MatrixModel::TypeModeRole).toString(), QStringLiteral("8P\u00B7EP11"));
        QCOMPARE(model.data(model.index(model.rowOfAdapter(3), 0), MatrixModel::TypeModeRole).toString(), QStringLiteral("8A"));
        model.setSession(m_small, {});
        // Host-wide: an owned cell names its mdev's index, a free one none.
        const QModelIndex owned = model.index(model.rowOfAdapter(1), model.columnOfDomain(0x11));
        QCOMPARE(model.data(owned, MatrixModel::OwnerRole).toInt(), model.mdevIndex(demo::uuids::payments));
        QCOMPARE(model.data(model.index(model.rowOfAdapter(1), model.columnOfDomain(0x13)), MatrixModel::OwnerRole).toInt(), -1);
        model.setSession(m_small, demo::uuids::hsm);
        model.setSession(nullptr, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void filterCounts_data()
    {
        QTest::addColumn<QString>("mdev");
        QTest::addColumn<int>("scope");
        QTest::addColumn<int>("rows"); // control row included
        QTest::addColumn<int>("columns");
        using S = MatrixModel::Scope;
        // zlab-x: 256 adapters, 256 domains; wide = 0x10-0x8f x 0x10-0x8f, tail = 4 x 7,
        // scattered = 3 x 3; any mdev: 135 adapters, 138 domains.
        QTest::newRow("wide, all") << demo::uuids::wide << int(S::All) << 257 << 256;
        QTest::newRow("wide, assigned") << demo::uuids::wide << int(S::Assigned) << 136 << 138;
        QTest::newRow("wide, this mdev") << demo::uuids::wide << int(S::ThisMdev) << 129 << 128;
        QTest::newRow("tail, this mdev") << demo::uuids::tail << int(S::ThisMdev) << 5 << 7;
        QTest::newRow("scattered, this mdev") << demo::uuids::scattered << int(S::ThisMdev) << 4 << 3;
        QTest::newRow("host-wide, all") << QString() << int(S::All) << 257 << 256;
        QTest::newRow("host-wide, assigned") << QString() << int(S::Assigned) << 136 << 138;
        QTest::newRow("host-wide, this mdev = assigned") << QString() << int(S::ThisMdev) << 136 << 138;
    }
    void filterCounts()
    {
        QFETCH(QString, mdev);
        QFETCH(int, scope);
        QFETCH(int, rows);
        QFETCH(int, columns);
        MatrixModel model;
        MatrixView view(&model);
        view.resize(800, 600);
        view.show();
        view.showMatrix(m_big, mdev);
        view.setScope(MatrixModel::Scope(scope));
        QCOMPARE(view.shownRows().size(), rows);
        QCOMPARE(view.shownColumns().size(), columns);
        QCOMPARE(view.shownRows().constFirst(), 0); // the Control row always stays
        // The overlay hides the same columns as the view.
        for (int c = 0; c < model.columnCount(); ++c)
            QCOMPARE(view.controlRowView()->isColumnHidden(c), view.isColumnHidden(c));
        // Back to all: everything returns.
        view.setScope(MatrixModel::Scope::All);
        QCOMPARE(view.shownRows().size(), model.rowCount());
        QCOMPARE(view.shownColumns().size(), model.columnCount());
    }

    void zoomKeepsCellUnderCursor_data()
    {
        QTest::addColumn<int>("wheelSteps"); // +1 = one notch towards the user (zoom in)
        QTest::newRow("in one notch") << 1;
        QTest::newRow("in three notches") << 3;
        QTest::newRow("out one notch") << -1;
        QTest::newRow("out three notches") << -3;
    }
    void zoomKeepsCellUnderCursor()
    {
        QFETCH(int, wheelSteps);
        MatrixModel model;
        MatrixView view(&model);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showMatrix(m_big, demo::uuids::wide);
        view.centreOn(model.rowOfAdapter(0x80), model.columnOfDomain(0x80));
        const QPoint cursor(view.viewport()->width() / 3, view.viewport()->height() * 2 / 3);
        const QModelIndex before = view.indexAt(cursor);
        QVERIFY(before.isValid());
        const int width = view.columnWidth(before.column());
        const int height = view.rowHeight(before.row());
        QSignalSpy zoomed(&view, &MatrixView::zoomChanged);
        wheel(view.viewport(), cursor, 120 * wheelSteps, Qt::ControlModifier);
        QCOMPARE(zoomed.size(), 1);
        const qreal factor = std::pow(MatrixView::kZoomStep, wheelSteps);
        QVERIFY2(std::abs(view.columnWidth(before.column()) - width * factor) <= 1.0,
                 qPrintable(QStringLiteral("%1 -> %2").arg(width).arg(view.columnWidth(before.column()))));
        QVERIFY(std::abs(view.rowHeight(before.row()) - height * factor) <= 1.0);
        QCOMPARE(view.indexAt(cursor), before);
        // A wheel without Ctrl scrolls and does not zoom.
        wheel(view.viewport(), cursor, -120, Qt::NoModifier);
        QCOMPARE(zoomed.size(), 1);
        // Ctrl+0 restores the original size; Ctrl+- shrinks.
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 1.0);
        QCOMPARE(view.columnWidth(before.column()), width);
        QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view.columnWidth(before.column()) < width);
    }

    void frozenControlRowStaysInView()
    {
        MatrixModel model;
        MatrixView view(&model);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showMatrix(m_big, demo::uuids::wide);
        view.scrollToBottom();
        QVERIFY(view.verticalScrollBar()->value() > 0);
        QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
        QTableView *frozen = view.controlRowView();
        QVERIFY(frozen->isVisible());
        QCOMPARE(frozen->geometry().top(), view.viewport()->geometry().top());
        QCOMPARE(frozen->height(), view.rowHeight(0));
        // Under the overlay the view has scrolled to adapters; the overlay still shows the Control row.
        const int x = view.viewport()->width() / 2;
        QVERIFY(view.indexAt(QPoint(x, 2)).row() > 0);
        QCOMPARE(frozen->indexAt(QPoint(x, 2)).row(), 0);
        QCOMPARE(frozen->indexAt(QPoint(x, 2)).column(), view.indexAt(QPoint(x, 2)).column());
        // Horizontal scrolling moves both.
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum() / 2);
        QCOMPARE(frozen->horizontalScrollBar()->value(), view.horizontalScrollBar()->value());
        // Moving to an adapter never leaves it under the overlay.
        const QModelIndex cell = model.index(model.rowOfAdapter(0x40), model.columnOfDomain(0x40));
        view.scrollTo(cell);
        QVERIFY(view.visualRect(cell).top() >= frozen->height());
    }

    void scrollResetsForAnotherMatrix()
    {
        MatrixModel model;
        MatrixView view(&model);
        view.resize(800, 600);
        view.show();
        view.showMatrix(m_big, demo::uuids::wide);
        view.horizontalScrollBar()->setValue(view.horizontalScrollBar()->maximum());
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        QVERIFY(view.verticalScrollBar()->value() > 0);
        // The same matrix again (a refresh) keeps the place ...
        const int kept = view.verticalScrollBar()->value();
        view.showMatrix(m_big, demo::uuids::wide);
        QCOMPARE(view.verticalScrollBar()->value(), kept);
        // ... another one starts at the top left.
        view.showMatrix(m_big, demo::uuids::tail);
        QCOMPARE(view.horizontalScrollBar()->value(), 0);
        QCOMPARE(view.verticalScrollBar()->value(), 0);
    }

    void overviewClickMovesViewport_data()
    {
        QTest::addColumn<QPointF>("where"); // fraction of the overview's matrix
        QTest::newRow("centre") << QPointF(0.5, 0.5);
        QTest::newRow("bottom right") << QPointF(0.98, 0.98);
        QTest::newRow("top left") << QPointF(0.01, 0.01);
        QTest::newRow("left middle") << QPointF(0.05, 0.6);
    }
    void overviewClickMovesViewport()
    {
        QFETCH(QPointF, where);
        MatrixModel model;
        MatrixPanel panel(&model);
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.view()->showMatrix(m_big, demo::uuids::wide);
        MatrixOverview *overview = panel.overview();
        QTRY_VERIFY(overview->isVisible());
        panel.view()->horizontalScrollBar()->setValue(panel.view()->horizontalScrollBar()->maximum() / 3);
        const QRectF m = overview->matrixRect();
        QVERIFY(!m.isEmpty());
        const QPoint click = (m.topLeft() + QPointF(where.x() * m.width(), where.y() * m.height())).toPoint();
        QTest::mouseClick(overview, Qt::LeftButton, {}, click);
        // The outline of the region in view now contains (or, at the edges, touches) the click.
        const QRectF region = overview->visibleRegion().adjusted(-2, -2, 2, 2);
        QVERIFY2(region.contains(click), qPrintable(QStringLiteral("(%1,%2) not in %3,%4 %5x%6")
                                                       .arg(click.x()).arg(click.y()).arg(region.x()).arg(region.y())
                                                       .arg(region.width()).arg(region.height())));
        // Dragging moves it too.
        const QPoint to = m.center().toPoint();
        QTest::mousePress(overview, Qt::LeftButton, {}, click);
        QMouseEvent move(QEvent::MouseMove, to, overview->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(overview, &move);
        QTest::mouseRelease(overview, Qt::LeftButton, {}, to);
        QVERIFY(overview->visibleRegion().adjusted(-2, -2, 2, 2).contains(to));
    }

    // Every line of the inspector starts after a space (or a compound's hyphen): lines never
    // break inside a hex value, an id range or a (German) word.
    void inspectorWrapsBetweenItems_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<int>("width");
        QTest::newRow("en, narrow") << QStringLiteral("en") << 220;
        QTest::newRow("de, narrow") << QStringLiteral("de") << 220;
        QTest::newRow("de, 1024x700 share") << QStringLiteral("de") << 290;
    }
    void inspectorWrapsBetweenItems()
    {
        QFETCH(QString, lang);
        QFETCH(int, width);
        QTranslator german;
        if (lang == QLatin1String("de")) {
            QVERIFY(german.load(QLocale(QStringLiteral("de")), QStringLiteral("apconsole"), QStringLiteral("_"), QStringLiteral(":/i18n")));
            QCoreApplication::installTranslator(&german);
        }
        HostSnapshot h = *m_small->snapshot();
        Mdev m;
        m.uuid = QStringLiteral("11111111-2222-4333-8444-555555555555");
        QList<int> odd;
        for (int i = 1; i < 0x50; i += 3)
            odd.append(i);
        m.adapters = IdMask::fromIds(odd);
        m.domains = IdMask::fromIds({0x11, 0x12, 0x13, 0x20, 0x38, 0x39, 0x3a, 0x40, 0x44, 0x45});
        m.controlDomains = m.domains;
        h.mdevs.append(m);
        Inspector inspector;
        inspector.resize(width, 600);
        inspector.show();
        for (int pass = 0; pass < 2; ++pass) {
            if (pass == 0)
                inspector.showMdev(h, m.uuid);
            else
                inspector.showQueue(h, Apqn{1, 0x11});
            QTextDocument *doc = inspector.document();
            doc->setTextWidth(inspector.viewport()->width());
            (void)doc->documentLayout()->documentSize();
            int wrapped = 0;
            for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
                QTextLayout *layout = b.layout();
                for (int l = 1; layout && l < layout->lineCount(); ++l) {
                    const int start = layout->lineAt(l).textStart();
                    const QString text = b.text();
                    ++wrapped;
                    // A compound may break after its hyphen ("CCA-Coprozessor-|Modus"), a range not;
                    // a UUID only after one of its hyphens (where the inspector put a break).
                    const bool atSpace = start > 0 && text.at(start - 1).isSpace();
                    const bool atHyphen = start > 0 && text.at(start - 1) == QLatin1Char('-') && text.at(start).isLetter();
                    const bool inUuid = start > 1 && text.at(start - 1) == QChar(0x200B) && text.at(start - 2) == QLatin1Char('-');
                    QVERIFY2(atSpace || atHyphen || inUuid,
                             qPrintable(QStringLiteral("broken inside: \"%1|%2\"").arg(text.left(start), text.mid(start))));
                }
            }
            if (pass == 0)
                QVERIFY(wrapped > 0); // the long lists did wrap, between their items
        }
        QCoreApplication::removeTranslator(&german);
    }

    void smallMatrixNeedsNoOverview()
    {
        MatrixModel model;
        MatrixPanel panel(&model);
        panel.resize(1400, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.view()->showMatrix(m_big, demo::uuids::wide);
        QTRY_VERIFY(panel.overview()->isVisible());
        panel.view()->showMatrix(m_big, demo::uuids::tail);
        panel.view()->setScope(MatrixModel::Scope::ThisMdev);
        QTRY_VERIFY(!panel.overview()->isVisible());
    }
};

QTEST_MAIN(TstMatrixView)
#include "tst_matrixview.moc"

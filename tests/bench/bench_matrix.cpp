// The matrix view at 256 x 256: selecting a full mdev and painting the visible matrix, one
// assignment change updating the view, and the frames of zooming and scrolling the view with its
// overview. Usage: QT_QPA_PLATFORM=offscreen bench_matrix
#include "benchutil.h"
#include "testsupport.h"

#include <fleet/fleet.h>
#include <fleet/fleetmodel.h>
#include <mainwindow.h>
#include <matrix/dropverdict.h>
#include <matrix/matrixmodel.h>
#include <matrix/matrixoverview.h>
#include <matrix/matrixpanel.h>
#include <matrix/matrixview.h>

#include <hosts/simulatedhost.h>

#include <QApplication>
#include <QSignalSpy>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTableView>
#include <QUndoStack>

#include <cstdio>
#include <ctime>

namespace {
struct Frames {
    double median = 0;
    double worst = 0;
};

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// Median and slowest of `runs` frames, in CPU time of the GUI thread: on a shared machine the
/// wall clock measures the neighbours, the frame's own cost is what the thread spent.
Frames frames(int runs, const std::function<void(int)> &frame)
{
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const double start = threadCpuMs();
        frame(i);
        t.push_back(threadCpuMs() - start);
    }
    std::sort(t.begin(), t.end());
    return {t[t.size() / 2], t.back()};
}
} // namespace

using namespace ap;
using namespace ap::ui;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    HostSnapshot big = test::makeHost(256, 256);
    big.host = QStringLiteral("demo:big");
    QList<int> all;
    for (int i = 0; i < 256; ++i)
        all.append(i);
    const QString full = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e10");
    const QString small = QStringLiteral("0e9c4c64-1b47-4d38-9b5b-3f2a3c1d2e11");
    test::addMdev(big, full, all.mid(0, 255), all, {0});
    test::addMdev(big, small, {}, {});
    Fleet fleet(nullptr);
    HostSession *s = fleet.addBackend(std::make_unique<SimulatedHost>(*HostUri::parse(QStringLiteral("demo:big")), big));
    QSignalSpy read(s, &HostSession::snapshotChanged);
    read.wait(20000);
    MainWindow w(&fleet);
    w.resize(1600, 1000);
    w.show();
    app.processEvents();
    QTableView *view = w.matrixView();

    auto paint = [&] {
        view->viewport()->repaint();
    };
    int toggle = 0;
    const double selectMs = bench::medianMs(9, [&] {
        // Alternate between two mdevs so each selection really changes the view.
        w.selectNode({QStringLiteral("demo:big"), FleetModel::Kind::Mdev, (toggle++ % 2) ? small : full});
        paint();
    });
    w.selectNode({QStringLiteral("demo:big"), FleetModel::Kind::Mdev, full});
    paint();
    const double paintMs = bench::medianMs(21, paint);
    int id = 0;
    const double changeMs = bench::medianMs(21, [&] {
        // One assignment change: assign (then unassign) adapter 255 through an undo command,
        // including the driver model's check, the preview and the repaint.
        if (id++ % 2 == 0)
            s->changePending(s->edits().afterChange(full, {{MatrixItem::Kind::Adapter, 255, {}}}, true), QStringLiteral("bench"));
        else
            s->undoStack()->undo();
        paint();
    });
    const double checkMs = bench::medianMs(21, [&] {
        (void)s->edits().check(full, {{MatrixItem::Kind::Adapter, 255, {}}}, true);
    });
    const MatrixDrag hover{QStringLiteral("demo:big"), {}, {{MatrixItem::Kind::Adapter, 255, {}}}};
    const double dropMs = bench::medianMs(21, [&] { (void)evaluateDrop(s, full, hover, false, false); });

    // Frames: what one step of scrolling or zooming costs, repainting the view, its frozen
    // Control row and the overview (whose picture is cached).
    MatrixView *mv = w.matrixView();
    MatrixOverview *overview = w.matrixPanel()->overview();
    const auto frame = [&] {
        mv->viewport()->repaint();
        mv->controlRowView()->viewport()->repaint();
        overview->repaint();
    };
    const auto scrollFrames = [&](qreal zoom) {
        mv->setZoom(zoom);
        mv->horizontalScrollBar()->setValue(0);
        mv->verticalScrollBar()->setValue(0);
        frame();
        const int dx = mv->columnWidth(0), dy = mv->rowHeight(1);
        return frames(60, [&](int i) {
            // Down and right one cell a frame, back to the start at the end.
            QScrollBar *h = mv->horizontalScrollBar();
            QScrollBar *v = mv->verticalScrollBar();
            h->setValue(h->value() + dx >= h->maximum() ? 0 : h->value() + dx);
            v->setValue(v->value() + dy >= v->maximum() ? 0 : v->value() + dy);
            Q_UNUSED(i)
            frame();
        });
    };
    const Frames scroll100 = scrollFrames(1.0);
    const Frames scrollMin = scrollFrames(MatrixView::kMinZoom);
    mv->setZoom(1.0);
    mv->centreOn(128, 128);
    const QPoint anchor(mv->viewport()->width() / 3, mv->viewport()->height() / 2);
    const Frames zoom = frames(40, [&](int i) {
        // Ten steps out to the smallest zoom and back in again, anchored like Ctrl+wheel.
        const bool out = (i / 5) % 2 == 0;
        mv->setZoom(out ? mv->zoom() / MatrixView::kZoomStep : mv->zoom() * MatrixView::kZoomStep, anchor);
        frame();
    });
    mv->setZoom(1.0);
    const Frames overviewOnly = frames(60, [&](int) { overview->repaint(); });
    const Frames overviewDrag = frames(60, [&](int i) {
        const QRectF m = overview->matrixRect();
        const QPointF at(m.left() + m.width() * ((i * 7) % 60) / 60.0, m.top() + m.height() * ((i * 11) % 60) / 60.0);
        QMouseEvent move(QEvent::MouseMove, at, overview->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(overview, &move);
        frame();
    });
    int flip = 0;
    const Frames rebuild = frames(5, [&](int) {
        // A change of the matrix: the overview draws its picture again.
        if (flip++ % 2 == 0)
            s->changePending(s->edits().afterChange(full, {{MatrixItem::Kind::Adapter, 255, {}}}, true), QStringLiteral("bench"));
        else
            s->undoStack()->undo();
        overview->repaint();
    });

    std::printf("| operation (256 x 256 host, 1600x1000 window) | median |\n| --- | ---: |\n");
    std::printf("| select a 65,280-APQN mdev and paint the visible matrix | %.1f ms |\n", selectMs);
    std::printf("| repaint the visible matrix | %.1f ms |\n", paintMs);
    std::printf("| one assignment change (undo command, preview, repaint) | %.1f ms |\n", changeMs);
    std::printf("| drop check while hovering (plan of all pending changes replayed through the driver model) | %.3f ms |\n", checkMs);
    std::printf("| drop verdict with its words (plan replay and per-mdev change) | %.3f ms |\n", dropMs);
    std::printf("\n| frame (view + frozen Control row + overview repainted; GUI thread CPU time) | median | slowest |\n| --- | ---: | ---: |\n");
    std::printf("| scroll one cell right and down, 100 %% zoom | %.1f ms | %.1f ms |\n", scroll100.median, scroll100.worst);
    std::printf("| scroll one cell right and down, %.0f %% zoom (most cells in view) | %.1f ms | %.1f ms |\n", MatrixView::kMinZoom * 100,
                scrollMin.median, scrollMin.worst);
    std::printf("| one zoom step (Ctrl+wheel), between 100 %% and %.0f %% | %.1f ms | %.1f ms |\n", MatrixView::kMinZoom * 100, zoom.median,
                zoom.worst);
    std::printf("| drag in the overview (view follows) | %.1f ms | %.1f ms |\n", overviewDrag.median, overviewDrag.worst);
    std::printf("| overview alone | %.2f ms | %.2f ms |\n", overviewOnly.median, overviewOnly.worst);
    std::printf("| one assignment change with the overview's picture made again | %.1f ms | %.1f ms |\n", rebuild.median, rebuild.worst);
    return 0;
}

// The matrix view at 256 x 256: selecting a full mdev and painting the visible matrix, and one
// assignment change updating the view. Usage: QT_QPA_PLATFORM=offscreen bench_matrix
#include "benchutil.h"
#include "testsupport.h"

#include <fleet/fleet.h>
#include <fleet/fleetmodel.h>
#include <mainwindow.h>
#include <matrix/dropverdict.h>
#include <matrix/matrixmodel.h>

#include <hosts/simulatedhost.h>

#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
#include <QUndoStack>

#include <cstdio>

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
    std::printf("| operation (256 x 256 host, 1600x1000 window) | median |\n| --- | ---: |\n");
    std::printf("| select a 65,280-APQN mdev and paint the visible matrix | %.1f ms |\n", selectMs);
    std::printf("| repaint the visible matrix | %.1f ms |\n", paintMs);
    std::printf("| one assignment change (undo command, preview, repaint) | %.1f ms |\n", changeMs);
    std::printf("| drop check while hovering (plan of all pending changes replayed through the driver model) | %.3f ms |\n", checkMs);
    std::printf("| drop verdict with its words (plan replay and per-mdev change) | %.3f ms |\n", dropMs);
    return 0;
}

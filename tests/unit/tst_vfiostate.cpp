#include <driver/migration/vfiostate.h>

#include <QTest>

using namespace ap::migration;

namespace {
using S = VfioState;
constexpr int kInv = -1; // EINVAL

// §5.2, the kernel's table, used as the oracle when every state is supported.
constexpr int kTable[8][8] = {
    {0, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 5, 3, 4, 5, 5, 5}, {0, 5, 2, 5, 5, 5, 6, 5}, {0, 1, 1, 3, 1, 1, 0, 0},
    {0, 1, 1, 1, 4, 1, 1, 1}, {0, 1, 2, 1, 1, 5, 2, 7}, {0, 2, 2, 7, 2, 2, 6, 7}, {0, 5, 5, 3, 5, 5, 6, 7},
};

// §5.4, written out by hand: the next state for a STOP_COPY-only device (vfio-ap).
constexpr int kStopCopyOnly[8][8] = {
    //         ERR   STOP  RUN   SC    RES   RP2P  PC    PCP2P
    /*ERR*/  {kInv, kInv, kInv, kInv, kInv, kInv, kInv, kInv},
    /*STOP*/ {kInv, 1,    2,    3,    4,    kInv, kInv, kInv},
    /*RUN*/  {kInv, 1,    2,    1,    1,    kInv, kInv, kInv},
    /*SC*/   {kInv, 1,    1,    3,    1,    kInv, kInv, kInv},
    /*RES*/  {kInv, 1,    1,    1,    4,    kInv, kInv, kInv},
    /*RP2P*/ {kInv, kInv, kInv, kInv, kInv, kInv, kInv, kInv},
    /*PC*/   {kInv, kInv, kInv, kInv, kInv, kInv, kInv, kInv},
    /*PCP2P*/{kInv, kInv, kInv, kInv, kInv, kInv, kInv, kInv},
};

QStringList names(const QList<VfioState> &l)
{
    QStringList out;
    for (VfioState s : l)
        out.append(vfioStateName(s));
    return out;
}
} // namespace

class TstVfioState : public QObject {
    Q_OBJECT
private slots:
    void stopCopyOnlyTable()
    {
        for (int c = 0; c < 8; ++c)
            for (int r = 0; r < 8; ++r) {
                auto n = nextState(S(c), S(r), StopCopyFlag);
                const int got = n ? int(*n) : kInv;
                if (got != kStopCopyOnly[c][r])
                    QFAIL(qPrintable(QStringLiteral("%1 -> %2: got %3").arg(vfioStateName(S(c)), vfioStateName(S(r))).arg(got)));
                if (!n)
                    QCOMPARE(n.error().kernelErrno, EINVAL);
            }
    }

    void allFlagsFollowTheKernelTable()
    {
        const quint32 all = StopCopyFlag | P2PFlag | PreCopyFlag;
        for (int c = 1; c < 8; ++c)
            for (int r = 1; r < 8; ++r) {
                auto n = nextState(S(c), S(r), all);
                if (kTable[c][r] == 0)
                    QVERIFY(!n); // STOP_COPY -> PRE_COPY(_P2P) is forbidden
                else
                    QCOMPARE(int(*n), kTable[c][r]);
            }
    }

    // Every flag combination, every (current, requested): a path either exists and only enters
    // supported states, or the answer is EINVAL exactly when the kernel's rules say so.
    void everyFlagCombination_data()
    {
        QTest::addColumn<quint32>("flags");
        for (quint32 f = 0; f < 8; ++f)
            QTest::newRow(qPrintable(QStringLiteral("flags %1").arg(f))) << f;
    }
    void everyFlagCombination()
    {
        QFETCH(quint32, flags);
        for (int c = 0; c < 8; ++c)
            for (int r = 0; r < 8; ++r) {
                const S cur = S(c), req = S(r);
                auto path = statePath(cur, req, flags);
                const bool endpointsOk = isSupported(cur, flags) && isSupported(req, flags);
                if (!endpointsOk) {
                    QVERIFY(!path);
                    continue;
                }
                // The only forbidden arcs: STOP_COPY -> PRE_COPY / PRE_COPY_P2P.
                const bool forbidden = cur == S::StopCopy && (req == S::PreCopy || req == S::PreCopyP2P);
                QCOMPARE(bool(path), !forbidden);
                if (!path)
                    continue;
                if (cur == req)
                    QVERIFY(path->isEmpty());
                else
                    QCOMPARE(path->last(), req);
                for (S s : *path)
                    QVERIFY(isSupported(s, flags));
            }
    }

    void paths_data()
    {
        QTest::addColumn<QString>("flags");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QStringList>("states");
        QTest::newRow("source to STOP_COPY") << "stop_copy" << "RUNNING" << "STOP_COPY" << QStringLiteral("STOP,STOP_COPY").split(QLatin1Char(','));
        QTest::newRow("destination resuming") << "stop_copy" << "RUNNING" << "RESUMING" << QStringLiteral("STOP,RESUMING").split(QLatin1Char(','));
        QTest::newRow("resume to running") << "stop_copy" << "RESUMING" << "RUNNING" << QStringLiteral("STOP,RUNNING").split(QLatin1Char(','));
        QTest::newRow("copy back to running") << "stop_copy" << "STOP_COPY" << "RUNNING" << QStringLiteral("STOP,RUNNING").split(QLatin1Char(','));
        QTest::newRow("with p2p") << "stop_copy,p2p" << "RUNNING" << "STOP_COPY" << QStringLiteral("RUNNING_P2P,STOP,STOP_COPY").split(QLatin1Char(','));
        QTest::newRow("pre-copy not entered unasked") << "stop_copy,pre_copy" << "RUNNING" << "STOP_COPY" << QStringLiteral("STOP,STOP_COPY").split(QLatin1Char(','));
        QTest::newRow("pre-copy requested") << "stop_copy,pre_copy" << "RUNNING" << "PRE_COPY" << QStringLiteral("PRE_COPY").split(QLatin1Char(','));
        QTest::newRow("pre-copy to stop-copy") << "stop_copy,pre_copy" << "PRE_COPY" << "STOP_COPY" << QStringLiteral("STOP_COPY").split(QLatin1Char(','));
        QTest::newRow("pre-copy p2p") << "stop_copy,p2p,pre_copy" << "PRE_COPY" << "STOP_COPY" << QStringLiteral("PRE_COPY_P2P,STOP_COPY").split(QLatin1Char(','));
        QTest::newRow("same state") << "stop_copy" << "STOP" << "STOP" << QStringList();
    }
    void paths()
    {
        QFETCH(QString, flags);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QStringList, states);
        auto p = statePath(*parseVfioState(from), *parseVfioState(to), *parseMigrationFlags(flags));
        QVERIFY(p);
        QCOMPARE(names(*p), states);
    }

    void parsing()
    {
        QVERIFY(!parseMigrationFlags(u"stop_copy,bogus"));
        QCOMPARE(*parseMigrationFlags(u"p2p,stop_copy"), quint32(StopCopyFlag | P2PFlag));
        QVERIFY(!parseVfioState(u"PAUSED"));
        QCOMPARE(*parseVfioState(u"running_p2p"), S::RunningP2P);
    }
};

QTEST_GUILESS_MAIN(TstVfioState)
#include "tst_vfiostate.moc"

// The fleet's read scheduler: a bounded number of local reads at once, every host loads however
// many wait, and a host's deadline counts from when its own read starts.
#include <hosts/hostbackend.h>
#include <hosts/readscheduler.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>
#include <vector>

using namespace ap;

namespace {

/// What the gated hosts of one test share: how many reads run and have run.
struct Gate {
    std::atomic<int> active{0};
    std::atomic<int> started{0};
    std::atomic<int> mostAtOnce{0};
    std::atomic<int> through{0};
};

/// A local host whose read lasts until the test lets it through the gate (or its deadline ends).
class GatedHost final : public HostBackend {
public:
    GatedHost(const QString &name, std::shared_ptr<Gate> gate)
        : HostBackend(*HostUri::parse(QStringLiteral("sysfs:/") + name))
        , m_gate(std::move(gate))
    {
    }
    ~GatedHost() override { drain(); }

    /// The time left on the deadline when the read started, in ms.
    std::atomic<qint64> leftAtStart{-1};
    /// The host's own gate, opened by the test.
    QSemaphore open;
    bool opened = false;

protected:
    Result<HostSnapshot> doReadInventory(const std::function<bool()> &, QDeadlineTimer deadline) override
    {
        leftAtStart = deadline.remainingTime();
        ++m_gate->started;
        const int now = ++m_gate->active;
        int most = m_gate->mostAtOnce;
        while (now > most && !m_gate->mostAtOnce.compare_exchange_weak(most, now)) {
        }
        const bool through = open.tryAcquire(1, int(std::max<qint64>(0, deadline.remainingTime())));
        --m_gate->active;
        m_gate->through += through ? 1 : 0;
        if (!through)
            return makeError(ErrorCode::Timeout, uri().text, QStringLiteral("timed out"));
        HostSnapshot h;
        h.host = uri().text;
        return h;
    }
    Result<ApplyReport> doApply(const WritePlan &, const std::function<void(int)> &) override { return ApplyReport{}; }

private:
    std::shared_ptr<Gate> m_gate;
};

} // namespace

class TstReadScheduler : public QObject {
    Q_OBJECT
    int m_slotsBefore = 0;

private slots:
    void init() { m_slotsBefore = ReadScheduler::instance().size(); }
    void cleanup() { ReadScheduler::instance().resize(m_slotsBefore); }

    void slotsAreBorrowedAndGivenBack()
    {
        ReadScheduler s(3);
        {
            ReadScheduler::Slot one = s.acquire();
            QCOMPARE(one.count(), 1);
            ReadScheduler::Slot more = s.borrow(5);
            QCOMPARE(more.count(), 2);
            QCOMPARE(s.available(), 0);
            QCOMPARE(s.borrow(1).count(), 0);
        }
        QCOMPARE(s.available(), 3);
        // A canceled wait gives up and holds nothing.
        ReadScheduler::Slot all = s.borrow(3);
        QVERIFY(!s.acquire([] { return true; }));
        QCOMPARE(s.available(), 0);
    }

    // N hosts, more than the slots: never more than `slots` reads at once, and every host loads
    // although the queue lasts several times a host's timeout.
    void everyHostLoadsWhateverItsPlaceInTheQueue_data()
    {
        QTest::addColumn<int>("slotCount");
        QTest::addColumn<int>("hosts");
        QTest::newRow("1 slot, 3 hosts") << 1 << 3;
        QTest::newRow("2 slots, 8 hosts") << 2 << 8;
        QTest::newRow("4 slots, 16 hosts") << 4 << 16;
    }
    void everyHostLoadsWhateverItsPlaceInTheQueue()
    {
        QFETCH(int, slotCount);
        QFETCH(int, hosts);
        ReadScheduler::instance().resize(slotCount);
        const int timeoutMs = 400;
        auto gate = std::make_shared<Gate>();
        std::vector<std::unique_ptr<GatedHost>> backends;
        std::vector<std::unique_ptr<QFutureWatcher<Result<HostSnapshot>>>> watchers;
        QList<std::shared_ptr<QSignalSpy>> spies;
        for (int i = 0; i < hosts; ++i) {
            backends.push_back(std::make_unique<GatedHost>(QStringLiteral("h%1").arg(i), gate));
            watchers.push_back(std::make_unique<QFutureWatcher<Result<HostSnapshot>>>());
            spies.append(std::make_shared<QSignalSpy>(watchers.back().get(), &QFutureWatcherBase::finished));
            watchers.back()->setFuture(backends.back()->readInventory({timeoutMs}));
        }
        // Batch by batch: `slots` reads run, the rest wait; each batch is let through after half
        // a timeout, so the last hosts wait (hosts / slots - 1) / 2 timeouts in the queue.
        for (int done = 0; done < hosts; done += slotCount) {
            const int batch = std::min(slotCount, hosts - done);
            QTRY_COMPARE(gate->active.load(), batch);
            QCOMPARE(gate->started.load(), done + batch);
            QElapsedTimer held;
            held.start();
            QTRY_VERIFY(held.hasExpired(timeoutMs / 2));
            // The running hosts, all chosen before any is let through (one that passes frees a
            // slot for the next batch at once).
            QList<GatedHost *> running;
            for (auto &h : backends)
                if (h->leftAtStart.load() >= 0 && !h->opened)
                    running.append(h.get());
            QCOMPARE(running.size(), batch);
            for (GatedHost *h : running) {
                h->opened = true;
                h->open.release(1);
            }
            QTRY_COMPARE(gate->through.load(), done + batch);
        }
        for (int i = 0; i < hosts; ++i) {
            QTRY_COMPARE(spies[i]->count(), 1);
            const Result<HostSnapshot> r = watchers[i]->future().result();
            QVERIFY2(r, qPrintable(QStringLiteral("host %1: %2").arg(i).arg(r ? QString() : r.error().detail)));
        }
        QCOMPARE(gate->mostAtOnce.load(), slotCount);
        QCOMPARE(ReadScheduler::instance().available(), slotCount);
    }

    // A host queued behind a long read for twice its own timeout still gets its whole timeout.
    void deadlineStartsWhenTheReadStarts()
    {
        ReadScheduler::instance().resize(1);
        auto gate = std::make_shared<Gate>();
        GatedHost first(QStringLiteral("first"), gate), second(QStringLiteral("second"), gate);
        const int shortTimeoutMs = 300;
        QFutureWatcher<Result<HostSnapshot>> w1, w2;
        QSignalSpy done1(&w1, &QFutureWatcherBase::finished), done2(&w2, &QFutureWatcherBase::finished);
        w1.setFuture(first.readInventory({60000}));
        QTRY_COMPARE(gate->started.load(), 1);
        w2.setFuture(second.readInventory({shortTimeoutMs}));
        QElapsedTimer queued;
        queued.start();
        QTRY_VERIFY(queued.hasExpired(2 * shortTimeoutMs));
        QCOMPARE(gate->started.load(), 1); // the second waits for the only slot
        QCOMPARE(second.leftAtStart.load(), -1);
        first.open.release(1);
        QTRY_COMPARE(done1.count(), 1);
        QTRY_COMPARE(gate->started.load(), 2);
        QVERIFY2(second.leftAtStart.load() > shortTimeoutMs / 2, qPrintable(QString::number(second.leftAtStart.load())));
        second.open.release(1);
        QTRY_COMPARE(done2.count(), 1);
        QVERIFY(w2.future().result());
    }

    // A queued read that is canceled leaves the queue without ever starting.
    void canceledWhileQueued()
    {
        ReadScheduler::instance().resize(1);
        auto gate = std::make_shared<Gate>();
        GatedHost first(QStringLiteral("first"), gate), second(QStringLiteral("second"), gate);
        QFutureWatcher<Result<HostSnapshot>> w1, w2;
        QSignalSpy done1(&w1, &QFutureWatcherBase::finished), done2(&w2, &QFutureWatcherBase::finished);
        w1.setFuture(first.readInventory({60000}));
        QTRY_COMPARE(gate->started.load(), 1);
        w2.setFuture(second.readInventory({60000}));
        w2.cancel();
        QTRY_COMPARE(done2.count(), 1);
        QCOMPARE(gate->started.load(), 1);
        first.open.release(1);
        QTRY_COMPARE(done1.count(), 1);
        QCOMPARE(ReadScheduler::instance().available(), 1);
    }
};

QTEST_GUILESS_MAIN(TstReadScheduler)
#include "tst_readscheduler.moc"

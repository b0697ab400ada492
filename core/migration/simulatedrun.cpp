#include "simulatedrun.h"

#include "../common/errnonames.h"
#include "../driver/vfioapdriver.h"
#include "../hosts/simulatedhost.h"
#include "../plan/matrixplan.h"

#include <QThread>

#include <cerrno>

namespace ap::migration {

namespace {

const char *const kFailureNames[] = {"none", "incompatible", "fewer-queues", "more-queues", "missing-mdev", "config-change", "host-away"};

StepEnd fromError(const Error &e)
{
    return {e.kernelErrno ? e.kernelErrno : (e.code == ErrorCode::Unreachable ? EHOSTUNREACH : EIO), e.toString(), {}, false};
}

QByteArray number(int id)
{
    return QByteArray::number(id);
}

/// The steps of a run between two simulated hosts, driving their simulated kernels.
class SimulatedSteps : public RunSteps {
public:
    SimulatedSteps(StepRunner &runner, SimulatedHost &source, SimulatedHost &target, const MigrationPlan &plan, const RunOptions &options)
        : m_runner(runner), m_src(source), m_dst(target), m_plan(plan), m_opt(options)
    {
    }

    StepEnd prepare() override;
    StepEnd run(const PlanStep &step) override;
    void finish(RunEvent &result, const PlanStep *failed, bool pastNoReturn) override;

private:
    void emitEvent(RunEvent e) { m_runner.emitEvent(std::move(e)); }
    void emitKernel(Side side, const QStringList &lines)
    {
        for (const QString &l : lines) {
            RunEvent e;
            e.kind = RunEvent::Kind::Kernel;
            e.side = side;
            e.text = l;
            emitEvent(e);
        }
    }
    void emitGuest(Side side, const char *state)
    {
        RunEvent e;
        e.kind = RunEvent::Kind::Guest;
        e.side = side;
        e.text = QLatin1String(state);
        emitEvent(e);
    }
    void emitDevice(Side side, const char *action, VfioState state = VfioState::Running)
    {
        RunEvent e;
        e.kind = RunEvent::Kind::Device;
        e.side = side;
        e.text = QLatin1String(action);
        e.to = state;
        emitEvent(e);
    }
    void pace()
    {
        if (m_opt.paceMs > 0)
            QThread::msleep(m_opt.paceMs);
    }
    bool canceled() const { return m_runner.canceled(); }
    void takeHostAway()
    {
        RunEvent e;
        e.kind = RunEvent::Kind::Inject;
        e.text = injectedFailureName(InjectedFailure::HostAway);
        emitEvent(e);
        m_dst.setReachable(false);
        m_hostTakenAway = true;
    }

    SimulatedHost &host(Side s) { return s == Side::Source ? m_src : m_dst; }
    /// Walks a device to `requested`, announcing every arc; the kernel's lines go to `log`.
    StepEnd transition(Side side, VfioState requested);

    StepEnd inject();
    /// The demo's failures are scoped to the run: what an injection changed on the destination
    /// (an adapter's type, the mdev's matrix, the mdev itself) is put back when the run ends.
    void rememberBeforeInjection()
    {
        if (!m_beforeInjection)
            m_beforeInjection = m_dst.snapshot();
    }
    void undoInjection();
    StepEnd createMdev();
    StepEnd verifyDestination();
    StepEnd destinationOpen();
    StepEnd memoryCopy();
    StepEnd sourceStopCopy();
    StepEnd destinationResuming();
    StepEnd destinationRunning();
    StepEnd sourceStop();
    StepEnd unplug();
    StepEnd switchover();
    StepEnd plug();
    void recover();
    Status moveGuest(SimulatedHost &to, const QString &mdev);
    Status setGuestMdev(SimulatedHost &h, const QString &mdev);

    StepRunner &m_runner;
    SimulatedHost &m_src;
    SimulatedHost &m_dst;
    const MigrationPlan &m_plan;
    const RunOptions &m_opt;
    bool m_srcOpen = false;
    bool m_dstOpen = false;
    bool m_unplugged = false;
    bool m_hostTakenAway = false;
    bool m_configChanged = false;
    std::optional<HostSnapshot> m_beforeInjection;
};

StepEnd SimulatedSteps::transition(Side side, VfioState requested)
{
    SimulatedHost &h = host(side);
    const Result<VfioState> before = h.migrationState(m_plan.mdev);
    if (!before)
        return fromError(before.error());
    const auto t = h.setMigrationState(m_plan.mdev, requested);
    if (!t)
        return fromError(t.error());
    VfioState from = *before;
    for (const VfioState to : t->entered) {
        RunEvent e;
        e.kind = RunEvent::Kind::State;
        e.side = side;
        e.from = from;
        e.to = to;
        e.requested = requested;
        emitEvent(e);
        from = to;
        pace();
    }
    emitKernel(side, t->log);
    if (t->err) {
        StepEnd end{t->err, QStringLiteral("%1 -> %2 refused").arg(vfioStateName(from), vfioStateName(requested)), {}, false};
        if (side == Side::Destination)
            end.log = t->log;
        return end;
    }
    return StepEnd::ok();
}

Status SimulatedSteps::setGuestMdev(SimulatedHost &h, const QString &mdev)
{
    const QString name = m_plan.guest;
    return h.modify([&](HostSnapshot &s, QStringList &) -> Status {
        for (Guest &g : s.guests) {
            if (g.name == name) {
                g.mdev = mdev;
                return {};
            }
        }
        return makeError(ErrorCode::NotFound, s.host, QStringLiteral("no guest named '%1'").arg(name));
    });
}

Status SimulatedSteps::moveGuest(SimulatedHost &to, const QString &mdev)
{
    const QString name = m_plan.guest;
    if (Status s = to.modify([&](HostSnapshot &h, QStringList &) -> Status {
            h.guests.append(Guest{name, Guest::State::Running, mdev});
            return {};
        }); !s)
        return s;
    return m_src.modify([&](HostSnapshot &h, QStringList &) -> Status {
        h.guests.removeIf([&](const Guest &g) { return g.name == name; });
        return {};
    });
}

StepEnd SimulatedSteps::inject()
{
    if (m_opt.inject == InjectedFailure::None || m_opt.inject == InjectedFailure::HostAway
        || m_opt.inject == InjectedFailure::ConfigChange)
        return StepEnd::ok();
    const QString uuid = m_plan.mdev;
    const HostSnapshot source = m_src.snapshot();
    const Mdev *sm = source.mdev(uuid);
    const QList<Apqn> apqns = sm ? sm->guestMatrix() : QList<Apqn>();
    const InjectedFailure kind = m_opt.inject;
    rememberBeforeInjection();
    const Status s = m_dst.modify([&](HostSnapshot &h, QStringList &log) -> Status {
        const auto refused = [&](const driver::Outcome &o) -> Status {
            log += o.log;
            if (o.ok())
                return {};
            return makeError(ErrorCode::Kernel, h.host, QStringLiteral("the demo could not inject the failure"), {}, o.err);
        };
        Mdev *m = h.mdev(uuid);
        switch (kind) {
        case InjectedFailure::Incompatible: {
            Card *c = apqns.isEmpty() ? nullptr : h.card(apqns.first().adapter);
            const Card *sc = apqns.isEmpty() ? nullptr : source.card(apqns.first().adapter);
            if (!c || !sc)
                return makeError(ErrorCode::NotFound, h.host, QStringLiteral("no adapter to make incompatible"));
            c->rawHwtype = sc->rawHwtype - 1; // an older adapter generation than the source's
            c->hwtype = std::min(c->hwtype, c->rawHwtype);
            if (!c->typeString.isEmpty())
                c->typeString = cexTypeName(c->hwtype, c->mode());
            return {};
        }
        case InjectedFailure::FewerQueues:
            if (!m || m->domains.isEmpty())
                return makeError(ErrorCode::NotFound, h.host, QStringLiteral("no destination mdev domain to take away"));
            return refused(driver::unassign(h, uuid, driver::MatrixPart::Domain, number(m->domains.highest())));
        case InjectedFailure::MoreQueues: {
            if (!m)
                return makeError(ErrorCode::NotFound, h.host, QStringLiteral("no destination mdev to add a domain to"));
            for (int d = 0; d <= h.bus.maxDomainId; ++d) {
                if (m->domains.test(d))
                    continue;
                bool passable = !m->adapters.isEmpty();
                for (const int a : m->adapters.ids())
                    passable = passable && driver::isPassable(h, {quint8(a), quint8(d)}) && !h.isReservedForHost({quint8(a), quint8(d)});
                if (passable && driver::checkAssign(h, uuid, driver::MatrixPart::Domain, d).ok())
                    return refused(driver::assign(h, uuid, driver::MatrixPart::Domain, number(d)));
            }
            return makeError(ErrorCode::NotFound, h.host, QStringLiteral("no free domain on the destination to add"));
        }
        case InjectedFailure::MissingMdev:
            if (!m)
                return {};
            return refused(driver::removeMdev(h, uuid, "1"));
        case InjectedFailure::None:
        case InjectedFailure::ConfigChange:
        case InjectedFailure::HostAway:
            break;
        }
        return {};
    });
    if (!s)
        return fromError(s.error());
    return StepEnd::ok();
}

StepEnd SimulatedSteps::createMdev()
{
    const MatrixAssignment matrix = m_plan.creation ? m_plan.creation->matrix : MatrixAssignment();
    auto created = m_dst.apply(plans::createMdev(m_plan.mdev)).result();
    if (!created)
        return fromError(created.error());
    emitKernel(Side::Destination, created->kernelLog);
    if (!created->ok)
        return {created->err, QStringLiteral("create refused"), created->kernelLog, false};
    auto assigned = m_dst.apply(plans::changeMatrix(m_dst.snapshot(), m_plan.mdev, matrix)).result();
    if (!assigned)
        return fromError(assigned.error());
    emitKernel(Side::Destination, assigned->kernelLog);
    if (!assigned->ok) {
        (void)m_dst.apply(plans::removeMdev(m_plan.mdev)).result();
        return {assigned->err, QStringLiteral("assignment refused; the new mdev was removed again"), assigned->kernelLog, false};
    }
    return StepEnd::ok(QStringLiteral("mdev %1 created with the source's matrix").arg(m_plan.mdev));
}

StepEnd SimulatedSteps::verifyDestination()
{
    if (!m_dst.isReachable())
        return {EHOSTUNREACH, QStringLiteral("%1 is not reachable").arg(m_plan.targetHost), {}, false};
    const HostSnapshot d = m_dst.snapshot();
    if (!d.mdev(m_plan.mdev))
        return {ENODEV, QStringLiteral("device not found: mediated device '%1' not found").arg(m_plan.mdev), {}, false};
    if (d.guestOfMdev(m_plan.mdev))
        return {EBUSY, QStringLiteral("mdev %1 is in use by guest %2 on the destination").arg(m_plan.mdev, d.guestOfMdev(m_plan.mdev)->name), {}, false};
    return StepEnd::ok();
}

StepEnd SimulatedSteps::destinationOpen()
{
    if (Status s = m_dst.openMigrationDevice(m_plan.mdev, m_plan.profile); !s)
        return fromError(s.error());
    m_dstOpen = true;
    emitGuest(Side::Destination, "paused");
    emitDevice(Side::Destination, "opened");
    return transition(Side::Destination, VfioState::Stop);
}

StepEnd SimulatedSteps::memoryCopy()
{
    const QList<MemorySample> samples = simulatePrecopy(m_opt.memory);
    const qsizetype changeAt = samples.size() / 2;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (canceled())
            return StepEnd::cancelled();
        if (i == changeAt && m_opt.inject == InjectedFailure::ConfigChange && !m_configChanged) {
            m_configChanged = true;
            RunEvent e;
            e.kind = RunEvent::Kind::Inject;
            e.text = injectedFailureName(InjectedFailure::ConfigChange);
            emitEvent(e);
            const QString uuid = m_plan.mdev;
            QStringList lines;
            rememberBeforeInjection();
            const Status s = m_dst.modify([&](HostSnapshot &h, QStringList &log) -> Status {
                const Mdev *m = h.mdev(uuid);
                if (!m || m->domains.isEmpty())
                    return {};
                const driver::Outcome o = driver::unassign(h, uuid, driver::MatrixPart::Domain, number(m->domains.ids().first()));
                log += o.log;
                lines = o.log;
                return {};
            });
            emitKernel(Side::Destination, lines);
            if (!s)
                return fromError(s.error());
        }
        if (i == changeAt && m_opt.inject == InjectedFailure::HostAway && m_plan.strategy == Strategy::Replug)
            takeHostAway();
        if (!m_dst.isReachable())
            return {EHOSTUNREACH, QStringLiteral("%1 went away during the memory copy").arg(m_plan.targetHost), {}, false};
        const MemorySample &m = samples.at(i);
        RunEvent e;
        e.kind = RunEvent::Kind::Memory;
        e.iteration = m.iteration;
        e.bytes = m.transferred;
        e.remaining = m.remaining;
        e.downtimeMs = m.expectedDowntimeMs;
        e.total = m_opt.memory.memoryBytes;
        emitEvent(e);
        pace();
    }
    const MemorySample &last = samples.constLast();
    return StepEnd::ok(QStringLiteral("%1 bytes in %2 iterations").arg(last.transferred).arg(last.iteration));
}

StepEnd SimulatedSteps::sourceStopCopy()
{
    emitGuest(Side::Source, "paused");
    return transition(Side::Source, VfioState::StopCopy);
}

StepEnd SimulatedSteps::destinationResuming()
{
    if (StepEnd e = transition(Side::Destination, VfioState::Resuming); e.err)
        return e;
    if (m_opt.inject == InjectedFailure::HostAway)
        takeHostAway();
    const qint64 chunk = std::max<qint64>(1, m_opt.chunkBytes);
    qint64 written = 0;
    for (;;) {
        if (canceled())
            return StepEnd::cancelled();
        const Result<QByteArray> data = m_src.readMigrationData(m_plan.mdev, chunk);
        if (!data)
            return fromError(data.error());
        if (data->isEmpty())
            break;
        const auto answer = m_dst.writeMigrationData(m_plan.mdev, *data);
        if (!answer)
            return fromError(answer.error());
        emitKernel(Side::Destination, answer->log);
        if (answer->err()) {
            return {answer->err(), QStringLiteral("write of %1 bytes at offset %2 failed").arg(data->size()).arg(written),
                    answer->log, false};
        }
        written += answer->result;
        RunEvent e;
        e.kind = RunEvent::Kind::Stream;
        e.bytes = written;
        e.total = m_plan.streamBytes;
        emitEvent(e);
        pace();
    }
    return StepEnd::ok(QStringLiteral("%1 bytes written").arg(written));
}

StepEnd SimulatedSteps::destinationRunning()
{
    if (StepEnd e = transition(Side::Destination, VfioState::Running); e.err)
        return e;
    if (Status s = moveGuest(m_dst, m_plan.mdev); !s)
        return fromError(s.error());
    emitGuest(Side::Destination, "running");
    return StepEnd::ok();
}

StepEnd SimulatedSteps::sourceStop()
{
    StepEnd e = transition(Side::Source, VfioState::Stop);
    m_src.closeMigrationDevice(m_plan.mdev);
    m_srcOpen = false;
    emitDevice(Side::Source, "closed");
    emitGuest(Side::Source, "gone");
    return e;
}

StepEnd SimulatedSteps::unplug()
{
    if (Status s = setGuestMdev(m_src, {}); !s)
        return fromError(s.error());
    m_unplugged = true;
    return StepEnd::ok(QStringLiteral("vfio-ap device %1 detached from %2").arg(m_plan.mdev, m_plan.guest));
}

StepEnd SimulatedSteps::switchover()
{
    emitGuest(Side::Source, "paused");
    if (Status s = moveGuest(m_dst, {}); !s)
        return fromError(s.error());
    emitGuest(Side::Source, "gone");
    emitGuest(Side::Destination, "running");
    return StepEnd::ok();
}

StepEnd SimulatedSteps::plug()
{
    if (!m_dst.snapshot().mdev(m_plan.mdev))
        return {ENODEV, QStringLiteral("device not found: mediated device '%1' not found").arg(m_plan.mdev), {}, false};
    if (Status s = setGuestMdev(m_dst, m_plan.mdev); !s)
        return fromError(s.error());
    const HostSnapshot d = m_dst.snapshot();
    const qsizetype now = d.mdev(m_plan.mdev) ? d.mdev(m_plan.mdev)->guestMatrix().size() : 0;
    QString detail = QStringLiteral("the guest sees %1 of %2 queues").arg(now).arg(m_plan.queues);
    return StepEnd::ok(detail);
}

StepEnd SimulatedSteps::run(const PlanStep &step)
{
    switch (step.id) {
    case StepId::CreateMdev: return createMdev();
    case StepId::VerifyDestination: return verifyDestination();
    case StepId::DestinationOpen: return destinationOpen();
    case StepId::MemoryCopy: return memoryCopy();
    case StepId::SourceStopCopy: return sourceStopCopy();
    case StepId::DestinationResuming: return destinationResuming();
    case StepId::DestinationRunning: return destinationRunning();
    case StepId::SourceStop: return sourceStop();
    case StepId::Unplug: return unplug();
    case StepId::Switchover: return switchover();
    case StepId::Plug: return plug();
    case StepId::LibvirtMigrate: break;
    }
    return {EINVAL, QStringLiteral("step %1 needs libvirt").arg(stepIdName(step.id)), {}, false};
}

void SimulatedSteps::recover()
{
    if (m_srcOpen) {
        (void)transition(Side::Source, VfioState::Running);
        if (m_src.migrationState(m_plan.mdev).valueOr(VfioState::Error) == VfioState::Running)
            emitGuest(Side::Source, "running");
    }
    if (m_unplugged && setGuestMdev(m_src, m_plan.mdev))
        emitGuest(Side::Source, "running");
}

StepEnd SimulatedSteps::prepare()
{
    if (m_opt.inject != InjectedFailure::None) {
        RunEvent e;
        e.kind = RunEvent::Kind::Inject;
        e.text = injectedFailureName(m_opt.inject);
        if (m_opt.inject != InjectedFailure::ConfigChange && m_opt.inject != InjectedFailure::HostAway)
            emitEvent(e);
        if (StepEnd end = inject(); end.err)
            return end;
    }
    if (m_plan.strategy == Strategy::Live) {
        if (Status s = m_src.openMigrationDevice(m_plan.mdev, m_plan.profile); !s)
            return {s.error().kernelErrno ? s.error().kernelErrno : ENODEV, s.error().toString(), {}, false};
        m_srcOpen = true;
        emitDevice(Side::Source, "opened");
    }
    return StepEnd::ok();
}

void SimulatedSteps::finish(RunEvent &result, const PlanStep *failed, bool pastNoReturn)
{
    if (m_dstOpen)
        result.destinationState = m_dst.migrationState(m_plan.mdev).toOptional();
    if (failed && !pastNoReturn) {
        recover();
        if (m_dstOpen) {
            // The incoming guest's QEMU gives up: its device is closed, the guest disappears.
            m_dst.closeMigrationDevice(m_plan.mdev);
            emitDevice(Side::Destination, "closed");
            emitGuest(Side::Destination, "gone");
        }
    }
    if (m_srcOpen)
        result.sourceState = m_src.migrationState(m_plan.mdev).toOptional();
    undoInjection();
    if (m_hostTakenAway) {
        m_dst.setReachable(true);
        RunEvent back;
        back.kind = RunEvent::Kind::Inject;
        back.text = QStringLiteral("host-back");
        emitEvent(back);
    }
}

void SimulatedSteps::undoInjection()
{
    if (!m_beforeInjection)
        return;
    const HostSnapshot &was = *m_beforeInjection;
    const QString uuid = m_plan.mdev;
    QStringList lines;
    const Status s = m_dst.modify([&](HostSnapshot &h, QStringList &log) -> Status {
        for (const Card &c : was.cards)
            if (Card *now = h.card(c.id))
                *now = c;
        // A guest that now uses the mdev (the run got through) keeps what it has.
        const Mdev *wasMdev = was.mdev(uuid);
        if (!wasMdev || h.guestOfMdev(uuid))
            return {};
        if (!h.mdev(uuid))
            log += driver::createMdev(h, uuid.toLatin1()).log;
        if (h.mdev(uuid)) {
            PlanReplay restored = replayPlan(h, plans::changeMatrix(h, uuid, MatrixAssignment::of(*wasMdev)));
            log += restored.outcome.log;
            lines = restored.outcome.log;
            if (restored.ok())
                h = std::move(restored.after);
        }
        return {};
    });
    emitKernel(Side::Destination, lines);
    RunEvent undone;
    undone.kind = RunEvent::Kind::Inject;
    undone.text = s ? QStringLiteral("undone") : QStringLiteral("not undone: %1").arg(s.error().toString());
    emitEvent(undone);
}

} // namespace

QString injectedFailureName(InjectedFailure f)
{
    return QLatin1String(kFailureNames[int(f)]);
}

std::optional<InjectedFailure> parseInjectedFailure(QStringView text)
{
    for (int i = 0; i < int(std::size(kFailureNames)); ++i) {
        if (text == QLatin1String(kFailureNames[i]))
            return InjectedFailure(i);
    }
    return std::nullopt;
}

QList<InjectedFailure> allInjectedFailures()
{
    QList<InjectedFailure> all;
    for (int i = 1; i < int(std::size(kFailureNames)); ++i)
        all.append(InjectedFailure(i));
    return all;
}

RunEvent runSimulatedMigration(SimulatedHost &source, SimulatedHost &target, const MigrationPlan &plan,
                               const RunOptions &options, const EventSink &sink, const std::atomic_bool &cancel)
{
    StepRunner runner(plan, sink, cancel);
    SimulatedSteps steps(runner, source, target, plan, options);
    return runner.run(steps, plan.strategy == Strategy::Live ? plan.streamBytes : 0, options.dryRun);
}

} // namespace ap::migration

#include "runevent.h"

#include "../common/errnonames.h"

#include <QJsonArray>

namespace ap::migration {

namespace {

const char *const kKinds[] = {"plan", "inject", "step", "state", "stream", "memory", "kernel", "guest", "result", "device"};
const char *const kStatuses[] = {"started", "done", "failed", "skipped", "cancelled"};

template<typename E, size_t N>
std::optional<E> parseName(const QString &text, const char *const (&names)[N])
{
    for (size_t i = 0; i < N; ++i) {
        if (text == QLatin1String(names[i]))
            return E(i);
    }
    return std::nullopt;
}

std::optional<Side> parseSide(const QString &text)
{
    if (text == u"source")
        return Side::Source;
    if (text == u"destination")
        return Side::Destination;
    if (text.isEmpty())
        return Side::None;
    return std::nullopt;
}

QJsonValue stateOrNull(const std::optional<VfioState> &s)
{
    return s ? QJsonValue(vfioStateName(*s)) : QJsonValue(QJsonValue::Null);
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out.append(e.toString());
    return out;
}

} // namespace

QString sideName(Side s)
{
    switch (s) {
    case Side::Source: return QStringLiteral("source");
    case Side::Destination: return QStringLiteral("destination");
    case Side::None: break;
    }
    return {};
}

QString stepStatusName(RunEvent::StepStatus s)
{
    return QLatin1String(kStatuses[int(s)]);
}

QJsonObject RunEvent::toJson(bool withTime) const
{
    QJsonObject o;
    o[QLatin1String("event")] = QLatin1String(kKinds[int(kind)]);
    if (withTime)
        o[QLatin1String("t")] = timeMs;
    switch (kind) {
    case Kind::Plan:
        o[QLatin1String("strategy")] = strategy;
        o[QLatin1String("steps")] = toArray(steps);
        o[QLatin1String("streamBytes")] = total;
        if (!log.isEmpty()) // a plan's findings (MigrationPlan::findings) travel in `log`
            o[QLatin1String("findings")] = toArray(log);
        break;
    case Kind::Inject:
        o[QLatin1String("failure")] = text;
        break;
    case Kind::Step:
        o[QLatin1String("step")] = step;
        o[QLatin1String("status")] = stepStatusName(status);
        if (!text.isEmpty())
            o[QLatin1String("detail")] = text;
        if (err)
            o[QLatin1String("errno")] = errnoName(err);
        break;
    case Kind::State:
        o[QLatin1String("side")] = sideName(side);
        o[QLatin1String("from")] = vfioStateName(from);
        o[QLatin1String("to")] = vfioStateName(to);
        o[QLatin1String("requested")] = vfioStateName(requested);
        break;
    case Kind::Stream:
        o[QLatin1String("written")] = bytes;
        o[QLatin1String("total")] = total;
        break;
    case Kind::Memory:
        o[QLatin1String("iteration")] = iteration;
        o[QLatin1String("transferred")] = bytes;
        o[QLatin1String("remaining")] = remaining;
        o[QLatin1String("downtimeMs")] = downtimeMs;
        o[QLatin1String("memory")] = total;
        break;
    case Kind::Kernel:
        o[QLatin1String("side")] = sideName(side);
        o[QLatin1String("line")] = text;
        break;
    case Kind::Guest:
        o[QLatin1String("side")] = sideName(side);
        o[QLatin1String("state")] = text;
        break;
    case Kind::Device:
        o[QLatin1String("side")] = sideName(side);
        o[QLatin1String("action")] = text;
        if (text == u"opened")
            o[QLatin1String("state")] = vfioStateName(to);
        break;
    case Kind::Result:
        o[QLatin1String("ok")] = ok;
        if (!step.isEmpty())
            o[QLatin1String("failedStep")] = step;
        if (err) {
            o[QLatin1String("errno")] = errnoName(err);
            o[QLatin1String("errnoValue")] = err;
        }
        if (!text.isEmpty())
            o[QLatin1String("message")] = text;
        o[QLatin1String("kernelLog")] = toArray(log);
        o[QLatin1String("sourceState")] = stateOrNull(sourceState);
        o[QLatin1String("destinationState")] = stateOrNull(destinationState);
        break;
    }
    return o;
}

std::optional<RunEvent> RunEvent::fromJson(const QJsonObject &o)
{
    const auto kind = parseName<Kind>(o.value(QLatin1String("event")).toString(), kKinds);
    if (!kind)
        return std::nullopt;
    RunEvent e;
    e.kind = *kind;
    e.timeMs = o.value(QLatin1String("t")).toInteger();
    const auto state = [&o](const char *key) { return parseVfioState(o.value(QLatin1String(key)).toString()); };
    const auto side = parseSide(o.value(QLatin1String("side")).toString());
    if (!side)
        return std::nullopt;
    e.side = *side;
    switch (e.kind) {
    case Kind::Plan:
        e.strategy = o.value(QLatin1String("strategy")).toString();
        e.steps = toList(o.value(QLatin1String("steps")));
        e.log = toList(o.value(QLatin1String("findings")));
        e.total = o.value(QLatin1String("streamBytes")).toInteger();
        break;
    case Kind::Inject:
        e.text = o.value(QLatin1String("failure")).toString();
        break;
    case Kind::Step: {
        e.step = o.value(QLatin1String("step")).toString();
        const auto st = parseName<StepStatus>(o.value(QLatin1String("status")).toString(), kStatuses);
        if (!st)
            return std::nullopt;
        e.status = *st;
        e.text = o.value(QLatin1String("detail")).toString();
        e.err = errnoFromName(o.value(QLatin1String("errno")).toString());
        break;
    }
    case Kind::State: {
        const auto f = state("from"), t = state("to"), r = state("requested");
        if (!f || !t || !r)
            return std::nullopt;
        e.from = *f;
        e.to = *t;
        e.requested = *r;
        break;
    }
    case Kind::Stream:
        e.bytes = o.value(QLatin1String("written")).toInteger();
        e.total = o.value(QLatin1String("total")).toInteger();
        break;
    case Kind::Memory:
        e.iteration = o.value(QLatin1String("iteration")).toInt();
        e.bytes = o.value(QLatin1String("transferred")).toInteger();
        e.remaining = o.value(QLatin1String("remaining")).toInteger();
        e.downtimeMs = o.value(QLatin1String("downtimeMs")).toInteger();
        e.total = o.value(QLatin1String("memory")).toInteger();
        break;
    case Kind::Kernel:
    case Kind::Guest:
        e.text = o.value(QLatin1String(e.kind == Kind::Kernel ? "line" : "state")).toString();
        break;
    case Kind::Device:
        e.text = o.value(QLatin1String("action")).toString();
        e.to = state("state").value_or(VfioState::Error);
        break;
    case Kind::Result:
        e.ok = o.value(QLatin1String("ok")).toBool();
        e.step = o.value(QLatin1String("failedStep")).toString();
        e.err = o.value(QLatin1String("errnoValue")).toInt();
        e.text = o.value(QLatin1String("message")).toString();
        e.log = toList(o.value(QLatin1String("kernelLog")));
        e.sourceState = state("sourceState");
        e.destinationState = state("destinationState");
        break;
    }
    return e;
}

} // namespace ap::migration

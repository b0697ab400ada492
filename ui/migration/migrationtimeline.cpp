#include "migrationtimeline.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

namespace ap::ui {

using namespace ap::migration;

MigrationTimeline::MigrationTimeline(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_source = new QLineSeries(chart);
    m_source->setName(tr("Source device"));
    m_destination = new QLineSeries(chart);
    m_destination->setName(tr("Destination device"));
    m_memory = new QLineSeries(chart);
    m_memory->setName(tr("Guest memory sent (MiB)"));
    m_stream = new QLineSeries(chart);
    m_stream->setName(tr("Device data written (bytes)"));
    for (QLineSeries *s : {m_source, m_destination, m_memory, m_stream})
        chart->addSeries(s);

    m_time = new QValueAxis(chart);
    m_time->setTitleText(tr("seconds"));
    m_time->setRange(0, 1);
    m_time->setLabelFormat(QStringLiteral("%.1f"));
    auto *states = new QCategoryAxis(chart);
    states->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (const VfioState s : {VfioState::Stop, VfioState::Running, VfioState::StopCopy, VfioState::Resuming})
        states->append(vfioStateName(s), int(s));
    states->setRange(0.5, 4.5);
    m_memoryAxis = new QValueAxis(chart);
    m_memoryAxis->setTitleText(tr("MiB"));
    // Whole MiB on five ticks: an empty axis reads 0, 1, 2, 3, 4 rather than 0, 0, 1, 1, 1.
    m_memoryAxis->setRange(0, 4);
    m_memoryAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_memoryAxis->setTickCount(5);
    m_streamAxis = new QValueAxis(chart);
    m_streamAxis->setTitleText(tr("bytes"));
    // Whole bytes on nice round ticks: a range of 0..1 with "%d" printed 1,0,0,0,0.
    m_streamAxis->setRange(0, 100);
    m_streamAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_streamAxis->setTickCount(5);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(states, Qt::AlignLeft);
    chart->addAxis(m_memoryAxis, Qt::AlignRight);
    chart->addAxis(m_streamAxis, Qt::AlignRight);
    for (QLineSeries *s : {m_source, m_destination, m_memory, m_stream})
        s->attachAxis(m_time);
    m_source->attachAxis(states);
    m_destination->attachAxis(states);
    m_memory->attachAxis(m_memoryAxis);
    m_stream->attachAxis(m_streamAxis);
    // QChartView starts with a chart of its own and lets go of it (does not delete it) on setChart.
    QChart *empty = QChartView::chart();
    setChart(chart);
    delete empty;
    setMinimumHeight(220);
    setAccessibleName(tr("Migration timeline"));
}

void MigrationTimeline::clear()
{
    for (QLineSeries *s : {m_source, m_destination, m_memory, m_stream})
        s->clear();
    m_time->setRange(0, 1);
    m_memoryAxis->setRange(0, 4);
    m_streamAxis->setRange(0, 100);
    m_maxMemory = m_maxStream = 1;
}

int MigrationTimeline::pointCount() const
{
    return int(m_source->count() + m_destination->count() + m_memory->count() + m_stream->count());
}

void MigrationTimeline::extendTime(qreal seconds)
{
    if (seconds > m_time->max())
        m_time->setMax(seconds * 1.1);
}

void MigrationTimeline::addState(QLineSeries *series, qreal seconds, VfioState to)
{
    if (series->count() > 0) // a step: hold the previous state until now
        series->append(seconds, series->at(series->count() - 1).y());
    series->append(seconds, int(to));
}

void MigrationTimeline::addEvent(const RunEvent &e)
{
    const qreal t = e.timeMs / 1000.0;
    extendTime(t);
    switch (e.kind) {
    case RunEvent::Kind::State:
        addState(e.side == Side::Source ? m_source : m_destination, t, e.to);
        break;
    case RunEvent::Kind::Device:
        if (e.text == u"opened")
            addState(e.side == Side::Source ? m_source : m_destination, t, e.to);
        break;
    case RunEvent::Kind::Memory: {
        const qreal mib = e.bytes / (1024.0 * 1024.0);
        m_memory->append(t, mib);
        m_maxMemory = qMax(m_maxMemory, mib);
        m_memoryAxis->setRange(0, m_maxMemory * 1.1);
        m_memoryAxis->applyNiceNumbers();
        break;
    }
    case RunEvent::Kind::Stream:
        if (m_stream->count() == 0)
            m_stream->append(t, 0); // a one-write stream still shows as a rise
        m_stream->append(t, qreal(e.bytes));
        m_maxStream = qMax(m_maxStream, qreal(qMax(e.bytes, e.total)));
        m_streamAxis->setRange(0, m_maxStream * 1.1);
        m_streamAxis->applyNiceNumbers(); // 0, 20, 40… instead of fractions of a byte
        break;
    default:
        break;
    }
}

} // namespace ap::ui

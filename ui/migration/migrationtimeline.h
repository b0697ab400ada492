#pragma once

#include <migration/runevent.h>

#include <QChartView>

class QCategoryAxis;
class QLineSeries;
class QValueAxis;

namespace ap::ui {

/// The run over time (Qt Charts): each device's state as a step line against the state names,
/// the guest memory sent and the device data written against their own axes.
class MigrationTimeline : public QChartView {
    Q_OBJECT
public:
    explicit MigrationTimeline(QWidget *parent = nullptr);
    void addEvent(const migration::RunEvent &event);
    void clear();
    /// Points of each series (for tests and the accessible description).
    int pointCount() const;

private:
    void extendTime(qreal seconds);
    void addState(QLineSeries *series, qreal seconds, migration::VfioState to);

    QLineSeries *m_source = nullptr;
    QLineSeries *m_destination = nullptr;
    QLineSeries *m_memory = nullptr;
    QLineSeries *m_stream = nullptr;
    QValueAxis *m_time = nullptr;
    QValueAxis *m_memoryAxis = nullptr;
    QValueAxis *m_streamAxis = nullptr;
    qreal m_maxMemory = 1;
    qreal m_maxStream = 1;
};

} // namespace ap::ui

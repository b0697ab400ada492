#include "linestream.h"

#include <QTimer>

#include <utility>

namespace ap {

LineStream::LineStream(QObject *parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &LineStream::readLines);
    connect(&m_process, &QProcess::finished, this, [this] {
        readLines();
        if (!m_partial.isEmpty())
            emit line(QString::fromUtf8(m_partial));
        m_partial.clear();
        const QString reason = m_stopping ? QString() : QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed();
        emit ended(reason);
        if (m_next) {
            const auto [program, arguments] = *std::exchange(m_next, std::nullopt);
            start(program, arguments);
        }
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            emit ended(m_process.errorString());
    });
}

LineStream::~LineStream()
{
    // SIGKILL ends the program at once, so QProcess's own destructor reaps it without a wait
    // worth the name; the remote side goes with the closed channel.
    m_process.disconnect(this);
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
}

void LineStream::start(const QString &program, const QStringList &arguments)
{
    if (m_process.state() != QProcess::NotRunning) {
        m_next = {program, arguments}; // started once the running program has ended
        stop();
        return;
    }
    ++m_generation;
    m_stopping = false;
    m_partial.clear();
    m_process.start(program, arguments);
}

void LineStream::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.terminate();
    // No wait: a program that ignores SIGTERM is killed a second later, from the event loop.
    QTimer::singleShot(1000, &m_process, [this, generation = m_generation] {
        if (generation == m_generation && m_process.state() != QProcess::NotRunning)
            m_process.kill();
    });
}

void LineStream::readLines()
{
    m_partial += m_process.readAllStandardOutput();
    qsizetype nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        emit line(QString::fromUtf8(m_partial.left(nl)));
        m_partial.remove(0, nl + 1);
    }
}

} // namespace ap

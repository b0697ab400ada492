#include "linestream.h"

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
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            emit ended(m_process.errorString());
    });
}

LineStream::~LineStream()
{
    stop();
}

void LineStream::start(const QString &program, const QStringList &arguments)
{
    stop();
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
    if (!m_process.waitForFinished(1000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
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

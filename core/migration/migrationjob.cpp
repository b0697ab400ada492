#include "migrationjob.h"

#include <QPointer>
#include <QThread>

namespace ap::migration {

MigrationJob::MigrationJob(Work work, QObject *parent)
    : QObject(parent)
    , m_work(std::move(work))
{
}

MigrationJob::~MigrationJob()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void MigrationJob::start()
{
    if (m_running || m_thread)
        return;
    m_running = true;
    QPointer<MigrationJob> self(this);
    m_thread = QThread::create([this, self] {
        const Sink sink = [this, self](const RunEvent &e) {
            QMetaObject::invokeMethod(this, [self, e] {
                if (!self)
                    return;
                self->m_events.append(e);
                emit self->event(e);
            }, Qt::QueuedConnection);
        };
        const RunEvent result = m_work(sink, m_cancel);
        QMetaObject::invokeMethod(this, [self, result] {
            if (!self)
                return;
            self->m_running = false;
            emit self->finished(result);
        }, Qt::QueuedConnection);
    });
    m_thread->start();
}

void MigrationJob::cancel()
{
    m_cancel.store(true);
}

} // namespace ap::migration

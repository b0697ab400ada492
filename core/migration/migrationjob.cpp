#include "migrationjob.h"

#include <QPointer>
#include <QThread>

namespace ap::migration {

MigrationJob::MigrationJob(Work work, QObject *parent)
    : QObject(parent)
    , m_work(std::move(work))
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
}

MigrationJob::~MigrationJob() = default;

void MigrationJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    const QPointer<MigrationJob> self(this);
    // The thread owns the work and the cancel flag; it outlives the job if need be and deletes
    // itself once the run has ended.
    QThread *thread = QThread::create([self, work = std::move(m_work), cancel = m_cancel] {
        // Events go through the thread object: it lives on the job's thread until the run has
        // ended, whereas the job may go away at any moment.
        QObject *relay = QThread::currentThread();
        const Sink sink = [self, relay](const RunEvent &e) {
            QMetaObject::invokeMethod(relay, [self, e] {
                if (!self)
                    return;
                self->m_events.append(e);
                emit self->runEvent(e);
            }, Qt::QueuedConnection);
        };
        const RunEvent result = work(sink, *cancel);
        QMetaObject::invokeMethod(relay, [self, result] {
            if (!self)
                return;
            self->m_running = false;
            emit self->finished(result);
        }, Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void MigrationJob::cancel()
{
    m_cancel->store(true);
}

} // namespace ap::migration

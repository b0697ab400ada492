#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>

#include <optional>
#include <utility>

namespace ap {

/// A long-running program whose stdout is a stream of lines (a remote `journalctl -k -f` through
/// ssh): each complete line is emitted as it arrives, on the thread that owns the stream. Never
/// blocks; stop() (or destruction) ends the program.
class LineStream : public QObject {
    Q_OBJECT
public:
    explicit LineStream(QObject *parent = nullptr);
    ~LineStream() override;

    /// Starts the program; one still running is stopped first and this one follows it.
    void start(const QString &program, const QStringList &arguments);
    /// Asks the program to end (SIGTERM, SIGKILL a second later); returns at once, ended()
    /// follows from the event loop.
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

signals:
    void line(const QString &text);
    /// The program ended (or could not start); `reason` is its last complaint, if any.
    void ended(const QString &reason);

private:
    void readLines();

    QProcess m_process;
    QByteArray m_partial;
    bool m_stopping = false;
    int m_generation = 0; ///< which start() a delayed kill belongs to
    std::optional<std::pair<QString, QStringList>> m_next;
};

} // namespace ap

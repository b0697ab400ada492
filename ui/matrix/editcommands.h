#pragma once

#include <model/mdev.h>

#include <QHash>
#include <QPointer>
#include <QUndoCommand>

namespace ap::ui {

class HostSession;

/// One step of matrix editing: the pending targets before and after. A multi-item drag is one
/// command. Undo and redo only change the preview; nothing is written before Apply.
class ChangePendingCommand : public QUndoCommand {
public:
    ChangePendingCommand(HostSession *session, QHash<QString, MatrixAssignment> before, QHash<QString, MatrixAssignment> after,
                         const QString &text);
    void undo() override;
    void redo() override;

private:
    QPointer<HostSession> m_session;
    QHash<QString, MatrixAssignment> m_before;
    QHash<QString, MatrixAssignment> m_after;
};

} // namespace ap::ui

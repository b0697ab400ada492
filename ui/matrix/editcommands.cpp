#include "editcommands.h"

#include "../fleet/hostsession.h"

namespace ap::ui {

ChangePendingCommand::ChangePendingCommand(HostSession *session, QHash<QString, MatrixAssignment> before,
                                           QHash<QString, MatrixAssignment> after, const QString &text)
    : QUndoCommand(text)
    , m_session(session)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void ChangePendingCommand::undo()
{
    if (m_session)
        m_session->setPending(m_before);
}

void ChangePendingCommand::redo()
{
    if (m_session)
        m_session->setPending(m_after);
}

} // namespace ap::ui

#pragma once

#include <driver/migration/vfiostate.h>

#include <QList>
#include <QWidget>

#include <optional>

namespace ap::ui {

/// The VFIO migration state machine of one vfio-ap device: all eight uapi states, those its
/// flags (STOP_COPY only) do not support drawn apart (dashed, greyed), every arc the VFIO core can take drawn
/// faintly, the arcs this run took drawn strong and numbered, and the current state lit.
/// A closed device has no current state.
class VfioStateDiagram : public QWidget {
    Q_OBJECT
public:
    explicit VfioStateDiagram(const QString &title, QWidget *parent = nullptr);

    /// The title ("Source device") and, on a line of its own, the host it is on.
    void setTitle(const QString &title, const QString &host = {});
    /// The device was opened in `state` (a run starts) or closed (nullopt).
    void setCurrent(std::optional<migration::VfioState> state);
    /// The device went from `from` to `to` (becomes the current state).
    void addArc(migration::VfioState from, migration::VfioState to);
    void clear();

    std::optional<migration::VfioState> current() const { return m_current; }
    const QList<std::pair<migration::VfioState, migration::VfioState>> &arcs() const { return m_arcs; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRectF stateRect(migration::VfioState s) const;
    void updateAccessibleText();

    QString m_title;
    QString m_host;
    static constexpr quint32 kFlags = migration::StopCopyFlag; ///< what vfio-ap advertises
    std::optional<migration::VfioState> m_current;
    QList<std::pair<migration::VfioState, migration::VfioState>> m_arcs;
};

} // namespace ap::ui

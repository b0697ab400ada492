#include "fleeticons.h"

#include <QApplication>
#include <QStyle>

namespace ap::ui {

namespace {
QIcon load(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
} // namespace

QIcon hostIcon(HostSession::State state)
{
    static const QIcon connected = load("host-connected");
    static const QIcon connecting = load("host-connecting");
    static const QIcon unreachable = load("host-unreachable");
    switch (state) {
    case HostSession::State::Connecting: return connecting;
    case HostSession::State::Connected: return connected;
    case HostSession::State::Failed: return unreachable;
    }
    return unreachable;
}

QIcon adapterIcon(CryptoMode mode)
{
    static const QIcon plain = load("adapter");
    static const QIcon accel = load("adapter-accel");
    static const QIcon cca = load("adapter-cca");
    static const QIcon ep11 = load("adapter-ep11");
    switch (mode) {
    case CryptoMode::None: return plain;
    case CryptoMode::Accelerator: return accel;
    case CryptoMode::Cca: return cca;
    case CryptoMode::Ep11: return ep11;
    }
    return plain;
}

QIcon mdevIcon(bool started)
{
    static const QIcon running = load("mdev");
    static const QIcon stopped = load("mdev-stopped");
    return started ? running : stopped;
}

QIcon guestIcon()
{
    static const QIcon guest = load("guest");
    return guest;
}

QIcon groupIcon()
{
    // The style loads its pixmaps from files on every call: painting a fleet of 50 hosts spent a
    // fifth of the GUI thread's start-up decoding this one folder image.
    static const QIcon folder = QApplication::style()->standardIcon(QStyle::SP_DirIcon);
    return folder;
}

} // namespace ap::ui

#pragma once

#include <model/hostsnapshot.h>

#include <QTextBrowser>

namespace ap::ui {

/// Details of the selected host, adapter, queue, mdev or guest: type and mode, the facility word
/// decoded bit by bit, driver, counters and master key patterns.
class Inspector : public QTextBrowser {
    Q_OBJECT
public:
    explicit Inspector(QWidget *parent = nullptr);

    void showNothing();
    void showHost(const HostSnapshot &h);
    void showCard(const HostSnapshot &h, int id);
    void showQueue(const HostSnapshot &h, Apqn apqn);
    void showMdev(const HostSnapshot &h, const QString &uuid);
    void showGuest(const HostSnapshot &h, const QString &name);

    /// The facility word as rows "bit, name, set/clear" (HTML table rows).
    static QString functionsTable(std::uint32_t functions);

protected:
    /// What is copied, without the invisible line breaks put into UUIDs.
    QMimeData *createMimeDataFromSelection() const override;
};

} // namespace ap::ui

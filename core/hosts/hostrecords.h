#pragma once

#include "../common/result.h"
#include "../plan/writeplan.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ap {

/// What host backends keep beyond their own lifetime: the audit journal of applied writes and a
/// simulated host's state. The store implements it; backends know only this interface, so the
/// hosts layer never depends on the store.
class HostRecords {
public:
    virtual ~HostRecords() = default;

    virtual Status appendJournal(const QList<JournalEntry> &entries) = 0;
    virtual Status saveSimulatedHost(const QString &name, const QJsonObject &snapshot) = 0;
    virtual Result<std::optional<QJsonObject>> simulatedHost(const QString &name) const = 0;
};

} // namespace ap

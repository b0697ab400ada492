#pragma once

#include "queuegroups.h"

#include "../migration/check.h"

#include <QCoreApplication>
#include <QString>

namespace ap::report {

/// The words of a pre-migration report in the operator's language: whatever translator the
/// application installed (the console's German), English without one (the CLI). The engine
/// below returns codes and data; this is where they become sentences. JSON never goes here.
class ReportWords {
    Q_DECLARE_TR_FUNCTIONS(ap::report::ReportWords)
public:
    /// One sentence: ready or not, what the destination driver answers and, when not ready,
    /// what blocks by name ("Not ready: … 2 findings block the migration: no destination mdev, …").
    static QString verdict(const migration::CheckReport &r);
    /// A short name of what an error finding blocks on ("no destination mdev"); the id if unknown.
    static QString blockerTitle(const QString &findingId);
    static QString findingMessage(const migration::Finding &f);
    static QString findingHint(const migration::Finding &f);
    /// Any sentence as data (a revision note, a finding's text) in the operator's language.
    static QString sentence(const migration::FindingText &t);
    static QString severity(migration::Severity s);
    /// "compatible" / "incompatible" for the driver's answer.
    static QString decision(bool compatible);
    static QString groupKind(QueueGroup::Kind k);
    /// A set of APQNs, short: one APQN, "adapters 0x05-0x06 × domains 0x00-0x3f" for a full
    /// cross product, otherwise per adapter "0x05: domains 0x00-0x0f; 0x06: domains 0x10".
    static QString apqnSet(const QList<Apqn> &apqns);
};

} // namespace ap::report

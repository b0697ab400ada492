#pragma once

// Skipping a test must never look like passing it: AP_SKIP marks the test skipped for ctest (the
// tests' SKIP_REGULAR_EXPRESSION matches the line it prints), and under CI (CI=true) it fails
// instead, so that a CI run never passes over what it did not run. Use it in initTestCase only:
// ctest then counts the whole executable as skipped, with no passing function beside it.

#include <QString>
#include <QTest>

#define AP_SKIP(reason)                                                                             \
    do {                                                                                            \
        const QString apSkipReason = QString::fromUtf8(reason);                                     \
        if (qEnvironmentVariable("CI") == QLatin1String("true"))                                    \
            QFAIL(qPrintable(QStringLiteral("cannot run under CI: ") + apSkipReason));              \
        QSKIP(qPrintable(QStringLiteral("[apconsole-skip] ") + apSkipReason));                      \
    } while (false)

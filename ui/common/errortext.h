#pragma once

#include <common/error.h>

#include <QCoreApplication>
#include <QString>

namespace ap::ui {

/// The operator's words for what core reports as codes. Core's own English hint is shown only
/// for errors that carry no hint code.
class ErrorText {
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    /// The translated words of a hint code (empty for Hint::None).
    static QString hint(Hint which);
    /// The hint of an error: its code's words, else the error's own hint text.
    static QString hintOf(const Error &error);
    /// "where: detail (ERRNO)" and, on the next line, the hint, for message boxes and tooltips.
    static QString describe(const Error &error);
};

} // namespace ap::ui

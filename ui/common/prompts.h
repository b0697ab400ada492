#pragma once

#include <QMessageBox>
#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

/// Questions and messages that never spin a nested event loop on the GUI thread: each opens
/// window-modal and returns at once; the continuation runs when the operator answers, and never
/// if the parent window is gone first (the prompt is its child).
namespace ap::ui::prompt {

void tell(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text);
inline void warn(QWidget *parent, const QString &title, const QString &text)
{
    tell(parent, QMessageBox::Warning, title, text);
}
inline void inform(QWidget *parent, const QString &title, const QString &text)
{
    tell(parent, QMessageBox::Information, title, text);
}

/// `answered` gets the button pressed (the escape button when the prompt is closed). Returns the
/// open prompt, which deletes itself once answered.
QMessageBox *ask(QWidget *parent, const QString &title, const QString &text, QMessageBox::StandardButtons buttons,
         QMessageBox::StandardButton defaultButton, std::function<void(QMessageBox::StandardButton)> answered);
/// The application's "About" box: its icon, a title and rich text.
void about(QWidget *parent, const QString &title, const QString &text);
/// Yes / No; `onYes` runs on Yes only.
void confirm(QWidget *parent, const QString &title, const QString &text, std::function<void()> onYes);

/// A file to write; `chosen` does not run on Cancel.
void saveFile(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter,
              std::function<void(const QString &)> chosen);
/// An existing file to read; `chosen` does not run on Cancel.
void openFile(QWidget *parent, const QString &caption, const QString &filter, std::function<void(const QString &)> chosen);
/// A line of text, `text` prefilled; `chosen` does not run on Cancel.
void askText(QWidget *parent, const QString &title, const QString &label, const QString &text,
             std::function<void(const QString &)> chosen);
/// One of `items`, `current` preselected; `chosen` does not run on Cancel.
void chooseItem(QWidget *parent, const QString &title, const QString &label, const QStringList &items, int current,
                std::function<void(const QString &)> chosen);

} // namespace ap::ui::prompt

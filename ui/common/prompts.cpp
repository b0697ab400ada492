#include "prompts.h"

#include <QApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QPushButton>

namespace ap::ui::prompt {

void tell(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QMessageBox *ask(QWidget *parent, const QString &title, const QString &text, QMessageBox::StandardButtons buttons,
         QMessageBox::StandardButton defaultButton, std::function<void(QMessageBox::StandardButton)> answered)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, buttons, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(defaultButton);
    QObject::connect(box, &QMessageBox::finished, box, [box, answered = std::move(answered)] {
        QAbstractButton *clicked = box->clickedButton();
        answered(clicked ? box->standardButton(clicked) : QMessageBox::NoButton);
    });
    box->open();
    return box;
}

void about(QWidget *parent, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    box->setIconPixmap(QApplication::windowIcon().pixmap(64));
    box->open();
}

void confirm(QWidget *parent, const QString &title, const QString &text, std::function<void()> onYes)
{
    ask(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes,
        [onYes = std::move(onYes)](QMessageBox::StandardButton b) {
            if (b == QMessageBox::Yes)
                onYes();
        });
}

namespace {

void fileDialog(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter,
                QFileDialog::AcceptMode mode, std::function<void(const QString &)> chosen)
{
    auto *dialog = new QFileDialog(parent, caption, suggested, filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(mode);
    dialog->setFileMode(mode == QFileDialog::AcceptSave ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, [chosen = std::move(chosen)](const QString &path) {
        if (!path.isEmpty())
            chosen(path);
    });
    dialog->open();
}

} // namespace

void saveFile(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter,
              std::function<void(const QString &)> chosen)
{
    fileDialog(parent, caption, suggested, filter, QFileDialog::AcceptSave, std::move(chosen));
}

void openFile(QWidget *parent, const QString &caption, const QString &filter, std::function<void(const QString &)> chosen)
{
    fileDialog(parent, caption, QString(), filter, QFileDialog::AcceptOpen, std::move(chosen));
}

void askText(QWidget *parent, const QString &title, const QString &label, const QString &text,
             std::function<void(const QString &)> chosen)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(text);
    QObject::connect(dialog, &QInputDialog::textValueSelected, dialog, std::move(chosen));
    dialog->open();
}

void chooseItem(QWidget *parent, const QString &title, const QString &label, const QStringList &items, int current,
                std::function<void(const QString &)> chosen)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setComboBoxItems(items);
    dialog->setComboBoxEditable(false);
    if (current >= 0 && current < items.size())
        dialog->setTextValue(items.at(current));
    QObject::connect(dialog, &QInputDialog::textValueSelected, dialog, std::move(chosen));
    dialog->open();
}

} // namespace ap::ui::prompt

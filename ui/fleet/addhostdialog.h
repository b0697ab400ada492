#pragma once

#include <QDialog>

class QLineEdit;
class QLabel;
class QPushButton;

namespace ap::ui {

/// Asks for a host's address and, optionally, the same host's libvirt URI; with both, the two
/// views merge into one host (address "PRIMARY,LIBVIRT"). Checks the address as it is typed.
class AddHostDialog : public QDialog {
    Q_OBJECT
public:
    explicit AddHostDialog(QWidget *parent = nullptr);
    /// The address to add: "PRIMARY" or "PRIMARY,LIBVIRT".
    QString address() const;

private:
    void validate();

    QLineEdit *m_primary;
    QLineEdit *m_libvirt;
    QLabel *m_problem;
    QPushButton *m_ok;
};

} // namespace ap::ui

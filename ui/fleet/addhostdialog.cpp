#include "addhostdialog.h"

#include <hosts/hosturi.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ap::ui {

AddHostDialog::AddHostDialog(QWidget *parent)
    : QDialog(parent)
    , m_primary(new QLineEdit(this))
    , m_libvirt(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Add host"));
    m_primary->setPlaceholderText(QStringLiteral("ssh://root@lpar1"));
    m_libvirt->setPlaceholderText(QStringLiteral("qemu+ssh://root@lpar1/system"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_primary);
    form->addRow(tr("&libvirt URI (optional):"), m_libvirt);
    auto *help = new QLabel(tr("The address is demo:NAME, sysfs:/ROOT, ssh://user@host[:port] or a libvirt URI. "
                               "Give an SSH or sysfs address and the same host's libvirt URI to see it as one host: "
                               "SSH shows the adapters, queues and matrices and applies changes, libvirt adds the guests, "
                               "persistent mdevs and the migration job."),
                            this);
    help->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_primary, &QLineEdit::textChanged, this, &AddHostDialog::validate);
    connect(m_libvirt, &QLineEdit::textChanged, this, &AddHostDialog::validate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(help);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    validate();
    resize(560, sizeHint().height());
}

QString AddHostDialog::address() const
{
    const QString primary = m_primary->text().trimmed();
    const QString lv = m_libvirt->text().trimmed();
    return lv.isEmpty() ? primary : primary + QLatin1Char(',') + lv;
}

void AddHostDialog::validate()
{
    if (m_primary->text().trimmed().isEmpty()) {
        m_problem->clear();
        m_ok->setEnabled(false);
        return;
    }
    const auto uri = HostUri::parse(address());
    m_problem->setText(uri ? QString() : uri.error().detail);
    m_ok->setEnabled(uri.ok());
}

} // namespace ap::ui

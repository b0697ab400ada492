# The Debian package, made by CPack from the install() rules (./scripts/package.sh runs it).
# dpkg-shlibdeps computes the shared-library dependencies from the installed binaries; only what
# is loaded at run time as a plugin (and so invisible to it) is named here by hand.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME apconsole)
set(CPACK_PACKAGE_VERSION "${APCONSOLE_VERSION}")
set(CPACK_PACKAGE_VENDOR "The apconsole developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "console for the crypto adapters of IBM Z KVM hosts")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/package")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The apconsole developers <apconsole@users.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/apconsole/apconsole")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "console for the crypto adapters of IBM Z KVM hosts
apconsole shows and edits the Crypto Express (AP) adapters of IBM Z and
LinuxONE KVM hosts: the adapters and domains of each vfio_ap mediated device,
the guests using them, and what the vfio_ap driver will make of a change.
It reads hosts over SSH, through libvirt or from a saved sysfs tree, reports
whether a guest can be migrated with its crypto devices and runs the
migration. apconsole-cli does the same from a shell.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so dpkg-shlibdeps cannot see them: Qt's X11/Wayland platform plugins, the
# SVG icon engine, SQLite, and libvirt's client library (opened on the first libvirt call).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, libqt6sql6-sqlite, libvirt0")
# ssh hosts need the OpenSSH client; German for Qt's own dialogs.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "openssh-client, qt6-translations-l10n")
include(CPack)

#pragma once

#include "../model/hostsnapshot.h"

#include <QList>
#include <QString>

#include <optional>

/// The rules a persistent mdev definition and an mdev start must pass, as s390-tools' `ap-check`
/// (mdevctl's callout for vfio_ap-passthrough) applies them, verdict for verdict, plus the
/// kernel's answers where the console is stricter than ap-check. Data in, data out: every path
/// that defines, modifies, starts or marks a definition for boot asks here before anything is
/// written (the tree's actions, the Apply dialog, the migration wizard, `apconsole-cli mdev`).
namespace ap::definitions {

enum class Rule {
    DefinitionExists,     ///< define: "Config already exists"
    DefinitionMissing,    ///< modify, autostart, start by UUID: no definition with this UUID
    UndefineMissing,      ///< undefine: no definition to read ("Failed to read device config")
    AutostartClash,       ///< define/modify with start=auto: an APQN of another auto definition
    PersistentMaskBlocks, ///< define/modify with start=auto: an APQN the persistent masks keep for the host
    VfioApNotLoaded,      ///< start: no vfio_ap matrix device
    ControlWithoutUsage,  ///< start: control domains without any usage domain
    ActiveClash,          ///< start: an APQN of an active mdev (the kernel: EADDRINUSE)
    ActiveMaskBlocks,     ///< start: an APQN the active masks keep for the host (EADDRNOTAVAIL)
    AlreadyActive,        ///< start: the mdev is running already (mdevctl refuses)
    NotActive,            ///< stop: the mdev is not running (mdevctl refuses)
    IdAboveMaximum,       ///< an id above ap_max_adapter_id / ap_max_domain_id (kernel: ENODEV)
    ListValue,            ///< one attr naming several ids: ap-check reads it, the kernel refuses (EINVAL)
};

/// Who refuses: ap-check (mdevctl's callout), mdevctl itself, or only the kernel later (the
/// console refuses at once; ap-check would let it through).
enum class RefusedBy { ApCheck, Mdevctl, Kernel };

struct Finding {
    Rule rule;
    RefusedBy by = RefusedBy::ApCheck;
    std::optional<Apqn> apqn;   ///< the clashing APQN
    QString other;              ///< the clashing definition's or active mdev's UUID
    int id = -1;                ///< IdAboveMaximum: the id; ListValue: -1
    QString value;              ///< ListValue: "assign_domain=4,0xab"
    int kernelErrno = 0;        ///< what the kernel answers to the same matrix, 0 if it does not decide

    /// ap-check's own stderr line ("APQN 5.71 is defined for autostart by …"), or for the other
    /// refusers the console's technical line; English, for logs and the CLI.
    QString message() const;
    /// What the operator can do about it, English.
    QString hint() const;
};

/// What the rules say. `unknown` is set (and nothing refused) where the host's definitions or
/// persistent masks are not known, so the rules that need them could not be asked.
struct Verdict {
    QList<Finding> findings;
    QString unknown;

    bool refused() const { return !findings.isEmpty(); }
    /// True when ap-check itself would refuse (not only the console or the kernel).
    bool apCheckRefuses() const;
};

/// `mdevctl define`: a new definition.
Verdict checkDefine(const HostSnapshot &h, const MdevDefinition &d);
/// `mdevctl modify`: an existing definition replaced by `d` (also autostart on/off).
Verdict checkModify(const HostSnapshot &h, const MdevDefinition &d);
/// Defines or modifies, whichever applies: the persistent definition of `uuid` made to hold
/// `matrix` (keeping its start mode and other attrs). The Apply dialog's "also update the
/// persistent definition" asks this.
Verdict checkUpdateDefinition(const HostSnapshot &h, const QString &uuid, const MatrixAssignment &matrix);
/// `mdevctl modify --auto|--manual`.
Verdict checkAutostart(const HostSnapshot &h, const QString &uuid, bool autostart);
/// `mdevctl start --uuid`: a defined mdev started.
Verdict checkStart(const HostSnapshot &h, const QString &uuid);
/// `mdevctl start --jsonfile`: a transient mdev started from a configuration.
Verdict checkStartTransient(const HostSnapshot &h, const MdevDefinition &d);
/// `mdevctl stop`.
Verdict checkStop(const HostSnapshot &h, const QString &uuid);
/// `mdevctl undefine`.
Verdict checkUndefine(const HostSnapshot &h, const QString &uuid);

/// The persistent masks ap-check checks against: the rule file's, the active one for a mask the
/// file does not set (or without the file).
IdMask effectivePersistentApmask(const HostSnapshot &h);
IdMask effectivePersistentAqmask(const HostSnapshot &h);

} // namespace ap::definitions

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DropVerdict</name>
    <message>
        <source>Select an mdev to drop onto.</source>
        <translation>Wählen Sie ein mdev als Ziel.</translation>
    </message>
    <message>
        <source>Adapters and domains cannot move between hosts; an mdev only takes its own host&apos;s queues.</source>
        <translation>Adapter und Domänen können nicht zwischen Hosts wandern; ein mdev nimmt nur Queues seines eigenen Hosts.</translation>
    </message>
    <message>
        <source>These are already in this mdev.</source>
        <translation>Diese sind bereits in diesem mdev.</translation>
    </message>
    <message>
        <source>Adapters cannot be control domains.</source>
        <translation>Adapter können keine Kontrolldomänen sein.</translation>
    </message>
    <message>
        <source>The kernel would refuse: %1</source>
        <translation>Der Kernel würde ablehnen: %1</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>adapter %1</source>
        <translation>Adapter %1</translation>
    </message>
    <message>
        <source>adapters %1</source>
        <translation>Adapter %1</translation>
    </message>
    <message>
        <source>domain %1</source>
        <translation>Domäne %1</translation>
    </message>
    <message>
        <source>domains %1</source>
        <translation>Domänen %1</translation>
    </message>
    <message>
        <source>control domain %1</source>
        <translation>Kontrolldomäne %1</translation>
    </message>
    <message>
        <source>control domains %1</source>
        <translation>Kontrolldomänen %1</translation>
    </message>
    <message>
        <source>mdev %1</source>
        <translation>mdev %1</translation>
    </message>
    <message>
        <source>APQN %1</source>
        <translation>APQN %1</translation>
    </message>
    <message>
        <source>gains %1</source>
        <translation>erhält %1</translation>
    </message>
    <message>
        <source>loses %1</source>
        <translation>verliert %1</translation>
    </message>
    <message>
        <source>%1: %2 → %3 queues</source>
        <translation>%1: %2 → %3 Queues</translation>
    </message>
    <message>
        <source>running: %1</source>
        <translation>läuft: %1</translation>
    </message>
    <message>
        <source>Nothing changes: the mdev already holds %1.</source>
        <translation>Nichts ändert sich: Das mdev hat bereits %1.</translation>
    </message>
    <message>
        <source>Drop to move %1 from %2 to %3.</source>
        <translation>Ablegen verschiebt %1 von %2 nach %3.</translation>
    </message>
    <message>
        <source>Drop to assign %1 to %2.</source>
        <translation>Ablegen weist %1 an %2 zu.</translation>
    </message>
    <message>
        <source>Assign %1 to mdev %2</source>
        <translation>%1 an mdev %2 zuweisen</translation>
    </message>
    <message>
        <source>Move %1 to mdev %2</source>
        <translation>%1 nach mdev %2 verschieben</translation>
    </message>
    <message>
        <source>The console cannot predict the kernel&apos;s answer: %1</source>
        <translation>Die Konsole kann die Antwort des Kernels nicht vorhersagen: %1</translation>
    </message>
    <message>
        <source>This host cannot take the change: %1.</source>
        <translation>Dieser Host kann die Änderung nicht annehmen: %1.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Not supported by this host: its libvirt driver does not offer this call.</source>
        <translation>Von diesem Host nicht unterstützt: sein libvirt-Treiber bietet diesen Aufruf nicht an.</translation>
    </message>
    <message>
        <source>Use SSH keys and an agent; apconsole never answers a password prompt.</source>
        <translation>Verwenden Sie SSH-Schlüssel und einen Agenten; apconsole beantwortet nie eine Passwortabfrage.</translation>
    </message>
    <message>
        <source>Load the key into ssh-agent or name it in ~/.ssh/config (IdentityFile); apconsole never asks for or stores passwords.</source>
        <translation>Laden Sie den Schlüssel in ssh-agent oder nennen Sie ihn in ~/.ssh/config (IdentityFile); apconsole fragt nie nach Passwörtern und speichert keine.</translation>
    </message>
    <message>
        <source>Add the host&apos;s SSH address (ssh://…) to change its AP matrix; libvirt defines and starts persistent mdevs.</source>
        <translation>Fügen Sie die SSH-Adresse des Hosts (ssh://…) hinzu, um seine AP-Matrix zu ändern; libvirt definiert und startet persistente mdevs.</translation>
    </message>
    <message>
        <source>Use the host&apos;s SSH address for persistent definitions.</source>
        <translation>Verwenden Sie für persistente Definitionen die SSH-Adresse des Hosts.</translation>
    </message>
    <message>
        <source>Guests and persistent mdevs are missing until libvirt answers.</source>
        <translation>Gäste und persistente mdevs fehlen, bis libvirt antwortet.</translation>
    </message>
    <message>
        <source>Run the pre-migration check, then migrate with libvirt; simulated hosts can run the whole migration.</source>
        <translation>Führen Sie die Prüfung vor der Migration aus und migrieren Sie dann mit libvirt; simulierte Hosts können die ganze Migration ausführen.</translation>
    </message>
    <message>
        <source>Install the OpenSSH client.</source>
        <translation>Installieren Sie den OpenSSH-Client.</translation>
    </message>
    <message>
        <source>Check the key&apos;s fingerprint and trust it to connect.</source>
        <translation>Prüfen Sie den Fingerabdruck des Schlüssels und vertrauen Sie ihm, um zu verbinden.</translation>
    </message>
    <message>
        <source>Nothing is retried automatically for writes; reads are retried.</source>
        <translation>Schreibzugriffe werden nicht automatisch wiederholt, Lesezugriffe schon.</translation>
    </message>
    <message>
        <source>Check the host name, the port and that sshd runs there.</source>
        <translation>Prüfen Sie Hostnamen und Port und ob dort sshd läuft.</translation>
    </message>
    <message>
        <source>The host or the network is slow; try again.</source>
        <translation>Der Host oder das Netz ist langsam; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The host needs a POSIX sh, find and grep (GNU findutils and grep).</source>
        <translation>Der Host braucht eine POSIX-sh, find und grep (GNU findutils und grep).</translation>
    </message>
    <message>
        <source>Install mdevctl (and s390-tools&apos; ap-check) on the host.</source>
        <translation>Installieren Sie mdevctl (und ap-check aus den s390-tools) auf dem Host.</translation>
    </message>
    <message>
        <source>It was taken away by the demo&apos;s failure injection; bring it back to continue.</source>
        <translation>Die Fehlerinjektion der Demo hat ihn entfernt; holen Sie ihn zurück, um fortzufahren.</translation>
    </message>
    <message>
        <source>The vfio_ap driver gives an APQN to one mdev only (EADDRINUSE): unassign it from all but one.</source>
        <translation>Der vfio_ap-Treiber gibt eine APQN nur einem mdev (EADDRINUSE): entfernen Sie sie aus allen außer einem.</translation>
    </message>
    <message>
        <source>Remove it (or set APCONSOLE_SSH_CONTROL_DIR to a directory only you can enter).</source>
        <translation>Entfernen Sie es (oder setzen Sie APCONSOLE_SSH_CONTROL_DIR auf ein Verzeichnis, das nur Sie betreten können).</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>libvirt could not say whether guest %1 can migrate: %2</source>
        <translation>libvirt konnte nicht sagen, ob Gast %1 migrieren kann: %2</translation>
    </message>
    <message>
        <source>libvirt asks QEMU when the migration starts; its refusal reads &quot;cannot migrate domain: …&quot;.</source>
        <translation>libvirt fragt QEMU beim Start der Migration; eine Ablehnung lautet „cannot migrate domain: …“.</translation>
    </message>
    <message>
        <source>libvirt refuses to migrate guest %1: cannot migrate domain: %2</source>
        <translation>libvirt lehnt die Migration von Gast %1 ab: cannot migrate domain: %2</translation>
    </message>
    <message>
        <source>QEMU cannot migrate the vfio-ap device of this guest; the replug strategy unplugs it first.</source>
        <translation>QEMU kann das vfio-ap-Gerät dieses Gastes nicht migrieren; die Strategie „Umstecken“ entfernt es vorher.</translation>
    </message>
    <message>
        <source>Remove the cause in the guest&apos;s configuration; no strategy can move the guest until then.</source>
        <translation>Beseitigen Sie die Ursache in der Konfiguration des Gastes; bis dahin kann keine Strategie ihn verschieben.</translation>
    </message>
    <message>
        <source>EP11 wrapping key (WK CUR)</source>
        <translation>EP11-Wrapping-Key (WK CUR)</translation>
    </message>
    <message>
        <source>AES master key (AES CUR)</source>
        <translation>AES-Master-Key (AES CUR)</translation>
    </message>
    <message>
        <source>APKA master key (APKA CUR)</source>
        <translation>APKA-Master-Key (APKA CUR)</translation>
    </message>
    <message>
        <source>ASYM master key (ASYM CUR)</source>
        <translation>ASYM-Master-Key (ASYM CUR)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>APQN %1: the %2 differs between source and destination (as last seen while bound to the host): %3 vs %4</source>
        <translation>APQN %1: der %2 unterscheidet sich zwischen Quelle und Ziel (zuletzt gesehen, als die Domäne an den Host gebunden war): %3 gegenüber %4</translation>
    </message>
    <message>
        <source>APQN %1: the %2 differs between source and destination: %3 vs %4</source>
        <translation>APQN %1: der %2 unterscheidet sich zwischen Quelle und Ziel: %3 gegenüber %4</translation>
    </message>
    <message>
        <source>Load the same master keys into domain %1 on the destination (TKE or panel.exe) before migrating; secure keys of the guest would not work there.</source>
        <translation>Laden Sie vor der Migration dieselben Master-Keys in Domäne %1 des Ziels (TKE oder panel.exe); die sicheren Schlüssel des Gastes würden dort sonst nicht funktionieren.</translation>
    </message>
    <message>
        <source>Master key patterns are not known for %1 (a domain shows them only while bound to the host).</source>
        <translation>Die Master-Key-Muster von %1 sind nicht bekannt (eine Domäne zeigt sie nur, solange sie an den Host gebunden ist).</translation>
    </message>
    <message>
        <source>Compare them inside the guest (lszcrypt -V) or read them once while the domain is bound to zcrypt.</source>
        <translation>Vergleichen Sie sie im Gast (lszcrypt -V) oder lesen Sie sie einmal, während die Domäne an zcrypt gebunden ist.</translation>
    </message>
    <message>
        <source>No queue device on the destination for %1.</source>
        <translation>Auf dem Ziel gibt es kein Queue-Gerät für %1.</translation>
    </message>
    <message>
        <source>Configure the adapters and domains to the destination LPAR (or pick another destination).</source>
        <translation>Konfigurieren Sie die Adapter und Domänen für die Ziel-LPAR (oder wählen Sie ein anderes Ziel).</translation>
    </message>
    <message>
        <source>On the destination, %1 are not bound to vfio_ap.</source>
        <translation>Auf dem Ziel sind %1 nicht an vfio_ap gebunden.</translation>
    </message>
    <message>
        <source>Release them from the host: clear their adapters in apmask or their domains in aqmask.</source>
        <translation>Geben Sie sie vom Host frei: löschen Sie ihre Adapter in apmask oder ihre Domänen in aqmask.</translation>
    </message>
    <message>
        <source>On the destination, %1 are deconfigured.</source>
        <translation>Auf dem Ziel sind %1 dekonfiguriert.</translation>
    </message>
    <message>
        <source>Configure the adapter again (chzcrypt -e or the card&apos;s config attribute).</source>
        <translation>Konfigurieren Sie den Adapter wieder (chzcrypt -e oder das Attribut config der Karte).</translation>
    </message>
    <message>
        <source>On the destination, %1 are checkstopped.</source>
        <translation>Auf dem Ziel sind %1 im Checkstop.</translation>
    </message>
    <message>
        <source>The adapter needs service; pick another destination.</source>
        <translation>Der Adapter braucht Service; wählen Sie ein anderes Ziel.</translation>
    </message>
    <message>
        <source>APQN %1: the destination will log &quot;AP type of source (%2) not compatible with target (%3)&quot; although the AP type is not the cause.</source>
        <translation>APQN %1: das Ziel wird „AP type of source (%2) not compatible with target (%3)“ protokollieren, obwohl der AP-Typ nicht die Ursache ist.</translation>
    </message>
    <message>
        <source>The v2 driver prints this line for every rejection; look at the other lines for the reason.</source>
        <translation>Der v2-Treiber gibt diese Zeile bei jeder Ablehnung aus; den Grund nennen die anderen Zeilen.</translation>
    </message>
    <message>
        <source>APQN %1 is rejected because the adapter classification differs (source %2, destination %3); the kernel log gives no reason.</source>
        <translation>APQN %1 wird abgelehnt, weil sich die Adapter-Klassifizierung unterscheidet (Quelle %2, Ziel %3); das Kernel-Protokoll nennt keinen Grund.</translation>
    </message>
    <message>
        <source>The driver requires equal classification bits, even stateless to native.</source>
        <translation>Der Treiber verlangt gleiche Klassifizierungsbits, auch von zustandslos nach nativ.</translation>
    </message>
    <message>
        <source>APQN %1 is accepted with bind/associate state %2 on both sides, which the documented rule forbids.</source>
        <translation>APQN %1 wird mit dem Bind-/Associate-Zustand %2 auf beiden Seiten angenommen, was die dokumentierte Regel verbietet.</translation>
    </message>
    <message>
        <source>Secure Execution bindings do not move with the guest; bind the queue again on the destination.</source>
        <translation>Secure-Execution-Bindungen ziehen nicht mit dem Gast um; binden Sie die Queue auf dem Ziel erneut.</translation>
    </message>
    <message>
        <source>The destination driver does not check that the whole stream arrived: leaving RESUMING succeeds on a partial stream.</source>
        <translation>Der Zieltreiber prüft nicht, ob der ganze Datenstrom angekommen ist: RESUMING lässt sich auch mit einem unvollständigen Strom verlassen.</translation>
    </message>
    <message>
        <source>If the transfer is interrupted, check the guest&apos;s AP configuration on the destination before resuming it.</source>
        <translation>Wird die Übertragung unterbrochen, prüfen Sie die AP-Konfiguration des Gastes auf dem Ziel, bevor Sie ihn fortsetzen.</translation>
    </message>
    <message>
        <source>Written in chunks of %1 bytes, the destination answers %2 instead of %3.</source>
        <translation>In Stücken von %1 Bytes geschrieben antwortet das Ziel %2 statt %3.</translation>
    </message>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>The answer depends on how the stream is split; the errno seen by QEMU may differ.</source>
        <translation>Die Antwort hängt davon ab, wie der Datenstrom geteilt wird; QEMU kann einen anderen errno sehen.</translation>
    </message>
    <message>
        <source>Guest %1 is shut off: there is no live state to migrate.</source>
        <translation>Gast %1 ist ausgeschaltet: es gibt keinen laufenden Zustand zu migrieren.</translation>
    </message>
    <message>
        <source>No guest on %1 is known to use mdev %2.</source>
        <translation>Von keinem Gast auf %1 ist bekannt, dass er mdev %2 verwendet.</translation>
    </message>
    <message>
        <source>A stopped guest can simply be defined on the destination with an mdev of the same UUID.</source>
        <translation>Ein gestoppter Gast kann einfach auf dem Ziel mit einem mdev derselben UUID definiert werden.</translation>
    </message>
    <message>
        <source>%1 is a Secure Execution guest with AP pass-through: the driver refuses migration (EPERM).</source>
        <translation>%1 ist ein Secure-Execution-Gast mit AP-Durchreichung: der Treiber verweigert die Migration (EPERM).</translation>
    </message>
    <message>
        <source>Use the replug strategy, or migrate without the vfio-ap device.</source>
        <translation>Verwenden Sie die Strategie „Umstecken“ oder migrieren Sie ohne das vfio-ap-Gerät.</translation>
    </message>
    <message>
        <source>The vfio_ap driver on %1 does not advertise &apos;migratable&apos; (no migration support in its kernel).</source>
        <translation>Der vfio_ap-Treiber auf %1 meldet kein „migratable“ (sein Kernel unterstützt keine Migration).</translation>
    </message>
    <message>
        <source>Use the replug strategy: hot-unplug the vfio-ap device, migrate, hot-plug an mdev on the destination.</source>
        <translation>Verwenden Sie die Strategie „Umstecken“: vfio-ap-Gerät im laufenden Betrieb entfernen, migrieren, auf dem Ziel ein mdev anstecken.</translation>
    </message>
    <message>
        <source>The vfio_ap driver on %1 does not advertise &apos;migratable&apos;.</source>
        <translation>Der vfio_ap-Treiber auf %1 meldet kein „migratable“.</translation>
    </message>
    <message>
        <source>Pick a destination whose kernel carries the vfio-ap migration series, or use the replug strategy.</source>
        <translation>Wählen Sie ein Ziel, dessen Kernel die vfio-ap-Migrationsserie enthält, oder verwenden Sie die Strategie „Umstecken“.</translation>
    </message>
    <message>
        <source>The destination mdev %1 is not the source&apos;s UUID %2; libvirt looks for the same UUID.</source>
        <translation>Das Ziel-mdev %1 hat nicht die UUID %2 der Quelle; libvirt sucht nach derselben UUID.</translation>
    </message>
    <message>
        <source>Create an mdev with UUID %1 on the destination.</source>
        <translation>Legen Sie auf dem Ziel ein mdev mit der UUID %1 an.</translation>
    </message>
    <message>
        <source>There is no mdev %1 on %2; libvirt would fail with &quot;device not found: mediated device &apos;%1&apos; not found&quot;.</source>
        <translation>Auf %2 gibt es kein mdev %1; libvirt würde mit „device not found: mediated device &apos;%1&apos; not found“ scheitern.</translation>
    </message>
    <message>
        <source>Create it on the destination with the source&apos;s matrix (adapters %1, domains %2).</source>
        <translation>Legen Sie es auf dem Ziel mit der Matrix der Quelle an (Adapter %1, Domänen %2).</translation>
    </message>
    <message>
        <source>mdev %1 on %2 is in use by guest %3.</source>
        <translation>mdev %1 auf %2 wird von Gast %3 verwendet.</translation>
    </message>
    <message>
        <source>Stop that guest or migrate to another mdev.</source>
        <translation>Stoppen Sie diesen Gast oder migrieren Sie auf ein anderes mdev.</translation>
    </message>
    <message>
        <source>On the destination, adapter %1 is withheld from the guest matrix: queue %2 is not usable by vfio_ap.</source>
        <translation>Auf dem Ziel wird Adapter %1 aus der Gastmatrix herausgehalten: Queue %2 ist für vfio_ap nicht nutzbar.</translation>
    </message>
    <message>
        <source>Bind the queue to vfio_ap on the destination or remove the adapter from the mdev.</source>
        <translation>Binden Sie die Queue auf dem Ziel an vfio_ap oder entfernen Sie den Adapter aus dem mdev.</translation>
    </message>
    <message>
        <source>Control domains differ: source %1, destination %2; the driver does not migrate them.</source>
        <translation>Die Steuerdomänen unterscheiden sich: Quelle %1, Ziel %2; der Treiber migriert sie nicht.</translation>
    </message>
    <message>
        <source>Assign the same control domains to the destination mdev before migrating.</source>
        <translation>Weisen Sie dem Ziel-mdev vor der Migration dieselben Steuerdomänen zu.</translation>
    </message>
    <message>
        <source>Make sure which revision of the migration series the destination kernel carries.</source>
        <translation>Klären Sie, welche Fassung der Migrationsserie der Zielkernel enthält.</translation>
    </message>
    <message>
        <source>The %1 driver&apos;s behaviour is undefined here: %2.</source>
        <translation>Das Verhalten des %1-Treibers ist hier undefiniert: %2.</translation>
    </message>
    <message>
        <source>No verdict can be predicted; change what the transfer writes or pick another destination.</source>
        <translation>Kein Ergebnis lässt sich vorhersagen; ändern Sie, was die Übertragung schreibt, oder wählen Sie ein anderes Ziel.</translation>
    </message>
    <message>
        <source>The %1 driver&apos;s rate limit drops %2 kernel log lines (10 per call site within 5 s).</source>
        <translation>Die Ratenbegrenzung des %1-Treibers verwirft %2 Kernel-Protokollzeilen (10 je Aufrufstelle innerhalb von 5 s).</translation>
    </message>
    <message>
        <source>Failures on other mdevs within the last 5 s shrink the budget further; the report lists what the kernel prints.</source>
        <translation>Fehler auf anderen mdevs in den letzten 5 s verringern das Kontingent weiter; der Bericht listet, was der Kernel ausgibt.</translation>
    </message>
    <message>
        <source>Written in chunks of %1 bytes, the %2 driver&apos;s behaviour is undefined: %3.</source>
        <translation>In Stücken von %1 Bytes geschrieben ist das Verhalten des %2-Treibers undefiniert: %3.</translation>
    </message>
    <message>
        <source>The transfer must write the stream differently; no verdict can be predicted.</source>
        <translation>Die Übertragung muss den Datenstrom anders schreiben; kein Ergebnis lässt sich vorhersagen.</translation>
    </message>
    <message>
        <source>The %1 driver takes the stream only in one write(); the transfer must not split it.</source>
        <translation>Der %1-Treiber nimmt den Datenstrom nur in einem write() an; die Übertragung darf ihn nicht teilen.</translation>
    </message>
    <message>
        <source>%1 is a Secure Execution guest with AP pass-through: the driver registers no migration support there (ENOTTY; QEMU sees a device that cannot migrate).</source>
        <translation>%1 ist ein Secure-Execution-Gast mit AP-Durchreichung: der Treiber meldet dort keine Migrationsunterstützung an (ENOTTY; QEMU sieht ein Gerät, das nicht migrieren kann).</translation>
    </message>
    <message>
        <source>The driver revisions decide differently; the table by revision names each answer and why.</source>
        <translation>Die Treiberrevisionen entscheiden unterschiedlich; die Tabelle nach Revision nennt jede Antwort und den Grund.</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>compatible</source>
        <translation>kompatibel</translation>
    </message>
    <message>
        <source>Rejected by %1; accepted by %2: equal non-zero BS (%3), APQN %4.</source>
        <translation>Abgelehnt von %1, akzeptiert von %2: gleiches BS ungleich null (%3), APQN %4.</translation>
    </message>
    <message>
        <source>Rejected by %1; accepted by %2: non-zero BS (source %3, destination %4; v2 sees the card&apos;s hwinfo, where BS is always 0), APQN %5.</source>
        <translation>Abgelehnt von %1, akzeptiert von %2: BS ungleich null (Quelle %3, Ziel %4; v2 sieht das hwinfo der Karte, dort ist BS immer 0), APQN %5.</translation>
    </message>
    <message>
        <source>Rejected by %1; accepted by %2: a stateless source on a native destination, APQN %3.</source>
        <translation>Abgelehnt von %1, akzeptiert von %2: eine zustandslose Quelle auf einem nativen Ziel, APQN %3.</translation>
    </message>
    <message>
        <source>Rejected by %1; accepted by %2: classification bits other than native (0x%3 vs 0x%4), APQN %5.</source>
        <translation>Abgelehnt von %1, akzeptiert von %2: Klassifizierungsbits außer nativ (0x%3 gegenüber 0x%4), APQN %5.</translation>
    </message>
    <message>
        <source>Rejected by %1; accepted by %2: bits 18-31 differ, APQN %3.</source>
        <translation>Abgelehnt von %1, akzeptiert von %2: Bits 18–31 unterscheiden sich, APQN %3.</translation>
    </message>
    <message>
        <source>Rejected by %1; accepted by %2 by the rule itself, APQN %3.</source>
        <translation>Abgelehnt von %1, von %2 akzeptiert durch die Regel selbst, APQN %3.</translation>
    </message>
    <message>
        <source>Answer of %1: %2.</source>
        <translation>Antwort von %1: %2.</translation>
    </message>
    <message>
        <source>For an incompatible queue %1 answer EINVAL, %2 EFAULT.</source>
        <translation>Für eine inkompatible Queue antworten %1 mit EINVAL, %2 mit EFAULT.</translation>
    </message>
    <message>
        <source>On a Secure Execution host v2 and v3/v4 refuse the state change (EPERM); B and C register no migration support (ENOTTY).</source>
        <translation>Auf einem Secure-Execution-Host verweigern v2 und v3/v4 den Zustandswechsel (EPERM); B und C melden keine Migrationsunterstützung an (ENOTTY).</translation>
    </message>
    <message>
        <source>v2 compares the stream with the destination mdev %1&apos;s own guest matrix (size, count, APQNs); later revisions only need the source&apos;s queues bound to vfio_ap on the destination host, and assign them.</source>
        <translation>v2 vergleicht den Datenstrom mit der eigenen Gastmatrix des Ziel-mdev %1 (Größe, Anzahl, APQNs); spätere Revisionen brauchen nur die Queues der Quelle an vfio_ap gebunden auf dem Zielhost und weisen sie zu.</translation>
    </message>
    <message>
        <source>B and C carry the control domains in the stream and require each in the destination host&apos;s control-domain mask; v2 and v3/v4 do not migrate them.</source>
        <translation>B und C übertragen die Kontrolldomänen im Datenstrom und verlangen jede in der Kontrolldomänenmaske des Zielhosts; v2 und v3/v4 migrieren sie nicht.</translation>
    </message>
    <message>
        <source>Give the host an SSH address (its menu, Edit address…) so the console reads its sysfs: libvirt alone shows AP ids only.</source>
        <translation>Geben Sie dem Host eine SSH-Adresse (sein Menü, Adresse bearbeiten…), damit die Konsole sein sysfs liest: libvirt allein zeigt nur AP-IDs.</translation>
    </message>
    <message>
        <source>%1 does not show the matrix of mdev %2.</source>
        <translation>%1 zeigt die Matrix des mdev %2 nicht.</translation>
    </message>
    <message>
        <source>%1 does not show the guest matrix the driver derived for mdev %2.</source>
        <translation>%1 zeigt die vom Treiber abgeleitete Gastmatrix des mdev %2 nicht.</translation>
    </message>
    <message>
        <source>%1 shows AP ids only: the queues&apos; functions, which the migration stream carries, are unknown.</source>
        <translation>%1 zeigt nur AP-IDs: die Funktionen der Queues, die der Migrationsdatenstrom überträgt, sind unbekannt.</translation>
    </message>
    <message>
        <source>%1 shows AP ids only: which queues are bound to vfio_ap there, and their functions, are unknown.</source>
        <translation>%1 zeigt nur AP-IDs: welche Queues dort an vfio_ap gebunden sind und ihre Funktionen, ist unbekannt.</translation>
    </message>
    <message>
        <source>Guest %1 has no vfio-ap device: it migrates as a plain live migration.</source>
        <translation>Gast %1 hat kein vfio-ap-Gerät: Er wird als einfache Live-Migration migriert.</translation>
    </message>
    <message>
        <source>AP device %1 is in the persistent definition of guest %2 only: it will be plugged at the destination through the definition.</source>
        <translation>AP-Gerät %1 steht nur in der persistenten Definition von Gast %2: Es wird am Ziel über die Definition eingesteckt.</translation>
    </message>
    <message>
        <source>Nothing is unplugged on the source; the guest gets the device at its next start on the destination.</source>
        <translation>An der Quelle wird nichts entfernt; der Gast erhält das Gerät bei seinem nächsten Start am Ziel.</translation>
    </message>
    <message>
        <source>%1 has no mdev %2: the guest&apos;s next start there fails until it exists.</source>
        <translation>%1 hat kein mdev %2: Der nächste Start des Gastes dort schlägt fehl, bis es existiert.</translation>
    </message>
    <message>
        <source>Create mdev %1 on the destination before the guest is restarted there.</source>
        <translation>Legen Sie mdev %1 am Ziel an, bevor der Gast dort neu gestartet wird.</translation>
    </message>
</context>
<context>
    <name>KernelText</name>
    <message>
        <source>Another mdev holds one of these queues; unassign it there first (or drag it from that mdev to move it).</source>
        <translation>Ein anderes mdev hält eine dieser Queues; heben Sie die Zuweisung dort zuerst auf (oder ziehen Sie sie aus jenem mdev, um sie zu verschieben).</translation>
    </message>
    <message>
        <source>The queue is reserved for the host: release its adapter in apmask or its domain in aqmask first.</source>
        <translation>Die Queue ist für den Host reserviert: Geben Sie zuerst ihren Adapter in apmask oder ihre Domäne in aqmask frei.</translation>
    </message>
    <message>
        <source>The id is above the highest adapter or domain this host&apos;s configuration allows.</source>
        <translation>Die ID liegt über dem höchsten Adapter bzw. der höchsten Domäne, die die Konfiguration dieses Hosts erlaubt.</translation>
    </message>
    <message>
        <source>An mdev uses the queues this mask change would take away; unassign them first.</source>
        <translation>Ein mdev nutzt die Queues, die diese Maskenänderung wegnehmen würde; heben Sie die Zuweisung zuerst auf.</translation>
    </message>
    <message>
        <source>The kernel did not accept the value written.</source>
        <translation>Der Kernel hat den geschriebenen Wert nicht angenommen.</translation>
    </message>
    <message>
        <source>An mdev with this UUID exists already.</source>
        <translation>Ein mdev mit dieser UUID existiert bereits.</translation>
    </message>
    <message>
        <source>No more mdevs can be created on this host.</source>
        <translation>Auf diesem Host können keine weiteren mdevs angelegt werden.</translation>
    </message>
    <message>
        <source>The write failed on the host; nothing was changed by it.</source>
        <translation>Das Schreiben ist auf dem Host fehlgeschlagen; es wurde dadurch nichts geändert.</translation>
    </message>
    <message>
        <source>The attribute or the mdev does not exist (any more) on the host.</source>
        <translation>Das Attribut oder das mdev existiert auf dem Host (nicht mehr).</translation>
    </message>
    <message>
        <source>apconsole writes only the vfio_ap attributes it knows.</source>
        <translation>apconsole schreibt nur die vfio_ap-Attribute, die es kennt.</translation>
    </message>
    <message>
        <source> (and %1 more)</source>
        <translation> (und %1 weitere)</translation>
    </message>
    <message>
        <source>libvirt shows AP ids only; the host&apos;s masks and queue bindings decide. Give the host an SSH address (its menu, Edit address…).</source>
        <translation>libvirt zeigt nur AP-IDs; die Masken und Queue-Bindungen des Hosts entscheiden. Geben Sie dem Host eine SSH-Adresse (sein Menü, Adresse bearbeiten…).</translation>
    </message>
    <message>
        <source>the host&apos;s apmask or aqmask could not be read; see the host&apos;s issues and refresh.</source>
        <translation>apmask oder aqmask des Hosts konnte nicht gelesen werden; siehe die Probleme des Hosts und aktualisieren Sie.</translation>
    </message>
    <message>
        <source>this view does not show the mdev&apos;s current matrix. Give the host an SSH address (its menu, Edit address…).</source>
        <translation>diese Sicht zeigt die aktuelle Matrix des mdev nicht. Geben Sie dem Host eine SSH-Adresse (sein Menü, Adresse bearbeiten…).</translation>
    </message>
</context>
<context>
    <name>MigrationText</name>
    <message>
        <source>Create the mdev on the destination</source>
        <translation>mdev am Ziel anlegen</translation>
    </message>
    <message>
        <source>Verify the destination mdev</source>
        <translation>mdev am Ziel prüfen</translation>
    </message>
    <message>
        <source>Destination: open the device and stop it</source>
        <translation>Ziel: Gerät öffnen und anhalten</translation>
    </message>
    <message>
        <source>Copy guest memory</source>
        <translation>Gastspeicher kopieren</translation>
    </message>
    <message>
        <source>Source: stop the device and save its state</source>
        <translation>Quelle: Gerät anhalten und Zustand sichern</translation>
    </message>
    <message>
        <source>Destination: write the device state</source>
        <translation>Ziel: Gerätezustand schreiben</translation>
    </message>
    <message>
        <source>Destination: resume the guest</source>
        <translation>Ziel: Gast fortsetzen</translation>
    </message>
    <message>
        <source>Source: stop and close the device</source>
        <translation>Quelle: Gerät anhalten und schließen</translation>
    </message>
    <message>
        <source>Source: hot-unplug the vfio-ap device</source>
        <translation>Quelle: vfio-ap-Gerät im Betrieb entfernen</translation>
    </message>
    <message>
        <source>Switch the guest over to the destination</source>
        <translation>Gast auf das Ziel umschalten</translation>
    </message>
    <message>
        <source>Destination: hot-plug the mdev with the same UUID</source>
        <translation>Ziel: mdev mit derselben UUID im Betrieb hinzufügen</translation>
    </message>
    <message>
        <source>Create mdev %1 with the source&apos;s matrix (the destination driver accepts it).</source>
        <translation>mdev %1 mit der Matrix der Quelle anlegen (der Treiber am Ziel nimmt sie an).</translation>
    </message>
    <message>
        <source>mdev %1 exists on the destination and no guest uses it.</source>
        <translation>mdev %1 existiert am Ziel und wird von keinem Gast benutzt.</translation>
    </message>
    <message>
        <source>Pre-copy of the guest&apos;s memory while it keeps running; iterations until the rest fits the downtime limit.</source>
        <translation>Vorab-Kopie des Gastspeichers, während der Gast weiterläuft; Iterationen, bis der Rest in die erlaubte Ausfallzeit passt.</translation>
    </message>
    <message>
        <source>%1; the device&apos;s stream holds %2 bytes (%3 queues).</source>
        <translation>%1; der Datenstrom des Geräts umfasst %2 Byte (%3 Queues).</translation>
    </message>
    <message>
        <source>%1; the stream is written in chunks. The destination driver&apos;s checks run here.</source>
        <translation>%1; der Datenstrom wird in Stücken geschrieben. Hier prüft der Treiber am Ziel.</translation>
    </message>
    <message>
        <source>%1; the guest runs on the destination. Point of no return.</source>
        <translation>%1; der Gast läuft am Ziel. Ab hier gibt es kein Zurück.</translation>
    </message>
    <message>
        <source>The guest loses its crypto adapters until the hot-plug on the destination.</source>
        <translation>Der Gast verliert seine Crypto-Adapter bis zum Hinzufügen am Ziel.</translation>
    </message>
    <message>
        <source>The guest pauses on the source and resumes on the destination. Point of no return.</source>
        <translation>Der Gast pausiert an der Quelle und läuft am Ziel weiter. Ab hier gibt es kein Zurück.</translation>
    </message>
    <message>
        <source>The destination driver derives the guest matrix of mdev %1.</source>
        <translation>Der Treiber am Ziel leitet die Gastmatrix von mdev %1 ab.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Live (VFIO migration)</source>
        <translation>Live (VFIO-Migration)</translation>
    </message>
    <message>
        <source>Replug (hot-unplug, migrate, hot-plug)</source>
        <translation>Umstecken (entfernen, migrieren, hinzufügen)</translation>
    </message>
    <message>
        <source>The guest keeps its crypto adapters: the AP configuration travels in the device&apos;s migration stream and the destination driver checks it before the guest resumes. Needs the vfio_ap migration support (&apos;migratable&apos;) on both hosts.</source>
        <translation>Der Gast behält seine Crypto-Adapter: Die AP-Konfiguration reist im Migrationsdatenstrom des Geräts mit, und der Treiber am Ziel prüft sie, bevor der Gast weiterläuft. Braucht die Migrationsunterstützung von vfio_ap (&apos;migratable&apos;) auf beiden Hosts.</translation>
    </message>
    <message>
        <source>The vfio-ap device is hot-unplugged, the guest migrates without it and an mdev with the same UUID is hot-plugged on the destination. Works on today&apos;s kernels; the guest has no crypto adapters while it moves.</source>
        <translation>Das vfio-ap-Gerät wird im Betrieb entfernt, der Gast migriert ohne es, und am Ziel wird ein mdev mit derselben UUID hinzugefügt. Funktioniert mit heutigen Kerneln; während des Umzugs hat der Gast keine Crypto-Adapter.</translation>
    </message>
    <message>
        <source>the source&apos;s vfio_ap driver has no migration support (&apos;migratable&apos; missing from its features)</source>
        <translation>der vfio_ap-Treiber der Quelle kann nicht migrieren (&apos;migratable&apos; fehlt in seinen Funktionen)</translation>
    </message>
    <message>
        <source>the destination&apos;s vfio_ap driver has no migration support (&apos;migratable&apos; missing from its features)</source>
        <translation>der vfio_ap-Treiber des Ziels kann nicht migrieren (&apos;migratable&apos; fehlt in seinen Funktionen)</translation>
    </message>
    <message>
        <source>a host runs as a Secure Execution guest; the driver refuses migration</source>
        <translation>ein Host läuft als Secure-Execution-Gast; der Treiber verweigert die Migration</translation>
    </message>
    <message>
        <source>the vfio_ap driver is not loaded on the source</source>
        <translation>der vfio_ap-Treiber ist an der Quelle nicht geladen</translation>
    </message>
    <message>
        <source>the vfio_ap driver is not loaded on the destination</source>
        <translation>der vfio_ap-Treiber ist am Ziel nicht geladen</translation>
    </message>
    <message>
        <source>No failure</source>
        <translation>Kein Fehler</translation>
    </message>
    <message>
        <source>Incompatible destination adapter</source>
        <translation>Inkompatibler Adapter am Ziel</translation>
    </message>
    <message>
        <source>Destination mdev with fewer queues</source>
        <translation>mdev am Ziel mit weniger Queues</translation>
    </message>
    <message>
        <source>Destination mdev with more queues</source>
        <translation>mdev am Ziel mit mehr Queues</translation>
    </message>
    <message>
        <source>Destination mdev missing</source>
        <translation>mdev am Ziel fehlt</translation>
    </message>
    <message>
        <source>Configuration change during the run</source>
        <translation>Konfigurationsänderung während des Laufs</translation>
    </message>
    <message>
        <source>Destination host goes away</source>
        <translation>Ziel-Host verschwindet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>libvirt: migrate the guest (peer to peer, live)</source>
        <translation>libvirt: Gast migrieren (Peer-to-Peer, live)</translation>
    </message>
    <message>
        <source>virDomainMigrateToURI3, never post-copy; QEMU stages the device states and the destination driver checks the AP configuration. Progress from the job statistics.</source>
        <translation>virDomainMigrateToURI3, nie Post-Copy; QEMU durchläuft die Gerätezustände, und der Treiber am Ziel prüft die AP-Konfiguration. Fortschritt aus der Job-Statistik.</translation>
    </message>
    <message>
        <source>the source&apos;s QEMU cannot migrate the vfio-ap device (libvirt reports it as a migration blocker)</source>
        <translation>das QEMU der Quelle kann das vfio-ap-Gerät nicht migrieren (libvirt meldet es als Migrationshindernis)</translation>
    </message>
    <message>
        <source>the source&apos;s QEMU reports a migration blocker that is not about the vfio-ap device</source>
        <translation>das QEMU der Quelle meldet ein Migrationshindernis, das nicht das vfio-ap-Gerät betrifft</translation>
    </message>
    <message>
        <source>replug only: its vfio_ap driver has no &apos;migratable&apos;</source>
        <translation>nur Umstecken: sein vfio_ap-Treiber hat kein „migratable“</translation>
    </message>
    <message>
        <source>the guest&apos;s own host</source>
        <translation>der eigene Host des Gastes</translation>
    </message>
    <message>
        <source>unavailable: %1</source>
        <translation>nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <source>vfio_ap is not loaded</source>
        <translation>vfio_ap ist nicht geladen</translation>
    </message>
    <message>
        <source>a guest named %1 already exists there</source>
        <translation>dort gibt es schon einen Gast namens %1</translation>
    </message>
    <message>
        <source>shut off</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>The database %1 cannot be used: %2
Changes will not be remembered.</source>
        <translation>Die Datenbank %1 kann nicht verwendet werden: %2
Änderungen werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>The database was damaged. It was kept as %1 and a new one was started.</source>
        <translation>Die Datenbank war beschädigt. Sie wurde als %1 aufbewahrt und eine neue angelegt.</translation>
    </message>
    <message>
        <source>Not saved or not read from the database:
%1</source>
        <translation>Nicht in der Datenbank gespeichert oder nicht aus ihr gelesen:
%1</translation>
    </message>
</context>
<context>
    <name>ap::report::ReportWords</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>APSC</source>
        <translation>APSC</translation>
    </message>
    <message>
        <source>AP4KM (mex4k)</source>
        <translation>AP4KM (mex4k)</translation>
    </message>
    <message>
        <source>AP4KC (crt4k)</source>
        <translation>AP4KC (crt4k)</translation>
    </message>
    <message>
        <source>CCA mode</source>
        <translation>CCA-Modus</translation>
    </message>
    <message>
        <source>accelerator mode</source>
        <translation>Beschleuniger-Modus</translation>
    </message>
    <message>
        <source>EP11 mode</source>
        <translation>EP11-Modus</translation>
    </message>
    <message>
        <source>APXA</source>
        <translation>APXA</translation>
    </message>
    <message>
        <source>SLCF</source>
        <translation>SLCF</translation>
    </message>
    <message>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>BS</source>
        <translation>BS</translation>
    </message>
    <message>
        <source>bits 18-31</source>
        <translation>Bits 18-31</translation>
    </message>
    <message>
        <source>AP type</source>
        <translation>AP-Typ</translation>
    </message>
    <message>
        <source>domains (nd)</source>
        <translation>Domänen (nd)</translation>
    </message>
    <message>
        <source>max message (ml)</source>
        <translation>max. Nachricht (ml)</translation>
    </message>
    <message>
        <source>queue depth (qd)</source>
        <translation>Queue-Tiefe (qd)</translation>
    </message>
    <message>
        <source>no destination queue</source>
        <translation>keine Ziel-Queue</translation>
    </message>
    <message>
        <source>Pre-migration report: %1</source>
        <translation>Bericht vor der Migration: %1</translation>
    </message>
    <message>
        <source>Pre-migration report</source>
        <translation>Bericht vor der Migration</translation>
    </message>
    <message>
        <source>Destination vfio_ap driver (%1): &lt;b&gt;%2&lt;/b&gt;%3; stream of %4 bytes.</source>
        <translation>vfio_ap-Treiber des Ziels (%1): &lt;b&gt;%2&lt;/b&gt;%3; Datenstrom von %4 Bytes.</translation>
    </message>
    <message>
        <source>Source host</source>
        <translation>Quellhost</translation>
    </message>
    <message>
        <source>Destination host</source>
        <translation>Zielhost</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>mdev</source>
        <translation>mdev</translation>
    </message>
    <message>
        <source>Destination mdev</source>
        <translation>Ziel-mdev</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>Geprüft am</translation>
    </message>
    <message>
        <source>Destination kernel log</source>
        <translation>Kernel-Protokoll des Ziels</translation>
    </message>
    <message>
        <source>(no lines)</source>
        <translation>(keine Zeilen)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <source>APQNs</source>
        <translation>APQNs</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Source %1</source>
        <translation>Quelle %1</translation>
    </message>
    <message>
        <source>Destination %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>compatible</source>
        <translation>kompatibel</translation>
    </message>
    <message>
        <source>incompatible</source>
        <translation>inkompatibel</translation>
    </message>
    <message>
        <source>refused by the destination driver</source>
        <translation>vom Zieltreiber abgelehnt</translation>
    </message>
    <message>
        <source>no queue on the destination</source>
        <translation>keine Queue auf dem Ziel</translation>
    </message>
    <message>
        <source>accepted, fields differ</source>
        <translation>angenommen, Felder unterscheiden sich</translation>
    </message>
    <message>
        <source>identical on both sides</source>
        <translation>auf beiden Seiten gleich</translation>
    </message>
    <message>
        <source>a Secure Execution guest</source>
        <translation>ein Secure-Execution-Gast</translation>
    </message>
    <message>
        <source>the source driver cannot migrate</source>
        <translation>der Quelltreiber kann nicht migrieren</translation>
    </message>
    <message>
        <source>the destination driver cannot migrate</source>
        <translation>der Zieltreiber kann nicht migrieren</translation>
    </message>
    <message>
        <source>no destination mdev</source>
        <translation>kein Ziel-mdev</translation>
    </message>
    <message>
        <source>the destination mdev is in use</source>
        <translation>das Ziel-mdev ist belegt</translation>
    </message>
    <message>
        <source>queues missing on the destination</source>
        <translation>Queues fehlen auf dem Ziel</translation>
    </message>
    <message>
        <source>destination queues not bound to vfio_ap</source>
        <translation>Ziel-Queues nicht an vfio_ap gebunden</translation>
    </message>
    <message>
        <source>destination queues deconfigured</source>
        <translation>Ziel-Queues dekonfiguriert</translation>
    </message>
    <message>
        <source>destination queues checkstopped</source>
        <translation>Ziel-Queues im Checkstop</translation>
    </message>
    <message>
        <source>different master keys</source>
        <translation>andere Master-Keys</translation>
    </message>
    <message>
        <source>the stream must not be split</source>
        <translation>der Datenstrom darf nicht geteilt werden</translation>
    </message>
    <message>
        <source>libvirt refuses the guest</source>
        <translation>libvirt lehnt den Gast ab</translation>
    </message>
    <message>
        <source>Ready to migrate: the destination driver accepts the guest&apos;s AP configuration and no finding blocks the migration.</source>
        <translation>Bereit zur Migration: der Zieltreiber nimmt die AP-Konfiguration des Gastes an, und kein Befund blockiert die Migration.</translation>
    </message>
    <message>
        <source>no errno</source>
        <translation>kein errno</translation>
    </message>
    <message>
        <source>Not ready: the destination driver refuses the guest&apos;s AP configuration (%1).</source>
        <translation>Nicht bereit: der Zieltreiber lehnt die AP-Konfiguration des Gastes ab (%1).</translation>
    </message>
    <message>
        <source>adapters %1 × domains %2</source>
        <translation>Adapter %1 × Domänen %2</translation>
    </message>
    <message>
        <source>%1: domains %2</source>
        <translation>%1: Domänen %2</translation>
    </message>
    <message>
        <source>incompatible (%1)</source>
        <translation>inkompatibel (%1)</translation>
    </message>
    <message>
        <source>Driver profile: %1 -&gt; %2</source>
        <translation>Treiberprofil: %1 -&gt; %2</translation>
    </message>
    <message>
        <source>Driver verdict: %1 -&gt; %2</source>
        <translation>Urteil des Treibers: %1 -&gt; %2</translation>
    </message>
    <message>
        <source>Ready: %1 -&gt; %2</source>
        <translation>Bereit: %1 -&gt; %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Stream size: %1 -&gt; %2 bytes</source>
        <translation>Größe des Datenstroms: %1 -&gt; %2 Bytes</translation>
    </message>
    <message>
        <source>The destination kernel&apos;s lines changed (%1 -&gt; %2 lines)</source>
        <translation>Die Zeilen des Zielkernels haben sich geändert (%1 -&gt; %2 Zeilen)</translation>
    </message>
    <message>
        <source>Queue %1 joined the guest matrix</source>
        <translation>Queue %1 ist neu in der Gastmatrix</translation>
    </message>
    <message>
        <source>Queue %1: source hwinfo %2 -&gt; %3</source>
        <translation>Queue %1: hwinfo der Quelle %2 -&gt; %3</translation>
    </message>
    <message>
        <source>Queue %1: destination hwinfo %2 -&gt; %3</source>
        <translation>Queue %1: hwinfo des Ziels %2 -&gt; %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>no queue</source>
        <translation>keine Queue</translation>
    </message>
    <message>
        <source>Queue %1: %2 -&gt; %3</source>
        <translation>Queue %1: %2 -&gt; %3</translation>
    </message>
    <message>
        <source>Queue %1 left the guest matrix</source>
        <translation>Queue %1 hat die Gastmatrix verlassen</translation>
    </message>
    <message>
        <source>New %1: %2</source>
        <translation>Neu (%1): %2</translation>
    </message>
    <message>
        <source>Resolved %1: %2</source>
        <translation>Erledigt (%1): %2</translation>
    </message>
    <message>
        <source>Queues: %1 in %2 groups of alike queues, those with differences first.</source>
        <translation>Queues: %1 in %2 Gruppen gleicher Queues, die mit Unterschieden zuerst.</translation>
    </message>
    <message>
        <source>Not ready: the destination driver accepts the guest&apos;s AP configuration, but the migration is blocked by: %1.</source>
        <translation>Nicht bereit: der Zieltreiber nimmt die AP-Konfiguration des Gastes an, aber die Migration wird blockiert durch: %1.</translation>
    </message>
    <message>
        <source>Not ready: the destination driver refuses the guest&apos;s AP configuration (%1), and the migration is also blocked by: %2.</source>
        <translation>Nicht bereit: der Zieltreiber lehnt die AP-Konfiguration des Gastes ab (%1), und die Migration wird außerdem blockiert durch: %2.</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>Undefined kernel behaviour: %1</source>
        <translation>Undefiniertes Kernel-Verhalten: %1</translation>
    </message>
    <message>
        <source>By revision</source>
        <translation>Nach Revision</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>errno</source>
        <translation>errno</translation>
    </message>
    <message>
        <source>First kernel line</source>
        <translation>Erste Kernel-Zeile</translation>
    </message>
    <message>
        <source>undefined behaviour for a split stream</source>
        <translation>undefiniertes Verhalten bei geteiltem Datenstrom</translation>
    </message>
    <message>
        <source>undefined driver behaviour</source>
        <translation>undefiniertes Treiberverhalten</translation>
    </message>
    <message>
        <source>Not ready: the destination driver&apos;s behaviour is undefined for the guest&apos;s AP configuration (%1).</source>
        <translation>Nicht bereit: das Verhalten des Zieltreibers ist für die AP-Konfiguration des Gastes undefiniert (%1).</translation>
    </message>
    <message>
        <source>Destination vfio_ap driver (%1): &lt;b&gt;%2&lt;/b&gt;; stream unknown.</source>
        <translation>vfio_ap-Treiber des Ziels (%1): &lt;b&gt;%2&lt;/b&gt;; Datenstrom unbekannt.</translation>
    </message>
    <message>
        <source>what the hosts&apos; views do not show</source>
        <translation>was die Sicht auf die Hosts nicht zeigt</translation>
    </message>
    <message>
        <source>Cannot decide: the console does not see what the destination driver&apos;s answer depends on. %1</source>
        <translation>Keine Entscheidung möglich: die Konsole sieht nicht, wovon die Antwort des Zieltreibers abhängt. %1</translation>
    </message>
    <message>
        <source>Destination vfio_ap driver: not involved, no vfio-ap device is in the running guest.</source>
        <translation>vfio_ap-Treiber am Ziel: nicht beteiligt, im laufenden Gast ist kein vfio-ap-Gerät.</translation>
    </message>
    <message>
        <source>Ready to migrate: no vfio-ap device is in the running guest, libvirt migrates it as a plain live migration.</source>
        <translation>Bereit zur Migration: Im laufenden Gast ist kein vfio-ap-Gerät, libvirt migriert ihn als einfache Live-Migration.</translation>
    </message>
    <message>
        <source>Not ready: the guest has no vfio-ap device in it and is not running.</source>
        <translation>Nicht bereit: Der Gast hat kein vfio-ap-Gerät und läuft nicht.</translation>
    </message>
</context>
<context>
    <name>ap::ui::AddHostDialog</name>
    <message>
        <source>Add host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;libvirt URI (optional):</source>
        <translation>&amp;libvirt-URI (optional):</translation>
    </message>
    <message>
        <source>The address is demo:NAME, sysfs:/ROOT, ssh://user@host[:port] or a libvirt URI. Give an SSH or sysfs address and the same host&apos;s libvirt URI to see it as one host: SSH shows the adapters, queues and matrices and applies changes, libvirt adds the guests, persistent mdevs and the migration job.</source>
        <translation>Die Adresse ist demo:NAME, sysfs:/ROOT, ssh://user@host[:port] oder eine libvirt-URI. Geben Sie eine SSH- oder sysfs-Adresse und die libvirt-URI desselben Hosts an, um ihn als einen Host zu sehen: SSH zeigt Adapter, Queues und Matrizen und wendet Änderungen an, libvirt ergänzt die Gäste, persistente mdevs und den Migrationsjob.</translation>
    </message>
</context>
<context>
    <name>ap::ui::ApplyDialog</name>
    <message>
        <source>Apply changes to %1</source>
        <translation>Änderungen an %1 anwenden</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibe…</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Nichts wurde geschrieben: %1</translation>
    </message>
    <message numerus="yes">
        <source>Applied: %n write(s) done and recorded in the audit log.</source>
        <translation>
            <numerusform>Angewendet: %n Schreibvorgang ausgeführt und im Audit-Log vermerkt.</numerusform>
            <numerusform>Angewendet: %n Schreibvorgänge ausgeführt und im Audit-Log vermerkt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Step %1 failed: %2 (%3).</source>
        <translation>Schritt %1 fehlgeschlagen: %2 (%3).</translation>
    </message>
    <message>
        <source>It was: %1.</source>
        <translation>Es war: %1.</translation>
    </message>
    <message>
        <source>Kernel: %1</source>
        <translation>Kernel: %1</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Not every earlier step could be undone: read the host again and check the audit log.</source>
        <translation>Nicht jeder vorherige Schritt konnte rückgängig gemacht werden: Lesen Sie den Host neu und prüfen Sie das Audit-Log.</translation>
    </message>
    <message>
        <source>The audit log could not record this: %1</source>
        <translation>Das Audit-Protokoll konnte dies nicht festhalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>Applied: %n write(s) done.</source>
        <translation>
            <numerusform>Angewendet: %n Schreibvorgang ausgeführt.</numerusform>
            <numerusform>Angewendet: %n Schreibvorgänge ausgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every earlier step was undone: the host, read back, is as before.</source>
        <translation>Alle vorherigen Schritte wurden rückgängig gemacht: Der Host ist laut erneutem Lesen wie zuvor.</translation>
    </message>
    <message>
        <source>Read back: %1</source>
        <translation>Erneut gelesen: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;mdev %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;mdev %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;mdev %1&lt;/b&gt; of guest %2</source>
        <translation>&lt;b&gt;mdev %1&lt;/b&gt; des Gasts %2</translation>
    </message>
    <message>
        <source>Adapters</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domänen</translation>
    </message>
    <message>
        <source>Control domains</source>
        <translation>Kontrolldomänen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>APQNs: %1 → %2</source>
        <translation>APQNs: %1 → %2</translation>
    </message>
    <message>
        <source>No guest uses this mdev.</source>
        <translation>Kein Gast nutzt dieses mdev.</translation>
    </message>
    <message numerus="yes">
        <source>Guest %1 is shut off: it sees %n queue(s) at its next start.</source>
        <translation>
            <numerusform>Gast %1 ist ausgeschaltet: Er sieht beim nächsten Start %n Queue.</numerusform>
            <numerusform>Gast %1 ist ausgeschaltet: Er sieht beim nächsten Start %n Queues.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Hot plug:&lt;/b&gt; the running guest %1 gets %n queue(s) now.</source>
        <translation>
            <numerusform>&lt;b&gt;Hotplug:&lt;/b&gt; Der laufende Gast %1 erhält jetzt %n Queue.</numerusform>
            <numerusform>&lt;b&gt;Hotplug:&lt;/b&gt; Der laufende Gast %1 erhält jetzt %n Queues.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Hot unplug:&lt;/b&gt; the running guest %1 loses %n queue(s) now.</source>
        <translation>
            <numerusform>&lt;b&gt;Hot-Unplug:&lt;/b&gt; Der laufende Gast %1 verliert jetzt %n Queue.</numerusform>
            <numerusform>&lt;b&gt;Hot-Unplug:&lt;/b&gt; Der laufende Gast %1 verliert jetzt %n Queues.</numerusform>
        </translation>
    </message>
    <message>
        <source>The running guest %1 sees no change in its queues.</source>
        <translation>Der laufende Gast %1 sieht keine Änderung an seinen Queues.</translation>
    </message>
    <message>
        <source>Persistent definition: none; the mdev is transient and this change ends with it.</source>
        <translation>Persistente Definition: keine; das mdev ist flüchtig, und diese Änderung endet mit ihm.</translation>
    </message>
    <message>
        <source>Persistent definition: already holds this matrix.</source>
        <translation>Persistente Definition: enthält diese Matrix bereits.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Creates mdev %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Erzeugt mdev %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Removes mdev %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Entfernt mdev %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The kernel would refuse this:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Der Kernel würde dies ablehnen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The writes are made on %1 as one transaction: if one fails, the earlier ones are undone.</source>
        <translation>Die Schreibvorgänge auf %1 erfolgen als eine Transaktion: Schlägt einer fehl, werden die vorherigen rückgängig gemacht.</translation>
    </message>
    <message numerus="yes">
        <source>The exact writes (%n)</source>
        <translation>
            <numerusform>Die genauen Schreibvorgänge (%n)</numerusform>
            <numerusform>Die genauen Schreibvorgänge (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>I understand that running guests get queues hot plugged or unplugged now.</source>
        <translation>Mir ist bewusst, dass laufende Gäste jetzt Queues per Hotplug erhalten oder verlieren.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hot unplug:&lt;/b&gt; the running guest %1 loses its crypto adapters (QEMU unplugs the device).</source>
        <translation>&lt;b&gt;Hot-Unplug:&lt;/b&gt; Der laufende Gast %1 verliert seine Krypto-Adapter (QEMU entfernt das Gerät).</translation>
    </message>
    <message>
        <source>Step %1 was not written: the connection to the host failed (%2); the kernel was not asked.</source>
        <translation>Schritt %1 wurde nicht geschrieben: Die Verbindung zum Host ist fehlgeschlagen (%2); der Kernel wurde nicht gefragt.</translation>
    </message>
    <message>
        <source>Persistent definition: holds another matrix (see below).</source>
        <translation>Persistente Definition: enthält eine andere Matrix (siehe unten).</translation>
    </message>
    <message>
        <source>Persistent definitions</source>
        <translation>Persistente Definitionen</translation>
    </message>
    <message>
        <source>Also update the persistent definition of mdev %1 to the new matrix</source>
        <translation>Auch die persistente Definition von mdev %1 auf die neue Matrix aktualisieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;The definition cannot be updated to this matrix&lt;/b&gt;; nothing would be written to it:</source>
        <translation>&lt;b&gt;Die Definition kann nicht auf diese Matrix aktualisiert werden&lt;/b&gt;; in sie würde nichts geschrieben:</translation>
    </message>
    <message>
        <source>ap-check</source>
        <translation>ap-check</translation>
    </message>
    <message>
        <source>mdevctl</source>
        <translation>mdevctl</translation>
    </message>
    <message>
        <source>the kernel</source>
        <translation>den Kernel</translation>
    </message>
    <message>
        <source>• %1 (refused by %2; rule: %3)</source>
        <translation>• %1 (abgelehnt durch %2; Regel: %3)</translation>
    </message>
    <message>
        <source>The host&apos;s definitions are not known here: ap-check on the host decides when the definition is updated.</source>
        <translation>Die Definitionen des Hosts sind hier nicht bekannt: ap-check auf dem Host entscheidet, wenn die Definition aktualisiert wird.</translation>
    </message>
    <message>
        <source>The definition is updated once the kernel writes succeed: the change survives a reboot.</source>
        <translation>Die Definition wird aktualisiert, sobald die Schreibvorgänge im Kernel gelungen sind: die Änderung übersteht einen Neustart.</translation>
    </message>
    <message>
        <source>Without it, the running matrix will differ from the definition after this change: the change is lost at the next reboot.</source>
        <translation>Ohne dies weicht die laufende Matrix nach dieser Änderung von der Definition ab: die Änderung geht beim nächsten Neustart verloren.</translation>
    </message>
    <message>
        <source>The definition&apos;s start=auto starts the mdev at boot with its old matrix.</source>
        <translation>Durch start=auto der Definition startet das mdev beim Booten mit seiner alten Matrix.</translation>
    </message>
    <message>
        <source>The definition (start=manual) brings back the old matrix when the mdev is next started from it.</source>
        <translation>Die Definition (start=manual) stellt die alte Matrix wieder her, wenn das mdev das nächste Mal aus ihr gestartet wird.</translation>
    </message>
    <message>
        <source>Updating the definition of mdev %1…</source>
        <translation>Definition von mdev %1 wird aktualisiert …</translation>
    </message>
    <message>
        <source>The definition of mdev %1 was updated: the change survives a reboot.</source>
        <translation>Die Definition von mdev %1 wurde aktualisiert: die Änderung übersteht einen Neustart.</translation>
    </message>
    <message>
        <source>The kernel change was applied, but the definition of mdev %1 was NOT updated: %2 %3
The running matrix now differs from the definition, so the change is lost at the next reboot. Update the definition from the fleet tree (Make the definition match the running matrix) or with mdevctl modify on the host.</source>
        <translation>Die Änderung im Kernel wurde angewendet, aber die Definition von mdev %1 wurde NICHT aktualisiert: %2 %3
Die laufende Matrix weicht nun von der Definition ab, daher geht die Änderung beim nächsten Neustart verloren. Aktualisieren Sie die Definition in der Baumansicht (Definition an die laufende Matrix anpassen) oder mit mdevctl modify auf dem Host.</translation>
    </message>
</context>
<context>
    <name>ap::ui::AuditLogModel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed (errno %1)</source>
        <translation>fehlgeschlagen (errno %1)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>%1, undoing an earlier write</source>
        <translation>%1, macht einen früheren Schreibvorgang rückgängig</translation>
    </message>
    <message>
        <source>Time: %1</source>
        <translation>Zeit: %1</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>nicht erfasst</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>Aktion: %1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Pfad: %1</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>Vorher: %1</translation>
    </message>
    <message>
        <source>After: %1</source>
        <translation>Nachher: %1</translation>
    </message>
    <message>
        <source>Kernel:</source>
        <translation>Kernel:</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
</context>
<context>
    <name>ap::ui::AuditLogView</name>
    <message>
        <source>Search host, user, action, values, path…</source>
        <translation>Host, Benutzer, Aktion, Werte, Pfad suchen…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Select a write to see it in full.</source>
        <translation>Wählen Sie einen Schreibvorgang, um ihn vollständig zu sehen.</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Audit-Protokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The audit log could not be saved: %1</source>
        <translation>Das Audit-Protokoll konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>ap::ui::DefinitionActions</name>
    <message>
        <source>mdev %1 is defined already.</source>
        <translation>mdev %1 ist bereits definiert.</translation>
    </message>
    <message>
        <source>mdev %1 is not defined.</source>
        <translation>mdev %1 ist nicht definiert.</translation>
    </message>
    <message>
        <source>mdev %1 has no definition to remove.</source>
        <translation>mdev %1 hat keine Definition, die entfernt werden könnte.</translation>
    </message>
    <message>
        <source>APQN %1 is defined for start at boot by mdev %2.</source>
        <translation>APQN %1 ist in mdev %2 für den Start beim Booten definiert.</translation>
    </message>
    <message>
        <source>APQN %1 stays with the host after a reboot (persistent masks in 41-ap.rules).</source>
        <translation>APQN %1 bleibt nach einem Neustart beim Host (persistente Masken in 41-ap.rules).</translation>
    </message>
    <message>
        <source>The vfio_ap module is not loaded.</source>
        <translation>Das Modul vfio_ap ist nicht geladen.</translation>
    </message>
    <message>
        <source>Control domains without any usage domain.</source>
        <translation>Steuerdomänen ohne eine einzige Nutzungsdomäne.</translation>
    </message>
    <message>
        <source>APQN %1 is in use by the running mdev %2.</source>
        <translation>APQN %1 wird vom laufenden mdev %2 verwendet.</translation>
    </message>
    <message>
        <source>APQN %1 is reserved for the host (apmask/aqmask).</source>
        <translation>APQN %1 ist für den Host reserviert (apmask/aqmask).</translation>
    </message>
    <message>
        <source>mdev %1 is running already.</source>
        <translation>mdev %1 läuft bereits.</translation>
    </message>
    <message>
        <source>mdev %1 is not running.</source>
        <translation>mdev %1 läuft nicht.</translation>
    </message>
    <message>
        <source>Id %1 is above the host&apos;s maximum.</source>
        <translation>Die ID %1 liegt über dem Maximum des Hosts.</translation>
    </message>
    <message>
        <source>%1 names several ids in one attribute.</source>
        <translation>%1 nennt mehrere IDs in einem Attribut.</translation>
    </message>
    <message>
        <source>The kernel refuses it; ap-check would let it through.</source>
        <translation>Der Kernel lehnt es ab; ap-check würde es durchlassen.</translation>
    </message>
    <message>
        <source>+adapter %1</source>
        <translation>+Adapter %1</translation>
    </message>
    <message>
        <source>-adapter %1</source>
        <translation>-Adapter %1</translation>
    </message>
    <message>
        <source>+domain %1</source>
        <translation>+Domäne %1</translation>
    </message>
    <message>
        <source>-domain %1</source>
        <translation>-Domäne %1</translation>
    </message>
    <message>
        <source>+control domain %1</source>
        <translation>+Steuerdomäne %1</translation>
    </message>
    <message>
        <source>-control domain %1</source>
        <translation>-Steuerdomäne %1</translation>
    </message>
    <message>
        <source>Import mdevctl definition…</source>
        <translation>mdevctl-Definition importieren…</translation>
    </message>
    <message>
        <source>Start mdev</source>
        <translation>mdev starten</translation>
    </message>
    <message>
        <source>Start mdev %1</source>
        <translation>mdev %1 starten</translation>
    </message>
    <message>
        <source>Keep after reboot (define)</source>
        <translation>Nach Neustart behalten (definieren)</translation>
    </message>
    <message>
        <source>Define mdev %1</source>
        <translation>mdev %1 definieren</translation>
    </message>
    <message>
        <source>Start at boot</source>
        <translation>Beim Booten starten</translation>
    </message>
    <message>
        <source>Start mdev %1 at boot</source>
        <translation>mdev %1 beim Booten starten</translation>
    </message>
    <message>
        <source>Stop starting mdev %1 at boot</source>
        <translation>mdev %1 nicht mehr beim Booten starten</translation>
    </message>
    <message>
        <source>Undefine (forget after reboot)</source>
        <translation>Definition entfernen (nach Neustart vergessen)</translation>
    </message>
    <message>
        <source>Undefine mdev %1</source>
        <translation>Definition von mdev %1 entfernen</translation>
    </message>
    <message>
        <source>Make the definition match the running matrix</source>
        <translation>Definition an die laufende Matrix anpassen</translation>
    </message>
    <message>
        <source>Update the definition of mdev %1</source>
        <translation>Definition von mdev %1 aktualisieren</translation>
    </message>
    <message>
        <source>Apply the definition to the running mdev…</source>
        <translation>Definition auf das laufende mdev anwenden…</translation>
    </message>
    <message>
        <source>Export as mdevctl JSON…</source>
        <translation>Als mdevctl-JSON exportieren…</translation>
    </message>
    <message>
        <source>Export as libvirt node-device XML…</source>
        <translation>Als libvirt-Node-Device-XML exportieren…</translation>
    </message>
    <message>
        <source>%1 is refused; nothing was written.

%2</source>
        <translation>%1 wird abgelehnt; nichts wurde geschrieben.

%2</translation>
    </message>
    <message>
        <source>%1 on %2?</source>
        <translation>%1 auf %2?</translation>
    </message>
    <message>
        <source>Runs: mdevctl %1 --uuid %2</source>
        <translation>Führt aus: mdevctl %1 --uuid %2</translation>
    </message>
    <message>
        <source>The host&apos;s definitions are not known: ap-check on the host decides.</source>
        <translation>Die Definitionen des Hosts sind unbekannt: ap-check auf dem Host entscheidet.</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 failed on %2:
%3
%4</source>
        <translation>%1 ist auf %2 fehlgeschlagen:
%3
%4</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: erledigt</translation>
    </message>
    <message>
        <source>Export as libvirt node-device XML</source>
        <translation>Als libvirt-Node-Device-XML exportieren</translation>
    </message>
    <message>
        <source>Export as mdevctl JSON</source>
        <translation>Als mdevctl-JSON exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported mdev %1 to %2</source>
        <translation>mdev %1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Import mdevctl definition</source>
        <translation>mdevctl-Definition importieren</translation>
    </message>
    <message>
        <source>mdevctl JSON (*.json *);;All files (*)</source>
        <translation>mdevctl-JSON (*.json *);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ap::ui::DestinationPage</name>
    <message>
        <source>Select the destination host</source>
        <translation>Ziel-Host wählen</translation>
    </message>
    <message>
        <source>Destination host:</source>
        <translation>Ziel-Host:</translation>
    </message>
    <message>
        <source>Hosts that cannot take the guest are listed with the reason. The next page reads both hosts again and predicts what the destination kernel will decide.</source>
        <translation>Hosts, die den Gast nicht aufnehmen können, stehen mit dem Grund in der Liste. Die nächste Seite liest beide Hosts neu und sagt voraus, wie der Kernel am Ziel entscheiden wird.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ap::ui::EvacuationDialog</name>
    <message>
        <source>&amp;Evacuate…</source>
        <translation>&amp;Evakuieren…</translation>
    </message>
    <message>
        <source>&amp;Stop after the running migrations</source>
        <translation>Nach den laufenden Migrationen &amp;anhalten</translation>
    </message>
    <message>
        <source>Source device</source>
        <translation>Gerät auf der Quelle</translation>
    </message>
    <message>
        <source>Destination device</source>
        <translation>Gerät auf dem Ziel</translation>
    </message>
    <message>
        <source>Evacuate %1</source>
        <translation>%1 evakuieren</translation>
    </message>
    <message>
        <source>Planning where each AP guest of %1 can go…</source>
        <translation>Plane, wohin jeder AP-Gast von %1 gehen kann…</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Migrations at once. 1 moves the guests one after another.</source>
        <translation>Gleichzeitige Migrationen. 1 verschiebt die Gäste nacheinander.</translation>
    </message>
    <message>
        <source>%v of %m guests moved</source>
        <translation>%v von %m Gästen verschoben</translation>
    </message>
    <message>
        <source>Migrations at once:</source>
        <translation>Gleichzeitige Migrationen:</translation>
    </message>
    <message>
        <source>Migrations are running; stop after them first.</source>
        <translation>Migrationen laufen; halten Sie zuerst nach ihnen an.</translation>
    </message>
    <message>
        <source>%1, creates mdev with %2</source>
        <translation>%1, legt mdev mit %2 an</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Not live: %1</source>
        <translation>Nicht live: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>stays</source>
        <translation>bleibt</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) placed</source>
        <translation>
            <numerusform>%n Gast platziert</numerusform>
            <numerusform>%n Gäste platziert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n guest(s) cannot be placed and stay on the host</source>
        <translation>
            <numerusform>; %n Gast kann nicht platziert werden und bleibt auf dem Host</numerusform>
            <numerusform>; %n Gäste können nicht platziert werden und bleiben auf dem Host</numerusform>
        </translation>
    </message>
    <message>
        <source>. The plan replays through the driver model without a refusal.</source>
        <translation>. Der Plan läuft ohne Ablehnung durch das Treibermodell.</translation>
    </message>
    <message>
        <source>. &lt;b&gt;The plan does not replay:&lt;/b&gt; %1</source>
        <translation>. &lt;b&gt;Der Plan läuft nicht durch:&lt;/b&gt; %1</translation>
    </message>
    <message numerus="yes">
        <source>Move %n guest(s) off %1?</source>
        <translation>
            <numerusform>%n Gast von %1 verschieben?</numerusform>
            <numerusform>%n Gäste von %1 verschieben?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First %n write(s) create the destination mdevs on %1.</source>
        <translation>
            <numerusform>Zuerst legt %n Schreibvorgang die Ziel-mdevs auf %1 an.</numerusform>
            <numerusform>Zuerst legen %n Schreibvorgänge die Ziel-mdevs auf %1 an.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) have no place and stay.</source>
        <translation>
            <numerusform>%n Gast hat keinen Platz und bleibt.</numerusform>
            <numerusform>%n Gäste haben keinen Platz und bleiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Evacuate host</source>
        <translation>Host evakuieren</translation>
    </message>
    <message>
        <source>mdevs created on %1</source>
        <translation>mdevs auf %1 angelegt</translation>
    </message>
    <message>
        <source>creating the mdevs on %1 was refused; the host was rolled back</source>
        <translation>das Anlegen der mdevs auf %1 wurde abgelehnt; der Host wurde zurückgesetzt</translation>
    </message>
    <message>
        <source>migrating</source>
        <translation>migriert</translation>
    </message>
    <message>
        <source>Now: %1 from %2 to %3 (%4)</source>
        <translation>Jetzt: %1 von %2 nach %3 (%4)</translation>
    </message>
    <message>
        <source>step %1 failed: %2</source>
        <translation>Schritt %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>failed, still on the source: %1</source>
        <translation>fehlgeschlagen, weiter auf der Quelle: %1</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>Every placed guest moved off %1.</source>
        <translation>Jeder platzierte Gast hat %1 verlassen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stopped:&lt;/b&gt; %1. Still on %2: %3.</source>
        <translation>&lt;b&gt;Angehalten:&lt;/b&gt; %1. Weiter auf %2: %3.</translation>
    </message>
    <message>
        <source>The run of %1 was not recorded in the database: %2</source>
        <translation>Der Lauf von %1 wurde nicht in der Datenbank festgehalten: %2</translation>
    </message>
    <message>
        <source>%1 (not recorded)</source>
        <translation>%1 (nicht festgehalten)</translation>
    </message>
</context>
<context>
    <name>ap::ui::FleetMapModel</name>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>replug</source>
        <translation>Replug</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>different master keys</source>
        <translation>andere Master-Keys</translation>
    </message>
    <message>
        <source>the destination driver refuses the mdev (its APQNs are taken, reserved for the host or no mdev instance is left)</source>
        <translation>der Treiber des Ziels lehnt das mdev ab (seine APQNs sind belegt, für den Host reserviert oder keine mdev-Instanz ist mehr frei)</translation>
    </message>
    <message>
        <source>the destination driver refuses the migration stream</source>
        <translation>der Treiber des Ziels lehnt den Migrationsstrom ab</translation>
    </message>
    <message>
        <source>the destination&apos;s adapters are of another type or mode</source>
        <translation>die Adapter des Ziels haben einen anderen Typ oder Modus</translation>
    </message>
    <message>
        <source>the destination&apos;s kernel cannot migrate vfio-ap devices</source>
        <translation>der Kernel des Ziels kann vfio-ap-Geräte nicht migrieren</translation>
    </message>
    <message>
        <source>the source&apos;s kernel cannot migrate vfio-ap devices</source>
        <translation>der Kernel der Quelle kann vfio-ap-Geräte nicht migrieren</translation>
    </message>
    <message>
        <source>the guest cannot move there</source>
        <translation>der Gast kann nicht dorthin</translation>
    </message>
    <message>
        <source>the destination&apos;s queues are not usable</source>
        <translation>die Queues des Ziels sind nicht nutzbar</translation>
    </message>
    <message>
        <source>the destination&apos;s mdev of that UUID is in use</source>
        <translation>das mdev dieser UUID auf dem Ziel ist in Gebrauch</translation>
    </message>
    <message>
        <source>not possible</source>
        <translation>nicht möglich</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The guest runs here.</source>
        <translation>Der Gast läuft hier.</translation>
    </message>
    <message>
        <source>%1, new mdev on other adapters</source>
        <translation>%1, neues mdev auf anderen Adaptern</translation>
    </message>
    <message>
        <source>%1, new mdev</source>
        <translation>%1, neues mdev</translation>
    </message>
    <message>
        <source>Creates mdev %1 with APQNs %2</source>
        <translation>Legt mdev %1 mit den APQNs %2 an</translation>
    </message>
    <message>
        <source>Uses the existing mdev %1</source>
        <translation>Nutzt das vorhandene mdev %1</translation>
    </message>
    <message>
        <source>Not live: %1</source>
        <translation>Nicht live: %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>mdev</source>
        <translation>mdev</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
</context>
<context>
    <name>ap::ui::FleetMapWindow</name>
    <message>
        <source>Fleet compatibility map</source>
        <translation>Kompatibilitätskarte der Flotte</translation>
    </message>
    <message>
        <source>Filter by host, guest, mdev or verdict</source>
        <translation>Nach Host, Gast, mdev oder Urteil filtern</translation>
    </message>
    <message>
        <source>Destination driver:</source>
        <translation>Treiber des Ziels:</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>E&amp;vacuate host…</source>
        <translation>Host e&amp;vakuieren…</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) with vfio-ap mdevs on %1 host(s).</source>
        <translation>
            <numerusform>%n Gast mit vfio-ap-mdevs auf %1 Host(s).</numerusform>
            <numerusform>%n Gäste mit vfio-ap-mdevs auf %1 Host(s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Computing the map of %n host(s)…</source>
        <translation>
            <numerusform>Berechne die Karte von %n Host…</numerusform>
            <numerusform>Berechne die Karte von %n Hosts…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the fleet map</source>
        <translation>Flottenkarte exportieren</translation>
    </message>
    <message>
        <source>HTML (*.html);;CSV (*.csv);;JSON (*.json)</source>
        <translation>HTML (*.html);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>The map could not be written to %1: %2</source>
        <translation>Die Karte konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Evacuate host</source>
        <translation>Host evakuieren</translation>
    </message>
    <message>
        <source>An evacuation needs at least two connected hosts.</source>
        <translation>Eine Evakuierung braucht mindestens zwei verbundene Hosts.</translation>
    </message>
    <message>
        <source>Move every AP guest off this host:</source>
        <translation>Jeden AP-Gast von diesem Host verschieben:</translation>
    </message>
</context>
<context>
    <name>ap::ui::FleetModel</name>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Adapters</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>Mediated devices</source>
        <translation>Mediated Devices</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>unbekannter Typ</translation>
    </message>
    <message>
        <source>, deconfigured</source>
        <translation>, dekonfiguriert</translation>
    </message>
    <message>
        <source>, checkstopped</source>
        <translation>, Checkstop</translation>
    </message>
    <message>
        <source>Adapter 0x%1</source>
        <translation>Adapter 0x%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>no guest</source>
        <translation>kein Gast</translation>
    </message>
    <message numerus="yes">
        <source>%n APQN(s) assigned, </source>
        <translation>
            <numerusform>%n APQN zugewiesen, </numerusform>
            <numerusform>%n APQNs zugewiesen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in the guest matrix</source>
        <translation>
            <numerusform>%n in der Gastmatrix</numerusform>
            <numerusform>%n in der Gastmatrix</numerusform>
        </translation>
    </message>
    <message>
        <source>no vfio-ap device</source>
        <translation>kein vfio-ap-Gerät</translation>
    </message>
    <message>
        <source>vfio-ap mdev %1</source>
        <translation>vfio-ap-mdev %1</translation>
    </message>
    <message>
        <source>unknown host key</source>
        <translation>unbekannter Host-Schlüssel</translation>
    </message>
    <message>
        <source>host key changed: refused</source>
        <translation>Host-Schlüssel geändert: abgelehnt</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>antwortet nicht</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>not supported</source>
        <translation>nicht unterstützt</translation>
    </message>
    <message>
        <source>, transient</source>
        <translation>, flüchtig</translation>
    </message>
    <message>
        <source>, persistent, starts at boot</source>
        <translation>, persistent, startet beim Booten</translation>
    </message>
    <message>
        <source>, persistent</source>
        <translation>, persistent</translation>
    </message>
    <message>
        <source>defined, not started</source>
        <translation>definiert, nicht gestartet</translation>
    </message>
    <message>
        <source>, starts at boot</source>
        <translation>, startet beim Booten</translation>
    </message>
    <message numerus="yes">
        <source>Persistent mdev with %n APQN(s); not in sysfs until it is started.</source>
        <translation>
            <numerusform>Persistentes mdev mit %n APQN; erst nach dem Start in sysfs.</numerusform>
            <numerusform>Persistentes mdev mit %n APQNs; erst nach dem Start in sysfs.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 + libvirt</source>
        <translation>%1 + libvirt</translation>
    </message>
    <message numerus="yes">
        <source>connected, %n issue(s)</source>
        <translation>
            <numerusform>verbunden, %n Problem</numerusform>
            <numerusform>verbunden, %n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>Running differs from definition: %1</source>
        <translation>Laufender Zustand weicht von der Definition ab: %1</translation>
    </message>
    <message>
        <source>Drop onto an mdev to assign to it.</source>
        <translation>Auf einem mdev ablegen, um es ihm zuzuweisen.</translation>
    </message>
    <message>
        <source>in its persistent definition only: %1</source>
        <translation>nur in seiner persistenten Definition: %1</translation>
    </message>
    <message>
        <source>, drifted</source>
        <translation>, abweichend</translation>
    </message>
</context>
<context>
    <name>ap::ui::HostActions</name>
    <message>
        <source>Assign adapter to mdev</source>
        <translation>Adapter einem mdev zuweisen</translation>
    </message>
    <message>
        <source>Create mdev…</source>
        <translation>mdev anlegen…</translation>
    </message>
    <message>
        <source>Remove mdev…</source>
        <translation>mdev entfernen…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>Cannot add %1:
%2
%3</source>
        <translation>%1 kann nicht hinzugefügt werden:
%2
%3</translation>
    </message>
    <message>
        <source>Reset the demo fleet</source>
        <translation>Demo-Flotte zurücksetzen</translation>
    </message>
    <message>
        <source>Undo every change made to the simulated hosts and start again from the built-in demo fleet?</source>
        <translation>Alle Änderungen an den simulierten Hosts verwerfen und mit der eingebauten Demo-Flotte neu beginnen?</translation>
    </message>
    <message>
        <source>Unknown host key</source>
        <translation>Unbekannter Host-Schlüssel</translation>
    </message>
    <message>
        <source>The key of %1 is not known and could not be read: %2</source>
        <translation>Der Schlüssel von %1 ist nicht bekannt und konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;The authenticity of &lt;b&gt;%1&lt;/b&gt; cannot be established: its key is not known yet.&lt;/p&gt;&lt;p&gt;Fingerprints offered:&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Compare them with the fingerprints the host&apos;s administrator gives you (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt;). Trust this key and connect?&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Echtheit von &lt;b&gt;%1&lt;/b&gt; kann nicht festgestellt werden: Sein Schlüssel ist noch nicht bekannt.&lt;/p&gt;&lt;p&gt;Angebotene Fingerabdrücke:&lt;/p&gt;&lt;pre&gt;%2&lt;/pre&gt;&lt;p&gt;Vergleichen Sie sie mit den Fingerabdrücken, die Ihnen der Administrator des Hosts nennt (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub&lt;/tt&gt;). Diesem Schlüssel vertrauen und verbinden?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Start mdev</source>
        <translation>mdev starten</translation>
    </message>
    <message>
        <source>Start mdev %1</source>
        <translation>mdev %1 starten</translation>
    </message>
    <message>
        <source>Start at boot</source>
        <translation>Beim Booten starten</translation>
    </message>
    <message>
        <source>Start mdev %1 at boot</source>
        <translation>mdev %1 beim Booten starten</translation>
    </message>
    <message>
        <source>Stop starting mdev %1 at boot</source>
        <translation>mdev %1 nicht mehr beim Booten starten</translation>
    </message>
    <message>
        <source>Keep after reboot (define)</source>
        <translation>Nach Neustart behalten (definieren)</translation>
    </message>
    <message>
        <source>Define mdev %1</source>
        <translation>mdev %1 definieren</translation>
    </message>
    <message>
        <source>Undefine (forget after reboot)</source>
        <translation>Definition entfernen (nach Neustart vergessen)</translation>
    </message>
    <message>
        <source>Undefine mdev %1</source>
        <translation>Definition von mdev %1 entfernen</translation>
    </message>
    <message>
        <source>Pause guest</source>
        <translation>Gast pausieren</translation>
    </message>
    <message>
        <source>Resume guest</source>
        <translation>Gast fortsetzen</translation>
    </message>
    <message>
        <source>Pause guest %1</source>
        <translation>Gast %1 pausieren</translation>
    </message>
    <message>
        <source>Resume guest %1</source>
        <translation>Gast %1 fortsetzen</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1 failed on %2:
%3
%4</source>
        <translation>%1 ist auf %2 fehlgeschlagen:
%3
%4</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: erledigt</translation>
    </message>
    <message>
        <source>The saved demo state could not be removed; it comes back at the next start: %1</source>
        <translation>Der gespeicherte Demo-Zustand konnte nicht entfernt werden; er kehrt beim nächsten Start zurück: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>still reading the host</source>
        <translation>Host wird noch gelesen</translation>
    </message>
    <message>
        <source>the host cannot be reached</source>
        <translation>Host nicht erreichbar</translation>
    </message>
    <message>
        <source>Rename host…</source>
        <translation>Host umbenennen…</translation>
    </message>
    <message>
        <source>Edit address…</source>
        <translation>Adresse bearbeiten…</translation>
    </message>
    <message>
        <source>Remove host…</source>
        <translation>Host entfernen…</translation>
    </message>
    <message>
        <source>Rename host</source>
        <translation>Host umbenennen</translation>
    </message>
    <message>
        <source>Name of %1 in the console (empty: show its address):</source>
        <translation>Name von %1 in der Konsole (leer: Adresse anzeigen):</translation>
    </message>
    <message>
        <source>The name was not kept: %1</source>
        <translation>Der Name wurde nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Edit host address</source>
        <translation>Host-Adresse bearbeiten</translation>
    </message>
    <message>
        <source>Address of %1:</source>
        <translation>Adresse von %1:</translation>
    </message>
    <message>
        <source>Cannot use %1:
%2
%3</source>
        <translation>%1 kann nicht verwendet werden:
%2
%3</translation>
    </message>
    <message>
        <source>Remove %1 from the console? Its pending changes are discarded. Nothing on the host is changed.</source>
        <translation>%1 aus der Konsole entfernen? Seine ausstehenden Änderungen werden verworfen. Auf dem Host wird nichts geändert.</translation>
    </message>
    <message>
        <source>Remove %1 from the console? Nothing on the host is changed.</source>
        <translation>%1 aus der Konsole entfernen? Auf dem Host wird nichts geändert.</translation>
    </message>
    <message>
        <source>Remove host</source>
        <translation>Host entfernen</translation>
    </message>
    <message>
        <source>Removed %1 from the console.</source>
        <translation>%1 wurde aus der Konsole entfernt.</translation>
    </message>
    <message>
        <source>Runs through libvirt: %1</source>
        <translation>Läuft über libvirt: %1</translation>
    </message>
    <message>
        <source>read-only: this console may not write /%1 on the host (a read-only mount or no permission)</source>
        <translation>schreibgeschützt: diese Konsole darf /%1 auf dem Host nicht schreiben (schreibgeschützt eingehängt oder keine Berechtigung)</translation>
    </message>
    <message>
        <source>Whether this console may write to the host is not known: the host decides when the change is applied.</source>
        <translation>Ob diese Konsole auf den Host schreiben darf, ist nicht bekannt: der Host entscheidet, wenn die Änderung angewendet wird.</translation>
    </message>
</context>
<context>
    <name>ap::ui::HostRevisionHint</name>
    <message>
        <source>Revision of the destination: unknown (the host was not read).</source>
        <translation>Revision des Ziels: unbekannt (der Host wurde nicht gelesen).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 runs %2 (as you set it).</source>
        <translation>%1 läuft mit %2 (wie von Ihnen festgelegt).</translation>
    </message>
    <message>
        <source>Proposed for %1: %2, the vfio_ap build (srcversion %3) you set on %4.</source>
        <translation>Vorschlag für %1: %2, der vfio_ap-Build (srcversion %3), den Sie auf %4 festgelegt haben.</translation>
    </message>
    <message>
        <source>Proposed for %1: %2, the kernel release %3 you set on %4.</source>
        <translation>Vorschlag für %1: %2, das Kernel-Release %3, das Sie auf %4 festgelegt haben.</translation>
    </message>
    <message>
        <source>%1 does not advertise &apos;migratable&apos;: no revision of the migration series is loaded.</source>
        <translation>%1 meldet kein „migratable“: keine Revision der Migrationsserie ist geladen.</translation>
    </message>
    <message>
        <source>Revision of %1: unknown (kernel %2, vfio_ap %3). Pick the revision it runs; it is remembered for the host.</source>
        <translation>Revision von %1: unbekannt (Kernel %2, vfio_ap %3). Wählen Sie die Revision, mit der der Host läuft; sie wird für ihn gespeichert.</translation>
    </message>
    <message>
        <source>The revision could not be remembered: %1</source>
        <translation>Die Revision konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>ap::ui::Inspector</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Select a host, adapter, mdev, guest or matrix cell.</source>
        <translation>Wählen Sie einen Host, Adapter, ein mdev, einen Gast oder eine Matrixzelle.</translation>
    </message>
    <message>
        <source>APSC: special command facility</source>
        <translation>APSC: Spezialbefehle</translation>
    </message>
    <message>
        <source>AP4KM: 4096-bit modular exponentiation</source>
        <translation>AP4KM: modulare Exponentiation mit 4096 Bit</translation>
    </message>
    <message>
        <source>AP4KC: 4096-bit CRT</source>
        <translation>AP4KC: CRT mit 4096 Bit</translation>
    </message>
    <message>
        <source>CCA coprocessor mode</source>
        <translation>CCA-Coprozessor-Modus</translation>
    </message>
    <message>
        <source>accelerator mode</source>
        <translation>Beschleuniger-Modus</translation>
    </message>
    <message>
        <source>EP11 coprocessor mode</source>
        <translation>EP11-Coprozessor-Modus</translation>
    </message>
    <message>
        <source>APXA: extended addressing</source>
        <translation>APXA: erweiterte Adressierung</translation>
    </message>
    <message>
        <source>SLCF: stateless command filtering</source>
        <translation>SLCF: zustandslose Befehlsfilterung</translation>
    </message>
    <message>
        <source>class: full native card function</source>
        <translation>Klasse: volle native Kartenfunktion</translation>
    </message>
    <message>
        <source>class: only stateless functions</source>
        <translation>Klasse: nur zustandslose Funktionen</translation>
    </message>
    <message>
        <source>Secure Execution bind/associate state</source>
        <translation>Secure-Execution-Bind-/Associate-Zustand</translation>
    </message>
    <message>
        <source>Max adapter / domain id</source>
        <translation>Höchste Adapter- / Domänen-ID</translation>
    </message>
    <message>
        <source>AP features</source>
        <translation>AP-Funktionen</translation>
    </message>
    <message>
        <source>no QCI</source>
        <translation>kein QCI</translation>
    </message>
    <message>
        <source>Host-owned adapters (apmask)</source>
        <translation>Adapter des Hosts (apmask)</translation>
    </message>
    <message>
        <source>Host-owned domains (aqmask)</source>
        <translation>Domänen des Hosts (aqmask)</translation>
    </message>
    <message>
        <source>Configured adapters</source>
        <translation>Konfigurierte Adapter</translation>
    </message>
    <message>
        <source>Configured usage domains</source>
        <translation>Konfigurierte Nutzungsdomänen</translation>
    </message>
    <message>
        <source>vfio_ap features</source>
        <translation>vfio_ap-Funktionen</translation>
    </message>
    <message>
        <source>vfio_ap not loaded</source>
        <translation>vfio_ap nicht geladen</translation>
    </message>
    <message>
        <source>Cards / queues / mdevs</source>
        <translation>Karten / Queues / mdevs</translation>
    </message>
    <message>
        <source>Attributes that could not be read</source>
        <translation>Attribute, die nicht gelesen werden konnten</translation>
    </message>
    <message>
        <source>Adapter %1 is not in the host configuration.</source>
        <translation>Adapter %1 ist nicht in der Host-Konfiguration.</translation>
    </message>
    <message>
        <source>Adapter %1</source>
        <translation>Adapter %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>hwtype / raw_hwtype</source>
        <translation>hwtype / raw_hwtype</translation>
    </message>
    <message>
        <source>Configured</source>
        <translation>Konfiguriert</translation>
    </message>
    <message>
        <source>Checkstopped</source>
        <translation>Checkstop</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Queue depth / max message</source>
        <translation>Queue-Tiefe / max. Nachricht</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>Operation modes</source>
        <translation>Betriebsmodi</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Queue %1</source>
        <translation>Queue %1</translation>
    </message>
    <message>
        <source>No queue device: the APQN is not in the host configuration.</source>
        <translation>Kein Queue-Gerät: Die APQN ist nicht in der Host-Konfiguration.</translation>
    </message>
    <message>
        <source>&amp;ndash; (not initialised)</source>
        <translation>&amp;ndash; (nicht initialisiert)</translation>
    </message>
    <message>
        <source>vfio_ap status</source>
        <translation>vfio_ap-Status</translation>
    </message>
    <message>
        <source>Reserved for the host</source>
        <translation>Für den Host reserviert</translation>
    </message>
    <message>
        <source>Functions (live)</source>
        <translation>Funktionen (aktuell)</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Master key verification patterns (last seen while bound to the host)</source>
        <translation>Master-Key-Prüfmuster (zuletzt gesehen, als die Queue an den Host gebunden war)</translation>
    </message>
    <message>
        <source>Master key verification patterns</source>
        <translation>Master-Key-Prüfmuster</translation>
    </message>
    <message>
        <source>Mediated device</source>
        <translation>Mediated Device</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Adapters</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>Usage domains</source>
        <translation>Nutzungsdomänen</translation>
    </message>
    <message>
        <source>Control domains</source>
        <translation>Kontrolldomänen</translation>
    </message>
    <message>
        <source>Guest matrix</source>
        <translation>Gastmatrix</translation>
    </message>
    <message>
        <source>%1 of %2 APQNs</source>
        <translation>%1 von %2 APQNs</translation>
    </message>
    <message>
        <source>Adapters withheld from the guest</source>
        <translation>Dem Gast vorenthaltene Adapter</translation>
    </message>
    <message>
        <source>Adapter %1: queue %2 is not bound to vfio_ap</source>
        <translation>Adapter %1: Queue %2 ist nicht an vfio_ap gebunden</translation>
    </message>
    <message>
        <source>Guest %1</source>
        <translation>Gast %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>vfio-ap mdev</source>
        <translation>vfio-ap-mdev</translation>
    </message>
    <message>
        <source>Persistent definition</source>
        <translation>Persistente Definition</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>defined, starts at boot</source>
        <translation>definiert, startet beim Booten</translation>
    </message>
    <message>
        <source>defined, manual start</source>
        <translation>definiert, manueller Start</translation>
    </message>
    <message>
        <source>Running differs from definition</source>
        <translation>Laufender Zustand weicht von der Definition ab</translation>
    </message>
    <message>
        <source>none: gone after a reboot</source>
        <translation>keine: nach einem Neustart weg</translation>
    </message>
    <message>
        <source>CCA coprocessor</source>
        <translation>CCA-Coprozessor</translation>
    </message>
    <message>
        <source>EP11 coprocessor</source>
        <translation>EP11-Coprozessor</translation>
    </message>
    <message>
        <source>accelerator</source>
        <translation>Beschleuniger</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Type and mode</source>
        <translation>Typ und Modus</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>unknown (not shown by this view)</source>
        <translation>unbekannt (diese Sicht zeigt es nicht)</translation>
    </message>
    <message>
        <source>In its persistent definition only</source>
        <translation>Nur in seiner persistenten Definition</translation>
    </message>
</context>
<context>
    <name>ap::ui::MainWindow</name>
    <message>
        <source>apconsole – crypto adapters of IBM Z KVM hosts</source>
        <translation>apconsole – Krypto-Adapter von IBM-Z-KVM-Hosts</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>The selected host&apos;s kernel log lines appear here.</source>
        <translation>Hier erscheinen die Kernel-Meldungen des gewählten Hosts.</translation>
    </message>
    <message>
        <source>Kernel log</source>
        <translation>Kernel-Log</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) in the fleet</source>
        <translation>
            <numerusform>%n Host in der Flotte</numerusform>
            <numerusform>%n Hosts in der Flotte</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add host…</source>
        <translation>Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Refresh host</source>
        <translation>Host &amp;aktualisieren</translation>
    </message>
    <message>
        <source>Reset the &amp;demo fleet</source>
        <translation>&amp;Demo-Flotte zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About apconsole</source>
        <translation>&amp;Über apconsole</translation>
    </message>
    <message>
        <source>About apconsole</source>
        <translation>Über apconsole</translation>
    </message>
    <message>
        <source>&lt;b&gt;apconsole %1&lt;/b&gt;&lt;p&gt;A console for the Crypto Express adapters of IBM Z and LinuxONE KVM hosts: the vfio_ap matrix of each mediated device, and what the destination kernel will say before a guest migrates.&lt;/p&gt;</source>
        <translation>&lt;b&gt;apconsole %1&lt;/b&gt;&lt;p&gt;Eine Konsole für die Crypto-Express-Adapter von IBM-Z- und LinuxONE-KVM-Hosts: die vfio_ap-Matrix jedes Mediated Device, und was der Kernel des Ziels sagen wird, bevor ein Gast migriert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>%1 is unavailable: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Matrix of mdev %1 on %2, used by %3</source>
        <translation>Matrix von mdev %1 auf %2, genutzt von %3</translation>
    </message>
    <message>
        <source>Matrix of mdev %1 on %2</source>
        <translation>Matrix von mdev %1 auf %2</translation>
    </message>
    <message>
        <source>All mdevs on %1</source>
        <translation>Alle mdevs auf %1</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Assign selection to this mdev</source>
        <translation>Auswahl diesem mdev &amp;zuweisen</translation>
    </message>
    <message>
        <source>&amp;Unassign selection from this mdev</source>
        <translation>Zuweisung der Auswahl zu diesem mdev &amp;aufheben</translation>
    </message>
    <message>
        <source>A&amp;pply changes…</source>
        <translation>Änderungen an&amp;wenden…</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message numerus="yes">
        <source>%n mdev(s) with changes not yet applied</source>
        <translation>
            <numerusform>%n mdev mit noch nicht angewendeten Änderungen</numerusform>
            <numerusform>%n mdevs mit noch nicht angewendeten Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unassign %n item(s) from mdev %1</source>
        <translation>
            <numerusform>Zuweisung von %n Element zu mdev %1 aufheben</numerusform>
            <numerusform>Zuweisung von %n Elementen zu mdev %1 aufheben</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to apply.</source>
        <translation>Nichts anzuwenden.</translation>
    </message>
    <message>
        <source>Assign to mdev</source>
        <translation>Einem mdev zuweisen</translation>
    </message>
    <message>
        <source>Move to mdev</source>
        <translation>In ein mdev verschieben</translation>
    </message>
    <message>
        <source>&amp;Migration</source>
        <translation>&amp;Migration</translation>
    </message>
    <message>
        <source>&amp;Check migration to…</source>
        <translation>Migration &amp;prüfen nach…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Migration &amp;reports…</source>
        <translation>Migrations&amp;berichte…</translation>
    </message>
    <message>
        <source>Select a guest or an mdev to check its migration.</source>
        <translation>Wählen Sie einen Gast oder ein mdev, um seine Migration zu prüfen.</translation>
    </message>
    <message>
        <source>&amp;Migrate guest…</source>
        <translation>Gast &amp;migrieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Migration r&amp;uns…</source>
        <translation>Migrations&amp;läufe…</translation>
    </message>
    <message>
        <source>Select a running guest with a vfio-ap device (or its mdev) to migrate it.</source>
        <translation>Wählen Sie einen laufenden Gast mit vfio-ap-Gerät (oder sein mdev), um ihn zu migrieren.</translation>
    </message>
    <message>
        <source>&amp;Fleet map…</source>
        <translation>&amp;Flottenkarte…</translation>
    </message>
    <message>
        <source>&amp;Evacuate host…</source>
        <translation>Host &amp;evakuieren…</translation>
    </message>
    <message>
        <source>Select a connected host to evacuate.</source>
        <translation>Wählen Sie einen verbundenen Host zum Evakuieren.</translation>
    </message>
    <message>
        <source>Migration in progress</source>
        <translation>Migration läuft</translation>
    </message>
    <message>
        <source>The migration of %1 is still running. Let it finish or cancel it in its window first.</source>
        <translation>Die Migration von %1 läuft noch. Lassen Sie sie zuerst zu Ende laufen oder brechen Sie sie in ihrem Fenster ab.</translation>
    </message>
    <message>
        <source>Discard pending changes?</source>
        <translation>Ausstehende Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The changes to %1 have not been applied. Close and discard them?</source>
        <translation>Die Änderungen an %1 wurden nicht angewendet. Schließen und verwerfen?</translation>
    </message>
    <message>
        <source>Cannot apply: %1</source>
        <translation>Anwenden nicht möglich: %1</translation>
    </message>
    <message>
        <source>Applied to the kernel, but a persistent definition was not updated: see the Apply dialog&apos;s report.</source>
        <translation>Im Kernel angewendet, aber eine persistente Definition wurde nicht aktualisiert: siehe den Bericht im Anwenden-Dialog.</translation>
    </message>
</context>
<context>
    <name>ap::ui::MatrixDelegate</name>
    <message>
        <source>in the guest matrix</source>
        <translation>in der Gastmatrix</translation>
    </message>
    <message>
        <source>assigned, filtered out</source>
        <translation>zugewiesen, herausgefiltert</translation>
    </message>
    <message>
        <source>assigned to another mdev</source>
        <translation>einem anderen mdev zugewiesen</translation>
    </message>
    <message>
        <source>reserved for the host</source>
        <translation>für den Host reserviert</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>assigned, guest matrix unknown</source>
        <translation>zugewiesen, Gastmatrix unbekannt</translation>
    </message>
    <message>
        <source>unknown (not shown by this view)</source>
        <translation>unbekannt (diese Sicht zeigt es nicht)</translation>
    </message>
</context>
<context>
    <name>ap::ui::MatrixLegend</name>
    <message>
        <source>control domain</source>
        <translation>Kontrolldomäne</translation>
    </message>
    <message>
        <source>hatched: no queue, deconfigured or checkstopped</source>
        <translation>schraffiert: keine Queue, dekonfiguriert oder Checkstop</translation>
    </message>
    <message>
        <source>dashed frame: pending until Apply</source>
        <translation>gestrichelter Rahmen: ausstehend bis „Anwenden“</translation>
    </message>
    <message>
        <source>Type and mode: %1 = CEX8 CCA coprocessor, %2 = CEX8 EP11 coprocessor, %3 = CEX8 accelerator</source>
        <translation>Typ und Modus: %1 = CEX8 CCA-Coprozessor, %2 = CEX8 EP11-Coprozessor, %3 = CEX8 Beschleuniger</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>No mdevs on this host.</source>
        <translation>Keine mdevs auf diesem Host.</translation>
    </message>
    <message>
        <source>Assigned to mdev:</source>
        <translation>Zugewiesen an mdev:</translation>
    </message>
</context>
<context>
    <name>ap::ui::MatrixModel</name>
    <message numerus="yes">
        <source>Domain %1: control domain of %n mdev(s)</source>
        <translation>
            <numerusform>Domäne %1: Kontrolldomäne von %n mdev</numerusform>
            <numerusform>Domäne %1: Kontrolldomäne von %n mdevs</numerusform>
        </translation>
    </message>
    <message>
        <source>Domain %1: control domain of this mdev</source>
        <translation>Domäne %1: Kontrolldomäne dieses mdev</translation>
    </message>
    <message>
        <source>Domain %1: not a control domain of this mdev</source>
        <translation>Domäne %1: keine Kontrolldomäne dieses mdev</translation>
    </message>
    <message>
        <source>Adapter %1, domain %2</source>
        <translation>Adapter %1, Domäne %2</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>unbekannter Typ</translation>
    </message>
    <message>
        <source>, assigned to mdev %1, in the guest matrix</source>
        <translation>, mdev %1 zugewiesen, in der Gastmatrix</translation>
    </message>
    <message>
        <source>, assigned to mdev %1, not in the guest matrix: %2</source>
        <translation>, mdev %1 zugewiesen, nicht in der Gastmatrix: %2</translation>
    </message>
    <message>
        <source>, assigned to mdev %1</source>
        <translation>, mdev %1 zugewiesen</translation>
    </message>
    <message>
        <source>, reserved for the host</source>
        <translation>, für den Host reserviert</translation>
    </message>
    <message>
        <source>, free</source>
        <translation>, frei</translation>
    </message>
    <message>
        <source>, no queue device (not in the host configuration)</source>
        <translation>, kein Queue-Gerät (nicht in der Host-Konfiguration)</translation>
    </message>
    <message>
        <source>, deconfigured</source>
        <translation>, dekonfiguriert</translation>
    </message>
    <message>
        <source>, checkstopped</source>
        <translation>, Checkstop</translation>
    </message>
    <message>
        <source>, unbound</source>
        <translation>, ungebunden</translation>
    </message>
    <message>
        <source>, driver %1</source>
        <translation>, Treiber %1</translation>
    </message>
    <message>
        <source>no queue</source>
        <translation>keine Queue</translation>
    </message>
    <message>
        <source>checkstopped</source>
        <translation>Checkstop</translation>
    </message>
    <message>
        <source>deconfigured</source>
        <translation>dekonfiguriert</translation>
    </message>
    <message>
        <source>Domain %1</source>
        <translation>Domäne %1</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Kontrolle</translation>
    </message>
    <message>
        <source>Control domains</source>
        <translation>Kontrolldomänen</translation>
    </message>
    <message>
        <source>Adapter %1: %2</source>
        <translation>Adapter %1: %2</translation>
    </message>
    <message>
        <source>Adapter %1: not in the host configuration</source>
        <translation>Adapter %1: nicht in der Host-Konfiguration</translation>
    </message>
    <message>
        <source>This view shows every mdev: select one mdev to drop onto it.</source>
        <translation>Diese Ansicht zeigt alle mdevs: Wählen Sie ein mdev, um darauf abzulegen.</translation>
    </message>
    <message>
        <source>, pending until Apply</source>
        <translation>, ausstehend bis „Anwenden“</translation>
    </message>
    <message>
        <source>, assigned to mdev %1; whether the guest gets it is unknown (this view does not show the guest matrix)</source>
        <translation>, dem mdev %1 zugewiesen; ob der Gast sie erhält, ist unbekannt (diese Sicht zeigt die Gastmatrix nicht)</translation>
    </message>
    <message>
        <source>, unknown: this view shows neither the mdev&apos;s matrix nor the host&apos;s masks</source>
        <translation>, unbekannt: diese Sicht zeigt weder die Matrix des mdev noch die Masken des Hosts</translation>
    </message>
</context>
<context>
    <name>ap::ui::MatrixOverview</name>
    <message>
        <source>Overview of the whole matrix</source>
        <translation>Übersicht der ganzen Matrix</translation>
    </message>
    <message>
        <source>The whole matrix; the frame is the part in view. Click or drag to move there.</source>
        <translation>Die ganze Matrix; der Rahmen ist der sichtbare Teil. Klicken oder ziehen, um dorthin zu gehen.</translation>
    </message>
</context>
<context>
    <name>ap::ui::MatrixPanel</name>
    <message>
        <source>Select a host or an mdev to see its matrix.</source>
        <translation>Wählen Sie einen Host oder ein mdev, um seine Matrix zu sehen.</translation>
    </message>
    <message>
        <source>All adapters and domains</source>
        <translation>Alle Adapter und Domänen</translation>
    </message>
    <message>
        <source>Assigned only</source>
        <translation>Nur zugewiesene</translation>
    </message>
    <message>
        <source>This mdev only</source>
        <translation>Nur dieses mdev</translation>
    </message>
    <message>
        <source>Which adapters and domains the matrix shows; the Control row always stays.</source>
        <translation>Welche Adapter und Domänen die Matrix zeigt; die Kontrollzeile bleibt immer.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Reset the zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Show or hide what the cells&apos; symbols, colours and labels mean</source>
        <translation>Zeigt oder verbirgt, was Symbole, Farben und Beschriftungen der Zellen bedeuten</translation>
    </message>
</context>
<context>
    <name>ap::ui::MatrixView</name>
    <message>
        <source>Adapter by domain matrix</source>
        <translation>Matrix Adapter × Domäne</translation>
    </message>
</context>
<context>
    <name>ap::ui::MigrationRunsModel</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>migrated</source>
        <translation>migriert</translation>
    </message>
    <message>
        <source>cancelled at %1</source>
        <translation>abgebrochen bei %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>failed at %1 (%2)</source>
        <translation>fehlgeschlagen bei %1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>override past %1 (typed “%2”)</source>
        <translation>trotz %1 fortgesetzt (eingegeben: „%2“)</translation>
    </message>
    <message>
        <source>injected: %1</source>
        <translation>eingespeist: %1</translation>
    </message>
    <message>
        <source>Override / injected failure</source>
        <translation>Übergehen / eingespeister Fehler</translation>
    </message>
</context>
<context>
    <name>ap::ui::MigrationRunsWindow</name>
    <message>
        <source>Migration runs</source>
        <translation>Migrationsläufe</translation>
    </message>
    <message>
        <source>Migration runs of %1</source>
        <translation>Migrationsläufe von %1</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>&amp;Export as JSON…</source>
        <translation>Als JSON &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export migration run</source>
        <translation>Migrationslauf exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>No database: runs are not recorded.</source>
        <translation>Keine Datenbank: Läufe werden nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>The runs could not be read: %1</source>
        <translation>Die Läufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ap::ui::MigrationTimeline</name>
    <message>
        <source>Source device</source>
        <translation>Gerät an der Quelle</translation>
    </message>
    <message>
        <source>Destination device</source>
        <translation>Gerät am Ziel</translation>
    </message>
    <message>
        <source>Guest memory sent (MiB)</source>
        <translation>Gesendeter Gastspeicher (MiB)</translation>
    </message>
    <message>
        <source>Device data written (bytes)</source>
        <translation>Geschriebene Gerätedaten (Byte)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>Migration timeline</source>
        <translation>Zeitverlauf der Migration</translation>
    </message>
</context>
<context>
    <name>ap::ui::MigrationWizard</name>
    <message>
        <source>Guest %1 on %2</source>
        <translation>Gast %1 auf %2</translation>
    </message>
    <message>
        <source> → %1</source>
        <translation> → %1</translation>
    </message>
    <message>
        <source>Migrate %1 from %2</source>
        <translation>%1 von %2 migrieren</translation>
    </message>
    <message>
        <source>Migration in progress</source>
        <translation>Migration läuft</translation>
    </message>
    <message>
        <source>The guest is already resuming on the destination; the run can no longer be aborted. Wait for it to finish.</source>
        <translation>Der Gast läuft bereits am Ziel an; der Lauf kann nicht mehr abgebrochen werden. Warten Sie, bis er fertig ist.</translation>
    </message>
    <message>
        <source>Cancel the migration?</source>
        <translation>Migration abbrechen?</translation>
    </message>
    <message>
        <source>Stop the run and bring %1 back to running on %2?</source>
        <translation>Den Lauf anhalten und %1 wieder auf %2 laufen lassen?</translation>
    </message>
</context>
<context>
    <name>ap::ui::PlanPage</name>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>&amp;Start migration</source>
        <translation>Migration &amp;starten</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Byte</translation>
    </message>
    <message>
        <source>Device data per write:</source>
        <translation>Gerätedaten pro Schreibvorgang:</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;, %2 queue(s) of mdev %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;, %2 Queue(s) von mdev %3.</translation>
    </message>
    <message>
        <source>The source device&apos;s stream will hold %1 bytes (%2 profile).</source>
        <translation>Der Datenstrom des Quellgeräts wird %1 Byte umfassen (Profil %2).</translation>
    </message>
    <message>
        <source>Injected failure: %1.</source>
        <translation>Eingespeister Fehler: %1.</translation>
    </message>
    <message>
        <source> ⚑ driver checks</source>
        <translation> ⚑ Treiber prüft</translation>
    </message>
    <message>
        <source> ⚠ no return</source>
        <translation> ⚠ kein Zurück</translation>
    </message>
    <message>
        <source>&lt;b&gt;Plain live migration&lt;/b&gt; through libvirt: no vfio-ap device is in the running guest.</source>
        <translation>&lt;b&gt;Einfache Live-Migration&lt;/b&gt; über libvirt: Im laufenden Gast ist kein vfio-ap-Gerät.</translation>
    </message>
    <message>
        <source>AP device %1 is in the persistent definition only: the destination&apos;s definition carries it.</source>
        <translation>AP-Gerät %1 steht nur in der persistenten Definition: Die Definition am Ziel übernimmt es.</translation>
    </message>
</context>
<context>
    <name>ap::ui::PrecheckPage</name>
    <message>
        <source>Pre-migration check</source>
        <translation>Prüfung vor der Migration</translation>
    </message>
    <message>
        <source>Destination driver:</source>
        <translation>Treiber am Ziel:</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Übergehen</translation>
    </message>
    <message>
        <source>The check found errors: the migration is expected to fail or to leave the guest without its crypto adapters. To go on anyway, type the guest&apos;s name.</source>
        <translation>Die Prüfung hat Fehler gefunden: Die Migration wird voraussichtlich scheitern oder den Gast ohne seine Crypto-Adapter lassen. Um trotzdem fortzufahren, geben Sie den Namen des Gastes ein.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The hosts could not be read:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Hosts konnten nicht gelesen werden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Reading %1 and %2…</source>
        <translation>Lese %1 und %2…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The check could not run:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Die Prüfung konnte nicht laufen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The report was not saved in the history: %1</source>
        <translation>Der Bericht wurde nicht im Verlauf gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>ap::ui::ProfileCombo</name>
    <message>
        <source>v2 (series of 2026-04-07)</source>
        <translation>v2 (Serie vom 07.04.2026)</translation>
    </message>
    <message>
        <source>v3 (series of 2026-06-30)</source>
        <translation>v3 (Serie vom 30.06.2026)</translation>
    </message>
    <message>
        <source>v4 (2026-07-07, the code of v3)</source>
        <translation>v4 (07.07.2026, der Code von v3)</translation>
    </message>
    <message>
        <source>B (later copy: control domains, EINVAL)</source>
        <translation>B (spätere Kopie: Kontrolldomänen, EINVAL)</translation>
    </message>
    <message>
        <source>C (later copy: &quot;vfap&quot; header, rate-limited log)</source>
        <translation>C (spätere Kopie: „vfap“-Kopf, gedrosseltes Protokoll)</translation>
    </message>
</context>
<context>
    <name>ap::ui::ReportDialog</name>
    <message>
        <source>Check migration of %1</source>
        <translation>Migration von %1 prüfen</translation>
    </message>
    <message>
        <source>Check migration of mdev %1</source>
        <translation>Migration von mdev %1 prüfen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Die Prüfung konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>Migration report of %1</source>
        <translation>Migrationsbericht vom %1</translation>
    </message>
    <message>
        <source>Destination host:</source>
        <translation>Ziel-Host:</translation>
    </message>
    <message>
        <source>Destination driver:</source>
        <translation>Treiber am Ziel:</translation>
    </message>
    <message>
        <source>Run check</source>
        <translation>Prüfung starten</translation>
    </message>
    <message>
        <source>Pick a destination and run the check.</source>
        <translation>Wählen Sie ein Ziel und starten Sie die Prüfung.</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <source>HTML…</source>
        <translation>HTML…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>Der Bericht konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Reading %1 and %2…</source>
        <translation>Lese %1 und %2…</translation>
    </message>
    <message>
        <source>Changes since %1</source>
        <translation>Änderungen seit %1</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Nichts hat sich geändert.</translation>
    </message>
</context>
<context>
    <name>ap::ui::ReportHistoryModel</name>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>nicht bereit</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <source>Driver verdict</source>
        <translation>Urteil des Treibers</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Bereitschaft</translation>
    </message>
</context>
<context>
    <name>ap::ui::ReportsWindow</name>
    <message>
        <source>Migration reports</source>
        <translation>Migrationsberichte</translation>
    </message>
    <message>
        <source>all hosts</source>
        <translation>alle Hosts</translation>
    </message>
    <message>
        <source>all guests</source>
        <translation>alle Gäste</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Guest:</source>
        <translation>Gast:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Compare with now</source>
        <translation>Mit jetzt vergleichen</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>compatible, not ready</source>
        <translation>kompatibel, nicht bereit</translation>
    </message>
    <message>
        <source>incompatible</source>
        <translation>inkompatibel</translation>
    </message>
    <message>
        <source>Migration checks per day</source>
        <translation>Migrationsprüfungen pro Tag</translation>
    </message>
    <message>
        <source>The report cannot be opened: %1</source>
        <translation>Der Bericht kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>%1 is no longer in the fleet.</source>
        <translation>%1 ist nicht mehr in der Flotte.</translation>
    </message>
    <message>
        <source>%1 cannot be checked as a destination now.</source>
        <translation>%1 kann jetzt nicht als Ziel geprüft werden.</translation>
    </message>
</context>
<context>
    <name>ap::ui::ResultPage</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Export run as JSON…</source>
        <translation>Lauf als JSON &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export migration run</source>
        <translation>Migrationslauf exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>&lt;p&gt;The run did not start.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Lauf hat nicht begonnen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 now runs on %2.&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;%1 läuft jetzt auf %2.&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cancelled. %1 runs on %2 again.&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Abgebrochen. %1 läuft wieder auf %2.&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The migration failed at “%1”.&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Die Migration ist bei „%1“ gescheitert.&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Destination kernel:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kernel am Ziel:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 runs on %2 again; nothing was lost.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 läuft wieder auf %2; nichts ging verloren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Source device: %1. Destination device at the end of the run: %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Gerät an der Quelle: %1. Gerät am Ziel am Ende des Laufs: %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Stored as migration run #%1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Gespeichert als Migrationslauf Nr. %1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The run was not stored (no database).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Lauf wurde nicht gespeichert (keine Datenbank).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ap::ui::RunPage</name>
    <message>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source device</source>
        <translation>Gerät an der Quelle</translation>
    </message>
    <message>
        <source>Destination device</source>
        <translation>Gerät am Ziel</translation>
    </message>
    <message>
        <source>Guest memory: not started</source>
        <translation>Gastspeicher: noch nicht begonnen</translation>
    </message>
    <message>
        <source>Kernel lines of both hosts appear here as the drivers log them.</source>
        <translation>Kernelmeldungen beider Hosts erscheinen hier, sobald die Treiber sie protokollieren.</translation>
    </message>
    <message>
        <source>Cancel &amp;run</source>
        <translation>Lauf &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancelling: the source device goes back to RUNNING…</source>
        <translation>Breche ab: Das Gerät an der Quelle kehrt nach RUNNING zurück…</translation>
    </message>
    <message>
        <source>Guest %1: %2 → %3</source>
        <translation>Gast %1: %2 → %3</translation>
    </message>
    <message>
        <source>Device data: 0 of %1 bytes</source>
        <translation>Gerätedaten: 0 von %1 Byte</translation>
    </message>
    <message>
        <source>The run can be cancelled until the guest resumes on the destination.</source>
        <translation>Der Lauf kann abgebrochen werden, bis der Gast am Ziel weiterläuft.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The run cannot start:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Der Lauf kann nicht beginnen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Past the point of no return:&lt;/b&gt; the guest resumes on the destination; the run can no longer be cancelled.</source>
        <translation>&lt;b&gt;Kein Zurück mehr:&lt;/b&gt; Der Gast läuft am Ziel weiter; der Lauf kann nicht mehr abgebrochen werden.</translation>
    </message>
    <message>
        <source>Guest memory: %1 sent, iteration %2, %3 left, expected downtime %4 ms</source>
        <translation>Gastspeicher: %1 gesendet, Iteration %2, %3 übrig, erwartete Ausfallzeit %4 ms</translation>
    </message>
    <message>
        <source>Device data: %1 of %2 bytes</source>
        <translation>Gerätedaten: %1 von %2 Byte</translation>
    </message>
    <message>
        <source>[demo] injected: %1</source>
        <translation>[Demo] eingespeist: %1</translation>
    </message>
    <message>
        <source>Guest: %1 on the source, %2 on the destination</source>
        <translation>Gast: %1 an der Quelle, %2 am Ziel</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Finished.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Fertig.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The run ended without migrating the guest.&lt;/b&gt; See the next page.</source>
        <translation>&lt;b&gt;Der Lauf endete, ohne den Gast zu migrieren.&lt;/b&gt; Siehe nächste Seite.</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n iteration(s)</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ap::ui::StrategyPage</name>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Demonstration: inject a failure</source>
        <translation>Vorführung: Fehler einspeisen</translation>
    </message>
    <message>
        <source>Failure:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Not possible: %1.</source>
        <translation>Nicht möglich: %1.</translation>
    </message>
    <message>
        <source>Recommended for this pair of hosts.</source>
        <translation>Empfohlen für dieses Host-Paar.</translation>
    </message>
    <message>
        <source>Create mdev %1 on the destination with the source&apos;s matrix</source>
        <translation>mdev %1 am Ziel mit der Matrix der Quelle anlegen</translation>
    </message>
    <message>
        <source>The destination has no mdev with this UUID, and the destination driver would refuse the source&apos;s matrix: %1</source>
        <translation>Das Ziel hat kein mdev mit dieser UUID, und der Treiber am Ziel würde die Matrix der Quelle ablehnen: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No plan:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Kein Plan:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>The destination has no mdev with this UUID, and starting one with the source&apos;s matrix is refused (ap-check&apos;s start rules): %1</source>
        <translation>Das Ziel hat kein mdev mit dieser UUID, und das Starten eines mdev mit der Matrix der Quelle wird abgelehnt (Startregeln von ap-check): %1</translation>
    </message>
    <message>
        <source>The destination has no mdev with this UUID; whether its driver accepts the source&apos;s matrix is unknown: %1</source>
        <translation>Das Ziel hat kein mdev mit dieser UUID; ob sein Treiber die Matrix der Quelle annimmt, ist unbekannt: %1</translation>
    </message>
    <message>
        <source>The destination has no mdev with this UUID. ap-check&apos;s start rules and the driver model accept the source&apos;s matrix there.</source>
        <translation>Das Ziel hat kein mdev mit dieser UUID. Die Startregeln von ap-check und das Treibermodell nehmen die Matrix der Quelle dort an.</translation>
    </message>
    <message>
        <source>No vfio-ap device is in the running guest: libvirt migrates it as a plain live migration.</source>
        <translation>Im laufenden Gast ist kein vfio-ap-Gerät: libvirt migriert ihn als einfache Live-Migration.</translation>
    </message>
    <message>
        <source>No vfio-ap device is in the running guest: libvirt migrates it as a plain live migration. AP device %1 is in its persistent definition only: nothing is unplugged here, the definition carries it to the destination, which plugs it at the guest&apos;s next start.</source>
        <translation>Im laufenden Gast ist kein vfio-ap-Gerät: libvirt migriert ihn als einfache Live-Migration. AP-Gerät %1 steht nur in seiner persistenten Definition: Hier wird nichts entfernt, die Definition bringt es zum Ziel, das es beim nächsten Start des Gastes einsteckt.</translation>
    </message>
</context>
<context>
    <name>ap::ui::VfioStateDiagram</name>
    <message>
        <source>Current state %1. Arcs taken: %2</source>
        <translation>Aktueller Zustand %1. Durchlaufene Übergänge: %2</translation>
    </message>
    <message>
        <source>Device not open. Arcs taken: %1</source>
        <translation>Gerät nicht geöffnet. Durchlaufene Übergänge: %1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>dashed: not supported by this device</source>
        <translation>gestrichelt: von diesem Gerät nicht unterstützt</translation>
    </message>
</context>
</TS>

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
    <message numerus="yes">
        <source>Drop to assign %n item(s) to mdev %1.</source>
        <translation>
            <numerusform>Ablegen weist %n Element mdev %1 zu.</numerusform>
            <numerusform>Ablegen weist %n Elemente mdev %1 zu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drop to move %n item(s) from mdev %1 to mdev %2.</source>
        <translation>
            <numerusform>Ablegen verschiebt %n Element von mdev %1 nach mdev %2.</numerusform>
            <numerusform>Ablegen verschiebt %n Elemente von mdev %1 nach mdev %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The kernel would refuse: %1</source>
        <translation>Der Kernel würde ablehnen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Assign %n item(s) to mdev %1</source>
        <translation>
            <numerusform>%n Element mdev %1 zuweisen</numerusform>
            <numerusform>%n Elemente mdev %1 zuweisen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n item(s) to mdev %1</source>
        <translation>
            <numerusform>%n Element nach mdev %1 verschieben</numerusform>
            <numerusform>%n Elemente nach mdev %1 verschieben</numerusform>
        </translation>
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
        <source>The database was unreadable. It was kept as %1 and a new one was started.</source>
        <translation>Die Datenbank war nicht lesbar. Sie wurde als %1 aufbewahrt und eine neue angelegt.</translation>
    </message>
</context>
<context>
    <name>ap::ui::ApplyDialog</name>
    <message>
        <source>Apply changes to %1</source>
        <translation>Änderungen an %1 anwenden</translation>
    </message>
    <message>
        <source>These writes will be made on %1, as one transaction: if one fails, the earlier ones are undone.</source>
        <translation>Diese Schreibvorgänge werden auf %1 als eine Transaktion ausgeführt: Schlägt einer fehl, werden die vorherigen rückgängig gemacht.</translation>
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
        <source>Every earlier step was undone: the host is as before.</source>
        <translation>Alle vorherigen Schritte wurden rückgängig gemacht: Der Host ist wie zuvor.</translation>
    </message>
    <message>
        <source>Not every earlier step could be undone: read the host again and check the audit log.</source>
        <translation>Nicht jeder vorherige Schritt konnte rückgängig gemacht werden: Lesen Sie den Host neu und prüfen Sie das Audit-Log.</translation>
    </message>
</context>
<context>
    <name>ap::ui::CheckDialog</name>
    <message>
        <source>Check migration of %1</source>
        <translation>Migration von %1 prüfen</translation>
    </message>
    <message>
        <source>Check migration of mdev %1</source>
        <translation>Migration von mdev %1 prüfen</translation>
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
        <source>its vfio_ap driver cannot migrate (no &apos;migratable&apos;)</source>
        <translation>sein vfio_ap-Treiber kann nicht migrieren (kein „migratable“)</translation>
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
        <source>v2 (series of 2026-04-07)</source>
        <translation>v2 (Serie vom 07.04.2026)</translation>
    </message>
    <message>
        <source>v3 (series of 2026-06-30)</source>
        <translation>v3 (Serie vom 30.06.2026)</translation>
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
        <source>the destination driver will accept the guest&apos;s AP configuration</source>
        <translation>der Treiber am Ziel wird die AP-Konfiguration des Gastes annehmen</translation>
    </message>
    <message>
        <source>the destination driver will refuse it</source>
        <translation>der Treiber am Ziel wird sie ablehnen</translation>
    </message>
    <message>
        <source>Ready to migrate</source>
        <translation>Bereit zur Migration</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Nicht bereit</translation>
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
</context>
<context>
    <name>ap::ui::HistoryWindow</name>
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
</context>
<context>
    <name>ap::ui::MainWindow</name>
    <message>
        <source>control domain</source>
        <translation>Kontrolldomäne</translation>
    </message>
    <message>
        <source>hatched: no queue, deconfigured or checkstopped</source>
        <translation>schraffiert: keine Queue, dekonfiguriert oder Checkstop</translation>
    </message>
    <message>
        <source>apconsole – crypto adapters of IBM Z KVM hosts</source>
        <translation>apconsole – Krypto-Adapter von IBM-Z-KVM-Hosts</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Select a host or an mdev to see its matrix.</source>
        <translation>Wählen Sie einen Host oder ein mdev, um seine Matrix zu sehen.</translation>
    </message>
    <message>
        <source>Adapter by domain matrix</source>
        <translation>Matrix Adapter × Domäne</translation>
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
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed (errno %1)</source>
        <translation>fehlgeschlagen (errno %1)</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>Host address (demo:NAME, sysfs:/ROOT, ssh://user@host, qemu+ssh://…):</source>
        <translation>Host-Adresse (demo:NAME, sysfs:/ROOT, ssh://user@host, qemu+ssh://…):</translation>
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
        <source>* dashed: pending until Apply</source>
        <translation>* gestrichelt: ausstehend bis „Anwenden“</translation>
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
        <source>Create mdev</source>
        <translation>mdev anlegen</translation>
    </message>
    <message>
        <source>Create a new vfio_ap mdev %1 on %2?</source>
        <translation>Ein neues vfio_ap-mdev %1 auf %2 anlegen?</translation>
    </message>
    <message>
        <source>Guest %1 is running with this mdev: it will lose its crypto adapters (QEMU unplugs the device).</source>
        <translation>Gast %1 läuft mit diesem mdev: Er verliert seine Krypto-Adapter (QEMU zieht das Gerät ab).</translation>
    </message>
    <message>
        <source>Remove mdev</source>
        <translation>mdev entfernen</translation>
    </message>
    <message>
        <source>Remove mdev %1 from %2?
%3</source>
        <translation>mdev %1 von %2 entfernen?
%3</translation>
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
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Creodrop Backups</source>
        <translation>Über Creodrop Backups</translation>
    </message>
    <message>
        <source>Creodrop Backups %1</source>
        <translation>Creodrop Backups %1</translation>
    </message>
    <message>
        <source>Backups of customer sites&apos; MySQL databases to Cloudflare R2, for Creodrop&apos;s support engineers.</source>
        <translation>Sicherungen der MySQL-Datenbanken von Kunden-Websites in Cloudflare R2, für das Support-Team von Creodrop.</translation>
    </message>
    <message>
        <source>License: &lt;a href=&quot;%1&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt; (%2). This program comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>Lizenz: &lt;a href=&quot;%1&quot;&gt;GNU General Public License, Version 3 oder später&lt;/a&gt; (%2). Dieses Programm wird OHNE JEGLICHE GEWÄHRLEISTUNG bereitgestellt.</translation>
    </message>
    <message>
        <source>Qt %1 (built with Qt %2)</source>
        <translation>Qt %1 (erstellt mit Qt %2)</translation>
    </message>
    <message>
        <source>© 2026 Creodrop</source>
        <translation>© 2026 Creodrop</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the version, license and Qt version, for a support ticket</source>
        <translation>Version, Lizenz und Qt-Version für ein Support-Ticket kopieren</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Retry Backup</source>
        <translation>Sicherung wiederholen</translation>
    </message>
    <message>
        <source>Open Site</source>
        <translation>Website öffnen</translation>
    </message>
    <message>
        <source>%1 (%2), customer %3</source>
        <translation>%1 (%2), Kunde %3</translation>
    </message>
    <message>
        <source>%1
Backup %2</source>
        <translation>%1
Sicherung %2</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>What Is Wrong</source>
        <translation>Was nicht stimmt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>AttentionPage</name>
    <message>
        <source>&amp;Open Site</source>
        <translation>Website ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Retry Backup</source>
        <translation>Sicherung &amp;wiederholen</translation>
    </message>
    <message>
        <source>Needs Attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Backups that need attention</source>
        <translation>Sicherungen, die Aufmerksamkeit brauchen</translation>
    </message>
    <message>
        <source>Nothing needs attention</source>
        <translation>Nichts braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>The newest backup of every environment completed and every schedule is on time. Failed, interrupted and overdue backups of all sites show up here.</source>
        <translation>Die neueste Sicherung jeder Umgebung ist abgeschlossen und jeder Zeitplan ist pünktlich. Fehlgeschlagene, unterbrochene und überfällige Sicherungen aller Websites erscheinen hier.</translation>
    </message>
    <message>
        <source>Show the site&apos;s backups, schedule and settings</source>
        <translation>Sicherungen, Zeitplan und Einstellungen der Website anzeigen</translation>
    </message>
    <message>
        <source>Back up this environment again now</source>
        <translation>Diese Umgebung jetzt erneut sichern</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Failed, interrupted and overdue backups of every site.</source>
        <translation>Fehlgeschlagene, unterbrochene und überfällige Sicherungen aller Websites.</translation>
    </message>
    <message>
        <source>1 problem across all sites.</source>
        <translation>1 Problem über alle Websites.</translation>
    </message>
    <message numerus="yes">
        <source>%n problems across all sites, newest first.</source>
        <translation>
            <numerusform>%n Problem über alle Websites, neuestes zuerst.</numerusform>
            <numerusform>%n Probleme über alle Websites, neueste zuerst.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Success</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Actor, action, site, backup or detail</source>
        <translation>Akteur, Aktion, Website, Sicherung oder Detail</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>Nothing has been recorded in the audit log yet.</source>
        <translation>Im Audit-Protokoll ist noch nichts verzeichnet.</translation>
    </message>
    <message>
        <source>Nothing has been recorded for this site yet. Backups, downloads, links and changes to the site appear here.</source>
        <translation>Für diese Website ist noch nichts verzeichnet. Sicherungen, Downloads, Links und Änderungen an der Website erscheinen hier.</translation>
    </message>
    <message>
        <source>No entry matches the filter.</source>
        <translation>Kein Eintrag entspricht dem Filter.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries</source>
        <translation>
            <numerusform>%1 von %n Eintrag</numerusform>
            <numerusform>%1 von %n Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>%1 of 1 entry</source>
        <translation>%1 von 1 Eintrag</translation>
    </message>
</context>
<context>
    <name>BackupActionsController</name>
    <message>
        <source>Save Backup As</source>
        <translation>Sicherung speichern unter</translation>
    </message>
    <message>
        <source>Gzipped SQL (*.sql.gz)</source>
        <translation>Gzip-komprimiertes SQL (*.sql.gz)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Download link copied; it expires at %1.</source>
        <translation>Download-Link kopiert; er läuft um %1 ab.</translation>
    </message>
    <message>
        <source>Replace File</source>
        <translation>Datei ersetzen</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with the backup?</source>
        <translation>%1 existiert bereits. Durch die Sicherung ersetzen?</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Delete the %1 backup of %2 / %3 from %4?

The dump and its manifest are removed from storage. This cannot be undone.</source>
        <translation>Die Sicherung (%1) von %2 / %3 vom %4 löschen?

Der Dump und sein Manifest werden aus dem Speicher entfernt. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Delete Backup</source>
        <translation>Sicherung löschen</translation>
    </message>
    <message>
        <source>Saved and verified: %1</source>
        <translation>Gespeichert und geprüft: %1</translation>
    </message>
</context>
<context>
    <name>BackupDetailsDialog</name>
    <message>
        <source>Backup Details</source>
        <translation>Sicherungsdetails</translation>
    </message>
    <message>
        <source>Backup ID:</source>
        <translation>Sicherungs-ID:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Erstellt von:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Object key:</source>
        <translation>Objektschlüssel:</translation>
    </message>
    <message>
        <source>Worker:</source>
        <translation>Worker:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>The manifest is stored next to the dump as &lt;key&gt;.json once the backup has completed.</source>
        <translation>Das Manifest liegt nach Abschluss der Sicherung als &lt;key&gt;.json neben dem Dump.</translation>
    </message>
    <message>
        <source>%1, pinned</source>
        <translation>%1, angeheftet</translation>
    </message>
    <message>
        <source>running since %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message>
        <source>%1 compressed (%2 bytes), %3 of SQL</source>
        <translation>%1 komprimiert (%2 Bytes), %3 SQL</translation>
    </message>
    <message>
        <source>Backup Details — %1</source>
        <translation>Sicherungsdetails — %1</translation>
    </message>
    <message>
        <source>MySQL server:</source>
        <translation>MySQL-Server:</translation>
    </message>
    <message>
        <source>Dump options:</source>
        <translation>Dump-Optionen:</translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation>Tabellen:</translation>
    </message>
    <message>
        <source>Tables in the backup</source>
        <translation>Tabellen in der Sicherung</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>The manifest is stored next to the dump once the backup has completed.</source>
        <translation>Das Manifest wird neben dem Dump gespeichert, sobald die Sicherung abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Manifest JSON</source>
        <translation>Manifest (JSON)</translation>
    </message>
    <message>
        <source>Loading the manifest from storage…</source>
        <translation>Manifest wird aus dem Speicher geladen…</translation>
    </message>
    <message>
        <source>The manifest could not be loaded: %1</source>
        <translation>Das Manifest konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>it is not a manifest this version understands (%1).</source>
        <translation>es ist kein Manifest, das diese Version versteht (%1).</translation>
    </message>
</context>
<context>
    <name>BackupService</name>
    <message>
        <source>Removing site %1</source>
        <translation>Website %1 wird entfernt</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>%1 (pinned)</source>
        <translation>%1 (angeheftet)</translation>
    </message>
    <message>
        <source>%1 compressed, %2 of SQL</source>
        <translation>%1 komprimiert, %2 SQL</translation>
    </message>
    <message>
        <source>The size is known once the backup has completed.</source>
        <translation>Die Größe steht fest, sobald die Sicherung abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Its deletion has not finished, so its file may be gone. If no deletion is running, delete it again to finish.</source>
        <translation>Das Löschen wurde nicht abgeschlossen, die Datei ist möglicherweise schon entfernt. Wenn kein Löschvorgang läuft, löschen Sie die Sicherung erneut, um ihn abzuschließen.</translation>
    </message>
</context>
<context>
    <name>BackupTableView</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Copy Download Link</source>
        <translation>Download-Link kopieren</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Copy Backup ID</source>
        <translation>Sicherungs-ID kopieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Cancel Backup</source>
        <translation>Sicherung abbrechen</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen…</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>&amp;Add a Site…</source>
        <translation>Website &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Connect &amp;R2…</source>
        <translation>&amp;R2 verbinden…</translation>
    </message>
    <message>
        <source>&amp;Got It</source>
        <translation>&amp;Verstanden</translation>
    </message>
    <message>
        <source>Welcome to Creodrop Backups</source>
        <translation>Willkommen bei Creodrop Backups</translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything works right away, without an account:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the &lt;b&gt;catalog&lt;/b&gt; of sites and backups is a local SQLite file, and&lt;/li&gt;&lt;li&gt;backups are stored in a &lt;b&gt;local folder&lt;/b&gt;,&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;both under &lt;code&gt;%1&lt;/code&gt; (set &lt;code&gt;CREODROP_HOME&lt;/code&gt; to use another folder).&lt;/p&gt;&lt;p&gt;&lt;b&gt;To store backups in Cloudflare R2&lt;/b&gt;, create an R2 API token with Object Read &amp;amp; Write for your bucket, then open &lt;i&gt;Settings ▸ Storage&lt;/i&gt; and enter the account endpoint (&lt;code&gt;https://&amp;lt;account-id&amp;gt;.r2.cloudflarestorage.com&lt;/code&gt;), the bucket, the access key ID and the secret access key. The secret goes into the system keychain, never into the settings file. Use &lt;i&gt;Test Connection&lt;/i&gt; before saving.&lt;/p&gt;&lt;p&gt;&lt;b&gt;To share the catalog with your team&lt;/b&gt;, point &lt;i&gt;Settings ▸ Catalog&lt;/i&gt; at a MySQL or MariaDB database.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Alles funktioniert sofort, ohne Konto:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;der &lt;b&gt;Katalog&lt;/b&gt; der Websites und Sicherungen ist eine lokale SQLite-Datei, und&lt;/li&gt;&lt;li&gt;Sicherungen werden in einem &lt;b&gt;lokalen Ordner&lt;/b&gt; abgelegt,&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;beides unter &lt;code&gt;%1&lt;/code&gt; (setzen Sie &lt;code&gt;CREODROP_HOME&lt;/code&gt;, um einen anderen Ordner zu verwenden).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Um Sicherungen in Cloudflare R2 abzulegen&lt;/b&gt;, erstellen Sie ein R2-API-Token mit Objekt-Lese- &amp;amp; Schreibrechten für Ihren Bucket, öffnen dann &lt;i&gt;Einstellungen ▸ Speicher&lt;/i&gt; und geben den Konto-Endpunkt (&lt;code&gt;https://&amp;lt;account-id&amp;gt;.r2.cloudflarestorage.com&lt;/code&gt;), den Bucket, die Zugriffsschlüssel-ID und den geheimen Zugriffsschlüssel ein. Das Geheimnis kommt in den Schlüsselbund des Systems, nie in die Einstellungsdatei. Nutzen Sie vor dem Speichern &lt;i&gt;Verbindung testen&lt;/i&gt;.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Um den Katalog mit Ihrem Team zu teilen&lt;/b&gt;, richten Sie &lt;i&gt;Einstellungen ▸ Katalog&lt;/i&gt; auf eine MySQL- oder MariaDB-Datenbank.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>prod</source>
        <translation>prod</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>stage</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>dev</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Pre-restore</source>
        <translation>Vor Wiederherstellung</translation>
    </message>
    <message>
        <source>Pre-sync</source>
        <translation>Vor Abgleich</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>In Progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Developer</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation>%1 (UTC %2)</translation>
    </message>
    <message>
        <source>1 table</source>
        <translation>1 Tabelle</translation>
    </message>
    <message>
        <source>%1 tables</source>
        <translation>%1 Tabellen</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>1 view</source>
        <translation>1 View</translation>
    </message>
    <message>
        <source>%1 views</source>
        <translation>%1 Views</translation>
    </message>
    <message>
        <source>1 routine</source>
        <translation>1 Routine</translation>
    </message>
    <message>
        <source>%1 routines</source>
        <translation>%1 Routinen</translation>
    </message>
    <message>
        <source>1 trigger</source>
        <translation>1 Trigger</translation>
    </message>
    <message>
        <source>%1 triggers</source>
        <translation>%1 Trigger</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Event</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Events</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>manual</source>
        <comment>backup type inside a sentence</comment>
        <translation>manuell</translation>
    </message>
    <message>
        <source>scheduled</source>
        <comment>backup type inside a sentence</comment>
        <translation>geplant</translation>
    </message>
    <message>
        <source>pre-restore</source>
        <comment>backup type inside a sentence</comment>
        <translation>vor Wiederherstellung</translation>
    </message>
    <message>
        <source>pre-sync</source>
        <comment>backup type inside a sentence</comment>
        <translation>vor Abgleich</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Running and recent jobs</source>
        <translation>Laufende und letzte Aufträge</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Job history</source>
        <translation>Auftragsverlauf</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>No jobs yet. Backups, downloads and verifications you start appear here.</source>
        <translation>Noch keine Aufträge. Von Ihnen gestartete Sicherungen, Downloads und Prüfungen erscheinen hier.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>~%1</source>
        <translation>~%1</translation>
    </message>
    <message>
        <source>any moment</source>
        <translation>jeden Moment</translation>
    </message>
    <message>
        <source>Job progress</source>
        <translation>Auftragsfortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Auftrag abbrechen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Measured from this job&apos;s progress</source>
        <translation>Aus dem Fortschritt dieses Auftrags gemessen</translation>
    </message>
    <message>
        <source>Estimated from earlier backups of this environment</source>
        <translation>Geschätzt aus früheren Sicherungen dieser Umgebung</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Creodrop Backups</source>
        <translation>Creodrop Backups</translation>
    </message>
    <message>
        <source>Jobs (%1 running)</source>
        <translation>Aufträge (%1 laufen)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Add Site…</source>
        <translation>Website &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Edit Site…</source>
        <translation>Website &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Find Site</source>
        <translation>Website &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Create Backup</source>
        <translation>Sicherung &amp;erstellen</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Herunterladen…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Copy Download &amp;Link</source>
        <translation>Download-&amp;Link kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>&amp;Anheften</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Backup De&amp;tails…</source>
        <translation>Sicherungs&amp;details…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Show All Environments</source>
        <translation>Alle Umgebungen anzeigen</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>&amp;About Creodrop Backups</source>
        <translation>&amp;Über Creodrop Backups</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <source>&amp;Backup</source>
        <translation>&amp;Sicherung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Jobs Panel</source>
        <translation>&amp;Auftragsbereich</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>&amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Catalog ready</source>
        <translation>Katalog bereit</translation>
    </message>
    <message>
        <source>%1 of %2 / %3 failed: %4</source>
        <translation>%1 von %2 / %3 fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>%1 of %2 / %3</source>
        <translation>%1 von %2 / %3</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1 abgeschlossen</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Backup of %1 / %2 requested</source>
        <translation>Sicherung von %1 / %2 angefordert</translation>
    </message>
    <message>
        <source>Needs Attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Failed, interrupted and overdue backups of every site</source>
        <translation>Fehlgeschlagene, unterbrochene und überfällige Sicherungen aller Websites</translation>
    </message>
    <message>
        <source>Backing up %1/%2 again…</source>
        <translation>%1/%2 wird erneut gesichert…</translation>
    </message>
    <message>
        <source>Needs Attention (%1)</source>
        <translation>Braucht Aufmerksamkeit (%1)</translation>
    </message>
    <message>
        <source>Stopped to apply the new settings.</source>
        <translation>Angehalten, um die neuen Einstellungen anzuwenden.</translation>
    </message>
    <message>
        <source>Settings applied.</source>
        <translation>Einstellungen angewendet.</translation>
    </message>
    <message>
        <source>The local folder store cannot make download links. To share backups by link, choose Cloudflare R2 in Settings &gt; Storage.</source>
        <translation>Der lokale Ordnerspeicher kann keine Download-Links erstellen. Um Sicherungen per Link zu teilen, wählen Sie Cloudflare R2 unter Einstellungen &gt; Speicher.</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore from &amp;File…</source>
        <translation>Aus &amp;Datei wiederherstellen…</translation>
    </message>
    <message>
        <source>S&amp;ync Environments…</source>
        <translation>Umgebungen &amp;abgleichen…</translation>
    </message>
    <message>
        <source>Re&amp;move Site…</source>
        <translation>Website ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Re&amp;scan Storage</source>
        <translation>Speicher &amp;neu einlesen</translation>
    </message>
    <message>
        <source>Rescanning the storage…</source>
        <translation>Speicher wird neu eingelesen…</translation>
    </message>
    <message>
        <source>Storage rescanned: %1</source>
        <translation>Speicher neu eingelesen: %1</translation>
    </message>
    <message>
        <source>Rescanning the storage failed: %1</source>
        <translation>Neueinlesen des Speichers fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>1 warning: %1</source>
        <translation>1 Warnung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n warnings: %1</source>
        <translation>
            <numerusform>%n Warnung: %1</numerusform>
            <numerusform>%n Warnungen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more in the Audit Log.</source>
        <translation>
            <numerusform>%n weitere im Prüfprotokoll.</numerusform>
            <numerusform>%n weitere im Prüfprotokoll.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying retention failed: %1</source>
        <translation>Die Aufbewahrung konnte nicht angewendet werden: %1</translation>
    </message>
    <message>
        <source>Apply Retention</source>
        <translation>Aufbewahrung anwenden</translation>
    </message>
    <message>
        <source>Applying retention…</source>
        <translation>Aufbewahrung wird angewendet…</translation>
    </message>
    <message>
        <source>Appl&amp;y Retention…</source>
        <translation>Aufbewahrung an&amp;wenden…</translation>
    </message>
    <message>
        <source>Looking for the backups retention no longer keeps…</source>
        <translation>Sicherungen werden gesucht, die die Aufbewahrung nicht mehr behält…</translation>
    </message>
    <message>
        <source>Retention has nothing to delete: every backup is still kept.</source>
        <translation>Die Aufbewahrung hat nichts zu löschen: Jede Sicherung wird weiterhin behalten.</translation>
    </message>
    <message>
        <source>Looking for the backups retention no longer keeps failed: %1</source>
        <translation>Die Suche nach Sicherungen, die die Aufbewahrung nicht mehr behält, ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>• %1 / %2: %3 backup of %4, %5 (%6)</source>
        <translation>• %1 / %2: Sicherung (%3) vom %4, %5 (%6)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weitere.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete this backup now? Its schedule no longer keeps it, or it is a pre-restore or pre-sync backup older than 7 days.</source>
        <translation>Diese Sicherung jetzt löschen? Ihr Zeitplan behält sie nicht mehr, oder sie ist eine Sicherung vor Wiederherstellung oder Synchronisierung, die älter als 7 Tage ist.</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n backups now? Their schedule no longer keeps them, or they are pre-restore or pre-sync backups older than 7 days.</source>
        <translation>
            <numerusform>Diese %n Sicherung jetzt löschen? Ihr Zeitplan behält sie nicht mehr, oder sie ist eine Sicherung vor Wiederherstellung oder Synchronisierung, die älter als 7 Tage ist.</numerusform>
            <numerusform>Diese %n Sicherungen jetzt löschen? Ihr Zeitplan behält sie nicht mehr, oder sie sind Sicherungen vor Wiederherstellung oder Synchronisierung, die älter als 7 Tage sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their dumps and manifests are removed from storage. This cannot be undone. Manual and pinned backups stay.</source>
        <translation>Ihre Dumps und Manifeste werden aus dem Speicher entfernt. Das kann nicht rückgängig gemacht werden. Manuelle und angeheftete Sicherungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Its dump and manifest are removed from storage. This cannot be undone. Manual and pinned backups stay.</source>
        <translation>Ihr Dump und ihr Manifest werden aus dem Speicher entfernt. Das kann nicht rückgängig gemacht werden. Manuelle und angeheftete Sicherungen bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>PagesController</name>
    <message>
        <source>Audit &amp;Log (All Sites)</source>
        <translation>Audit-&amp;Protokoll (alle Websites)</translation>
    </message>
    <message>
        <source>Audit Log — All Sites</source>
        <translation>Audit-Protokoll — alle Websites</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Who did what to which site, environment or backup, and how it ended</source>
        <translation>Wer was an welcher Website, Umgebung oder Sicherung getan hat, und mit welchem Ergebnis</translation>
    </message>
</context>
<context>
    <name>QuickActionsPanel</name>
    <message>
        <source>Quick Actions</source>
        <translation>Schnellaktionen</translation>
    </message>
    <message>
        <source>&amp;Create Backup</source>
        <translation>Sicherung &amp;erstellen</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>Sicherung erstellen</translation>
    </message>
    <message>
        <source>Back up the selected environment now (Ctrl+B)</source>
        <translation>Die gewählte Umgebung jetzt sichern (Ctrl+B)</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Herunterladen…</translation>
    </message>
    <message>
        <source>Download backup</source>
        <translation>Sicherung herunterladen</translation>
    </message>
    <message>
        <source>Download the selected backup and verify its SHA-256 (Ctrl+D)</source>
        <translation>Die gewählte Sicherung herunterladen und ihre SHA-256 prüfen (Ctrl+D)</translation>
    </message>
    <message>
        <source>Copy Download &amp;Link</source>
        <translation>Download-&amp;Link kopieren</translation>
    </message>
    <message>
        <source>Copy download link</source>
        <translation>Download-Link kopieren</translation>
    </message>
    <message>
        <source>Put a fresh link, valid for 15 minutes, on the clipboard (Ctrl+Shift+C)</source>
        <translation>Einen neuen, 15 Minuten gültigen Link in die Zwischenablage legen (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>S&amp;ync Environments…</source>
        <translation>Umgebungen &amp;abgleichen…</translation>
    </message>
    <message>
        <source>Sync environments</source>
        <translation>Umgebungen abgleichen</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>Sicherung prüfen</translation>
    </message>
    <message>
        <source>Read the stored backup back and check its SHA-256 and gzip integrity</source>
        <translation>Die gespeicherte Sicherung zurücklesen und SHA-256 sowie gzip-Integrität prüfen</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>&amp;Anheften</translation>
    </message>
    <message>
        <source>Pin backup</source>
        <translation>Sicherung anheften</translation>
    </message>
    <message>
        <source>A pinned backup is never removed by retention</source>
        <translation>Eine angeheftete Sicherung wird von der Aufbewahrung nie entfernt</translation>
    </message>
    <message>
        <source>Dele&amp;te…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete backup</source>
        <translation>Sicherung löschen</translation>
    </message>
    <message>
        <source>Delete the selected backup from storage and the catalog (Del)</source>
        <translation>Die gewählte Sicherung aus Speicher und Katalog löschen (Entf)</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>Back up which environment?</source>
        <translation>Welche Umgebung sichern?</translation>
    </message>
    <message>
        <source>&amp;Create Backup (%1)</source>
        <translation>Sicherung &amp;erstellen (%1)</translation>
    </message>
    <message>
        <source>&amp;Create Backup…</source>
        <translation>Sicherung &amp;erstellen…</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>&amp;Lösen</translation>
    </message>
    <message>
        <source>Unpin the backup before deleting it</source>
        <translation>Lösen Sie die Sicherung, bevor Sie sie löschen</translation>
    </message>
    <message>
        <source>Select a backup to download, verify or delete it.</source>
        <translation>Wählen Sie eine Sicherung, um sie herunterzuladen, zu prüfen oder zu löschen.</translation>
    </message>
    <message>
        <source>Selected: %1 backup of %2, %3</source>
        <translation>Gewählt: Sicherung (%1) vom %2, %3</translation>
    </message>
    <message>
        <source>Downloading… %1 of %2</source>
        <translation>Wird heruntergeladen… %1 von %2</translation>
    </message>
    <message>
        <source>Downloading… %1</source>
        <translation>Wird heruntergeladen… %1</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation>✘ %1</translation>
    </message>
    <message>
        <source>Download link copied to the clipboard. It expires at %1.</source>
        <translation>Download-Link in die Zwischenablage kopiert. Er läuft um %1 ab.</translation>
    </message>
    <message>
        <source>Restore from &amp;File…</source>
        <translation>Aus &amp;Datei wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore from an SQL file</source>
        <translation>Aus einer SQL-Datei wiederherstellen</translation>
    </message>
    <message>
        <source>Load a .sql or .sql.gz file (a customer&apos;s own dump) into an environment, after a pre-restore backup</source>
        <translation>Eine .sql- oder .sql.gz-Datei (etwa einen eigenen Dump des Kunden) in eine Umgebung laden, nach einer Sicherung vor der Wiederherstellung</translation>
    </message>
    <message>
        <source>Restore the selected backup into an environment of this site, after a pre-restore backup</source>
        <translation>Die gewählte Sicherung in eine Umgebung dieser Site wiederherstellen, nach einer Sicherung vor der Wiederherstellung</translation>
    </message>
    <message>
        <source>Copy one environment&apos;s database over another&apos;s, after a pre-sync backup</source>
        <translation>Die Datenbank einer Umgebung über die einer anderen kopieren, nach einer Sicherung vor dem Abgleich</translation>
    </message>
    <message>
        <source>Environment sync is part of the developer tier; this site is on the basic tier with production only.</source>
        <translation>Der Umgebungsabgleich gehört zum Developer-Tarif; diese Site ist im Basic-Tarif und hat nur die Produktion.</translation>
    </message>
</context>
<context>
    <name>RemoveSiteController</name>
    <message>
        <source>The service restarted before the site was removed; check the site list and try again.</source>
        <translation>Der Dienst wurde neu gestartet, bevor die Website entfernt war; prüfen Sie die Website-Liste und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The backup service is not running; check Settings, then try again.</source>
        <translation>Der Sicherungsdienst läuft nicht; prüfen Sie die Einstellungen und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Site %1 was removed with its %2 backups.</source>
        <translation>Website %1 wurde mit ihren %2 Sicherungen entfernt.</translation>
    </message>
    <message>
        <source>Site %1 was removed.</source>
        <translation>Website %1 wurde entfernt.</translation>
    </message>
    <message>
        <source>Site %1 was removed with its backup.</source>
        <translation>Website %1 wurde mit ihrer Sicherung entfernt.</translation>
    </message>
</context>
<context>
    <name>RemoveSiteDialog</name>
    <message>
        <source>Remove Site</source>
        <translation>Website entfernen</translation>
    </message>
    <message>
        <source>Also &amp;delete all backups</source>
        <translation>Auch alle Sicherungen &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Type the site&apos;s slug to confirm:</source>
        <translation>Zur Bestätigung den Kurznamen der Website &amp;eingeben:</translation>
    </message>
    <message>
        <source>&amp;Remove Site</source>
        <translation>Website ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove Site %1</source>
        <translation>Website %1 entfernen</translation>
    </message>
    <message>
        <source>Remove %1 (%2) for good?</source>
        <translation>%1 (%2) endgültig entfernen?</translation>
    </message>
    <message>
        <source>This removes the site %1, its environments (%2) and their MySQL passwords from the keychain.</source>
        <translation>Damit werden die Website %1, ihre Umgebungen (%2) und deren MySQL-Passwörter im Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt…</translation>
    </message>
    <message>
        <source>Also &amp;delete all %1 backups</source>
        <translation>Auch alle %1 Sicherungen &amp;löschen</translation>
    </message>
    <message>
        <source>Also &amp;delete all backups of this site</source>
        <translation>Auch alle Sicherungen dieser Website &amp;löschen</translation>
    </message>
    <message>
        <source>Every backup object, manifest and catalog row of this site is deleted too. This cannot be undone.</source>
        <translation>Jedes Sicherungsobjekt, jedes Manifest und jede Katalogzeile dieser Website wird ebenfalls gelöscht. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>The site still has %1 backups, so it can only be removed together with them: check &quot;Also delete all backups&quot; to do so.</source>
        <translation>Die Website hat noch %1 Sicherungen und kann nur zusammen mit ihnen entfernt werden: Aktivieren Sie dazu „Auch alle Sicherungen löschen“.</translation>
    </message>
    <message>
        <source>The site has no backups.</source>
        <translation>Die Website hat keine Sicherungen.</translation>
    </message>
    <message>
        <source>A site that still has backups can only be removed together with them.</source>
        <translation>Eine Website, die noch Sicherungen hat, kann nur zusammen mit ihnen entfernt werden.</translation>
    </message>
    <message>
        <source>Type the site&apos;s slug %1 exactly to enable removing it.</source>
        <translation>Geben Sie den Kurznamen %1 der Website genau ein, um sie entfernen zu können.</translation>
    </message>
    <message>
        <source>Also &amp;delete its backup</source>
        <translation>Auch ihre Sicherung &amp;löschen</translation>
    </message>
    <message>
        <source>The site still has a backup, so it can only be removed together with it: check &quot;Also delete its backup&quot; to do so.</source>
        <translation>Die Website hat noch eine Sicherung und kann nur zusammen mit ihr entfernt werden: Aktivieren Sie dazu „Auch ihre Sicherung löschen“.</translation>
    </message>
</context>
<context>
    <name>RestoreController</name>
    <message>
        <source>Restore from File</source>
        <translation>Aus Datei wiederherstellen</translation>
    </message>
    <message>
        <source>SQL dumps (*.sql *.sql.gz);;All files (*)</source>
        <translation>SQL-Dumps (*.sql *.sql.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Sync into %1 started: progress in the jobs panel.</source>
        <translation>Abgleich in %1 gestartet: Fortschritt im Aufgabenbereich.</translation>
    </message>
    <message>
        <source>Restore into %1 started: progress in the jobs panel.</source>
        <translation>Wiederherstellung in %1 gestartet: Fortschritt im Aufgabenbereich.</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>%1 is locked: an interrupted %2 waits for its rollback from the pre-%2 backup. Restarting the console or a worker rolls it back. (%3)</source>
        <translation>%1 ist gesperrt: eine unterbrochene %2 wartet auf ihr Zurücksetzen aus der Sicherung vor der %2. Ein Neustart der Konsole oder eines Workers setzt sie zurück. (%3)</translation>
    </message>
    <message>
        <source>%1 is locked: a %2 by %3 is running since %4; backups and restores of it wait until it ends.</source>
        <translation>%1 ist gesperrt: eine %2 von %3 läuft seit %4; Sicherungen und Wiederherstellungen warten, bis sie endet.</translation>
    </message>
    <message>
        <source>Sync into %1</source>
        <translation>Abgleich in %1</translation>
    </message>
    <message>
        <source>Restore into %1</source>
        <translation>Wiederherstellung in %1</translation>
    </message>
    <message>
        <source>%1 finished: %2</source>
        <translation>%1 abgeschlossen: %2</translation>
    </message>
    <message>
        <source>%1 cancelled: %2</source>
        <translation>%1 abgebrochen: %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The backup service is not running; check Settings &gt; Storage and Catalog.</source>
        <translation>Der Sicherungsdienst läuft nicht; prüfen Sie Einstellungen &gt; Speicher und Katalog.</translation>
    </message>
    <message>
        <source>%1/%2, streamed straight into the target (no file, no bucket)</source>
        <translation>%1/%2, direkt in das Ziel übertragen (keine Datei, kein Bucket)</translation>
    </message>
    <message>
        <source>%1 is locked: an interrupted %2 waits for its rollback (%3)</source>
        <translation>%1 ist gesperrt: eine unterbrochene %2 wartet auf ihr Zurücksetzen (%3)</translation>
    </message>
    <message>
        <source>%1 is locked: a %2 by %3 is running</source>
        <translation>%1 ist gesperrt: eine %2 von %3 läuft</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore Backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>Restore &amp;into:</source>
        <translation>Wiederherstellen &amp;in:</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Was:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>Alter:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Erstellt von:</translation>
    </message>
    <message>
        <source>Target now</source>
        <translation>Ziel jetzt</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Inhalt:</translation>
    </message>
    <message>
        <source>Collations:</source>
        <translation>Sortierfolgen:</translation>
    </message>
    <message>
        <source>Definers:</source>
        <translation>Definer:</translation>
    </message>
    <message>
        <source>Sync options</source>
        <translation>Abgleichoptionen</translation>
    </message>
    <message>
        <source>&amp;Sanitize:</source>
        <translation>&amp;Anonymisieren:</translation>
    </message>
    <message>
        <source>Skip cache and session &amp;data (copy their structure only)</source>
        <translation>Cache- und Sitzungs&amp;daten auslassen (nur ihre Struktur kopieren)</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was geschieht</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>&amp;Bestätigen:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>WordPress</source>
        <translation>WordPress</translation>
    </message>
    <message>
        <source>Drupal</source>
        <translation>Drupal</translation>
    </message>
    <message>
        <source>Replace personal data in the copy (e-mails become user&lt;ID&gt;@example.invalid, password hashes and sessions are cleared). Never applied to prod.</source>
        <translation>Personenbezogene Daten in der Kopie ersetzen (E-Mail-Adressen werden zu user&lt;ID&gt;@example.invalid, Passwort-Hashes und Sitzungen werden geleert). Nie in der Produktion.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore from File</source>
        <translation>Aus Datei wiederherstellen</translation>
    </message>
    <message>
        <source>Sync Environments</source>
        <translation>Umgebungen abgleichen</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>&amp;Abgleichen</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Nach:</translation>
    </message>
    <message>
        <source>Replace the database of %1 with the %2 backup of %3 from %4.</source>
        <translation>Die Datenbank von %1 durch die Sicherung (%2) von %3 vom %4 ersetzen.</translation>
    </message>
    <message>
        <source>Replace the database of %1 with the SQL of %2.</source>
        <translation>Die Datenbank von %1 durch das SQL aus %2 ersetzen.</translation>
    </message>
    <message>
        <source>Replace the database of %1 with a copy of %2/%3.</source>
        <translation>Die Datenbank von %1 durch eine Kopie von %2/%3 ersetzen.</translation>
    </message>
    <message>
        <source>Type %1 to &amp;confirm:</source>
        <translation>Zum &amp;Bestätigen %1 eingeben:</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>This replaces production data: type %1 exactly to enable %2.</source>
        <translation>Dies ersetzt Produktionsdaten: Geben Sie genau %1 ein, um %2 zu aktivieren.</translation>
    </message>
    <message>
        <source>Choose two different environments: a sync copies one environment over another.</source>
        <translation>Wählen Sie zwei verschiedene Umgebungen: Ein Abgleich kopiert eine Umgebung über eine andere.</translation>
    </message>
    <message>
        <source>Backup %1</source>
        <translation>Sicherung %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 ago (%2)</source>
        <translation>vor %1 (%2)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>None to map</source>
        <translation>Keine zuzuordnen</translation>
    </message>
    <message>
        <source>Mapped: %1</source>
        <translation>Zugeordnet: %1</translation>
    </message>
    <message>
        <source>Stripped: the target user can set no other definer, so views, routines, triggers and events will belong to it</source>
        <translation>Entfernt: Der Zielbenutzer kann keinen anderen Definer setzen, daher gehören Views, Routinen, Trigger und Events ihm</translation>
    </message>
    <message>
        <source>Kept as in the source</source>
        <translation>Wie in der Quelle beibehalten</translation>
    </message>
    <message>
        <source>Checking the target…</source>
        <translation>Ziel wird geprüft…</translation>
    </message>
    <message>
        <source>The restore cannot run: see the problems above.</source>
        <translation>Die Wiederherstellung kann nicht laufen: siehe die Probleme oben.</translation>
    </message>
    <message>
        <source>Waiting for the check of the target.</source>
        <translation>Warten auf die Prüfung des Ziels.</translation>
    </message>
    <message>
        <source>Type %1 above to confirm.</source>
        <translation>Geben Sie zum Bestätigen oben %1 ein.</translation>
    </message>
</context>
<context>
    <name>ScheduleEditorDialog</name>
    <message>
        <source>Edit Schedule</source>
        <translation>Zeitplan bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation>&amp;Häufigkeit:</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>&amp;Time (UTC):</source>
        <translation>&amp;Uhrzeit (UTC):</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>&amp;Neueste behalten:</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> Sicherungen</translation>
    </message>
    <message>
        <source>And those &amp;younger than:</source>
        <translation>Und alle &amp;jünger als:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Enabled: back this environment up automatically</source>
        <translation>&amp;Aktiv: diese Umgebung automatisch sichern</translation>
    </message>
    <message>
        <source>Retention removes only scheduled backups: manual and pinned backups always stay.</source>
        <translation>Die Aufbewahrung entfernt nur geplante Sicherungen: manuelle und angeheftete Sicherungen bleiben immer erhalten.</translation>
    </message>
    <message>
        <source>Schedule of %1 / %2 (%3)</source>
        <translation>Zeitplan von %1 / %2 (%3)</translation>
    </message>
</context>
<context>
    <name>SchedulesPage</name>
    <message>
        <source>Daily at %1 UTC</source>
        <translation>Täglich um %1 UTC</translation>
    </message>
    <message>
        <source>Weekly on %1 at %2 UTC</source>
        <translation>Wöchentlich am %1 um %2 UTC</translation>
    </message>
    <message numerus="yes">
        <source>Keep the newest %n</source>
        <translation>
            <numerusform>Die neueste behalten</numerusform>
            <numerusform>Die neuesten %n behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and those younger than %n days</source>
        <translation>
            <numerusform>%1 und alle jünger als %n Tag</numerusform>
            <numerusform>%1 und alle jünger als %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit Schedule…</source>
        <translation>Zeitplan bearbeiten…</translation>
    </message>
    <message>
        <source>Remove Schedule</source>
        <translation>Zeitplan entfernen</translation>
    </message>
    <message>
        <source>Scheduled backups run while this console or a backup worker is running. Times are UTC.</source>
        <translation>Geplante Sicherungen laufen, solange diese Konsole oder ein Sicherungs-Worker läuft. Zeiten in UTC.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Nächster Lauf</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Nicht geplant</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>Jetzt fällig</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Noch nie gelaufen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Add Schedule…</source>
        <translation>Zeitplan hinzufügen…</translation>
    </message>
    <message>
        <source>%1 newest + %2 days</source>
        <translation>%1 neueste + %2 Tage</translation>
    </message>
    <message>
        <source>%1 newest</source>
        <translation>%1 neueste</translation>
    </message>
    <message>
        <source>%1 and those younger than 1 day</source>
        <translation>%1 und die jünger als 1 Tag</translation>
    </message>
    <message>
        <source>%1 newest + 1 day</source>
        <translation>%1 neueste + 1 Tag</translation>
    </message>
</context>
<context>
    <name>SettingsApplier</name>
    <message>
        <source>Settings saved.</source>
        <translation>Einstellungen gespeichert.</translation>
    </message>
    <message>
        <source>Apply Settings</source>
        <translation>Einstellungen anwenden</translation>
    </message>
    <message>
        <source>A job is running. The new storage and catalog settings need it stopped.

Stop it now, or apply the settings when it has finished?</source>
        <translation>Ein Auftrag läuft. Für die neuen Speicher- und Katalogeinstellungen muss er angehalten werden.

Jetzt anhalten oder die Einstellungen anwenden, wenn er fertig ist?</translation>
    </message>
    <message>
        <source>%1 jobs are running. The new storage and catalog settings need them stopped.

Stop them now, or apply the settings when they have finished?</source>
        <translation>%1 Aufträge laufen. Für die neuen Speicher- und Katalogeinstellungen müssen sie angehalten werden.

Jetzt anhalten oder die Einstellungen anwenden, wenn sie fertig sind?</translation>
    </message>
    <message>
        <source>Apply When Finished</source>
        <translation>Anwenden, wenn fertig</translation>
    </message>
    <message>
        <source>Stop Jobs and Apply</source>
        <translation>Aufträge anhalten und anwenden</translation>
    </message>
    <message>
        <source>The new settings apply when the running jobs have finished.</source>
        <translation>Die neuen Einstellungen gelten, sobald die laufenden Aufträge fertig sind.</translation>
    </message>
    <message>
        <source>Applying the new settings…</source>
        <translation>Neue Einstellungen werden angewendet…</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>The backup service is not running.</source>
        <translation>Der Sicherungsdienst läuft nicht.</translation>
    </message>
    <message>
        <source>Could not store the secret in the keychain: %1</source>
        <translation>Das Geheimnis konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Storage kind</source>
        <translation>Speicherart</translation>
    </message>
    <message>
        <source>Local folder (embedded default)</source>
        <translation>Lokaler Ordner (eingebauter Standard)</translation>
    </message>
    <message>
        <source>Cloudflare R2 / S3-compatible</source>
        <translation>Cloudflare R2 / S3-kompatibel</translation>
    </message>
    <message>
        <source>&amp;Store backups in:</source>
        <translation>Sicherungen &amp;ablegen in:</translation>
    </message>
    <message>
        <source>Local store folder</source>
        <translation>Lokaler Speicherordner</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>&amp;Bucket:</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>&amp;Zugriffsschlüssel-ID:</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Geheimer Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>not stored yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the settings file</source>
        <translation>Liegt im Schlüsselbund des Systems, nie in der Einstellungsdatei</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Path-style addressing</source>
        <translation>Pfadbasierte Adressierung</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Catalog kind</source>
        <translation>Katalogart</translation>
    </message>
    <message>
        <source>Local file (SQLite, just me)</source>
        <translation>Lokale Datei (SQLite, nur ich)</translation>
    </message>
    <message>
        <source>Shared MySQL/MariaDB database (team)</source>
        <translation>Gemeinsame MySQL/MariaDB-Datenbank (Team)</translation>
    </message>
    <message>
        <source>&amp;Catalog:</source>
        <translation>&amp;Katalog:</translation>
    </message>
    <message>
        <source>Catalog file</source>
        <translation>Katalogdatei</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Catalog URL</source>
        <translation>Katalog-URL</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Catalog password</source>
        <translation>Katalogpasswort</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Everyone who points at the same database sees the same sites, backups and audit log.</source>
        <translation>Alle, die dieselbe Datenbank verwenden, sehen dieselben Websites, Sicherungen und dasselbe Prüfprotokoll.</translation>
    </message>
    <message>
        <source>The catalog is a file on this computer.</source>
        <translation>Der Katalog ist eine Datei auf diesem Computer.</translation>
    </message>
    <message>
        <source>Downloads folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <source>&amp;Downloads folder:</source>
        <translation>&amp;Download-Ordner:</translation>
    </message>
    <message>
        <source>Backups running at once</source>
        <translation>Gleichzeitig laufende Sicherungen</translation>
    </message>
    <message>
        <source>Backups of different sites run in parallel up to this number; one environment never runs two at once.</source>
        <translation>Sicherungen verschiedener Websites laufen bis zu dieser Anzahl parallel; eine Umgebung führt nie zwei gleichzeitig aus.</translation>
    </message>
    <message>
        <source>Backups running at &amp;once:</source>
        <translation>&amp;Gleichzeitige Sicherungen:</translation>
    </message>
    <message>
        <source>stored in the keychain (type to replace)</source>
        <translation>im Schlüsselbund gespeichert (zum Ersetzen tippen)</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation>✘ %1</translation>
    </message>
    <message>
        <source>&amp;Name in the audit log:</source>
        <translation>&amp;Name im Prüfprotokoll:</translation>
    </message>
    <message>
        <source>Recorded as &quot;created by&quot; and in the audit log for what you do in this console. Empty: your account name.</source>
        <translation>Wird als „Erstellt von“ und im Prüfprotokoll für alles erfasst, was Sie in dieser Konsole tun. Leer: Ihr Kontoname.</translation>
    </message>
    <message>
        <source>Name in the audit log</source>
        <translation>Name im Prüfprotokoll</translation>
    </message>
    <message>
        <source>Storage and catalog changes apply when you click OK; if backups are running you are asked first.</source>
        <translation>Änderungen an Speicher und Katalog gelten, sobald Sie auf OK klicken; laufen Sicherungen, werden Sie vorher gefragt.</translation>
    </message>
</context>
<context>
    <name>SiteEditorDialog</name>
    <message>
        <source>Add Site</source>
        <translation>Website hinzufügen</translation>
    </message>
    <message>
        <source>Site slug</source>
        <translation>Website-Kürzel</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Website-Name</translation>
    </message>
    <message>
        <source>Customer slug</source>
        <translation>Kundenkürzel</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Basic (production only)</source>
        <translation>Basic (nur Produktion)</translation>
    </message>
    <message>
        <source>Developer (production, staging, development)</source>
        <translation>Developer (Produktion, Staging, Entwicklung)</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>&amp;Kürzel:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>K&amp;unde:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port (%1)</source>
        <translation>Port (%1)</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Edit Site — %1</source>
        <translation>Website bearbeiten — %1</translation>
    </message>
    <message>
        <source>site slug</source>
        <translation>Website-Kürzel</translation>
    </message>
    <message>
        <source>customer slug</source>
        <translation>Kundenkürzel</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>✘ %1</source>
        <translation>✘ %1</translation>
    </message>
    <message>
        <source>TLS (%1)</source>
        <translation>TLS (%1)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Preferred (encrypt when the server offers it)</source>
        <translation>Bevorzugt (verschlüsseln, wenn der Server es anbietet)</translation>
    </message>
    <message>
        <source>Required (encrypt, do not check the certificate)</source>
        <translation>Erforderlich (verschlüsseln, Zertifikat nicht prüfen)</translation>
    </message>
    <message>
        <source>Verify CA (certificate signed by the CA)</source>
        <translation>CA prüfen (Zertifikat von der CA signiert)</translation>
    </message>
    <message>
        <source>Verify identity (CA and host name)</source>
        <translation>Identität prüfen (CA und Hostname)</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>TLS-CA-Datei</translation>
    </message>
    <message>
        <source>The CA file %1 of %2 cannot be read: choose a readable PEM file or leave it empty.</source>
        <translation>Die CA-Datei %1 von %2 kann nicht gelesen werden: Wählen Sie eine lesbare PEM-Datei oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <source>Data&amp;bases:</source>
        <translation>Daten&amp;banken:</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>&amp;Stufe:</translation>
    </message>
</context>
<context>
    <name>SiteEnvironmentForm</name>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Soc&amp;ket:</source>
        <translation>Soc&amp;ket:</translation>
    </message>
    <message>
        <source>optional; used instead of host and port</source>
        <translation>optional; ersetzt Host und Port</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the catalog or settings</source>
        <translation>Liegt im Schlüsselbund des Systems, nie im Katalog oder in den Einstellungen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>T&amp;LS:</source>
        <translation>T&amp;LS:</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>C&amp;A-Datei:</translation>
    </message>
    <message>
        <source>PEM file; empty: the system&apos;s certificate authorities</source>
        <translation>PEM-Datei; leer: die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
</context>
<context>
    <name>SiteListModel</name>
    <message>
        <source>%1 (%2)
Customer: %3
Tier: %4</source>
        <translation>%1 (%2)
Kunde: %3
Stufe: %4</translation>
    </message>
    <message>
        <source>Needs attention: the last scheduled backup failed or backups are overdue.</source>
        <translation>Braucht Aufmerksamkeit: Die letzte geplante Sicherung ist fehlgeschlagen oder Sicherungen sind überfällig.</translation>
    </message>
    <message>
        <source>%1, needs attention</source>
        <translation>%1, braucht Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>SiteListWidget</name>
    <message>
        <source>Search sites, slugs, customers…</source>
        <translation>Websites, Kürzel, Kunden suchen…</translation>
    </message>
    <message>
        <source>Search sites</source>
        <translation>Websites suchen</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Websites</translation>
    </message>
    <message>
        <source>No sites yet. Add one with Site ▸ Add Site…</source>
        <translation>Noch keine Websites. Fügen Sie eine über Website ▸ Website hinzufügen… hinzu</translation>
    </message>
    <message>
        <source>Add Site…</source>
        <translation>Website hinzufügen…</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>Website hinzufügen</translation>
    </message>
    <message>
        <source>Edit Site…</source>
        <translation>Website bearbeiten…</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Select a site on the left to see its backups.</source>
        <translation>Wählen Sie links eine Website, um ihre Sicherungen zu sehen.</translation>
    </message>
    <message>
        <source>Loading backups…</source>
        <translation>Sicherungen werden geladen…</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Show %1 backups</source>
        <translation>Sicherungen der %1 anzeigen</translation>
    </message>
    <message>
        <source>Show backups of all environments</source>
        <translation>Sicherungen aller Umgebungen anzeigen</translation>
    </message>
    <message>
        <source>Customer: %1 · Site: %2</source>
        <translation>Kunde: %1 · Website: %2</translation>
    </message>
    <message>
        <source>%1 tier</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>Basic tier: production only</source>
        <translation>Stufe Basic: nur Produktion</translation>
    </message>
    <message>
        <source>Developer tier: production, staging and development</source>
        <translation>Stufe Developer: Produktion, Staging und Entwicklung</translation>
    </message>
    <message>
        <source>Add Your First Site…</source>
        <translation>Erste Site hinzufügen…</translation>
    </message>
    <message>
        <source>Create Backup</source>
        <translation>Sicherung erstellen</translation>
    </message>
    <message>
        <source>No sites yet. Add the first customer site to back up its databases.</source>
        <translation>Noch keine Sites. Fügen Sie die erste Kunden-Site hinzu, um ihre Datenbanken zu sichern.</translation>
    </message>
    <message>
        <source>No %1 backups of %2 yet.</source>
        <translation>Noch keine Sicherungen von %2 in %1.</translation>
    </message>
    <message>
        <source>No backups of %1 yet.</source>
        <translation>Noch keine Sicherungen von %1.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Audit-Protokoll</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Creodrop Backups admin console</source>
        <translation>Creodrop-Backups-Verwaltungskonsole</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Creodrop Backups</source>
        <translation>À propos de Creodrop Backups</translation>
    </message>
    <message>
        <source>Creodrop Backups %1</source>
        <translation>Creodrop Backups %1</translation>
    </message>
    <message>
        <source>Backups of customer sites&apos; MySQL databases to Cloudflare R2, for Creodrop&apos;s support engineers.</source>
        <translation>Sauvegardes des bases MySQL des sites clients dans Cloudflare R2, pour les ingénieurs support de Creodrop.</translation>
    </message>
    <message>
        <source>License: &lt;a href=&quot;%1&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt; (%2). This program comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>Licence : &lt;a href=&quot;%1&quot;&gt;GNU General Public License, version 3 ou ultérieure&lt;/a&gt; (%2). Ce programme est fourni SANS AUCUNE GARANTIE.</translation>
    </message>
    <message>
        <source>Qt %1 (built with Qt %2)</source>
        <translation>Qt %1 (compilé avec Qt %2)</translation>
    </message>
    <message>
        <source>© 2026 Creodrop</source>
        <translation>© 2026 Creodrop</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the version, license and Qt version, for a support ticket</source>
        <translation>Copier la version, la licence et la version de Qt, pour un ticket de support</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompue</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Retry Backup</source>
        <translation>Relancer la sauvegarde</translation>
    </message>
    <message>
        <source>Open Site</source>
        <translation>Ouvrir le site</translation>
    </message>
    <message>
        <source>%1 (%2), customer %3</source>
        <translation>%1 (%2), client %3</translation>
    </message>
    <message>
        <source>%1
Backup %2</source>
        <translation>%1
Sauvegarde %2</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>What Is Wrong</source>
        <translation>Ce qui ne va pas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>AttentionPage</name>
    <message>
        <source>&amp;Open Site</source>
        <translation>&amp;Ouvrir le site</translation>
    </message>
    <message>
        <source>&amp;Retry Backup</source>
        <translation>&amp;Relancer la sauvegarde</translation>
    </message>
    <message>
        <source>Needs Attention</source>
        <translation>Attention requise</translation>
    </message>
    <message>
        <source>Backups that need attention</source>
        <translation>Sauvegardes qui demandent votre attention</translation>
    </message>
    <message>
        <source>Nothing needs attention</source>
        <translation>Rien ne demande votre attention</translation>
    </message>
    <message>
        <source>The newest backup of every environment completed and every schedule is on time. Failed, interrupted and overdue backups of all sites show up here.</source>
        <translation>La sauvegarde la plus récente de chaque environnement est terminée et chaque planification est à l&apos;heure. Les sauvegardes échouées, interrompues et en retard de tous les sites apparaissent ici.</translation>
    </message>
    <message>
        <source>Show the site&apos;s backups, schedule and settings</source>
        <translation>Afficher les sauvegardes, la planification et les réglages du site</translation>
    </message>
    <message>
        <source>Back up this environment again now</source>
        <translation>Sauvegarder de nouveau cet environnement maintenant</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actua&amp;liser</translation>
    </message>
    <message>
        <source>Failed, interrupted and overdue backups of every site.</source>
        <translation>Sauvegardes échouées, interrompues et en retard de tous les sites.</translation>
    </message>
    <message>
        <source>1 problem across all sites.</source>
        <translation>1 problème sur l&apos;ensemble des sites.</translation>
    </message>
    <message numerus="yes">
        <source>%n problems across all sites, newest first.</source>
        <translation>
            <numerusform>%n problème sur l&apos;ensemble des sites, le plus récent d&apos;abord.</numerusform>
            <numerusform>%n problèmes sur l&apos;ensemble des sites, les plus récents d&apos;abord.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Success</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher :</translation>
    </message>
    <message>
        <source>Actor, action, site, backup or detail</source>
        <translation>Auteur, action, site, sauvegarde ou détail</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>Rés&amp;ultat :</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <source>Nothing has been recorded in the audit log yet.</source>
        <translation>Rien n’a encore été enregistré dans le journal d’audit.</translation>
    </message>
    <message>
        <source>Nothing has been recorded for this site yet. Backups, downloads, links and changes to the site appear here.</source>
        <translation>Rien n’a encore été enregistré pour ce site. Les sauvegardes, téléchargements, liens et modifications du site apparaissent ici.</translation>
    </message>
    <message>
        <source>No entry matches the filter.</source>
        <translation>Aucune entrée ne correspond au filtre.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entries</source>
        <translation>
            <numerusform>%1 sur %n entrée</numerusform>
            <numerusform>%1 sur %n entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrée</translation>
    </message>
    <message>
        <source>%1 of 1 entry</source>
        <translation>%1 sur 1 entrée</translation>
    </message>
</context>
<context>
    <name>BackupActionsController</name>
    <message>
        <source>Save Backup As</source>
        <translation>Enregistrer la sauvegarde sous</translation>
    </message>
    <message>
        <source>Gzipped SQL (*.sql.gz)</source>
        <translation>SQL compressé gzip (*.sql.gz)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Download link copied; it expires at %1.</source>
        <translation>Lien de téléchargement copié ; il expire à %1.</translation>
    </message>
    <message>
        <source>Replace File</source>
        <translation>Remplacer le fichier</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with the backup?</source>
        <translation>%1 existe déjà. Le remplacer par la sauvegarde ?</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Delete the %1 backup of %2 / %3 from %4?

The dump and its manifest are removed from storage. This cannot be undone.</source>
        <translation>Supprimer la sauvegarde (%1) de %2 / %3 du %4 ?

Le dump et son manifeste sont retirés du stockage. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Delete Backup</source>
        <translation>Supprimer la sauvegarde</translation>
    </message>
    <message>
        <source>Saved and verified: %1</source>
        <translation>Enregistrée et vérifiée : %1</translation>
    </message>
</context>
<context>
    <name>BackupDetailsDialog</name>
    <message>
        <source>Backup Details</source>
        <translation>Détails de la sauvegarde</translation>
    </message>
    <message>
        <source>Backup ID:</source>
        <translation>ID de sauvegarde :</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site :</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Environnement :</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Créée :</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Créée par :</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Durée :</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille :</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256 :</translation>
    </message>
    <message>
        <source>Object key:</source>
        <translation>Clé d&apos;objet :</translation>
    </message>
    <message>
        <source>Worker:</source>
        <translation>Worker :</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Erreur :</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifeste</translation>
    </message>
    <message>
        <source>The manifest is stored next to the dump as &lt;key&gt;.json once the backup has completed.</source>
        <translation>Le manifeste est enregistré à côté du dump sous &lt;key&gt;.json une fois la sauvegarde terminée.</translation>
    </message>
    <message>
        <source>%1, pinned</source>
        <translation>%1, épinglée</translation>
    </message>
    <message>
        <source>running since %1</source>
        <translation>en cours depuis %1</translation>
    </message>
    <message>
        <source>%1 compressed (%2 bytes), %3 of SQL</source>
        <translation>%1 compressé (%2 octets), %3 de SQL</translation>
    </message>
    <message>
        <source>Backup Details — %1</source>
        <translation>Détails de la sauvegarde — %1</translation>
    </message>
    <message>
        <source>MySQL server:</source>
        <translation>Serveur MySQL :</translation>
    </message>
    <message>
        <source>Dump options:</source>
        <translation>Options du dump :</translation>
    </message>
    <message>
        <source>Tables:</source>
        <translation>Tables :</translation>
    </message>
    <message>
        <source>Tables in the backup</source>
        <translation>Tables de la sauvegarde</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>The manifest is stored next to the dump once the backup has completed.</source>
        <translation>Le manifeste est enregistré à côté du dump une fois la sauvegarde terminée.</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>Manifest JSON</source>
        <translation>Manifeste (JSON)</translation>
    </message>
    <message>
        <source>Loading the manifest from storage…</source>
        <translation>Chargement du manifeste depuis le stockage…</translation>
    </message>
    <message>
        <source>The manifest could not be loaded: %1</source>
        <translation>Impossible de charger le manifeste : %1</translation>
    </message>
    <message>
        <source>it is not a manifest this version understands (%1).</source>
        <translation>ce n’est pas un manifeste que cette version comprend (%1).</translation>
    </message>
</context>
<context>
    <name>BackupService</name>
    <message>
        <source>Removing site %1</source>
        <translation>Suppression du site %1</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>%1 (pinned)</source>
        <translation>%1 (épinglée)</translation>
    </message>
    <message>
        <source>%1 compressed, %2 of SQL</source>
        <translation>%1 compressé, %2 de SQL</translation>
    </message>
    <message>
        <source>The size is known once the backup has completed.</source>
        <translation>La taille est connue une fois la sauvegarde terminée.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créée par</translation>
    </message>
    <message>
        <source>Its deletion has not finished, so its file may be gone. If no deletion is running, delete it again to finish.</source>
        <translation>Sa suppression n’est pas terminée : son fichier a peut-être déjà disparu. Si aucune suppression n’est en cours, supprimez-la de nouveau pour la terminer.</translation>
    </message>
</context>
<context>
    <name>BackupTableView</name>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Télécharger…</translation>
    </message>
    <message>
        <source>Copy Download Link</source>
        <translation>Copier le lien de téléchargement</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
    <message>
        <source>Copy Backup ID</source>
        <translation>Copier l&apos;ID de sauvegarde</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Cancel Backup</source>
        <translation>Annuler la sauvegarde</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>&amp;Add a Site…</source>
        <translation>&amp;Ajouter un site…</translation>
    </message>
    <message>
        <source>Connect &amp;R2…</source>
        <translation>Connecter &amp;R2…</translation>
    </message>
    <message>
        <source>&amp;Got It</source>
        <translation>&amp;Compris</translation>
    </message>
    <message>
        <source>Welcome to Creodrop Backups</source>
        <translation>Bienvenue dans Creodrop Backups</translation>
    </message>
    <message>
        <source>&lt;p&gt;Everything works right away, without an account:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;the &lt;b&gt;catalog&lt;/b&gt; of sites and backups is a local SQLite file, and&lt;/li&gt;&lt;li&gt;backups are stored in a &lt;b&gt;local folder&lt;/b&gt;,&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;both under &lt;code&gt;%1&lt;/code&gt; (set &lt;code&gt;CREODROP_HOME&lt;/code&gt; to use another folder).&lt;/p&gt;&lt;p&gt;&lt;b&gt;To store backups in Cloudflare R2&lt;/b&gt;, create an R2 API token with Object Read &amp;amp; Write for your bucket, then open &lt;i&gt;Settings ▸ Storage&lt;/i&gt; and enter the account endpoint (&lt;code&gt;https://&amp;lt;account-id&amp;gt;.r2.cloudflarestorage.com&lt;/code&gt;), the bucket, the access key ID and the secret access key. The secret goes into the system keychain, never into the settings file. Use &lt;i&gt;Test Connection&lt;/i&gt; before saving.&lt;/p&gt;&lt;p&gt;&lt;b&gt;To share the catalog with your team&lt;/b&gt;, point &lt;i&gt;Settings ▸ Catalog&lt;/i&gt; at a MySQL or MariaDB database.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Tout fonctionne immédiatement, sans compte :&lt;/p&gt;&lt;ul&gt;&lt;li&gt;le &lt;b&gt;catalogue&lt;/b&gt; des sites et des sauvegardes est un fichier SQLite local, et&lt;/li&gt;&lt;li&gt;les sauvegardes sont stockées dans un &lt;b&gt;dossier local&lt;/b&gt;,&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;tous deux sous &lt;code&gt;%1&lt;/code&gt; (définissez &lt;code&gt;CREODROP_HOME&lt;/code&gt; pour utiliser un autre dossier).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Pour stocker les sauvegardes dans Cloudflare R2&lt;/b&gt;, créez un jeton d&apos;API R2 avec lecture et écriture d&apos;objets pour votre bucket, puis ouvrez &lt;i&gt;Paramètres ▸ Stockage&lt;/i&gt; et saisissez le point de terminaison du compte (&lt;code&gt;https://&amp;lt;account-id&amp;gt;.r2.cloudflarestorage.com&lt;/code&gt;), le bucket, l&apos;ID de clé d&apos;accès et la clé d&apos;accès secrète. Le secret va dans le trousseau du système, jamais dans le fichier de paramètres. Utilisez &lt;i&gt;Tester la connexion&lt;/i&gt; avant d&apos;enregistrer.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Pour partager le catalogue avec votre équipe&lt;/b&gt;, faites pointer &lt;i&gt;Paramètres ▸ Catalogue&lt;/i&gt; vers une base MySQL ou MariaDB.&lt;/p&gt;</translation>
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
        <translation>Production</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Préproduction</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Développement</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuelle</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Planifiée</translation>
    </message>
    <message>
        <source>Pre-restore</source>
        <translation>Avant restauration</translation>
    </message>
    <message>
        <source>Pre-sync</source>
        <translation>Avant synchronisation</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>In Progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
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
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Téléchargement</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Vérifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation>%1 (UTC %2)</translation>
    </message>
    <message>
        <source>1 table</source>
        <translation>1 table</translation>
    </message>
    <message>
        <source>%1 tables</source>
        <translation>%1 tables</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 ligne</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>1 view</source>
        <translation>1 vue</translation>
    </message>
    <message>
        <source>%1 views</source>
        <translation>%1 vues</translation>
    </message>
    <message>
        <source>1 routine</source>
        <translation>1 routine</translation>
    </message>
    <message>
        <source>%1 routines</source>
        <translation>%1 routines</translation>
    </message>
    <message>
        <source>1 trigger</source>
        <translation>1 déclencheur</translation>
    </message>
    <message>
        <source>%1 triggers</source>
        <translation>%1 déclencheurs</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 événement</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 événements</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Suppression en cours</translation>
    </message>
    <message>
        <source>manual</source>
        <comment>backup type inside a sentence</comment>
        <translation>manuelle</translation>
    </message>
    <message>
        <source>scheduled</source>
        <comment>backup type inside a sentence</comment>
        <translation>planifiée</translation>
    </message>
    <message>
        <source>pre-restore</source>
        <comment>backup type inside a sentence</comment>
        <translation>avant restauration</translation>
    </message>
    <message>
        <source>pre-sync</source>
        <comment>backup type inside a sentence</comment>
        <translation>avant synchronisation</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Running and recent jobs</source>
        <translation>Tâches en cours et récentes</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Job history</source>
        <translation>Historique des tâches</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>No jobs yet. Backups, downloads and verifications you start appear here.</source>
        <translation>Aucune tâche pour l&apos;instant. Les sauvegardes, téléchargements et vérifications que vous lancez apparaissent ici.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>~%1</source>
        <translation>~%1</translation>
    </message>
    <message>
        <source>any moment</source>
        <translation>d&apos;un instant à l&apos;autre</translation>
    </message>
    <message>
        <source>Job progress</source>
        <translation>Progression de la tâche</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>Annuler la tâche</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Measured from this job&apos;s progress</source>
        <translation>Mesuré à partir de la progression de cette tâche</translation>
    </message>
    <message>
        <source>Estimated from earlier backups of this environment</source>
        <translation>Estimé d&apos;après les sauvegardes précédentes de cet environnement</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Creodrop Backups</source>
        <translation>Creodrop Backups</translation>
    </message>
    <message>
        <source>Jobs (%1 running)</source>
        <translation>Tâches (%1 en cours)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Add Site…</source>
        <translation>&amp;Ajouter un site…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Edit Site…</source>
        <translation>&amp;Modifier le site…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Find Site</source>
        <translation>&amp;Rechercher un site</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>&amp;Create Backup</source>
        <translation>&amp;Créer une sauvegarde</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Télécharger…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Copy Download &amp;Link</source>
        <translation>Copier le &amp;lien de téléchargement</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>É&amp;pingler</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Backup De&amp;tails…</source>
        <translation>&amp;Détails de la sauvegarde…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Afficher %1</translation>
    </message>
    <message>
        <source>Show All Environments</source>
        <translation>Afficher tous les environnements</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>&amp;About Creodrop Backups</source>
        <translation>À &amp;propos de Creodrop Backups</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>&amp;Premiers pas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Site</source>
        <translation>&amp;Site</translation>
    </message>
    <message>
        <source>&amp;Backup</source>
        <translation>Sau&amp;vegarde</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Jobs Panel</source>
        <translation>Panneau des &amp;tâches</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Apparence</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Catalog ready</source>
        <translation>Catalogue prêt</translation>
    </message>
    <message>
        <source>%1 of %2 / %3 failed: %4</source>
        <translation>%1 de %2 / %3 a échoué : %4</translation>
    </message>
    <message>
        <source>%1 of %2 / %3</source>
        <translation>%1 de %2 / %3</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1 terminée</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 annulée</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 a échoué</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Backup of %1 / %2 requested</source>
        <translation>Sauvegarde de %1 / %2 demandée</translation>
    </message>
    <message>
        <source>Needs Attention</source>
        <translation>Attention requise</translation>
    </message>
    <message>
        <source>Failed, interrupted and overdue backups of every site</source>
        <translation>Sauvegardes échouées, interrompues et en retard de tous les sites</translation>
    </message>
    <message>
        <source>Backing up %1/%2 again…</source>
        <translation>Nouvelle sauvegarde de %1/%2…</translation>
    </message>
    <message>
        <source>Needs Attention (%1)</source>
        <translation>Attention requise (%1)</translation>
    </message>
    <message>
        <source>Stopped to apply the new settings.</source>
        <translation>Arrêté pour appliquer les nouveaux paramètres.</translation>
    </message>
    <message>
        <source>Settings applied.</source>
        <translation>Paramètres appliqués.</translation>
    </message>
    <message>
        <source>The local folder store cannot make download links. To share backups by link, choose Cloudflare R2 in Settings &gt; Storage.</source>
        <translation>Le stockage en dossier local ne peut pas créer de liens de téléchargement. Pour partager des sauvegardes par lien, choisissez Cloudflare R2 dans Paramètres &gt; Stockage.</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Restore from &amp;File…</source>
        <translation>Restaurer depuis un &amp;fichier…</translation>
    </message>
    <message>
        <source>S&amp;ync Environments…</source>
        <translation>S&amp;ynchroniser les environnements…</translation>
    </message>
    <message>
        <source>Re&amp;move Site…</source>
        <translation>Supprimer le &amp;site…</translation>
    </message>
    <message>
        <source>Re&amp;scan Storage</source>
        <translation>Re&amp;lire le stockage</translation>
    </message>
    <message>
        <source>Rescanning the storage…</source>
        <translation>Relecture du stockage…</translation>
    </message>
    <message>
        <source>Storage rescanned: %1</source>
        <translation>Stockage relu : %1</translation>
    </message>
    <message>
        <source>Rescanning the storage failed: %1</source>
        <translation>Échec de la relecture du stockage : %1</translation>
    </message>
    <message>
        <source>1 warning: %1</source>
        <translation>1 avertissement : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n warnings: %1</source>
        <translation>
            <numerusform>%n avertissement : %1</numerusform>
            <numerusform>%n avertissements : %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more in the Audit Log.</source>
        <translation>
            <numerusform>%n autre dans le journal d’audit.</numerusform>
            <numerusform>%n autres dans le journal d’audit.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying retention failed: %1</source>
        <translation>L’application de la rétention a échoué : %1</translation>
    </message>
    <message>
        <source>Apply Retention</source>
        <translation>Appliquer la rétention</translation>
    </message>
    <message>
        <source>Applying retention…</source>
        <translation>Application de la rétention…</translation>
    </message>
    <message>
        <source>Appl&amp;y Retention…</source>
        <translation>Appli&amp;quer la rétention…</translation>
    </message>
    <message>
        <source>Looking for the backups retention no longer keeps…</source>
        <translation>Recherche des sauvegardes que la rétention ne conserve plus…</translation>
    </message>
    <message>
        <source>Retention has nothing to delete: every backup is still kept.</source>
        <translation>La rétention n’a rien à supprimer : toutes les sauvegardes sont conservées.</translation>
    </message>
    <message>
        <source>Looking for the backups retention no longer keeps failed: %1</source>
        <translation>La recherche des sauvegardes que la rétention ne conserve plus a échoué : %1</translation>
    </message>
    <message>
        <source>• %1 / %2: %3 backup of %4, %5 (%6)</source>
        <translation>• %1 / %2 : sauvegarde (%3) du %4, %5 (%6)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… et %n autre.</numerusform>
            <numerusform>… et %n autres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete this backup now? Its schedule no longer keeps it, or it is a pre-restore or pre-sync backup older than 7 days.</source>
        <translation>Supprimer cette sauvegarde maintenant ? Sa planification ne la conserve plus, ou c’est une sauvegarde d’avant restauration ou synchronisation de plus de 7 jours.</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n backups now? Their schedule no longer keeps them, or they are pre-restore or pre-sync backups older than 7 days.</source>
        <translation>
            <numerusform>Supprimer cette sauvegarde maintenant ? Sa planification ne la conserve plus, ou c’est une sauvegarde d’avant restauration ou synchronisation de plus de 7 jours.</numerusform>
            <numerusform>Supprimer ces %n sauvegardes maintenant ? Leur planification ne les conserve plus, ou ce sont des sauvegardes d’avant restauration ou synchronisation de plus de 7 jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their dumps and manifests are removed from storage. This cannot be undone. Manual and pinned backups stay.</source>
        <translation>Leurs dumps et manifestes sont retirés du stockage. Cette action est irréversible. Les sauvegardes manuelles et épinglées restent.</translation>
    </message>
    <message>
        <source>Its dump and manifest are removed from storage. This cannot be undone. Manual and pinned backups stay.</source>
        <translation>Son dump et son manifeste sont retirés du stockage. Cette action est irréversible. Les sauvegardes manuelles et épinglées restent.</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Fermer le message</translation>
    </message>
</context>
<context>
    <name>PagesController</name>
    <message>
        <source>Audit &amp;Log (All Sites)</source>
        <translation>&amp;Journal d’audit (tous les sites)</translation>
    </message>
    <message>
        <source>Audit Log — All Sites</source>
        <translation>Journal d’audit — tous les sites</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Who did what to which site, environment or backup, and how it ended</source>
        <translation>Qui a fait quoi sur quel site, environnement ou sauvegarde, et avec quel résultat</translation>
    </message>
</context>
<context>
    <name>QuickActionsPanel</name>
    <message>
        <source>Quick Actions</source>
        <translation>Actions rapides</translation>
    </message>
    <message>
        <source>&amp;Create Backup</source>
        <translation>&amp;Créer une sauvegarde</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>Créer une sauvegarde</translation>
    </message>
    <message>
        <source>Back up the selected environment now (Ctrl+B)</source>
        <translation>Sauvegarder maintenant l&apos;environnement sélectionné (Ctrl+B)</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>&amp;Télécharger…</translation>
    </message>
    <message>
        <source>Download backup</source>
        <translation>Télécharger la sauvegarde</translation>
    </message>
    <message>
        <source>Download the selected backup and verify its SHA-256 (Ctrl+D)</source>
        <translation>Télécharger la sauvegarde sélectionnée et vérifier son SHA-256 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Copy Download &amp;Link</source>
        <translation>Copier le &amp;lien de téléchargement</translation>
    </message>
    <message>
        <source>Copy download link</source>
        <translation>Copier le lien de téléchargement</translation>
    </message>
    <message>
        <source>Put a fresh link, valid for 15 minutes, on the clipboard (Ctrl+Shift+C)</source>
        <translation>Placer dans le presse-papiers un nouveau lien valable 15 minutes (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Restaurer la sauvegarde</translation>
    </message>
    <message>
        <source>S&amp;ync Environments…</source>
        <translation>S&amp;ynchroniser les environnements…</translation>
    </message>
    <message>
        <source>Sync environments</source>
        <translation>Synchroniser les environnements</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Verify backup</source>
        <translation>Vérifier la sauvegarde</translation>
    </message>
    <message>
        <source>Read the stored backup back and check its SHA-256 and gzip integrity</source>
        <translation>Relire la sauvegarde stockée et vérifier son SHA-256 et l&apos;intégrité gzip</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>É&amp;pingler</translation>
    </message>
    <message>
        <source>Pin backup</source>
        <translation>Épingler la sauvegarde</translation>
    </message>
    <message>
        <source>A pinned backup is never removed by retention</source>
        <translation>Une sauvegarde épinglée n&apos;est jamais supprimée par la rétention</translation>
    </message>
    <message>
        <source>Dele&amp;te…</source>
        <translation>Supp&amp;rimer…</translation>
    </message>
    <message>
        <source>Delete backup</source>
        <translation>Supprimer la sauvegarde</translation>
    </message>
    <message>
        <source>Delete the selected backup from storage and the catalog (Del)</source>
        <translation>Supprimer la sauvegarde sélectionnée du stockage et du catalogue (Suppr)</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Back up which environment?</source>
        <translation>Sauvegarder quel environnement ?</translation>
    </message>
    <message>
        <source>&amp;Create Backup (%1)</source>
        <translation>&amp;Créer une sauvegarde (%1)</translation>
    </message>
    <message>
        <source>&amp;Create Backup…</source>
        <translation>&amp;Créer une sauvegarde…</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>Dés&amp;épingler</translation>
    </message>
    <message>
        <source>Unpin the backup before deleting it</source>
        <translation>Désépinglez la sauvegarde avant de la supprimer</translation>
    </message>
    <message>
        <source>Select a backup to download, verify or delete it.</source>
        <translation>Sélectionnez une sauvegarde pour la télécharger, la vérifier ou la supprimer.</translation>
    </message>
    <message>
        <source>Selected: %1 backup of %2, %3</source>
        <translation>Sélection : sauvegarde %1 du %2, %3</translation>
    </message>
    <message>
        <source>Downloading… %1 of %2</source>
        <translation>Téléchargement… %1 sur %2</translation>
    </message>
    <message>
        <source>Downloading… %1</source>
        <translation>Téléchargement… %1</translation>
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
        <translation>Lien de téléchargement copié dans le presse-papiers. Il expire à %1.</translation>
    </message>
    <message>
        <source>Restore from &amp;File…</source>
        <translation>Restaurer depuis un &amp;fichier…</translation>
    </message>
    <message>
        <source>Restore from an SQL file</source>
        <translation>Restaurer depuis un fichier SQL</translation>
    </message>
    <message>
        <source>Load a .sql or .sql.gz file (a customer&apos;s own dump) into an environment, after a pre-restore backup</source>
        <translation>Charger un fichier .sql ou .sql.gz (par exemple un dump du client) dans un environnement, après une sauvegarde avant restauration</translation>
    </message>
    <message>
        <source>Restore the selected backup into an environment of this site, after a pre-restore backup</source>
        <translation>Restaurer la sauvegarde sélectionnée dans un environnement de ce site, après une sauvegarde avant restauration</translation>
    </message>
    <message>
        <source>Copy one environment&apos;s database over another&apos;s, after a pre-sync backup</source>
        <translation>Copier la base d&apos;un environnement sur celle d&apos;un autre, après une sauvegarde avant synchronisation</translation>
    </message>
    <message>
        <source>Environment sync is part of the developer tier; this site is on the basic tier with production only.</source>
        <translation>La synchronisation des environnements fait partie de l&apos;offre développeur ; ce site est en offre de base, avec la production seulement.</translation>
    </message>
</context>
<context>
    <name>RemoveSiteController</name>
    <message>
        <source>The service restarted before the site was removed; check the site list and try again.</source>
        <translation>Le service a redémarré avant la suppression du site ; vérifiez la liste des sites et réessayez.</translation>
    </message>
    <message>
        <source>The backup service is not running; check Settings, then try again.</source>
        <translation>Le service de sauvegarde ne fonctionne pas ; vérifiez les paramètres, puis réessayez.</translation>
    </message>
    <message>
        <source>Site %1 was removed with its %2 backups.</source>
        <translation>Le site %1 a été supprimé avec ses %2 sauvegardes.</translation>
    </message>
    <message>
        <source>Site %1 was removed.</source>
        <translation>Le site %1 a été supprimé.</translation>
    </message>
    <message>
        <source>Site %1 was removed with its backup.</source>
        <translation>Le site %1 a été supprimé avec sa sauvegarde.</translation>
    </message>
</context>
<context>
    <name>RemoveSiteDialog</name>
    <message>
        <source>Remove Site</source>
        <translation>Supprimer le site</translation>
    </message>
    <message>
        <source>Also &amp;delete all backups</source>
        <translation>Supprimer aussi toutes les &amp;sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Type the site&apos;s slug to confirm:</source>
        <translation>&amp;Tapez l&apos;identifiant du site pour confirmer :</translation>
    </message>
    <message>
        <source>&amp;Remove Site</source>
        <translation>Supp&amp;rimer le site</translation>
    </message>
    <message>
        <source>Remove Site %1</source>
        <translation>Supprimer le site %1</translation>
    </message>
    <message>
        <source>Remove %1 (%2) for good?</source>
        <translation>Supprimer définitivement %1 (%2) ?</translation>
    </message>
    <message>
        <source>This removes the site %1, its environments (%2) and their MySQL passwords from the keychain.</source>
        <translation>Cela supprime le site %1, ses environnements (%2) et leurs mots de passe MySQL du trousseau.</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Also &amp;delete all %1 backups</source>
        <translation>Supprimer aussi les %1 &amp;sauvegardes</translation>
    </message>
    <message>
        <source>Also &amp;delete all backups of this site</source>
        <translation>Supprimer aussi toutes les &amp;sauvegardes de ce site</translation>
    </message>
    <message>
        <source>Every backup object, manifest and catalog row of this site is deleted too. This cannot be undone.</source>
        <translation>Chaque objet de sauvegarde, manifeste et ligne du catalogue de ce site est aussi supprimé. C&apos;est irréversible.</translation>
    </message>
    <message>
        <source>The site still has %1 backups, so it can only be removed together with them: check &quot;Also delete all backups&quot; to do so.</source>
        <translation>Le site a encore %1 sauvegardes et ne peut être supprimé qu&apos;avec elles : cochez « Supprimer aussi toutes les sauvegardes » pour cela.</translation>
    </message>
    <message>
        <source>The site has no backups.</source>
        <translation>Le site n&apos;a aucune sauvegarde.</translation>
    </message>
    <message>
        <source>A site that still has backups can only be removed together with them.</source>
        <translation>Un site qui a encore des sauvegardes ne peut être supprimé qu&apos;avec elles.</translation>
    </message>
    <message>
        <source>Type the site&apos;s slug %1 exactly to enable removing it.</source>
        <translation>Saisissez exactement l&apos;identifiant %1 du site pour pouvoir le supprimer.</translation>
    </message>
    <message>
        <source>Also &amp;delete its backup</source>
        <translation>Supprimer aussi sa &amp;sauvegarde</translation>
    </message>
    <message>
        <source>The site still has a backup, so it can only be removed together with it: check &quot;Also delete its backup&quot; to do so.</source>
        <translation>Le site a encore une sauvegarde : il ne peut être supprimé qu&apos;avec elle. Cochez « Supprimer aussi sa sauvegarde » pour cela.</translation>
    </message>
</context>
<context>
    <name>RestoreController</name>
    <message>
        <source>Restore from File</source>
        <translation>Restaurer depuis un fichier</translation>
    </message>
    <message>
        <source>SQL dumps (*.sql *.sql.gz);;All files (*)</source>
        <translation>Dumps SQL (*.sql *.sql.gz);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Sync into %1 started: progress in the jobs panel.</source>
        <translation>Synchronisation vers %1 lancée : progression dans le panneau des tâches.</translation>
    </message>
    <message>
        <source>Restore into %1 started: progress in the jobs panel.</source>
        <translation>Restauration vers %1 lancée : progression dans le panneau des tâches.</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>synchronisation</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>restauration</translation>
    </message>
    <message>
        <source>%1 is locked: an interrupted %2 waits for its rollback from the pre-%2 backup. Restarting the console or a worker rolls it back. (%3)</source>
        <translation>%1 est verrouillé : une %2 interrompue attend son annulation depuis la sauvegarde d&apos;avant %2. Redémarrer la console ou un worker l&apos;annule. (%3)</translation>
    </message>
    <message>
        <source>%1 is locked: a %2 by %3 is running since %4; backups and restores of it wait until it ends.</source>
        <translation>%1 est verrouillé : une %2 lancée par %3 est en cours depuis %4 ; sauvegardes et restaurations attendent qu&apos;elle se termine.</translation>
    </message>
    <message>
        <source>Sync into %1</source>
        <translation>Synchronisation vers %1</translation>
    </message>
    <message>
        <source>Restore into %1</source>
        <translation>Restauration vers %1</translation>
    </message>
    <message>
        <source>%1 finished: %2</source>
        <translation>%1 terminée : %2</translation>
    </message>
    <message>
        <source>%1 cancelled: %2</source>
        <translation>%1 annulée : %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 échouée : %2</translation>
    </message>
    <message>
        <source>The backup service is not running; check Settings &gt; Storage and Catalog.</source>
        <translation>Le service de sauvegarde ne fonctionne pas ; vérifiez Paramètres &gt; Stockage et Catalogue.</translation>
    </message>
    <message>
        <source>%1/%2, streamed straight into the target (no file, no bucket)</source>
        <translation>%1/%2, transmis directement vers la cible (sans fichier ni bucket)</translation>
    </message>
    <message>
        <source>%1 is locked: an interrupted %2 waits for its rollback (%3)</source>
        <translation>%1 est verrouillé : une %2 interrompue attend son annulation (%3)</translation>
    </message>
    <message>
        <source>%1 is locked: a %2 by %3 is running</source>
        <translation>%1 est verrouillé : une %2 lancée par %3 est en cours</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore Backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Depuis :</translation>
    </message>
    <message>
        <source>Restore &amp;into:</source>
        <translation>Restaurer &amp;dans :</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Quoi :</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Environnement :</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>Âge :</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Taille :</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>Créée par :</translation>
    </message>
    <message>
        <source>Target now</source>
        <translation>Cible actuelle</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de données :</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Contenu :</translation>
    </message>
    <message>
        <source>Collations:</source>
        <translation>Collations :</translation>
    </message>
    <message>
        <source>Definers:</source>
        <translation>Définisseurs :</translation>
    </message>
    <message>
        <source>Sync options</source>
        <translation>Options de synchronisation</translation>
    </message>
    <message>
        <source>&amp;Sanitize:</source>
        <translation>&amp;Anonymiser :</translation>
    </message>
    <message>
        <source>Skip cache and session &amp;data (copy their structure only)</source>
        <translation>Ignorer les &amp;données de cache et de session (copier seulement leur structure)</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Ce qui va se passer</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>&amp;Confirmer :</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
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
        <translation>Remplacer les données personnelles dans la copie (les e-mails deviennent user&lt;ID&gt;@example.invalid, empreintes de mots de passe et sessions sont vidées). Jamais en production.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Restore from File</source>
        <translation>Restaurer depuis un fichier</translation>
    </message>
    <message>
        <source>Sync Environments</source>
        <translation>Synchroniser les environnements</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchroniser</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Vers :</translation>
    </message>
    <message>
        <source>Replace the database of %1 with the %2 backup of %3 from %4.</source>
        <translation>Remplacer la base de %1 par la sauvegarde %2 de %3 du %4.</translation>
    </message>
    <message>
        <source>Replace the database of %1 with the SQL of %2.</source>
        <translation>Remplacer la base de %1 par le SQL de %2.</translation>
    </message>
    <message>
        <source>Replace the database of %1 with a copy of %2/%3.</source>
        <translation>Remplacer la base de %1 par une copie de %2/%3.</translation>
    </message>
    <message>
        <source>Type %1 to &amp;confirm:</source>
        <translation>Saisissez %1 pour &amp;confirmer :</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>This replaces production data: type %1 exactly to enable %2.</source>
        <translation>Ceci remplace des données de production : saisissez exactement %1 pour activer %2.</translation>
    </message>
    <message>
        <source>Choose two different environments: a sync copies one environment over another.</source>
        <translation>Choisissez deux environnements différents : une synchronisation copie un environnement sur un autre.</translation>
    </message>
    <message>
        <source>Backup %1</source>
        <translation>Sauvegarde %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 ago (%2)</source>
        <translation>il y a %1 (%2)</translation>
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
        <translation>Injoignable : %1</translation>
    </message>
    <message>
        <source>None to map</source>
        <translation>Aucune à convertir</translation>
    </message>
    <message>
        <source>Mapped: %1</source>
        <translation>Converties : %1</translation>
    </message>
    <message>
        <source>Stripped: the target user can set no other definer, so views, routines, triggers and events will belong to it</source>
        <translation>Retirés : l&apos;utilisateur cible ne peut définir aucun autre définisseur, les vues, routines, déclencheurs et événements lui appartiendront</translation>
    </message>
    <message>
        <source>Kept as in the source</source>
        <translation>Conservés comme dans la source</translation>
    </message>
    <message>
        <source>Checking the target…</source>
        <translation>Vérification de la cible…</translation>
    </message>
    <message>
        <source>The restore cannot run: see the problems above.</source>
        <translation>La restauration ne peut pas s&apos;exécuter : voir les problèmes ci-dessus.</translation>
    </message>
    <message>
        <source>Waiting for the check of the target.</source>
        <translation>En attente de la vérification de la cible.</translation>
    </message>
    <message>
        <source>Type %1 above to confirm.</source>
        <translation>Saisissez %1 ci-dessus pour confirmer.</translation>
    </message>
</context>
<context>
    <name>ScheduleEditorDialog</name>
    <message>
        <source>Edit Schedule</source>
        <translation>Modifier la planification</translation>
    </message>
    <message>
        <source>&amp;Frequency:</source>
        <translation>&amp;Fréquence :</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour :</translation>
    </message>
    <message>
        <source>&amp;Time (UTC):</source>
        <translation>&amp;Heure (UTC) :</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>&amp;Conserver les plus récentes :</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> sauvegardes</translation>
    </message>
    <message>
        <source>And those &amp;younger than:</source>
        <translation>Et celles de &amp;moins de :</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>&amp;Enabled: back this environment up automatically</source>
        <translation>&amp;Activée : sauvegarder cet environnement automatiquement</translation>
    </message>
    <message>
        <source>Retention removes only scheduled backups: manual and pinned backups always stay.</source>
        <translation>La rétention ne supprime que les sauvegardes planifiées : les sauvegardes manuelles et épinglées sont toujours conservées.</translation>
    </message>
    <message>
        <source>Schedule of %1 / %2 (%3)</source>
        <translation>Planification de %1 / %2 (%3)</translation>
    </message>
</context>
<context>
    <name>SchedulesPage</name>
    <message>
        <source>Daily at %1 UTC</source>
        <translation>Tous les jours à %1 UTC</translation>
    </message>
    <message>
        <source>Weekly on %1 at %2 UTC</source>
        <translation>Chaque semaine le %1 à %2 UTC</translation>
    </message>
    <message numerus="yes">
        <source>Keep the newest %n</source>
        <translation>
            <numerusform>Conserver la plus récente</numerusform>
            <numerusform>Conserver les %n plus récentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and those younger than %n days</source>
        <translation>
            <numerusform>%1 et celles de moins de %n jour</numerusform>
            <numerusform>%1 et celles de moins de %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit Schedule…</source>
        <translation>Modifier la planification…</translation>
    </message>
    <message>
        <source>Remove Schedule</source>
        <translation>Supprimer la planification</translation>
    </message>
    <message>
        <source>Scheduled backups run while this console or a backup worker is running. Times are UTC.</source>
        <translation>Les sauvegardes planifiées s’exécutent tant que cette console ou un worker de sauvegarde fonctionne. Heures en UTC.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Rétention</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activée</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Prochaine exécution</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Dernier résultat</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Planifications</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Non planifié</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Due now</source>
        <translation>À exécuter maintenant</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Jamais exécutée</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Add Schedule…</source>
        <translation>Ajouter une planification…</translation>
    </message>
    <message>
        <source>%1 newest + %2 days</source>
        <translation>%1 plus récentes + %2 jours</translation>
    </message>
    <message>
        <source>%1 newest</source>
        <translation>%1 plus récentes</translation>
    </message>
    <message>
        <source>%1 and those younger than 1 day</source>
        <translation>%1 et celles de moins d&apos;un jour</translation>
    </message>
    <message>
        <source>%1 newest + 1 day</source>
        <translation>%1 plus récentes + 1 jour</translation>
    </message>
</context>
<context>
    <name>SettingsApplier</name>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Apply Settings</source>
        <translation>Appliquer les paramètres</translation>
    </message>
    <message>
        <source>A job is running. The new storage and catalog settings need it stopped.

Stop it now, or apply the settings when it has finished?</source>
        <translation>Une tâche est en cours. Les nouveaux paramètres de stockage et de catalogue exigent son arrêt.

L&apos;arrêter maintenant, ou appliquer les paramètres quand elle sera terminée ?</translation>
    </message>
    <message>
        <source>%1 jobs are running. The new storage and catalog settings need them stopped.

Stop them now, or apply the settings when they have finished?</source>
        <translation>%1 tâches en cours. Les nouveaux paramètres de stockage et de catalogue exigent leur arrêt.

Les arrêter maintenant, ou appliquer les paramètres quand elles seront terminées ?</translation>
    </message>
    <message>
        <source>Apply When Finished</source>
        <translation>Appliquer une fois terminé</translation>
    </message>
    <message>
        <source>Stop Jobs and Apply</source>
        <translation>Arrêter les tâches et appliquer</translation>
    </message>
    <message>
        <source>The new settings apply when the running jobs have finished.</source>
        <translation>Les nouveaux paramètres s’appliqueront quand les tâches en cours seront terminées.</translation>
    </message>
    <message>
        <source>Applying the new settings…</source>
        <translation>Application des nouveaux paramètres…</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>The backup service is not running.</source>
        <translation>Le service de sauvegarde ne fonctionne pas.</translation>
    </message>
    <message>
        <source>Could not store the secret in the keychain: %1</source>
        <translation>Impossible d&apos;enregistrer le secret dans le trousseau : %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Storage kind</source>
        <translation>Type de stockage</translation>
    </message>
    <message>
        <source>Local folder (embedded default)</source>
        <translation>Dossier local (par défaut intégré)</translation>
    </message>
    <message>
        <source>Cloudflare R2 / S3-compatible</source>
        <translation>Cloudflare R2 / compatible S3</translation>
    </message>
    <message>
        <source>&amp;Store backups in:</source>
        <translation>&amp;Stocker les sauvegardes dans :</translation>
    </message>
    <message>
        <source>Local store folder</source>
        <translation>Dossier de stockage local</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Point de terminaison :</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Région :</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>&amp;Bucket:</source>
        <translation>&amp;Bucket :</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>ID de clé d&apos;accès</translation>
    </message>
    <message>
        <source>&amp;Access key ID:</source>
        <translation>ID de clé d&apos;&amp;accès :</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Clé d&apos;accès secrète</translation>
    </message>
    <message>
        <source>not stored yet</source>
        <translation>pas encore enregistrée</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the settings file</source>
        <translation>Conservée dans le trousseau du système, jamais dans le fichier de paramètres</translation>
    </message>
    <message>
        <source>&amp;Secret access key:</source>
        <translation>Clé d&apos;accès &amp;secrète :</translation>
    </message>
    <message>
        <source>Path-style addressing</source>
        <translation>Adressage par chemin</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>Catalog kind</source>
        <translation>Type de catalogue</translation>
    </message>
    <message>
        <source>Local file (SQLite, just me)</source>
        <translation>Fichier local (SQLite, moi seul)</translation>
    </message>
    <message>
        <source>Shared MySQL/MariaDB database (team)</source>
        <translation>Base MySQL/MariaDB partagée (équipe)</translation>
    </message>
    <message>
        <source>&amp;Catalog:</source>
        <translation>&amp;Catalogue :</translation>
    </message>
    <message>
        <source>Catalog file</source>
        <translation>Fichier du catalogue</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier :</translation>
    </message>
    <message>
        <source>Catalog URL</source>
        <translation>URL du catalogue</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL :</translation>
    </message>
    <message>
        <source>Catalog password</source>
        <translation>Mot de passe du catalogue</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Everyone who points at the same database sees the same sites, backups and audit log.</source>
        <translation>Tous ceux qui pointent vers la même base voient les mêmes sites, sauvegardes et journal d&apos;audit.</translation>
    </message>
    <message>
        <source>The catalog is a file on this computer.</source>
        <translation>Le catalogue est un fichier sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Downloads folder</source>
        <translation>Dossier de téléchargement</translation>
    </message>
    <message>
        <source>&amp;Downloads folder:</source>
        <translation>&amp;Dossier de téléchargement :</translation>
    </message>
    <message>
        <source>Backups running at once</source>
        <translation>Sauvegardes simultanées</translation>
    </message>
    <message>
        <source>Backups of different sites run in parallel up to this number; one environment never runs two at once.</source>
        <translation>Les sauvegardes de sites différents s&apos;exécutent en parallèle jusqu&apos;à ce nombre ; un environnement n&apos;en exécute jamais deux à la fois.</translation>
    </message>
    <message>
        <source>Backups running at &amp;once:</source>
        <translation>Sauvegardes &amp;simultanées :</translation>
    </message>
    <message>
        <source>stored in the keychain (type to replace)</source>
        <translation>enregistrée dans le trousseau (saisir pour remplacer)</translation>
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
        <translation>&amp;Nom dans le journal d’audit :</translation>
    </message>
    <message>
        <source>Recorded as &quot;created by&quot; and in the audit log for what you do in this console. Empty: your account name.</source>
        <translation>Enregistré comme « créé par » et dans le journal d’audit pour ce que vous faites dans cette console. Vide : votre nom de compte.</translation>
    </message>
    <message>
        <source>Name in the audit log</source>
        <translation>Nom dans le journal d’audit</translation>
    </message>
    <message>
        <source>Storage and catalog changes apply when you click OK; if backups are running you are asked first.</source>
        <translation>Les modifications du stockage et du catalogue s’appliquent dès que vous cliquez sur OK ; si des sauvegardes sont en cours, on vous le demande d’abord.</translation>
    </message>
</context>
<context>
    <name>SiteEditorDialog</name>
    <message>
        <source>Add Site</source>
        <translation>Ajouter un site</translation>
    </message>
    <message>
        <source>Site slug</source>
        <translation>Identifiant du site</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Nom du site</translation>
    </message>
    <message>
        <source>Customer slug</source>
        <translation>Identifiant du client</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Formule</translation>
    </message>
    <message>
        <source>Basic (production only)</source>
        <translation>Basic (production uniquement)</translation>
    </message>
    <message>
        <source>Developer (production, staging, development)</source>
        <translation>Developer (production, préproduction, développement)</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>&amp;Client :</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
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
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>Edit Site — %1</source>
        <translation>Modifier le site — %1</translation>
    </message>
    <message>
        <source>site slug</source>
        <translation>identifiant de site</translation>
    </message>
    <message>
        <source>customer slug</source>
        <translation>identifiant de client</translation>
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
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Preferred (encrypt when the server offers it)</source>
        <translation>Préféré (chiffrer si le serveur le propose)</translation>
    </message>
    <message>
        <source>Required (encrypt, do not check the certificate)</source>
        <translation>Obligatoire (chiffrer, sans vérifier le certificat)</translation>
    </message>
    <message>
        <source>Verify CA (certificate signed by the CA)</source>
        <translation>Vérifier l&apos;AC (certificat signé par l&apos;AC)</translation>
    </message>
    <message>
        <source>Verify identity (CA and host name)</source>
        <translation>Vérifier l&apos;identité (AC et nom d&apos;hôte)</translation>
    </message>
    <message>
        <source>TLS CA file</source>
        <translation>Fichier d&apos;AC TLS</translation>
    </message>
    <message>
        <source>The CA file %1 of %2 cannot be read: choose a readable PEM file or leave it empty.</source>
        <translation>Le fichier d&apos;AC %1 de %2 est illisible : choisissez un fichier PEM lisible ou laissez le champ vide.</translation>
    </message>
    <message>
        <source>Data&amp;bases:</source>
        <translation>&amp;Bases de données :</translation>
    </message>
    <message>
        <source>T&amp;ier:</source>
        <translation>&amp;Formule :</translation>
    </message>
</context>
<context>
    <name>SiteEnvironmentForm</name>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>Soc&amp;ket:</source>
        <translation>Soc&amp;ket :</translation>
    </message>
    <message>
        <source>optional; used instead of host and port</source>
        <translation>facultatif ; remplace l&apos;hôte et le port</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the catalog or settings</source>
        <translation>Conservé dans le trousseau du système, jamais dans le catalogue ni les paramètres</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>T&amp;LS:</source>
        <translation>T&amp;LS :</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>Fichier d&apos;&amp;AC :</translation>
    </message>
    <message>
        <source>PEM file; empty: the system&apos;s certificate authorities</source>
        <translation>Fichier PEM ; vide : les autorités de certification du système</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
</context>
<context>
    <name>SiteListModel</name>
    <message>
        <source>%1 (%2)
Customer: %3
Tier: %4</source>
        <translation>%1 (%2)
Client : %3
Formule : %4</translation>
    </message>
    <message>
        <source>Needs attention: the last scheduled backup failed or backups are overdue.</source>
        <translation>Attention requise : la dernière sauvegarde planifiée a échoué ou des sauvegardes sont en retard.</translation>
    </message>
    <message>
        <source>%1, needs attention</source>
        <translation>%1, attention requise</translation>
    </message>
</context>
<context>
    <name>SiteListWidget</name>
    <message>
        <source>Search sites, slugs, customers…</source>
        <translation>Rechercher sites, identifiants, clients…</translation>
    </message>
    <message>
        <source>Search sites</source>
        <translation>Rechercher des sites</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>No sites yet. Add one with Site ▸ Add Site…</source>
        <translation>Aucun site pour l&apos;instant. Ajoutez-en un avec Site ▸ Ajouter un site…</translation>
    </message>
    <message>
        <source>Add Site…</source>
        <translation>Ajouter un site…</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>Ajouter un site</translation>
    </message>
    <message>
        <source>Edit Site…</source>
        <translation>Modifier le site…</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Select a site on the left to see its backups.</source>
        <translation>Sélectionnez un site à gauche pour voir ses sauvegardes.</translation>
    </message>
    <message>
        <source>Loading backups…</source>
        <translation>Chargement des sauvegardes…</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Environnement :</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Show %1 backups</source>
        <translation>Afficher les sauvegardes de %1</translation>
    </message>
    <message>
        <source>Show backups of all environments</source>
        <translation>Afficher les sauvegardes de tous les environnements</translation>
    </message>
    <message>
        <source>Customer: %1 · Site: %2</source>
        <translation>Client : %1 · Site : %2</translation>
    </message>
    <message>
        <source>%1 tier</source>
        <translation>Formule %1</translation>
    </message>
    <message>
        <source>Basic tier: production only</source>
        <translation>Formule Basic : production uniquement</translation>
    </message>
    <message>
        <source>Developer tier: production, staging and development</source>
        <translation>Formule Developer : production, préproduction et développement</translation>
    </message>
    <message>
        <source>Add Your First Site…</source>
        <translation>Ajouter votre premier site…</translation>
    </message>
    <message>
        <source>Create Backup</source>
        <translation>Créer une sauvegarde</translation>
    </message>
    <message>
        <source>No sites yet. Add the first customer site to back up its databases.</source>
        <translation>Aucun site pour l’instant. Ajoutez le premier site client pour sauvegarder ses bases de données.</translation>
    </message>
    <message>
        <source>No %1 backups of %2 yet.</source>
        <translation>Aucune sauvegarde %1 de %2 pour l’instant.</translation>
    </message>
    <message>
        <source>No backups of %1 yet.</source>
        <translation>Aucune sauvegarde de %1 pour l’instant.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Schedules</source>
        <translation>Planifications</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>Journal d’audit</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Creodrop Backups admin console</source>
        <translation>Console d&apos;administration Creodrop Backups</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Trousseau</translation>
    </message>
</context>
</TS>

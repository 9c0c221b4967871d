// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// creodrop-gui-demo: the real MainWindow and BackupService over a generated demo catalog, for
// two jobs that need the whole window but are not tests:
//
//   creodrop-gui-demo screenshots OUTDIR   capture docs/screenshots (run under xvfb-run -a)
//   creodrop-gui-demo bench [--backups N] [--backup-mb M]
//       time opening a site with N backups and switching the environment filter, and the
//       longest GUI-thread stall while an M MiB backup runs (needs the CREODROP_TEST_MYSQL_*
//       variables of scripts/services; skipped without them)
//
// CREODROP_HOME is a fresh temporary folder; the catalog is SQLite, the store a local folder.
#include "TestServices.h"
#include "actions/QuickActionsPanel.h"
#include "backups/BackupDetailsDialog.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupTableView.h"
#include "catalog/Catalog.h"
#include "jobs/BackupManifest.h"
#include "jobs/JobsPanel.h"
#include "jobs/WorkerIdentity.h"
#include "mainwindow/AboutDialog.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/Theme.h"
#include "operations/BackupService.h"
#include "secrets/InMemorySecretStore.h"
#include "settings/SettingsDialog.h"
#include "sites/SiteListModel.h"
#include "sites/SiteListWidget.h"
#include "sites/SitePage.h"
#include "util/AppSettings.h"
#include "util/Clock.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <cstdio>

namespace {
QTextStream out(stdout);

struct DemoSite
{
    Site site;
    QVector<Environment> envs;
};

QString iso(const QDateTime &dt)
{
    return dt.isValid() ? dt.toUTC().toString(Qt::ISODateWithMs) : QString();
}

/// Writes backup rows straight into the catalog file in one transaction (100,000 rows through
/// Catalog::createBackup would take minutes of fsyncs; the rows are the same).
bool insertBackups(const QString &sqlitePath, const QVector<BackupRecord> &records)
{
    const QString name = QStringLiteral("demo-bulk");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(sqlitePath);
        if (!db.open())
            return false;
        db.transaction();
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT INTO backups (id, site_id, customer, env, type, status, created_at, started_at, "
                           "finished_at, created_by, size_bytes, raw_size_bytes, sha256, object_key, error_text, "
                           "worker_id, heartbeat_at, pinned) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
        ok = true;
        for (const BackupRecord &r : records) {
            const QVariantList values = { r.id,
                                          r.siteId,
                                          r.customer,
                                          Environments::toString(r.environment),
                                          Backups::typeToString(r.type),
                                          Backups::statusToString(r.status),
                                          iso(r.createdAt),
                                          iso(r.startedAt),
                                          iso(r.finishedAt),
                                          r.createdBy,
                                          r.sizeBytes,
                                          r.rawSizeBytes,
                                          r.sha256,
                                          r.objectKey,
                                          r.errorText,
                                          r.workerId,
                                          iso(r.heartbeatAt),
                                          r.pinned ? 1 : 0 };
            for (int i = 0; i < values.size(); ++i) {
                QVariant v = values.at(i);
                const bool timeColumn = i == 7 || i == 8 || i == 16;
                if (v.typeId() == QMetaType::QString && v.toString().isEmpty())
                    v = timeColumn ? QVariant() : QVariant(QStringLiteral(""));
                q.bindValue(i, v);
            }
            if (!q.exec()) {
                out << "insert failed: " << q.lastError().text() << Qt::endl;
                ok = false;
                break;
            }
        }
        ok = ok && db.commit();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

BackupRecord makeBackup(const Site &site, Environment env, BackupStatus status, const QDateTime &created, qint64 size,
                        BackupType type, const QString &by, int n)
{
    BackupRecord r;
    r.id = Backups::newId(created) + QString::number(n);
    r.siteId = site.id;
    r.customer = site.customer;
    r.environment = env;
    r.type = type;
    r.status = status;
    r.createdAt = created;
    r.createdBy = by;
    r.objectKey = Catalog::objectKey(site.customer, site.id, env, r.id);
    if (status != BackupStatus::Pending) {
        r.startedAt = created.addSecs(2);
        r.heartbeatAt = QDateTime::currentDateTimeUtc();
        r.workerId = WorkerIdentity::current();
    }
    if (Backups::isTerminal(status))
        r.finishedAt = created.addSecs(40 + (n * 7) % 200);
    if (status == BackupStatus::Completed) {
        r.sizeBytes = size;
        r.rawSizeBytes = size * 6;
        r.sha256 = QString::fromLatin1(QByteArray::number(qHash(r.id), 16).repeated(8).left(64));
    }
    if (status == BackupStatus::Failed)
        r.errorText = QStringLiteral("Lost connection to MySQL server during query (after 3 retries)");
    return r;
}

std::unique_ptr<Catalog> openCatalog(const SystemClock &clock)
{
    CatalogLocation location;
    location.sqlitePath = AppSettings::defaultCatalogPath();
    QString error;
    auto catalog = Catalog::open(location, &clock, &error);
    if (!catalog)
        out << "cannot open catalog: " << error << Qt::endl;
    return catalog;
}

Site makeSite(const char *id, const char *name, const char *customer, Tier tier)
{
    Site s;
    s.id = QString::fromLatin1(id);
    s.name = QString::fromUtf8(name);
    s.customer = QString::fromLatin1(customer);
    s.tier = tier;
    return s;
}

// Waits in a real event loop, checking every 2 ms. (QTest::qWait sleeps in 10 ms slices
// between event batches, which blurs the GUI-thread stall probe below.)
bool waitFor(const std::function<bool()> &condition, int msec)
{
    if (condition())
        return true;
    QEventLoop loop;
    QElapsedTimer t;
    t.start();
    QTimer check;
    check.setTimerType(Qt::PreciseTimer);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (condition() || t.elapsed() > msec)
            loop.quit();
    });
    check.start(2);
    loop.exec();
    return condition();
}

void spin(int msec)
{
    waitFor([] { return false; }, msec);
}

void clickSite(MainWindow &window, const QString &siteId)
{
    QListView *list = window.siteList()->view();
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(SiteListModel::IdRole).toString() == siteId) {
            list->scrollTo(index);
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
            return;
        }
    }
}

BackupServiceConfig serviceConfig()
{
    BackupServiceConfig config;
    config.catalog.sqlitePath = AppSettings::defaultCatalogPath();
    config.storageKind = StorageKind::Local;
    config.localStorePath = AppSettings::defaultLocalStorePath();
    config.actor = QStringLiteral("alice");
    config.workerId = WorkerIdentity::current();
    config.runSchedules = false;
    return config;
}

// --- screenshots -------------------------------------------------------------------------

int screenshots(const QString &outDir)
{
    SystemClock clock;
    const Site shop = makeSite("acme-shop", "Acme Shop", "acme", Tier::Developer);
    {
        auto catalog = openCatalog(clock);
        if (!catalog)
            return 1;
        const QVector<Site> sites = { shop, makeSite("bakery-blog", "Bakery Blog", "bakery", Tier::Basic),
                                      makeSite("city-tours", "City Tours", "citytours", Tier::Developer),
                                      makeSite("nordic-outdoor", "Nordic Outdoor Store", "nordic", Tier::Developer),
                                      makeSite("zen-yoga", "Zen Yoga Studio", "zenyoga", Tier::Basic) };
        for (const Site &s : sites)
            catalog->addSite(s);
        QVector<BackupRecord> rows;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        int n = 0;
        const QStringList people = { QStringLiteral("alice"), QStringLiteral("scheduler"), QStringLiteral("bob") };
        for (int day = 9; day >= 0; --day) {
            for (Environment env : { Environment::Prod, Environment::Stage, Environment::Dev }) {
                if (env != Environment::Prod && day % 3 != 0)
                    continue;
                const bool manual = (day + int(env)) % 4 == 0;
                const BackupStatus status
                    = day == 6 && env == Environment::Stage ? BackupStatus::Failed : BackupStatus::Completed;
                rows << makeBackup(shop, env, status, now.addDays(-day).addSecs(-3600 * (3 + int(env))),
                                   (180 + day * 7 + int(env) * 40) * 1024 * 1024 / (env == Environment::Prod ? 1 : 3),
                                   manual ? BackupType::Manual : BackupType::Scheduled,
                                   manual ? people.at(day % 3 == 0 ? 0 : 2) : people.at(1), ++n);
            }
        }
        rows << makeBackup(shop, Environment::Dev, BackupStatus::InProgress, now.addSecs(-95), -1, BackupType::Manual,
                           QStringLiteral("alice"), ++n);
        rows << makeBackup(sites.at(2), Environment::Prod, BackupStatus::Failed, now.addSecs(-7200), -1,
                           BackupType::Scheduled, QStringLiteral("scheduler"), ++n);
        if (!insertBackups(AppSettings::defaultCatalogPath(), rows))
            return 1;
    }

    QTemporaryDir settingsDir;
    AppSettings settings(settingsDir.filePath(QStringLiteral("settings.ini")));
    settings.setValue(AppSettings::FirstRunDone, true);
    InMemorySecretStore secrets;
    BackupService service(serviceConfig(), &secrets, &clock);
    MainWindow window(&service, &settings, &secrets);
    window.setRefreshInterval(0);
    window.resize(1280, 800);
    window.show();
    QSignalSpy shown(&window, &MainWindow::backupsShown);
    service.start();
    if (!waitFor([&] { return !shown.isEmpty(); }, 20000)) {
        out << "the window never showed backups" << Qt::endl;
        return 1;
    }
    clickSite(window, shop.id);
    waitFor(
        [&] { return window.sitePage()->site().id == shop.id && window.sitePage()->table()->model()->rowCount() > 5; },
        10000);

    // A live job: the running dev backup dumps, two earlier jobs finished.
    BackupTableModel *model = window.sitePage()->table()->backupModel();
    QString runningId;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->recordAt(row).status == BackupStatus::InProgress)
            runningId = model->recordAt(row).id;
    }
    JobProgress p;
    p.jobId = QStringLiteral("job-3");
    p.kind = JobKind::Backup;
    p.backupId = runningId;
    p.siteId = shop.id;
    p.environment = Environment::Dev;
    p.phase = QObject::tr("Dumping");
    p.table = QStringLiteral("wp_postmeta");
    p.rows = 412000;
    p.bytesDone = 61 * 1024 * 1024;
    p.bytesTotal = 140 * 1024 * 1024;
    p.bytesPerSecond = 9.6 * 1024 * 1024;
    p.etaSeconds = 8;
    p.startedAt = QDateTime::currentDateTimeUtc().addSecs(-95);
    JobOutcome done;
    done.jobId = QStringLiteral("job-1");
    done.kind = JobKind::Download;
    done.siteId = shop.id;
    done.environment = Environment::Prod;
    done.success = true;
    done.message = QStringLiteral("Saved and verified: ~/Downloads/acme-shop-prod.sql.gz (SHA-256 matches)");
    JobProgress dp;
    dp.jobId = done.jobId;
    dp.kind = JobKind::Download;
    dp.siteId = shop.id;
    dp.environment = Environment::Prod;
    window.jobsPanel()->jobStarted(dp);
    window.jobsPanel()->jobFinished(done);
    JobProgress vp = dp;
    vp.jobId = QStringLiteral("job-2");
    vp.kind = JobKind::Verify;
    vp.phase = QObject::tr("Verifying");
    vp.bytesDone = 120 * 1024 * 1024;
    vp.bytesTotal = 196 * 1024 * 1024;
    vp.bytesPerSecond = 48 * 1024 * 1024;
    vp.etaSeconds = 2;
    window.jobsPanel()->jobStarted(vp);
    window.jobsPanel()->jobStarted(p);
    model->setProgress(p);
    window.sitePage()->table()->selectBackup(model->recordAt(1).id);
    for (int row = 0; row < window.sitePage()->table()->model()->rowCount(); ++row) {
        const QModelIndex index = window.sitePage()->table()->model()->index(row, 0);
        if (index.data(BackupTableModel::RecordRole).value<BackupRecord>().status == BackupStatus::Completed) {
            window.sitePage()->table()->selectBackup(index.data(BackupTableModel::IdRole).toString());
            break;
        }
    }
    QTest::qWait(300);

    QDir().mkpath(outDir);
    auto save = [&](QWidget *w, const QString &name) {
        const bool ok = w->grab().save(QDir(outDir).filePath(name));
        out << (ok ? "saved " : "FAILED ") << QDir(outDir).filePath(name) << Qt::endl;
        return ok;
    };
    bool ok = save(&window, QStringLiteral("main-window.png"));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("jobsDock"));
    ok = save(dock, QStringLiteral("jobs-panel.png")) && ok;

    // Backup details with the manifest the service reads from the store (written here the way
    // a backup job writes it, since the demo rows were inserted directly).
    const BackupRecord selected = window.sitePage()->table()->currentRecord();
    if (selected.isValid()) {
        BackupManifest m;
        m.backupId = selected.id;
        m.siteId = selected.siteId;
        m.siteName = shop.name;
        m.customer = selected.customer;
        m.tier = shop.tier;
        m.environment = selected.environment;
        m.type = selected.type;
        m.createdBy = selected.createdBy;
        m.createdAt = selected.createdAt;
        m.startedAt = selected.startedAt;
        m.finishedAt = selected.finishedAt;
        m.objectKey = selected.objectKey;
        m.sha256 = selected.sha256;
        m.sizeBytes = selected.sizeBytes;
        m.rawSizeBytes = selected.rawSizeBytes;
        m.serverVersion = QStringLiteral("10.11.6-MariaDB-0+deb12u1");
        m.dumpOptions = QStringLiteral("snapshot=consistent-snapshot; max-statement-bytes=1048576; charset=utf8mb4; "
                                       "time_zone=+00:00; routines=2; triggers=1; events=0; views=1");
        m.toolVersion = QStringLiteral(CREODROP_VERSION);
        m.tables = { { QStringLiteral("wp_commentmeta"), 18211 }, { QStringLiteral("wp_comments"), 9602 },
                     { QStringLiteral("wp_options"), 1288 },      { QStringLiteral("wp_postmeta"), 412337 },
                     { QStringLiteral("wp_posts"), 48120 },       { QStringLiteral("wp_term_relationships"), 66410 },
                     { QStringLiteral("wp_terms"), 912 },         { QStringLiteral("wp_usermeta"), 30188 },
                     { QStringLiteral("wp_users"), 1190 },        { QStringLiteral("wc_orders"), 22764 } };
        const QString path
            = AppSettings::defaultLocalStorePath() + QLatin1Char('/') + Catalog::manifestKey(selected.objectKey);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(m.toJson());
        file.close();
        window.action(QStringLiteral("actionDetails"))->trigger();
        auto *details = window.findChild<BackupDetailsDialog *>();
        if (details && waitFor([&] { return details->tablesView()->topLevelItemCount() > 0; }, 10000)) {
            QTest::qWait(200);
            ok = save(details, QStringLiteral("backup-details.png")) && ok;
        } else {
            out << "FAILED: the details dialog never showed the manifest" << Qt::endl;
            ok = false;
        }
        if (details)
            details->close();
    }

    window.action(QStringLiteral("actionSettings"))->trigger();
    QTest::qWait(200);
    auto *dialog = window.findChild<SettingsDialog *>();
    if (dialog) {
        dialog->tabs()->setCurrentIndex(0);
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("storageKind"));
        kind->setCurrentIndex(1);
        dialog->findChild<QLineEdit *>(QStringLiteral("storageEndpoint"))
            ->setText(QStringLiteral("https://4f1c9e2b7a.r2.cloudflarestorage.com"));
        dialog->findChild<QLineEdit *>(QStringLiteral("storageBucket"))->setText(QStringLiteral("creodrop-backups"));
        dialog->findChild<QLineEdit *>(QStringLiteral("storageAccessKeyId"))
            ->setText(QStringLiteral("a2f6c0de91b34f7e8c5d"));
        dialog->secretKeyField()->setText(QStringLiteral("not-a-real-secret"));
        QTest::qWait(200);
        ok = save(dialog, QStringLiteral("settings.png")) && ok;
        dialog->reject();
    }

    // Filtering: the prod environment only, and the site list narrowed by a search.
    window.action(QStringLiteral("actionEnvProd"))->trigger();
    window.siteList()->searchField()->setText(QStringLiteral("shop"));
    QTest::qWait(300);
    ok = save(&window, QStringLiteral("filter.png")) && ok;
    window.siteList()->searchField()->clear();
    window.action(QStringLiteral("actionEnvAll"))->trigger();

    window.action(QStringLiteral("actionAbout"))->trigger();
    QTest::qWait(200);
    if (auto *about = window.findChild<AboutDialog *>()) {
        ok = save(about, QStringLiteral("about.png")) && ok;
        about->close();
    }

    // The welcome page as on a first start: no jobs yet, so no jobs panel taking its room.
    dock->hide();
    window.action(QStringLiteral("actionWelcome"))->trigger();
    QTest::qWait(300);
    ok = save(&window, QStringLiteral("first-run.png")) && ok;
    if (auto *gotIt = window.findChild<QPushButton *>(QStringLiteral("firstRunDismiss")))
        gotIt->click();
    dock->show();

    Theme::apply(Theme::Mode::Dark);
    QTest::qWait(300);
    ok = save(&window, QStringLiteral("main-window-dark.png")) && ok;
    window.close();
    return ok ? 0 : 1;
}

// --- bench ------------------------------------------------------------------------------

qint64 median(QVector<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

int bench(int backupCount, int backupMb)
{
    SystemClock clock;
    const Site big = makeSite("big-site", "Big Site", "bigcorp", Tier::Developer);
    const Site small = makeSite("small-site", "Small Site", "smallco", Tier::Developer);
    QString database;
    {
        auto catalog = openCatalog(clock);
        if (!catalog)
            return 1;
        catalog->addSite(big);
        catalog->addSite(small);
        QVector<BackupRecord> rows;
        rows.reserve(backupCount + 5);
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-400);
        for (int i = 0; i < backupCount; ++i) {
            const auto env = static_cast<Environment>(i % 3);
            rows << makeBackup(big, env, i % 50 == 7 ? BackupStatus::Failed : BackupStatus::Completed,
                               start.addSecs(qint64(i) * 300), 1000000 + (i * 7919) % 5000000,
                               i % 5 ? BackupType::Scheduled : BackupType::Manual, QStringLiteral("scheduler"), i);
        }
        for (int i = 0; i < 5; ++i)
            rows << makeBackup(small, Environment::Prod, BackupStatus::Completed, start.addDays(i), 5000,
                               BackupType::Manual, QStringLiteral("alice"), i);
        QElapsedTimer t;
        t.start();
        if (!insertBackups(AppSettings::defaultCatalogPath(), rows))
            return 1;
        out << "catalog: " << backupCount << " backups of " << big.id << " written in " << t.elapsed() << " ms"
            << Qt::endl;

        if (backupMb > 0 && TestServices::mysql().isValid()) {
            database = TestServices::createScratchDatabase(QStringLiteral("gui_bench"));
            QString error;
            {
                QSqlDatabase db = TestServices::openMySql(QStringLiteral("bench-setup"), database, &error);
                QSqlQuery q(db);
                t.restart();
                // 1 KiB rows of hex text (compresses like real text columns, not like zeros).
                q.exec(
                    QStringLiteral("CREATE TABLE big (id INT PRIMARY KEY AUTO_INCREMENT, payload TEXT) ENGINE=InnoDB"));
                const int rows1k = backupMb * 1024;
                for (int done = 0; done < rows1k; done += 100000) {
                    const int n = std::min(100000, rows1k - done);
                    if (!q.exec(QStringLiteral("INSERT INTO big (payload) SELECT CONCAT(REPEAT(MD5(seq), 16), "
                                               "REPEAT(SHA2(seq, 256), 8)) FROM seq_1_to_%1")
                                    .arg(n))) {
                        out << "cannot fill the bench database: " << q.lastError().text() << Qt::endl;
                        break;
                    }
                }
                out << "mysql: " << backupMb << " MiB of rows written in " << t.elapsed() << " ms" << Qt::endl;
            }
            QSqlDatabase::removeDatabase(QStringLiteral("bench-setup"));
            EnvironmentConfig dev;
            dev.siteId = small.id;
            dev.environment = Environment::Dev;
            dev.endpoint.host = TestServices::mysql().host;
            dev.endpoint.port = TestServices::mysql().port;
            dev.endpoint.user = TestServices::mysql().user;
            dev.endpoint.database = database;
            catalog->setEnvironment(dev);
        }
    }

    QTemporaryDir settingsDir;
    AppSettings settings(settingsDir.filePath(QStringLiteral("settings.ini")));
    settings.setValue(AppSettings::FirstRunDone, true);
    InMemorySecretStore secrets;
    secrets.insert(QStringLiteral("mysql/%1/dev").arg(small.id), TestServices::mysql().password);
    BackupService service(serviceConfig(), &secrets, &clock);
    MainWindow window(&service, &settings, &secrets);
    window.setRefreshInterval(0);
    window.resize(1280, 800);
    window.show();
    QSignalSpy shown(&window, &MainWindow::backupsShown);
    service.start();
    if (!waitFor([&] { return !shown.isEmpty(); }, 30000))
        return 1;

    // Opening the big site: click -> rows on screen. Total includes the catalog query in the
    // service's thread; "GUI thread" is the part the window itself spends (model, sort, paint).
    // The newest rows arrive first (BackupService::backupsFirstPage), then the complete list:
    // "click-to-rows" is the engineer's wait for a filled page, "click-to-all" for every row.
    QVector<qint64> totals, alls, guiParts, guiAlls;
    const int expected = backupCount;
    for (int round = 0; round < 7; ++round) {
        clickSite(window, small.id);
        waitFor([&] { return !shown.isEmpty() && shown.last().at(0).toString() == small.id; }, 30000);
        shown.clear();
        QElapsedTimer t;
        t.start();
        clickSite(window, big.id);
        if (!waitFor([&] { return !shown.isEmpty() && shown.first().at(0).toString() == big.id; }, 60000))
            return 1;
        QElapsedTimer paint;
        paint.start();
        window.sitePage()->table()->viewport()->repaint();
        const qint64 first = t.elapsed();
        const qint64 firstGui = window.lastBackupsApplyMsec() + paint.elapsed();
        const int firstRows = shown.first().at(1).toInt();
        if (!waitFor([&] { return shown.last().at(0).toString() == big.id && shown.last().at(1).toInt() == expected; },
                     60000))
            return 1;
        paint.restart();
        window.sitePage()->table()->viewport()->repaint();
        totals << first;
        alls << t.elapsed();
        guiParts << firstGui;
        guiAlls << window.lastBackupsApplyMsec() + paint.elapsed();
        out << "  round " << round << ": first " << firstRows << " rows after " << first << " ms (GUI " << firstGui
            << " ms), all " << expected << " rows after " << alls.last() << " ms (GUI " << guiAlls.last() << " ms)"
            << Qt::endl;
    }
    out << "open site page (" << window.sitePage()->table()->model()->rowCount() << " rows): click-to-rows median "
        << median(totals) << " ms (GUI thread " << median(guiParts) << " ms), click-to-all-rows median " << median(alls)
        << " ms (GUI thread " << median(guiAlls) << " ms, max " << *std::max_element(guiAlls.cbegin(), guiAlls.cend())
        << ")" << Qt::endl;

    // A periodic refresh of the open page (same 100,000 rows): merged in place on the GUI thread.
    // The rows are compared on a pool thread (BackupTableModel::merged when done); the GUI thread
    // pays for handing them over and applying the differences.
    QVector<qint64> merges;
    BackupTableModel *bigModel = window.sitePage()->table()->backupModel();
    for (int round = 0; round < 3; ++round) {
        shown.clear();
        QSignalSpy merged(bigModel, &BackupTableModel::merged);
        window.action(QStringLiteral("actionRefresh"))->trigger();
        if (!waitFor([&] { return !shown.isEmpty() && !merged.isEmpty(); }, 60000))
            return 1;
        merges << window.lastBackupsApplyMsec() + bigModel->lastMergeApplyMsec();
    }
    out << "refresh of the open page (" << expected << " rows merged): GUI thread median " << median(merges)
        << " ms, max " << *std::max_element(merges.cbegin(), merges.cend()) << " ms" << Qt::endl;

    // Switching the environment filter: click -> filtered, sorted and painted.
    QVector<qint64> switches;
    SitePage *page = window.sitePage();
    const std::optional<Environment> order[]
        = { Environment::Dev, Environment::Prod, Environment::Stage, std::nullopt };
    for (int round = 0; round < 3; ++round) {
        for (const auto &env : order) {
            QElapsedTimer t;
            t.start();
            QTest::mouseClick(page->environmentButton(env), Qt::LeftButton);
            page->table()->viewport()->repaint();
            switches << t.elapsed();
        }
    }
    out << "switch environment filter: median " << median(switches) << " ms, max "
        << *std::max_element(switches.cbegin(), switches.cend()) << " ms (" << switches.size() << " switches)"
        << Qt::endl;

    if (database.isEmpty()) {
        out << "stall probe: skipped (no CREODROP_TEST_MYSQL_*; run through bench/gui.sh)" << Qt::endl;
        return 0;
    }
    // The stall probe: a 5 ms timer on the GUI thread; the longest gap beyond 5 ms while the
    // backup runs is the longest the window could not react. A baseline over the same time with
    // nothing running shows what the (shared) machine's scheduler alone costs.
    clickSite(window, small.id);
    waitFor([&] { return page->site().id == small.id; }, 10000);
    QSignalSpy finished(&service, &BackupService::jobFinished);
    QElapsedTimer probeClock;
    qint64 last = 0, ticks = 0;
    QVector<qint64> gaps;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = probeClock.elapsed();
        gaps << std::max<qint64>(0, now - last - 5);
        last = now;
        ++ticks;
    });
    auto report = [&](const char *what) {
        std::sort(gaps.begin(), gaps.end());
        const qint64 p99 = gaps.isEmpty() ? -1 : gaps.at(std::min<int>(gaps.size() - 1, gaps.size() * 99 / 100));
        out << what << ": longest GUI-thread stall " << (gaps.isEmpty() ? -1 : gaps.last()) << " ms, 99th percentile "
            << p99 << " ms, over " << ticks << " ticks" << Qt::endl;
        gaps.clear();
        ticks = 0;
    };
    probeClock.start();
    last = 0;
    probe.start();
    spin(5000);
    probe.stop();
    report("idle baseline (5 s)");

    QElapsedTimer backupTime;
    backupTime.start();
    probeClock.restart();
    last = 0;
    probe.start();
    page->setEnvironment(Environment::Dev);
    QSignalSpy progressUpdates(&service, &BackupService::jobProgress);
    QSignalSpy rowUpdates(page->table()->backupModel(), &QAbstractItemModel::dataChanged);
    QTest::mouseClick(page->actions()->createButton(), Qt::LeftButton);
    waitFor([&] { return !finished.isEmpty(); }, 30 * 60 * 1000);
    probe.stop();
    const JobOutcome outcome = finished.isEmpty() ? JobOutcome() : finished.first().at(0).value<JobOutcome>();
    qint64 size = -1;
    for (int row = 0; row < page->table()->backupModel()->rowCount(); ++row) {
        const BackupRecord &r = page->table()->backupModel()->recordAt(row);
        if (r.environment == Environment::Dev)
            size = r.rawSizeBytes;
    }
    out << "backup of " << backupMb << " MiB of rows (" << size / (1024 * 1024)
        << " MiB SQL): " << (outcome.success ? "completed" : "FAILED: ")
        << (outcome.success ? QString() : outcome.message) << " in " << backupTime.elapsed() << " ms" << Qt::endl;
    report("during the backup");
    const double seconds = std::max<qint64>(1, backupTime.elapsed()) / 1000.0;
    out << "GUI-thread work during the backup: " << progressUpdates.size() << " progress updates ("
        << QString::number(progressUpdates.size() / seconds, 'f', 1) << "/s), " << rowUpdates.size()
        << " table row updates" << Qt::endl;
    TestServices::dropDatabase(database);
    return outcome.success ? 0 : 1;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("creodrop-backups"));
    QApplication::setApplicationVersion(QStringLiteral(CREODROP_VERSION));
    Theme::captureSystemDefaults();
    QTemporaryDir home;
    qputenv("CREODROP_HOME", home.path().toUtf8());
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args.at(1) == QLatin1String("screenshots"))
        return screenshots(args.at(2));
    if (args.size() >= 2 && args.at(1) == QLatin1String("bench")) {
        int backups = 100000;
        int mb = 1024;
        for (int i = 2; i + 1 < args.size(); ++i) {
            if (args.at(i) == QLatin1String("--backups"))
                backups = args.at(i + 1).toInt();
            else if (args.at(i) == QLatin1String("--backup-mb"))
                mb = args.at(i + 1).toInt();
        }
        return bench(backups, mb);
    }
    out << "usage: creodrop-gui-demo screenshots OUTDIR | bench [--backups N] [--backup-mb M]" << Qt::endl;
    return 2;
}

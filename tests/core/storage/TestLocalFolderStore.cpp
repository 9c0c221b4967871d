// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreTestSupport.h"
#include "storage/LocalFolderStore.h"

#include <QDir>

using namespace StoreTest;

class TestLocalFolderStore : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_store = std::make_unique<LocalFolderStore>(m_dir.path()); }
    void roundTrip_data() { roundTripData(); }
    void roundTrip();
    void writerFinishedBeforeStart()
    {
        StoreTest::writerFinishedBeforeStart(m_store.get(), QStringLiteral("early.bin"));
    }
    void producerFailureLeavesNothing();
    void listRemoveAndIncompleteUploads();
    void keysCannotLeaveTheFolder();
    void cannotPresign();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalFolderStore> m_store;
};

void TestLocalFolderStore::roundTrip()
{
    QFETCH(QString, name);
    QFETCH(qint64, size);
    StoreTest::roundTrip(m_store.get(), QStringLiteral("rt/") + name, randomBytes(size),
                         { { QStringLiteral("sha256"), QStringLiteral("abc") } });
}

void TestLocalFolderStore::producerFailureLeavesNothing()
{
    StoreTest::producerFailureLeavesNothing(m_store.get(), QStringLiteral("fail/x.bin"));
    QDir dir(m_dir.filePath(QStringLiteral("fail")));
    QCOMPARE(dir.entryList(QDir::Files | QDir::Hidden).size(), 0);
}

void TestLocalFolderStore::listRemoveAndIncompleteUploads()
{
    for (const QString &key : { QStringLiteral("l/a"), QStringLiteral("l/b/c"), QStringLiteral("m/d") }) {
        std::unique_ptr<StoreJob> put(m_store->putData(key, "x"));
        QVERIFY(run(put.get()) && put->succeeded());
    }
    // A crash mid-upload leaves a temporary file: an incomplete upload.
    QFile partial(m_dir.filePath(QStringLiteral("l/.e.0123456789abcdef.partial")));
    QVERIFY(partial.open(QIODevice::WriteOnly));
    partial.close();

    std::unique_ptr<StoreJob> list(m_store->list(QStringLiteral("l/")));
    QVERIFY(run(list.get()) && list->succeeded());
    QStringList keys;
    for (const ObjectInfo &o : list->result().objects)
        keys << o.key;
    QCOMPARE(keys, QStringList({ QStringLiteral("l/a"), QStringLiteral("l/b/c") }));

    std::unique_ptr<StoreJob> incomplete(m_store->listIncompleteUploads(QStringLiteral("l/")));
    QVERIFY(run(incomplete.get()) && incomplete->succeeded());
    QCOMPARE(incomplete->result().uploads.size(), 1);
    QCOMPARE(incomplete->result().uploads.first().key, QStringLiteral("l/e"));
    std::unique_ptr<StoreJob> abortJob(
        m_store->abortIncompleteUpload(QStringLiteral("l/e"), QStringLiteral("0123456789abcdef")));
    QVERIFY(run(abortJob.get()) && abortJob->succeeded());
    QVERIFY(!partial.exists());

    std::unique_ptr<StoreJob> rm(m_store->remove(QStringLiteral("l/a")));
    QVERIFY(run(rm.get()) && rm->succeeded());
    std::unique_ptr<StoreJob> rmAgain(m_store->remove(QStringLiteral("l/a")));
    QVERIFY(run(rmAgain.get()) && rmAgain->succeeded());
    std::unique_ptr<StoreJob> head(m_store->head(QStringLiteral("l/a")));
    QVERIFY(run(head.get()));
    QVERIFY(head->notFound());
}

void TestLocalFolderStore::keysCannotLeaveTheFolder()
{
    std::unique_ptr<StoreJob> put(m_store->putData(QStringLiteral("../escape"), "x"));
    QVERIFY(run(put.get()));
    QVERIFY(!put->succeeded());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("../escape"))));
}

void TestLocalFolderStore::cannotPresign()
{
    QVERIFY(!m_store->canPresign());
    QString error;
    QVERIFY(m_store->presignedGetUrl(QStringLiteral("a"), 900, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestLocalFolderStore)
#include "TestLocalFolderStore.moc"

// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreJob.h"

#include <functional>

/// A LocalFolderStore operation: runs its work function once, from the event loop after start()
/// (so finished() never fires inside start()). The work fills the result and returns an empty
/// string on success or the error text.
class LocalFolderJob : public StoreJob
{
    Q_OBJECT

public:
    using Work = std::function<QString(StoreResult &result, Job::Error &error)>;
    explicit LocalFolderJob(Work work, QObject *parent = nullptr);

protected:
    void doStart() override;

private:
    void run();

    Work m_work;
};

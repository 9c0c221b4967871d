// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BackupRecord.h"

#include <optional>

/// Which backups a view shows: the environment selector ("All" = no environment) and an
/// optional status. A value type so the GUI proxy, the CLI's --env/--status and catalog queries
/// share one definition of "matches" (cf. qBittorrent's TorrentFilter).
class EnvironmentFilter
{
public:
    EnvironmentFilter() = default;
    explicit EnvironmentFilter(std::optional<Environment> environment,
                               std::optional<BackupStatus> status = std::nullopt)
        : m_environment(environment)
        , m_status(status)
    { }

    static EnvironmentFilter all() { return EnvironmentFilter(); }

    std::optional<Environment> environment() const { return m_environment; }
    std::optional<BackupStatus> status() const { return m_status; }
    void setEnvironment(std::optional<Environment> environment) { m_environment = environment; }
    void setStatus(std::optional<BackupStatus> status) { m_status = status; }

    bool accepts(const BackupRecord &record) const
    {
        if (m_environment && record.environment != *m_environment)
            return false;
        if (m_status && record.status != *m_status)
            return false;
        return true;
    }

    bool operator==(const EnvironmentFilter &other) const
    {
        return m_environment == other.m_environment && m_status == other.m_status;
    }
    bool operator!=(const EnvironmentFilter &other) const { return !(*this == other); }

private:
    std::optional<Environment> m_environment;
    std::optional<BackupStatus> m_status;
};

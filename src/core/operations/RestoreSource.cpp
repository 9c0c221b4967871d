// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestoreSource.h"

RestoreSource::RestoreSource(QObject *parent)
    : QObject(parent)
{ }

RestoreSource::~RestoreSource() = default;

// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <cstring>

/// The first byte in [p, end) equal to @p a or @p b, or @p end. Eight bytes at a time: the
/// statement reader and the row decoder spend most of their time looking for the end of long
/// quoted strings (a quote or a backslash).
inline const char *findEitherByte(const char *p, const char *end, char a, char b)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    const std::uint64_t maskA = kOnes * static_cast<unsigned char>(a);
    const std::uint64_t maskB = kOnes * static_cast<unsigned char>(b);
    while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        const std::uint64_t xa = word ^ maskA;
        const std::uint64_t xb = word ^ maskB;
        // A zero byte in xa or xb sets its high bit here (exact for the first hit, which is all
        // that is needed; the scan below finds it).
        const std::uint64_t hits = ((xa - kOnes) & ~xa & kHighs) | ((xb - kOnes) & ~xb & kHighs);
        if (hits)
            break;
        p += 8;
    }
    while (p < end && *p != a && *p != b)
        ++p;
    return p;
}

// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The first byte in [p, end) equal to @p a or @p b, or @p end. The statement reader and the row
/// decoder spend most of their time looking for the end of long quoted strings (a quote or a
/// backslash), so this looks at 32 bytes at a time with SSE2 (part of every x86-64 CPU), else 8
/// at a time in a 64-bit word.
inline const char *findEitherByte(const char *p, const char *end, char a, char b)
{
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    const auto hits = [&](const char *at) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
        return unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb))));
    };
    while (end - p >= 32) {
        const unsigned low = hits(p);
        const unsigned high = hits(p + 16);
        if (low | high) {
            const unsigned mask = low | high << 16;
            return p + __builtin_ctz(mask);
        }
        p += 32;
    }
    while (end - p >= 16) {
        if (const unsigned mask = hits(p))
            return p + __builtin_ctz(mask);
        p += 16;
    }
#else
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
        const std::uint64_t found = ((xa - kOnes) & ~xa & kHighs) | ((xb - kOnes) & ~xb & kHighs);
        if (found)
            break;
        p += 8;
    }
#endif
    while (p < end && *p != a && *p != b)
        ++p;
    return p;
}

// UTF-8 decoding and grapheme-cluster stepping for the layout engine (internal).
//
// Line breaks may only fall between clusters: never inside a UTF-8 sequence and
// never between a base letter and its combining marks (NFD "hoà" = o + U+0300 + ...).
// The model's text is valid NFC, but these helpers stay safe on anything: an
// invalid byte decodes as U+FFFD and advances one byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace reader::layout::scan {

#if defined(__GNUC__) || defined(__clang__)
#define READER_LAYOUT_INLINE inline __attribute__((always_inline))
#else
#define READER_LAYOUT_INLINE inline
#endif

// Decodes the code point at s[i]; sets `len` to its byte length (>= 1).
READER_LAYOUT_INLINE char32_t decode(std::string_view s, size_t i, uint32_t& len) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) { len = 1; return b0; }
    const size_t n = s.size() - i;
    auto cont = [&](size_t k) { return k < n && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
    auto byte = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
    if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
        len = 2;
        return (static_cast<char32_t>(b0 & 0x1F) << 6) | byte(1);
    }
    if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
        const char32_t c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (byte(1) << 6) | byte(2);
        if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) { len = 3; return c; }
    } else if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
        const char32_t c = (static_cast<char32_t>(b0 & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3);
        if (c >= 0x10000 && c <= 0x10FFFF) { len = 4; return c; }
    }
    len = 1;
    return 0xFFFD;
}

// Code points that belong to the cluster of the code point before them: combining
// marks (the blocks Latin/Vietnamese text uses), variation selectors, ZWJ, emoji
// skin-tone modifiers. Spacing marks of Indic scripts etc. are out of scope.
inline bool extends_cluster(char32_t c) {
    if (c < 0x300) return false;
    return (c <= 0x36F) ||                       // combining diacritical marks (Vietnamese NFD)
           (c >= 0x483 && c <= 0x489) ||
           (c >= 0x591 && c <= 0x5BD) ||
           (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) ||
           c == 0x200C || c == 0x200D ||         // ZWNJ, ZWJ
           (c >= 0x20D0 && c <= 0x20FF) ||
           (c >= 0xFE00 && c <= 0xFE0F) ||       // variation selectors
           (c >= 0xFE20 && c <= 0xFE2F) ||
           (c >= 0x1F3FB && c <= 0x1F3FF) ||     // skin tones
           (c >= 0xE0020 && c <= 0xE007F) ||     // tag characters (flag sequences)
           (c >= 0xE0100 && c <= 0xE01EF);
}

// Byte length of the cluster starting at s[i] (>= 1). `first` receives its first
// code point. A ZWJ also pulls in the code point after it (emoji sequences).
inline size_t cluster_length(std::string_view s, size_t i, char32_t& first) {
    uint32_t len = 0;
    first = decode(s, i, len);
    size_t j = i + len;
    bool after_zwj = false;
    while (j < s.size()) {
        const auto b = static_cast<unsigned char>(s[j]);
        if (b < 0xCC && !after_zwj) break;  // fast path: nothing below U+0300 extends a cluster
        const char32_t c = decode(s, j, len);
        if (!after_zwj && !extends_cluster(c)) break;
        after_zwj = c == 0x200D;
        j += len;
    }
    return j - i;
}

// Collapsible white space: separates words, drawn as one space.
inline bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           (c >= 0x2000 && c <= 0x200A && c != 0x2007) || c == 0x205F || c == 0x3000 || c == 0x1680;
}

// Invisible break opportunities: zero width space, soft hyphen (drawn as nothing).
inline bool is_invisible_break(char32_t c) { return c == 0x200B || c == 0x00AD; }

inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Letters well enough for "may a line break after this hyphen?" (no full tables needed).
inline bool is_letter(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c < 0xC0) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
    return c != 0xD7 && c != 0xF7;
}

}  // namespace reader::layout::scan

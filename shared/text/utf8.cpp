// UTF-8 validation, decoding and encoding (see utf8.h).
#include "text/utf8.h"

#include <cstdint>
#include <cstring>

namespace reader::text {

namespace {

// Length of a valid sequence starting at s[i] (1..4), or 0 when malformed.
inline size_t valid_sequence_length(const unsigned char* p, size_t avail) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;  // continuation byte, or overlong 2-byte lead (C0, C1)
    if (c < 0xE0) {
        return (avail >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
    }
    if (c < 0xF0) {
        if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
        if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogates
        return 3;
    }
    if (c < 0xF5) {
        if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
        if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

}  // namespace

bool validate_utf8(std::string_view s, size_t* error_offset) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size(), i = 0;
    while (i < n) {
        // Skip ASCII eight bytes at a time: most text here is mostly ASCII.
        while (i + 8 <= n) {
            uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        if (p[i] < 0x80) { ++i; continue; }
        size_t len = valid_sequence_length(p + i, n - i);
        if (len == 0) {
            if (error_offset) *error_offset = i;
            return false;
        }
        i += len;
    }
    return true;
}

char32_t next_codepoint(std::string_view s, size_t& i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
    unsigned char c = p[0];
    if (c < 0x80) { ++i; return c; }
    size_t len = valid_sequence_length(p, s.size() - i);
    switch (len) {
    case 2: i += 2; return char32_t(c & 0x1F) << 6 | (p[1] & 0x3F);
    case 3: i += 3; return char32_t(c & 0x0F) << 12 | char32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    case 4:
        i += 4;
        return char32_t(c & 0x07) << 18 | char32_t(p[1] & 0x3F) << 12 | char32_t(p[2] & 0x3F) << 6 |
               (p[3] & 0x3F);
    default: ++i; return kReplacementChar;
    }
}

size_t encode_utf8(char32_t cp, char* out) {
    if (cp < 0x80) {
        out[0] = char(cp);
        return 1;
    }
    if (cp < 0x800) {
        out[0] = char(0xC0 | (cp >> 6));
        out[1] = char(0x80 | (cp & 0x3F));
        return 2;
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
    if (cp < 0x10000) {
        out[0] = char(0xE0 | (cp >> 12));
        out[1] = char(0x80 | ((cp >> 6) & 0x3F));
        out[2] = char(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (cp >> 18));
    out[1] = char(0x80 | ((cp >> 12) & 0x3F));
    out[2] = char(0x80 | ((cp >> 6) & 0x3F));
    out[3] = char(0x80 | (cp & 0x3F));
    return 4;
}

void append_utf8(std::string& out, char32_t cp) {
    char b[4];
    out.append(b, encode_utf8(cp, b));
}

size_t utf8_prev_boundary(std::string_view s, size_t i) {
    if (i == 0) return 0;
    if (i > s.size()) i = s.size();
    size_t j = i - 1;
    // Walk back over at most three continuation bytes to a lead byte.
    size_t limit = i >= 4 ? i - 4 : 0;
    while (j > limit && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
    // Accept the lead only if its sequence really ends at i; otherwise step one byte.
    size_t k = j;
    next_codepoint(s, k);
    return k == i ? j : i - 1;
}

}  // namespace reader::text

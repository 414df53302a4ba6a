// See model_writer.h.
#include "model/model_writer.h"

#include <array>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "text/normalize.h"

namespace reader {
namespace {

// True when every code point of `s` is one that is NFC whatever surrounds it
// (canonical combining class 0, NFC_Quick_Check = Yes): U+0000-02FF (ASCII and
// the Latin letters with precomposed accents), U+1E00-1EFF (Vietnamese "ạ ấ ệ ở
// ự ..."), U+2002-206F (punctuation: dashes, quotes, "…"), U+20A0-20BF (currency
// signs, "₫"). Checked from the bytes without decoding: nearly all news text passes
// here and skips the table lookups of the full check. The ranges were derived from
// the Unicode data (no character in them has a combining class, a decomposition
// that changes it under NFC, or appears second in a canonical decomposition).
// Per first byte: the length of a character that is safe whatever follows it
// (ASCII, U+0080-02FF), 0 for the rest, which are looked at more closely.
constexpr std::array<uint8_t, 256> make_safe_steps() {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 0x80; ++c) t[c] = 1;
    for (int c = 0xC2; c <= 0xCB; ++c) t[c] = 2;
    return t;
}
constexpr auto kSafeStep = make_safe_steps();

bool surely_nfc(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        const unsigned step = kSafeStep[p[i]];
        if (step) {
            i += step;
            continue;
        }
        const unsigned c = p[i];
        if (n - i < 3) return false;
        if (c == 0xE1 && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB) {
            i += 3;  // U+1E00-1EFF
        } else if (c == 0xE2 && ((p[i + 1] == 0x80 && p[i + 2] >= 0x82) || (p[i + 1] == 0x81 && p[i + 2] <= 0xAF) ||
                                 (p[i + 1] == 0x82 && p[i + 2] >= 0xA0))) {
            i += 3;  // U+2002-206F, U+20A0-20BF
        } else {
            return false;
        }
    }
    return i == n;  // a truncated sequence at the end is not "surely" anything
}

}  // namespace

Str ModelWriter::add_text(std::string_view utf8) {
    if (utf8.empty()) return {};
    std::string& arena = b_.text;
    const size_t off = arena.size();
    if (surely_nfc(utf8)) {
        arena.append(utf8);
    } else {
        text::append_nfc(arena, utf8);
    }
    const size_t len = arena.size() - off;
    // Offsets are 32-bit to keep the model compact; the loader's size limit keeps
    // bundles far below 4 GiB, so this only guards against a bug in that limit.
    if (arena.size() > std::numeric_limits<uint32_t>::max()) {
        throw std::length_error("bundle text exceeds 4 GiB");
    }
    return Str{static_cast<uint32_t>(off), static_cast<uint32_t>(len)};
}

Str ModelWriter::add_nfc_text(std::string_view utf8_nfc) {
    if (utf8_nfc.empty()) return {};
    std::string& arena = b_.text;
    const size_t off = arena.size();
    arena.append(utf8_nfc);
    if (arena.size() > std::numeric_limits<uint32_t>::max()) {
        throw std::length_error("bundle text exceeds 4 GiB");
    }
    return Str{static_cast<uint32_t>(off), static_cast<uint32_t>(utf8_nfc.size())};
}

}  // namespace reader

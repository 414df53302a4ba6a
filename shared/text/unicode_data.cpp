// Lookups into the generated Unicode tables (see unicode_data.h, tools/gen_unicode.py).
#include "text/unicode_data.h"

#include <algorithm>
#include <iterator>

namespace reader::text {

namespace {
#include "unicode.inc"

// Hangul syllable arithmetic (Unicode chapter 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr int kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
              kSCount = kLCount * kNCount;

inline char32_t entry_cp(uint64_t e) { return char32_t(e >> 43); }
inline char32_t entry_first(uint64_t e) { return char32_t((e >> 22) & 0x1FFFFF); }
inline char32_t entry_second(uint64_t e) { return char32_t((e >> 1) & 0x1FFFFF); }

const uint64_t* find_decomposition(char32_t cp) {
    if (cp < 0xC0) return nullptr;  // nothing below U+00C0 decomposes
    auto it = std::lower_bound(std::begin(kDecomposition), std::end(kDecomposition),
                               uint64_t(cp) << 43);
    if (it == std::end(kDecomposition) || entry_cp(*it) != cp) return nullptr;
    return &*it;
}
}  // namespace

namespace detail {
const uint8_t* const kBoundaryStage1Ptr = kBoundaryStage1;
const uint8_t (*const kBoundaryStage2Ptr)[32] = kBoundaryStage2;
bool is_supplementary_non_boundary(char32_t cp) {
    for (const auto& r : kBoundarySupplementary) {
        if (cp < r[0]) return false;
        if (cp <= r[1]) return true;
    }
    return false;
}
}  // namespace detail

const char* unicode_version() { return kUnicodeVersion; }

uint8_t combining_class(char32_t cp) {
    if (cp < 0x300) return 0;
    auto it = std::lower_bound(std::begin(kCombiningClass), std::end(kCombiningClass),
                               uint32_t(cp) << 8);
    if (it == std::end(kCombiningClass) || (*it >> 8) != cp) return 0;
    return uint8_t(*it & 0xFF);
}

int decompose_once(char32_t cp, char32_t out[2]) {
    const uint64_t* e = find_decomposition(cp);
    if (!e) return 0;
    out[0] = entry_first(*e);
    out[1] = entry_second(*e);
    return out[1] ? 2 : 1;
}

int decompose_full(char32_t cp, char32_t out[4]) {
    if (cp >= kSBase && cp < kSBase + kSCount) {
        int s = int(cp - kSBase);
        out[0] = kLBase + s / kNCount;
        out[1] = kVBase + (s % kNCount) / kTCount;
        int t = s % kTCount;
        if (t) { out[2] = kTBase + t; return 3; }
        return 2;
    }
    char32_t one[2];
    int n = decompose_once(cp, one);
    if (n == 0) { out[0] = cp; return 1; }
    // Only the first element can decompose further (the second is a mark or a
    // singleton target that does not); recurse on it.
    int k = decompose_full(one[0], out);
    if (n == 2) {
        char32_t rest[4];
        int m = decompose_full(one[1], rest);
        for (int i = 0; i < m && k < 4; ++i) out[k++] = rest[i];
    }
    return k;
}

char32_t compose_pair(char32_t first, char32_t second) {
    if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
        return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
    if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 &&
        second > kTBase && second < kTBase + kTCount)
        return first + (second - kTBase);
    auto less = [](uint16_t idx, std::pair<char32_t, char32_t> key) {
        uint64_t e = kDecomposition[idx];
        return std::pair(entry_first(e), entry_second(e)) < key;
    };
    auto key = std::pair(first, second);
    auto it = std::lower_bound(std::begin(kCompositionIndex), std::end(kCompositionIndex), key, less);
    if (it == std::end(kCompositionIndex)) return 0;
    uint64_t e = kDecomposition[*it];
    if (entry_first(e) != first || entry_second(e) != second) return 0;
    return entry_cp(e);
}

char32_t to_lower(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    // Runs are sorted by first code point; find the last run starting at or before cp.
    auto it = std::upper_bound(std::begin(kLowercase), std::end(kLowercase), uint32_t(cp),
                               [](uint32_t v, const uint32_t (&r)[3]) { return v < r[0]; });
    if (it == std::begin(kLowercase)) return cp;
    const uint32_t* r = *(it - 1);
    uint32_t last = r[1] & 0xFFFFFF, stride = r[1] >> 24;
    if (cp > last || (cp - r[0]) % stride != 0) return cp;
    return char32_t(int32_t(cp) + int32_t(r[2]));
}

bool is_word_char(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    }
    // Fast answers for the Latin blocks Vietnamese uses (letters throughout, but for
    // the two signs in Latin-1) and the combining diacritics of NFD text.
    if (cp >= 0xC0 && cp < 0x250) return cp != 0xD7 && cp != 0xF7;
    if ((cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x300 && cp < 0x370)) return true;
    auto it = std::upper_bound(std::begin(kWordRanges), std::end(kWordRanges), uint32_t(cp),
                               [](uint32_t v, const uint32_t (&r)[2]) { return v < r[0]; });
    if (it == std::begin(kWordRanges)) return false;
    return cp <= (*(it - 1))[1];
}

}  // namespace reader::text

// Vietnamese search keys (see vietnamese.h).
#include "text/vietnamese.h"

#include <array>

#include "text/normalize.h"
#include "text/unicode_data.h"
#include "text/utf8.h"

namespace reader::text {

namespace {

constexpr char32_t kToneMarks[6] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};

Tone tone_of_mark(char32_t m) {
    for (int t = 1; t < 6; ++t)
        if (kToneMarks[t] == m) return Tone(t);
    return Tone::None;
}

bool is_d_lookalike(char32_t cp) {
    return cp == 0x0110 || cp == 0x0111 || cp == 0x00D0 || cp == 0x0189 || cp == 0x0256;
}

char32_t fold_slow(char32_t cp, Case c) {
    if (is_d_lookalike(cp)) return (c == Case::Keep && cp != 0x0111 && cp != 0x0256) ? U'D' : U'd';
    if (combining_class(cp) != 0) return 0;
    char32_t d[4];
    decompose_full(cp, d);
    char32_t base = d[0];
    if (combining_class(base) != 0) return 0;
    return c == Case::Fold ? to_lower(base) : base;
}

TonedLetter split_tone_slow(char32_t cp) {
    char32_t d[4];
    int n = decompose_full(cp, d);
    if (n < 2) return {cp, Tone::None};
    Tone tone = Tone::None;
    std::u32string rest;
    for (int i = 0; i < n; ++i) {
        Tone t = i > 0 ? tone_of_mark(d[i]) : Tone::None;
        if (t != Tone::None && tone == Tone::None) {
            tone = t;
        } else {
            rest.push_back(d[i]);
        }
    }
    if (tone == Tone::None) return {cp, Tone::None};
    std::u32string composed = nfc_codepoints(rest);
    if (composed.size() != 1) return {cp, Tone::None};
    return {composed[0], tone};
}

// Precomputed answers for the Latin blocks Vietnamese text lives in.
struct LatinTables {
    static constexpr char32_t kLow = 0x250;                     // [0, 0x250)
    static constexpr char32_t kExtBegin = 0x1E00, kExtEnd = 0x1F00;  // Latin Extended Additional
    std::array<char16_t, kLow + (kExtEnd - kExtBegin)> fold_lower{}, fold_keep{}, untoned{};
    std::array<uint8_t, kLow + (kExtEnd - kExtBegin)> tone{};
    LatinTables() {
        for (char32_t cp = 0; cp < kExtEnd; ++cp) {
            if (cp == kLow) cp = kExtBegin;
            size_t k = index(cp);
            fold_lower[k] = char16_t(fold_slow(cp, Case::Fold));
            fold_keep[k] = char16_t(fold_slow(cp, Case::Keep));
            TonedLetter t = split_tone_slow(cp);
            untoned[k] = char16_t(t.letter);
            tone[k] = uint8_t(t.tone);
        }
    }
    static bool covers(char32_t cp) { return cp < kLow || (cp >= kExtBegin && cp < kExtEnd); }
    static size_t index(char32_t cp) { return cp < kLow ? cp : cp - kExtBegin + kLow; }
};

const LatinTables& latin() {
    static const LatinTables tables;
    return tables;
}

inline char32_t lower_fast(char32_t cp) {
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return to_lower(cp);
}

std::u32string decode_nfc(std::string_view s) {
    std::string nfc;
    std::string_view src = s;
    if (!is_nfc(s)) {
        nfc = to_nfc(s);
        src = nfc;
    }
    std::u32string cps;
    cps.reserve(src.size());
    for (size_t i = 0; i < src.size();) cps.push_back(next_codepoint(src, i));
    return cps;
}

}  // namespace

char32_t fold_codepoint(char32_t cp, Case c) {
    if (cp < 0x80) return (c == Case::Fold && cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (LatinTables::covers(cp)) {
        const LatinTables& t = latin();
        return c == Case::Fold ? t.fold_lower[LatinTables::index(cp)] : t.fold_keep[LatinTables::index(cp)];
    }
    return fold_slow(cp, c);
}

TonedLetter split_tone(char32_t cp) {
    if (cp < 0xC0) return {cp, Tone::None};
    if (LatinTables::covers(cp)) {
        const LatinTables& t = latin();
        size_t k = LatinTables::index(cp);
        return {t.untoned[k], Tone(t.tone[k])};
    }
    return split_tone_slow(cp);
}

char32_t add_tone(char32_t letter, Tone tone) {
    if (tone == Tone::None) return letter;
    if (char32_t c = compose_pair(letter, kToneMarks[int(tone)])) return c;
    // Letters with a vowel mark and dot below (ệ, ộ, ặ...) compose the other way round:
    // ệ is ẹ + circumflex, so go through full normalization.
    char32_t pair[2] = {letter, kToneMarks[int(tone)]};
    std::u32string c = nfc_codepoints(std::u32string_view(pair, 2));
    return c.size() == 1 ? c[0] : 0;
}

void canonicalize_tone_placement(std::u32string& cps) {
    for (size_t i = 0; i + 1 < cps.size(); ++i) {
        if (cps[i] < 0xC0) continue;
        TonedLetter t = split_tone(cps[i]);
        if (t.tone == Tone::None) continue;
        char32_t v = t.letter | 0x20, next = cps[i + 1] | 0x20;  // ASCII lowercase
        if (t.letter > 0x7F || cps[i + 1] > 0x7F) continue;
        bool pair = (v == 'o' && (next == 'a' || next == 'e')) || (v == 'u' && next == 'y');
        if (!pair) continue;
        char32_t moved = add_tone(cps[i + 1], t.tone);
        if (!moved) continue;
        cps[i] = t.letter;
        cps[i + 1] = moved;
    }
}

void append_fold(std::string& out, std::string_view s, Case c) {
    for (size_t i = 0; i < s.size();) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out.push_back(char((c == Case::Fold && b >= 'A' && b <= 'Z') ? b + 32 : b));
            ++i;
            continue;
        }
        char32_t f = fold_codepoint(next_codepoint(s, i), c);
        if (f) append_utf8(out, f);
    }
}

void append_exact_key(std::string& out, std::string_view s, Case c) {
    std::u32string cps = decode_nfc(s);
    if (c == Case::Fold)
        for (char32_t& cp : cps) cp = lower_fast(cp);
    canonicalize_tone_placement(cps);
    for (char32_t cp : cps) append_utf8(out, cp);
}

std::string fold(std::string_view s, Case c) {
    std::string out;
    out.reserve(s.size());
    append_fold(out, s, c);
    return out;
}

std::string exact_key(std::string_view s, Case c) {
    std::string out;
    out.reserve(s.size());
    append_exact_key(out, s, c);
    return out;
}

bool has_diacritics(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
        char32_t cp = next_codepoint(s, i);
        if (fold_codepoint(cp, Case::Keep) != cp) return true;
    }
    return false;
}

bool is_space(char32_t cp) {
    if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

MappedText map_for_matching(std::string_view s, bool match_diacritics, bool match_case) {
    MappedText m;
    m.chars.reserve(s.size());
    m.offsets.reserve(s.size() + 1);
    Case c = match_case ? Case::Keep : Case::Fold;
    std::u32string segment;
    size_t i = 0, n = s.size();
    bool last_space = false;
    while (i < n) {
        size_t start = i;
        char32_t cp = next_codepoint(s, i);
        if (is_space(cp)) {
            if (!last_space) {
                m.chars.push_back(U' ');
                m.offsets.push_back(uint32_t(start));
            }
            last_space = true;
            continue;
        }
        last_space = false;
        // Gather the combining marks that follow (NFD input).
        size_t seg_end = i;
        bool has_marks = false;
        while (seg_end < n && static_cast<unsigned char>(s[seg_end]) >= 0xCC) {
            size_t k = seg_end;
            char32_t next = next_codepoint(s, k);
            if (combining_class(next) == 0 && is_nfc_boundary(next)) break;
            has_marks = true;
            seg_end = k;
        }
        if (!match_diacritics) {
            char32_t f = fold_codepoint(cp, c);
            if (f) {
                m.chars.push_back(f);
                m.offsets.push_back(uint32_t(start));
            }
        } else if (!has_marks && is_nfc_boundary(cp)) {
            m.chars.push_back(match_case ? cp : lower_fast(cp));
            m.offsets.push_back(uint32_t(start));
        } else {
            segment.clear();
            for (size_t k = start; k < seg_end;) segment.push_back(next_codepoint(s, k));
            for (char32_t x : nfc_codepoints(segment)) {
                m.chars.push_back(match_case ? x : lower_fast(x));
                m.offsets.push_back(uint32_t(start));
            }
        }
        i = seg_end;
    }
    m.offsets.push_back(uint32_t(n));
    if (match_diacritics) canonicalize_tone_placement(m.chars);
    return m;
}

}  // namespace reader::text

// Search keys for Vietnamese text: diacritic folding, tone-placement-insensitive
// "exact" keys, and a code-point view of a text mapped back to its bytes for the
// in-article find bar.
//
// Vietnamese is typed in many ways: with or without diacritics, NFC or NFD, with the
// tone mark placed on either vowel of oa/oe/uy ("hòa"/"hoà", "thủy"/"thuỷ",
// "khỏe"/"khoẻ"), and with "d" for "đ". Two keys cover this:
//   fold       every diacritic removed (tones and vowel marks: ă â ê ô ơ ư), đ/Đ and the
//              look-alikes Ð (U+00D0), Ɖ (U+0189), ɖ (U+0256) -> d; lowercased.
//              "Đường Hòa Bình" -> "duong hoa binh".
//   exact key  NFC, lowercased, with the tone of an oa/oe/uy pair moved to the second
//              vowel (the "new" placement: hòa -> hoà, thủy -> thuỷ, khỏe -> khoẻ).
//              Two spellings of the same syllable get the same exact key.
// Both have case-preserving variants for "match case". Input may be NFC or NFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reader::text {

enum class Case : uint8_t { Fold, Keep };

// The folded form of one code point: base letter, no diacritics, đ -> d, lowercased
// unless keep_case. Returns 0 for combining marks (they are dropped).
char32_t fold_codepoint(char32_t cp, Case c = Case::Fold);

// Vietnamese tones are the marks grave, acute, hook above, tilde and dot below.
enum class Tone : uint8_t { None, Grave, Acute, Hook, Tilde, Dot };

// Splits a precomposed letter into its toneless letter (keeping vowel marks and case)
// and its tone: U+1EA9 ẩ -> {â, Hook}. Letters without a tone come back unchanged.
struct TonedLetter {
    char32_t letter;
    Tone tone;
};
TonedLetter split_tone(char32_t cp);
// The letter with the tone added (NFC composition), or 0 when no such letter exists.
char32_t add_tone(char32_t letter, Tone tone);

// Moves the tone of oa/oe/uy to the second vowel, in place, on NFC code points.
void canonicalize_tone_placement(std::u32string& cps);

// Keys (see above). Appending variants write into a reused buffer, for speed.
void append_fold(std::string& out, std::string_view s, Case c = Case::Fold);
void append_exact_key(std::string& out, std::string_view s, Case c = Case::Fold);
std::string fold(std::string_view s, Case c = Case::Fold);
std::string exact_key(std::string_view s, Case c = Case::Fold);

// True when s carries any diacritic a folded search ignores (tone, vowel mark, đ).
bool has_diacritics(std::string_view s);

// A text as a sequence of search code points, each knowing the bytes it came from,
// so that matches found on the mapped text map back to ranges of the original.
//   - NFD sequences become one code point; with diacritics off, marks disappear and
//     letters fold; with case off, letters are lowercased; with diacritics on, tone
//     placement is made canonical;
//   - every run of white space becomes one ' '.
struct MappedText {
    std::u32string chars;
    std::vector<uint32_t> offsets;  // offsets[k]: first byte of chars[k]; offsets[size()] = end
    size_t size() const { return chars.size(); }
};
MappedText map_for_matching(std::string_view s, bool match_diacritics, bool match_case);

bool is_space(char32_t cp);

}  // namespace reader::text

// Lookups into the generated Unicode tables (tools/gen_unicode.py -> unicode.inc):
// combining classes, canonical decomposition and composition, simple lowercase,
// word characters, and the NFC boundary test used by the fast paths.
//
// Used by normalize.cpp and vietnamese.cpp; exposed because the search tokenizer and
// the in-article find need the same answers.
#pragma once

#include <cstddef>
#include <cstdint>

namespace reader::text {

const char* unicode_version();

// Canonical combining class (0 for starters).
uint8_t combining_class(char32_t cp);

// One level of the canonical decomposition: returns the number of code points written
// to out (0 when cp has none, 1 for singletons, 2 otherwise). Hangul is not included
// (see decompose_full).
int decompose_once(char32_t cp, char32_t out[2]);

// The full canonical decomposition of cp, Hangul included, written to out (which must
// hold at least 4 code points; no canonical decomposition is longer). Returns the count.
int decompose_full(char32_t cp, char32_t out[4]);

// The primary composite of (first, second), Hangul included, or 0 when none.
char32_t compose_pair(char32_t first, char32_t second);

// True when text can be split before cp for NFC purposes: cp is a starter that never
// combines with what precedes it (ccc == 0 and NFC_Quick_Check == Yes).
inline bool is_nfc_boundary(char32_t cp);

// Simple (one to one) lowercase mapping.
char32_t to_lower(char32_t cp);

// Letters, marks and digits (general categories L*, M*, N*).
bool is_word_char(char32_t cp);

// ------------------------------------------------------------------ inline part
namespace detail {
extern const uint8_t* const kBoundaryStage1Ptr;
extern const uint8_t (*const kBoundaryStage2Ptr)[32];
bool is_supplementary_non_boundary(char32_t cp);
}  // namespace detail

inline bool is_nfc_boundary(char32_t cp) {
    if (cp < 0x300) return true;
    if (cp < 0x10000) {
        const uint8_t* block = detail::kBoundaryStage2Ptr[detail::kBoundaryStage1Ptr[cp >> 8]];
        return !(block[(cp & 0xFF) >> 3] & (1u << (cp & 7)));
    }
    return !detail::is_supplementary_non_boundary(cp);
}

}  // namespace reader::text

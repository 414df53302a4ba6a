// UTF-8 primitives for the core: strict validation, decoding with replacement,
// encoding, and stepping back to a code point boundary.
//
// All text in the document model is valid UTF-8 (the parser validates it with
// validate_utf8); the decoders here still never read past the end of their input and
// turn malformed bytes into U+FFFD, so they are safe on anything.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reader::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// True when `s` is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates
// (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences. On failure the
// byte offset of the first bad sequence goes to *error_offset when given.
bool validate_utf8(std::string_view s, size_t* error_offset = nullptr);

// Decodes the code point starting at byte i and advances i past it. A malformed or
// truncated sequence yields U+FFFD and advances by one byte, so a loop over the whole
// string always terminates. Requires i < s.size().
char32_t next_codepoint(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of cp; surrogates and values above U+10FFFF are written
// as U+FFFD.
void append_utf8(std::string& out, char32_t cp);
// The same encoding written to out[0..3]; returns its length (1..4). For hot loops that
// build a few bytes on the stack.
size_t encode_utf8(char32_t cp, char* out);

// The start of the code point that ends at or before byte i (i.e. the boundary before
// i). Returns 0 when i == 0. Never moves back more than 3 bytes, so on malformed
// input it returns a position inside the garbage rather than scanning far.
size_t utf8_prev_boundary(std::string_view s, size_t i);

// Number of bytes of the UTF-8 encoding of cp (1..4; 3 for invalid values, as U+FFFD).
inline size_t utf8_length(char32_t cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : (cp < 0x10000 || cp > 0x10FFFF) ? 3 : 4;
}

}  // namespace reader::text

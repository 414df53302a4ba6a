// The search tokenizer: cuts text into syllables and the alphanumeric parts of codes
// and numbers, and computes each token's variant key.
//
// A token is a maximal run of letters, digits and combining marks (so NFD syllables
// stay whole). Vietnamese words are several space-separated syllables, so each
// syllable is a token; "21-KL/TW" gives 21, KL, TW, each marked `joined` to the one
// before (one connector character between them, no space) so that a query written
// that way can require them to be adjacent.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace reader::search {

struct Token {
    uint32_t begin = 0, end = 0;  // bytes of the text
    bool joined = false;          // follows the previous token across one connector (-./:_,'&+)
    bool ascii = false;           // only ASCII bytes
    bool simple = true;           // no code point needing NFC work (no combining marks...)
    std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : text_(text) {}
    bool next(Token& token);

private:
    std::string_view text_;
    size_t pos_ = 0;
    bool first_ = true;
};

// ASCII letters and digits: the ASCII bytes that make tokens.
inline bool ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// Whether the code point that ends at byte i of text belongs to a token (a letter,
// digit or mark), i.e. no token starts at i. Fast for the letters of Vietnamese text
// (Latin-1, Latin Extended-A/B, IPA, combining marks, Latin Extended Additional):
// the snippet highlighter asks this at every multi-byte letter. Well-formed UTF-8.
bool word_char_before(std::string_view text, size_t i);

// Longest key kept for a token (longer runs, e.g. hashes in URLs, are cut at a code
// point boundary; the token's byte range still covers the whole run).
inline constexpr size_t kMaxKeyBytes = 64;

// The variant key of a token: NFC, tone placement of oa/oe/uy made canonical, case
// kept. Written to out (replacing its content).
void token_key(std::string_view token_text, bool ascii, bool simple, std::string& out);

}  // namespace reader::search

// The search tokenizer (see tokenizer.h).
#include "search/tokenizer.h"

#include "text/normalize.h"
#include "text/unicode_data.h"
#include "text/utf8.h"
#include "text/vietnamese.h"

namespace reader::search {

namespace {
inline bool is_connector(char32_t c) {
    return c == '-' || c == '.' || c == '/' || c == ':' || c == '_' || c == ',' || c == '\'' ||
           c == '&' || c == '+';
}
}  // namespace

bool Tokenizer::next(Token& t) {
    const std::string_view s = text_;
    const size_t n = s.size();
    size_t i = pos_;
    // Skip separators, noting whether exactly one connector separates us from the
    // previous token.
    int separators = 0;
    bool connector = false;
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (ascii_alnum(c)) break;
            connector = separators == 0 && is_connector(c);
            ++separators;
            ++i;
            continue;
        }
        size_t at = i;
        char32_t cp = text::next_codepoint(s, i);
        if (text::is_word_char(cp)) {
            i = at;
            break;
        }
        connector = false;
        ++separators;
    }
    if (i >= n) {
        pos_ = n;
        return false;
    }
    t.joined = !first_ && separators == 1 && connector;
    first_ = false;
    t.begin = uint32_t(i);
    t.ascii = true;
    t.simple = true;
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (!ascii_alnum(c)) break;
            ++i;
            continue;
        }
        size_t at = i;
        char32_t cp = text::next_codepoint(s, i);
        if (!text::is_word_char(cp)) {
            i = at;
            break;
        }
        t.ascii = false;
        if (!text::is_nfc_boundary(cp)) t.simple = false;
    }
    t.end = uint32_t(i);
    pos_ = i;
    return true;
}

bool word_char_before(std::string_view s, size_t i) {
    if (i == 0) return false;
    const unsigned char p = static_cast<unsigned char>(s[i - 1]);
    if (p < 0x80) return ascii_alnum(p);
    if (p < 0xC0 && i >= 2) {  // a continuation byte: look at the sequence's lead
        const unsigned char l = static_cast<unsigned char>(s[i - 2]);
        if (l >= 0xC4 && l <= 0xC9) return true;           // U+0100..U+027F: letters
        if (l == 0xC3) return p != 0x97 && p != 0xB7;      // U+00C0..U+00FF: letters but × and ÷
        if (l == 0xCC || (l == 0xCD && p < 0xB0)) return true;  // U+0300..U+036F: combining marks
        if (i >= 3 && static_cast<unsigned char>(s[i - 3]) == 0xE1 && l >= 0xB8 && l <= 0xBB)
            return true;                                    // U+1E00..U+1EFF: letters
    }
    size_t j = text::utf8_prev_boundary(s, i);
    return text::is_word_char(text::next_codepoint(s, j));
}

void token_key(std::string_view tok, bool ascii, bool simple, std::string& out) {
    if (tok.size() > kMaxKeyBytes) {
        size_t cut = kMaxKeyBytes;  // back off so as not to split a code point
        while (cut > 0 && (static_cast<unsigned char>(tok[cut]) & 0xC0) == 0x80) --cut;
        tok = tok.substr(0, cut);
    }
    if (ascii) {
        out.assign(tok);
        return;
    }
    // Tone placement only moves from a toned o/u (non-ASCII) onto a following ASCII
    // a, e or y: skip the work unless that pattern is present.
    bool tone_pattern = false;
    if (simple) {
        for (size_t k = 1; k < tok.size(); ++k) {
            char c = char(tok[k] | 0x20);
            if ((c == 'a' || c == 'e' || c == 'y') && static_cast<unsigned char>(tok[k - 1]) >= 0x80) {
                tone_pattern = true;
                break;
            }
        }
        if (!tone_pattern) {
            out.assign(tok);
            return;
        }
    }
    std::u32string cps;
    for (size_t k = 0; k < tok.size();) cps.push_back(text::next_codepoint(tok, k));
    if (!simple) cps = text::nfc_codepoints(cps);
    text::canonicalize_tone_placement(cps);
    out.clear();
    for (char32_t cp : cps) text::append_utf8(out, cp);
}

}  // namespace reader::search

// See json_reader.h.
#include "model/json_reader.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "text/normalize.h"
#include "text/utf8.h"

namespace reader {
namespace {

using json = nlohmann::json;

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

inline uint64_t has_zero_byte(uint64_t v) { return (v - kOnes) & ~v & kHighs; }
inline uint64_t has_byte(uint64_t v, unsigned char c) { return has_zero_byte(v ^ (kOnes * c)); }
// Some byte < n (n <= 128); exact for bytes < 0x80, the others are caught by kHighs.
inline uint64_t has_less(uint64_t v, unsigned char n) { return (v - kOnes * n) & ~v & kHighs; }

// What a string byte starts, for the character loop of scan_string:
//   1  plain ASCII;
//   2  a two-byte form of U+0080-02FF (NFC whatever surrounds it, see below);
//   3  another two-byte form (combining marks, Greek, Cyrillic...);
//   4  a three-byte form E1-EC, EE, EF (any two continuation bytes make it valid);
//   0  the rest: quote, backslash, control, and forms with special second bytes.
constexpr std::array<uint8_t, 256> make_classes() {
    std::array<uint8_t, 256> t{};
    for (int c = 0x20; c < 0x80; ++c) t[c] = 1;
    t['"'] = t['\\'] = 0;
    for (int c = 0xC2; c <= 0xCB; ++c) t[c] = 2;
    for (int c = 0xCC; c <= 0xDF; ++c) t[c] = 3;
    for (int c = 0xE1; c <= 0xEC; ++c) t[c] = 4;
    t[0xEE] = t[0xEF] = 4;
    return t;
}
constexpr auto kClass = make_classes();

inline bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A three-byte character that is NFC whatever surrounds it: U+1E00-1EFF (the
// Vietnamese letters with two marks, "ạ ấ ệ ở ự"), U+2002-206F (dashes, quotes,
// "…"), U+20A0-20BF ("₫"). With ASCII and U+0080-02FF this is the set whose every
// character has combining class 0 and NFC_Quick_Check=Yes (derived from the
// Unicode data): a string of them is NFC, and so is any part of it.
inline bool nfc_safe3(const char* q) {
    const auto b0 = static_cast<unsigned char>(q[0]), b1 = static_cast<unsigned char>(q[1]),
               b2 = static_cast<unsigned char>(q[2]);
    if (b0 == 0xE1) return b1 >= 0xB8 && b1 <= 0xBB;
    return b0 == 0xE2 && ((b1 == 0x80 && b2 >= 0x82) || (b1 == 0x81 && b2 <= 0xAF) || (b1 == 0x82 && b2 >= 0xA0));
}

inline bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

std::string describe_byte(const char* p, const char* end) {
    if (p >= end) return "the end of the input";
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c < 0x7f) return std::string("'") + *p + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
    return buf;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool JsonReader::fail(Error e, const char* at, std::string message) {
    if (error_ == Error::None) {
        error_ = e;
        error_offset_ = static_cast<uint64_t>(at - begin_);
        error_message_ = std::move(message);
    }
    return false;
}

bool JsonReader::fail_expected(const char* what) {
    return fail(Error::Syntax, p_, "unexpected " + describe_byte(p_, end_) + "; expected " + what);
}

char JsonReader::peek() {
    while (p_ < end_ && is_ws(*p_)) ++p_;
    return p_ < end_ ? *p_ : 0;
}

bool JsonReader::accept(char c) {
    if (peek() != c || p_ >= end_) return false;
    ++p_;
    return true;
}

bool JsonReader::expect(char c, const char* what) {
    if (accept(c)) return true;
    return fail_expected(what);
}

bool JsonReader::read_string(std::string& out) {
    if (peek() != '"') return fail_expected("a string in double quotes");
    return scan_string(&out);
}

// A UTF-8 sequence that starts at p_ (a byte >= 0x80): checked as RFC 3629 says
// (no overlong forms, no surrogates, nothing past U+10FFFF), then skipped.
bool JsonReader::utf8_sequence() {
    const auto* s = reinterpret_cast<const unsigned char*>(p_);
    const size_t left = static_cast<size_t>(end_ - p_);
    const unsigned char c = s[0];
    auto cont = [&](size_t i) { return i < left && (s[i] & 0xC0) == 0x80; };
    size_t n = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        n = cont(1) ? 2 : 0;
    } else if (c >= 0xE0 && c <= 0xEF) {
        const bool second_ok = left > 1 && (c == 0xE0 ? (s[1] >= 0xA0 && s[1] <= 0xBF)
                                            : c == 0xED ? (s[1] >= 0x80 && s[1] <= 0x9F)
                                                        : (s[1] & 0xC0) == 0x80);
        n = second_ok && cont(2) ? 3 : 0;
    } else if (c >= 0xF0 && c <= 0xF4) {
        const bool second_ok = left > 1 && (c == 0xF0 ? (s[1] >= 0x90 && s[1] <= 0xBF)
                                            : c == 0xF4 ? (s[1] >= 0x80 && s[1] <= 0x8F)
                                                        : (s[1] & 0xC0) == 0x80);
        n = second_ok && cont(2) && cont(3) ? 4 : 0;
    }
    if (n == 0) {
        // Name the first byte that cannot belong to a valid sequence.
        size_t bad = 0;
        text::validate_utf8(std::string_view(p_, std::min<size_t>(left, 4)), &bad);
        const char* at = p_ + bad;
        return fail(Error::Utf8, at, "invalid UTF-8 at byte offset " + std::to_string(at - begin_) +
                                         "; a bundle must be UTF-8 text");
    }
    p_ += n;
    return true;
}

// After "\u": four hex digits, and a low surrogate after a high one. Lone
// surrogates cannot be UTF-8: they become U+FFFD, as browsers do.
bool JsonReader::unicode_escape(std::string* out) {
    auto four = [&](uint32_t& cp) {
        if (end_ - p_ < 4) return false;
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const int d = hex_digit(p_[i]);
            if (d < 0) return false;
            cp = cp * 16 + static_cast<uint32_t>(d);
        }
        p_ += 4;
        return true;
    };
    const char* at = p_ - 2;
    uint32_t cp = 0;
    if (!four(cp)) return fail(Error::Syntax, at, "invalid \\u escape in a string: four hex digits must follow \\u");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t low = 0;
        if (end_ - p_ >= 6 && p_[0] == '\\' && p_[1] == 'u') {
            const char* save = p_;
            p_ += 2;
            if (four(low) && low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            } else {
                p_ = save;
                cp = 0xFFFD;
            }
        } else {
            cp = 0xFFFD;
        }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0xFFFD;
    }
    if (out) text::append_utf8(*out, cp);
    return true;
}

bool JsonReader::scan_string(std::string* out) {
    const char* open = p_;
    ++p_;  // the opening quote
    const char* run = p_;  // start of bytes not yet copied to out
    bool escaped = false;  // out holds a prefix (set once an escape was met)
    bool maybe_not_nfc = false;
    for (;;) {
        // Eight bytes at a time while none is special (quote, backslash, control,
        // non-ASCII): long runs of plain ASCII (English, URLs, markup).
        while (end_ - p_ >= 8) {
            uint64_t w;
            std::memcpy(&w, p_, 8);
            if ((w & kHighs) | has_byte(w, '"') | has_byte(w, '\\') | has_less(w, 0x20)) break;
            p_ += 8;
        }
        // Then a character at a time (Vietnamese puts a non-ASCII letter every few
        // bytes), checking UTF-8 and noting any character outside the NFC-safe set.
        {
            const char* stop = end_ - std::min<ptrdiff_t>(end_ - p_, 3);  // room to look 2 bytes ahead
            const char* q = p_;
            while (q < stop) {
                const unsigned k = kClass[static_cast<unsigned char>(*q)];
                if (k == 1) {
                    ++q;
                } else if (k == 2 && continuation(q[1])) {
                    q += 2;
                } else if (k == 4 && continuation(q[1]) && continuation(q[2])) {
                    maybe_not_nfc = maybe_not_nfc || !nfc_safe3(q);
                    q += 3;
                } else if (k == 3 && continuation(q[1])) {
                    maybe_not_nfc = true;
                    q += 2;
                } else {
                    break;
                }
            }
            p_ = q;
        }
        if (p_ >= end_) return fail(Error::Syntax, open, "a string is not closed (no matching '\"')");
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"') {
            if (out) {
                if (escaped) out->append(run, p_);
                else out->assign(run, p_);
                // Rare: a character that may change under NFC. The DOM holds NFC
                // only, so the model can take its strings as they are.
                if (maybe_not_nfc && !text::is_nfc(*out)) *out = text::to_nfc(*out);
            }
            ++p_;
            return true;
        }
        if (c >= 0x80) {
            if (!utf8_sequence()) return false;
            maybe_not_nfc = true;
            continue;
        }
        if (c >= 0x20 && c != '\\') {
            ++p_;
            continue;
        }
        if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "%04X", c);
            return fail(Error::Syntax, p_, std::string("control character U+") + buf +
                                               " in a string (it must be escaped, e.g. \\n)");
        }
        // An escape: copy what precedes it, then decode.
        if (out) {
            if (escaped) out->append(run, p_);
            else out->assign(run, p_);
        }
        escaped = true;
        if (end_ - p_ < 2) return fail(Error::Syntax, open, "a string is not closed (no matching '\"')");
        const char e = p_[1];
        p_ += 2;
        char decoded = 0;
        switch (e) {
            case '"': decoded = '"'; break;
            case '\\': decoded = '\\'; break;
            case '/': decoded = '/'; break;
            case 'b': decoded = '\b'; break;
            case 'f': decoded = '\f'; break;
            case 'n': decoded = '\n'; break;
            case 'r': decoded = '\r'; break;
            case 't': decoded = '\t'; break;
            case 'u':
                if (!unicode_escape(out)) return false;
                maybe_not_nfc = true;
                break;
            default:
                return fail(Error::Syntax, p_ - 2, "invalid escape '\\" + std::string(1, e) +
                                                       "' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
        if (decoded && out) *out += decoded;
        run = p_;
    }
}

bool JsonReader::scan_number(json* out) {
    const char* start = p_;
    auto digits = [&]() {
        const char* d = p_;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        return p_ > d;
    };
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ < end_ && *p_ == '0') {
        ++p_;
    } else if (!digits()) {
        p_ = start;
        return fail_expected("a value");
    }
    bool integer = true;
    if (p_ < end_ && *p_ == '.') {
        ++p_;
        integer = false;
        if (!digits()) return fail(Error::Syntax, p_, "invalid number: digits must follow '.'");
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
        ++p_;
        integer = false;
        if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
        if (!digits()) return fail(Error::Syntax, p_, "invalid number: digits must follow the exponent");
    }
    if (!out) return true;
    const std::string text(start, p_);
    if (integer) {
        errno = 0;
        char* e = nullptr;
        if (text[0] == '-') {
            const long long v = std::strtoll(text.c_str(), &e, 10);
            if (errno == 0) {
                *out = static_cast<int64_t>(v);
                return true;
            }
        } else {
            const unsigned long long v = std::strtoull(text.c_str(), &e, 10);
            if (errno == 0) {
                *out = static_cast<uint64_t>(v);
                return true;
            }
        }
    }
    *out = std::strtod(text.c_str(), nullptr);  // out of range: ±inf or 0, as JSON readers do
    return true;
}

bool JsonReader::scan_literal(json* out) {
    auto word = [&](const char* w, size_t n) {
        return static_cast<size_t>(end_ - p_) >= n && std::memcmp(p_, w, n) == 0;
    };
    if (word("true", 4)) {
        p_ += 4;
        if (out) *out = true;
    } else if (word("false", 5)) {
        p_ += 5;
        if (out) *out = false;
    } else if (word("null", 4)) {
        p_ += 4;
        if (out) *out = nullptr;
    } else {
        return fail_expected("a value (a string, number, object, array, true, false or null)");
    }
    return true;
}

bool JsonReader::parse_value(json& out, uint32_t depth) {
    // Open containers, innermost last; the value being read goes into `slot`.
    std::vector<json*> stack;
    json* slot = &out;
    std::string key;
    for (;;) {
        // ---- one value into *slot
        const char c = peek();
        if (c == '{' || c == '[') {
            if (depth + stack.size() + 1 > max_depth_) {
                return fail(Error::Depth, p_, "JSON nesting is deeper than " + std::to_string(max_depth_) + " levels");
            }
            ++p_;
            *slot = c == '{' ? json::object() : json::array();
            if (accept(c == '{' ? '}' : ']')) {
                // empty: the value is complete
            } else {
                stack.push_back(slot);
                if (c == '{') {
                    if (!read_string(key) || !expect(':', "':' after the member name")) return false;
                    slot = &(*slot)[key];
                } else {
                    slot->push_back(nullptr);
                    slot = &slot->back();
                }
                continue;
            }
        } else if (c == '"') {
            std::string s;
            if (!scan_string(&s)) return false;
            *slot = std::move(s);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (!scan_number(slot)) return false;
        } else if (!scan_literal(slot)) {
            return false;
        }
        // ---- the value is complete: close containers or move to the next slot
        for (;;) {
            if (stack.empty()) return true;
            json* parent = stack.back();
            if (parent->is_object()) {
                if (accept(',')) {
                    if (!read_string(key) || !expect(':', "':' after the member name")) return false;
                    slot = &(*parent)[key];
                    break;
                }
                if (accept('}')) {
                    stack.pop_back();
                    continue;
                }
                return fail_expected("',' or '}' after an object member");
            }
            if (accept(',')) {
                parent->push_back(nullptr);
                slot = &parent->back();
                break;
            }
            if (accept(']')) {
                stack.pop_back();
                continue;
            }
            return fail_expected("',' or ']' after an array element");
        }
    }
}

bool JsonReader::skip_value(uint32_t depth) {
    std::vector<char> stack;  // '{' or '[' for each open container
    auto member_name = [&]() {
        if (peek() != '"') return fail_expected("a string in double quotes");
        return scan_string(nullptr) && expect(':', "':' after the member name");
    };
    for (;;) {
        const char c = peek();
        if (c == '{' || c == '[') {
            if (depth + stack.size() + 1 > max_depth_) {
                return fail(Error::Depth, p_, "JSON nesting is deeper than " + std::to_string(max_depth_) + " levels");
            }
            ++p_;
            if (!accept(c == '{' ? '}' : ']')) {
                stack.push_back(c);
                if (c == '{' && !member_name()) return false;
                continue;
            }
        } else if (c == '"') {
            if (!scan_string(nullptr)) return false;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            if (!scan_number(nullptr)) return false;
        } else if (!scan_literal(nullptr)) {
            return false;
        }
        for (;;) {
            if (stack.empty()) return true;
            const bool object = stack.back() == '{';
            if (accept(',')) {
                if (object && !member_name()) return false;
                break;
            }
            if (accept(object ? '}' : ']')) {
                stack.pop_back();
                continue;
            }
            return fail_expected(object ? "',' or '}' after an object member" : "',' or ']' after an array element");
        }
    }
}

}  // namespace reader

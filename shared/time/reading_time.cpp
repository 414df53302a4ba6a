// Token counting and reading-time estimates (see reading_time.h for the rate's basis).
#include "time/reading_time.h"

#include <cmath>

#include "i18n/strings.h"

namespace reader::datetime {
namespace {

enum class CharClass { Space, Letter, Other };

// Decodes one code point at `i` (advancing `i`); malformed bytes come back as
// U+FFFD one byte at a time, so any input is consumed in linear time.
char32_t next_code_point(std::string_view s, size_t& i) {
    unsigned char b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) { ++i; return b0; }
    int length = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) length = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) length = 3;
    else if (b0 >= 0xF0 && b0 <= 0xF4) length = 4;
    if (length == 0 || i + static_cast<size_t>(length) > s.size()) { ++i; return 0xFFFD; }
    char32_t cp = b0 & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
        unsigned char b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += static_cast<size_t>(length);
    return cp;
}

CharClass classify(char32_t cp) {
    if (cp < 0x80) {
        if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D)) return CharClass::Space;
        if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) {
            return CharClass::Letter;
        }
        return CharClass::Other;
    }
    if (cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
        cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF) {
        return CharClass::Space;
    }
    // Latin-1 punctuation and symbols (« » ° ©), general punctuation (– — … “ ”),
    // currency, arrows and symbols, CJK punctuation, emoji and pictographs.
    if (cp < 0x00C0 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0x1F000 && cp <= 0x1FAFF)) {
        return CharClass::Other;
    }
    return CharClass::Letter;  // letters of any script, combining marks, U+FFFD
}

}  // namespace

size_t count_reading_tokens(std::string_view utf8) {
    size_t tokens = 0;
    bool in_token = false;
    bool token_has_letter = false;
    size_t i = 0;
    while (i < utf8.size()) {
        CharClass c = classify(next_code_point(utf8, i));
        if (c == CharClass::Space) {
            if (in_token && token_has_letter) ++tokens;
            in_token = false;
            token_has_letter = false;
        } else {
            in_token = true;
            token_has_letter = token_has_letter || c == CharClass::Letter;
        }
    }
    if (in_token && token_has_letter) ++tokens;
    return tokens;
}

uint32_t reading_minutes(size_t tokens, double tokens_per_minute) {
    if (tokens == 0) return 0;
    if (!(tokens_per_minute > 0) || !std::isfinite(tokens_per_minute)) {
        tokens_per_minute = kVietnameseSyllablesPerMinute;
    }
    double minutes = std::round(static_cast<double>(tokens) / tokens_per_minute);
    if (minutes < 1) return 1;
    if (minutes > 4294967295.0) return UINT32_MAX;
    return static_cast<uint32_t>(minutes);
}

uint32_t estimate_reading_minutes(std::string_view utf8, double tokens_per_minute) {
    return reading_minutes(count_reading_tokens(utf8), tokens_per_minute);
}

std::string format_reading_time(i18n::Lang lang, uint32_t minutes) {
    return i18n::tr_count(lang, i18n::StringId::MinutesRead, minutes);
}

}  // namespace reader::datetime

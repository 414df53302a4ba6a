// Reading-time estimates ("5 phút đọc" / "5 min read") for articles.
//
// Vietnamese is written one syllable per space-separated token ("thành phố" is two
// tokens), so a Vietnamese text's length is counted in syllables = tokens, and the
// rate is in syllables per minute. English tokens are words.
//
// Basis of the default Vietnamese rate, 300 syllables per minute. No published norm
// for adult silent reading of Vietnamese was found, so the figure is derived from two
// published measurements:
//   * Brysbaert (2019), "How many words do we read per minute? A review and
//     meta-analysis of reading rate", Journal of Memory and Language 109, 104047:
//     adults read English non-fiction silently at 238 words per minute (190 studies,
//     18,573 readers). At about 1.45 syllables per word of English running text (an
//     approximation, not a figure from that paper) that is about 345 syllables/min.
//   * Pellegrino, Coupé & Marsico (2011), Language 87(3), and Coupé, Oh, Dediu &
//     Pellegrino (2019), Science Advances 5(9), eaaw2594: reading the same texts
//     aloud, Vietnamese speakers produce about 5.25 syllables/s, English speakers
//     about 6.2: each Vietnamese syllable carries more information, so about 0.85 as
//     many are processed per second.
//   345 × 0.85 ≈ 293, rounded to 300 syllables per minute.
// Measured on the project's news corpus (35,068 baomoi.com articles with a body, lead
// + body, counted with the rule of count_reading_tokens): median 466 syllables (10th
// percentile 227, 90th 1,066), 4.57 characters (code points) per syllable incl. the
// space; at 300/min the median article reads "2 phút đọc" and the 90th percentile 4.
// The rate is a parameter everywhere so settings or a better study can replace it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "i18n/lang.h"

namespace reader::datetime {

inline constexpr double kVietnameseSyllablesPerMinute = 300.0;
inline constexpr double kEnglishWordsPerMinute = 238.0;  // Brysbaert (2019), non-fiction

// The default rate for text written in `content_language` (not the interface language).
constexpr double default_reading_rate(i18n::Lang content_language) {
    return content_language == i18n::Lang::Vi ? kVietnameseSyllablesPerMinute : kEnglishWordsPerMinute;
}

// Whitespace-separated tokens that hold at least one letter or digit: Vietnamese
// syllables, English words. Separators are ASCII whitespace and the Unicode spaces
// (U+00A0 no-break, U+2000..U+200B, U+202F, U+205F, U+3000, U+FEFF). Tokens made only
// of punctuation or symbols ("–", "…", "**", "#") are not read, so not counted.
// Invalid UTF-8 bytes count as letters (they are text the reader will show as U+FFFD).
size_t count_reading_tokens(std::string_view utf8);

// Minutes for `tokens` at `tokens_per_minute`, rounded to nearest, at least 1 for any
// text; 0 for none. A rate that is not a positive finite number falls back to 300.
uint32_t reading_minutes(size_t tokens, double tokens_per_minute = kVietnameseSyllablesPerMinute);

// count + minutes in one call.
uint32_t estimate_reading_minutes(std::string_view utf8,
                                  double tokens_per_minute = kVietnameseSyllablesPerMinute);

// "5 phút đọc" / "5 min read".
std::string format_reading_time(i18n::Lang lang, uint32_t minutes);

}  // namespace reader::datetime

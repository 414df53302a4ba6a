// Tests of syllable counting and reading-time estimates.
#include <catch2/catch.hpp>

#include <limits>
#include <string>

#include "time/reading_time.h"

using namespace reader::datetime;
using reader::i18n::Lang;

TEST_CASE("Vietnamese syllables are counted as space-separated tokens", "[time][reading]") {
    CHECK(count_reading_tokens("Thành phố Hồ Chí Minh") == 5);
    CHECK(count_reading_tokens("(Thanhuytphcm.vn) - Sáng 7/12, Ban Thường vụ Thành ủy") == 8);
    CHECK(count_reading_tokens("") == 0);
    CHECK(count_reading_tokens("   \t\n ") == 0);
    CHECK(count_reading_tokens("một") == 1);
    CHECK(count_reading_tokens("  một  hai\tba\nbốn\r\nnăm  ") == 5);
}

TEST_CASE("tokens of punctuation alone are not read", "[time][reading]") {
    CHECK(count_reading_tokens("Hà Nội – Huế — Sài Gòn … «x»") == 6);
    CHECK(count_reading_tokens("# Tiêu đề\n\n**đậm** - mục") == 4);
    CHECK(count_reading_tokens("\xF0\x9F\x91\x8D \xE2\x9D\xA4") == 0);  // 👍 ❤
    CHECK(count_reading_tokens("2022 100% 24.317") == 3);                 // numbers are read
}

TEST_CASE("Unicode spaces separate tokens like ASCII spaces", "[time][reading]") {
    CHECK(count_reading_tokens("Đình\xC2\xA0Quân") == 2);        // U+00A0
    CHECK(count_reading_tokens("a\xE2\x80\xAF" "b\xE3\x80\x80" "c") == 3);  // U+202F, U+3000
    CHECK(count_reading_tokens("a\xE2\x80\x8B" "b") == 2);       // U+200B zero-width space
}

TEST_CASE("decomposed (NFD) Vietnamese counts the same as composed", "[time][reading]") {
    // "Việt Nam" with combining marks: e + U+0323 + U+0302.
    CHECK(count_reading_tokens("Vie\xCC\xA3\xCC\x82t Nam") == 2);
}

TEST_CASE("invalid UTF-8 is consumed safely and counted as text", "[time][reading]") {
    CHECK(count_reading_tokens("\xFF\xFE abc \xC3") == 3);
    CHECK(count_reading_tokens("\xE1\xBB") == 1);    // truncated sequence
    CHECK(count_reading_tokens("\xC0\x80 x") == 2);  // overlong lead bytes
    std::string noise;
    for (int i = 0; i < 256; ++i) noise.push_back(static_cast<char>(i));
    CHECK(count_reading_tokens(noise) >= 1);
}

TEST_CASE("reading minutes round to nearest with at least one for any text", "[time][reading]") {
    CHECK(reading_minutes(0) == 0);
    CHECK(reading_minutes(1) == 1);
    CHECK(reading_minutes(449) == 1);
    CHECK(reading_minutes(450) == 2);   // 1.5 rounds up
    CHECK(reading_minutes(466) == 2);   // the corpus median article
    CHECK(reading_minutes(1066) == 4);  // the corpus 90th percentile
    CHECK(reading_minutes(3000, 300) == 10);
    CHECK(reading_minutes(476, kEnglishWordsPerMinute) == 2);
}

TEST_CASE("a bad reading rate falls back to the Vietnamese default", "[time][reading]") {
    CHECK(reading_minutes(3000, 0) == 10);
    CHECK(reading_minutes(3000, -5) == 10);
    CHECK(reading_minutes(3000, std::numeric_limits<double>::quiet_NaN()) == 10);
    CHECK(reading_minutes(3000, std::numeric_limits<double>::infinity()) == 10);
    CHECK(reading_minutes(std::numeric_limits<size_t>::max(), 1e-300) == UINT32_MAX);
}

TEST_CASE("the default rate follows the language the article is written in", "[time][reading]") {
    CHECK(default_reading_rate(Lang::Vi) == 300.0);
    CHECK(default_reading_rate(Lang::En) == 238.0);
}

TEST_CASE("an article's reading time is labelled in the interface language", "[time][reading]") {
    std::string body;
    for (int i = 0; i < 600; ++i) body += "chữ ";
    uint32_t minutes = estimate_reading_minutes(body);
    CHECK(minutes == 2);
    CHECK(format_reading_time(Lang::Vi, minutes) == "2 phút đọc");
    CHECK(format_reading_time(Lang::En, minutes) == "2 min read");
    CHECK(format_reading_time(Lang::En, 1) == "1 min read");
}

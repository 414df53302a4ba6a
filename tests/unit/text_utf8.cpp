// Unit tests for shared/text/utf8.h: strict validation, decoding with replacement,
// encoding and boundaries.
#include <catch2/catch.hpp>

#include <string>

#include "text/utf8.h"

using namespace reader::text;

TEST_CASE("validate_utf8 accepts well-formed text including 4-byte sequences", "[text][utf8]") {
    CHECK(validate_utf8(""));
    CHECK(validate_utf8("plain ASCII text that is longer than eight bytes"));
    CHECK(validate_utf8("Thành ủy TP.HCM – Đình Quân"));
    CHECK(validate_utf8("\xF0\x9F\x98\x80 emoji"));
    CHECK(validate_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST_CASE("validate_utf8 reports the offset of the first bad sequence", "[text][utf8]") {
    struct Case {
        std::string s;
        size_t offset;
    };
    const Case cases[] = {
        {"abc\x80", 3},                       // lone continuation byte
        {"ab\xC0\xAF", 2},                    // overlong '/'
        {"\xC1\xBF", 0},                      // overlong 2-byte
        {"xx\xE0\x80\xAF", 2},                // overlong 3-byte
        {"\xF0\x80\x80\xAF", 0},              // overlong 4-byte
        {"hi \xED\xA0\x80", 3},               // surrogate U+D800
        {"\xED\xBF\xBF", 0},                  // surrogate U+DFFF
        {"\xF4\x90\x80\x80", 0},              // above U+10FFFF
        {"\xF5\x80\x80\x80", 0},              // invalid lead
        {"Vi\xE1\xBB", 2},                    // truncated 3-byte at end
        {"0123456789abcdef\xFF", 16},         // invalid byte after the 8-byte fast path
        {"Thành \xE1\xBB\x21", 7},            // bad continuation
    };
    for (const auto& c : cases) {
        size_t off = 999;
        INFO("offset expected " << c.offset);
        CHECK_FALSE(validate_utf8(c.s, &off));
        CHECK(off == c.offset);
    }
}

TEST_CASE("next_codepoint decodes and replaces malformed bytes one at a time", "[text][utf8]") {
    std::string s = "a\xC3\xA0\xE1\xBA\xA1\xF0\x9F\x98\x80\x80\xC3";
    size_t i = 0;
    CHECK(next_codepoint(s, i) == U'a');
    CHECK(next_codepoint(s, i) == U'à');
    CHECK(i == 3);
    CHECK(next_codepoint(s, i) == U'ạ');
    CHECK(next_codepoint(s, i) == char32_t(0x1F600));
    CHECK(next_codepoint(s, i) == kReplacementChar);  // stray continuation
    CHECK(i == 11);
    CHECK(next_codepoint(s, i) == kReplacementChar);  // truncated lead at the end
    CHECK(i == s.size());
    std::string surrogate = "\xED\xA0\x80";
    i = 0;
    CHECK(next_codepoint(surrogate, i) == kReplacementChar);
    CHECK(i == 1);
}

TEST_CASE("append_utf8 round-trips every code point and replaces invalid ones", "[text][utf8]") {
    std::string all;
    for (char32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x3000 ? 1 : 97)) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        all.clear();
        append_utf8(all, cp);
        REQUIRE(all.size() == utf8_length(cp));
        size_t i = 0;
        REQUIRE(next_codepoint(all, i) == cp);
        REQUIRE(i == all.size());
    }
    std::string bad;
    append_utf8(bad, 0xD800);
    append_utf8(bad, 0x110000);
    CHECK(bad == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("utf8_prev_boundary steps back over whole code points", "[text][utf8]") {
    std::string s = "aà\xE1\xBA\xA1\xF0\x9F\x98\x80";  // a(1) à(2) ạ(3) emoji(4)
    CHECK(utf8_prev_boundary(s, 0) == 0);
    CHECK(utf8_prev_boundary(s, 1) == 0);
    CHECK(utf8_prev_boundary(s, 3) == 1);
    CHECK(utf8_prev_boundary(s, 6) == 3);
    CHECK(utf8_prev_boundary(s, 10) == 6);
    CHECK(utf8_prev_boundary(s, 99) == 6);
    std::string garbage = "ab\x80\x80\x80\x80";
    CHECK(utf8_prev_boundary(garbage, 6) == 5);  // malformed: one byte back, no long scan
}

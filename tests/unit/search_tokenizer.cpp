// Unit tests for the search tokenizer (shared/search/tokenizer.h).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "search/tokenizer.h"
#include "text/normalize.h"
#include "text/unicode_data.h"
#include "text/utf8.h"

using namespace reader::search;

namespace {
struct Tok {
    std::string text;
    bool joined;
};
std::vector<Tok> tokens(std::string_view s) {
    std::vector<Tok> out;
    Tokenizer tz(s);
    Token t;
    while (tz.next(t)) out.push_back({std::string(t.in(s)), t.joined});
    return out;
}
std::vector<std::string> texts(std::string_view s) {
    std::vector<std::string> out;
    for (auto& t : tokens(s)) out.push_back(t.text);
    return out;
}
}  // namespace

TEST_CASE("tokenizer splits Vietnamese text into syllables", "[search][tokenizer]") {
    CHECK(texts("Thành ủy TP.HCM: hội nghị (lần 2)") ==
          std::vector<std::string>{"Thành", "ủy", "TP", "HCM", "hội", "nghị", "lần", "2"});
    CHECK(texts("").empty());
    CHECK(texts("  ...  ").empty());
}

TEST_CASE("tokenizer keeps NFD syllables whole", "[search][tokenizer]") {
    std::string nfd = reader::text::to_nfd("Nguyễn Việt");
    auto t = texts(nfd);
    REQUIRE(t.size() == 2);
    CHECK(reader::text::to_nfc(t[0]) == "Nguyễn");
}

TEST_CASE("tokenizer marks the parts of codes and numbers as joined", "[search][tokenizer]") {
    auto t = tokens("Kết luận 21-KL/TW ngày 24.317 - xong");
    REQUIRE(t.size() == 9);
    CHECK(t[2].text == "21");
    CHECK_FALSE(t[2].joined);
    CHECK(t[3].text == "KL");
    CHECK(t[3].joined);
    CHECK(t[4].text == "TW");
    CHECK(t[4].joined);
    CHECK(t[6].text == "24");
    CHECK(t[7].text == "317");
    CHECK(t[7].joined);
    CHECK(t[8].text == "xong");
    CHECK_FALSE(t[8].joined);
    auto spaced = tokens("a - b");
    CHECK_FALSE(spaced[1].joined);  // a dash between spaces joins nothing
}

TEST_CASE("token keys are NFC with canonical tone placement and keep case", "[search][tokenizer]") {
    std::string key;
    auto key_of = [&](std::string_view s) {
        Tokenizer tz(s);
        Token t;
        REQUIRE(tz.next(t));
        token_key(t.in(s), t.ascii, t.simple, key);
        return key;
    };
    CHECK(key_of("Hòa") == "Hoà");
    CHECK(key_of("Hoà") == "Hoà");
    CHECK(key_of(reader::text::to_nfd("thủy")) == "thuỷ");
    CHECK(key_of("ABC") == "ABC");
    std::string long_token(100, 'x');
    CHECK(key_of(long_token).size() == kMaxKeyBytes);
    std::string long_viet;
    for (int i = 0; i < 40; ++i) long_viet += "ệ";
    std::string k = key_of(long_viet);
    CHECK(k.size() <= kMaxKeyBytes);
    CHECK(k.size() % 3 == 0);  // never cut inside a code point
}

TEST_CASE("word_char_before agrees with the tokenizer's word characters for every code point", "[search][tokenizer]") {
    // Its fast path assumes whole ranges are letters or marks; checked exhaustively here
    // against is_word_char, after an ASCII letter, a space and a multi-byte letter.
    for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        for (const char* before : {"a", " ", "\xE1\xBB\x9D"}) {
            std::string s = before;
            reader::text::append_utf8(s, cp);
            if (reader::search::word_char_before(s, s.size()) != reader::text::is_word_char(cp)) {
                FAIL("code point U+" << std::hex << uint32_t(cp));
            }
        }
    }
    CHECK(reader::search::word_char_before("ab", 1));
    CHECK_FALSE(reader::search::word_char_before("a b", 2));
    CHECK_FALSE(reader::search::word_char_before("x", 0));
}

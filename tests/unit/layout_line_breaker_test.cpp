// Behaviour of paragraph line breaking (shared/layout/line_breaker.h): wrapping,
// exact widths, Vietnamese text in NFC and NFD, long words and URLs, styled runs,
// justification, breaks, and the measurer's cached advances.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "layout/display_list.h"
#include "layout/line_breaker.h"
#include "layout_test_support.h"

using namespace reader;
using namespace reader::layout;
using reader::layout::test::FixedMetrics;

namespace {

Piece text_piece(std::string_view s, Face face = Face::SerifRegular, float size = 10) {
    Piece p;
    p.text = s;
    p.face = face;
    p.size = size;
    return p;
}

Piece break_piece(PieceKind kind) {
    Piece p;
    p.kind = kind;
    p.size = 10;
    return p;
}

// The text of each line: its segments joined, with one space where a gap separates them.
std::vector<std::string> line_texts(const LineBreaker& br, std::span<const Piece> pieces) {
    std::vector<std::string> out;
    for (const Line& l : br.lines()) {
        std::string s;
        float right = -1;
        for (uint32_t k = l.first; k < l.first + l.count; ++k) {
            const Segment& seg = br.segments()[k];
            if (right >= 0 && seg.x > right + 0.01f) s += ' ';
            s += pieces[seg.piece].text.substr(seg.begin, seg.end - seg.begin);
            right = seg.x + seg.width;
        }
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> wrap(LineBreaker& br, std::string_view text, float width, TextAlign align = TextAlign::Left) {
    const Piece p = text_piece(text);
    BreakOptions o;
    o.width = width;
    o.align = align;
    br.run(std::span<const Piece>(&p, 1), o);
    return line_texts(br, std::span<const Piece>(&p, 1));
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool starts_with_mark(std::string_view s) {
    if (s.empty()) return false;
    uint32_t len = 0;
    return scan::extends_cluster(scan::decode(s, 0, len));
}

// "Việt" written in NFD: e + U+0323 (dot below) + U+0302 (circumflex).
const std::string kVietNfd = "Vie\xCC\xA3\xCC\x82t";

}  // namespace

TEST_CASE("lines wrap at spaces and never exceed the width", "[layout][wrap]") {
    FixedMetrics fm;  // 5 px per character at 10 px
    TextMeasurer m(fm);
    LineBreaker br(m);
    CHECK(wrap(br, "aaa bbb ccc ddd", 40) == std::vector<std::string>{"aaa bbb", "ccc ddd"});
    for (const Line& l : br.lines()) CHECK(l.width <= 40);
    CHECK(br.lines()[0].width == Approx(35));
}

TEST_CASE("a line exactly as wide as the column stays whole", "[layout][wrap]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    CHECK(wrap(br, "aaa bbb", 35) == std::vector<std::string>{"aaa bbb"});
    CHECK(wrap(br, "aaa bbb", 34.9f) == std::vector<std::string>{"aaa", "bbb"});
}

TEST_CASE("ragged lines are drawn as one segment with exact width and bytes", "[layout][wrap]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    wrap(br, "aaa bbb ccc", 40);
    REQUIRE(br.lines().size() == 2);
    REQUIRE(br.lines()[0].count == 1);
    const Segment& s = br.segments()[0];
    CHECK(s.begin == 0);
    CHECK(s.end == 7);
    CHECK(s.x == 0);
    CHECK(s.width == Approx(35));
    CHECK(br.segments()[1].begin == 8);
}

TEST_CASE("Vietnamese text is measured per character, not per byte", "[layout][vietnamese]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    const std::string text = "Thành phố Hồ Chí Minh";  // 21 characters, 28 bytes
    CHECK(wrap(br, text, 1000) == std::vector<std::string>{text});
    CHECK(br.lines()[0].width == Approx(21 * 5));
    CHECK(wrap(br, text, 60) == std::vector<std::string>{"Thành phố Hồ", "Chí Minh"});  // 12 characters: exactly 60 px
    CHECK(wrap(br, text, 50) == std::vector<std::string>{"Thành phố", "Hồ Chí", "Minh"});
}

TEST_CASE("a wrap never splits a letter from its combining marks (NFD)", "[layout][vietnamese]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    // A long unbreakable word of NFD syllables must break by grapheme only.
    std::string word;
    for (int i = 0; i < 6; ++i) word += kVietNfd;  // 24 visible letters
    for (float width = 5; width <= 130; width += 5) {
        INFO("width " << width);
        const auto lines = wrap(br, word, width);
        std::string joined;
        for (const auto& l : lines) {
            CHECK_FALSE(starts_with_mark(l));
            CHECK_FALSE((!l.empty() && is_continuation(l[0])));
            joined += l;
        }
        CHECK(joined == word);
        for (const Line& l : br.lines()) CHECK(l.width <= std::max(width, 5.0f) + 0.01f);
    }
    // Between words the same holds.
    const std::string text = kVietNfd + " Nam " + kVietNfd;
    CHECK(wrap(br, text, 20) == std::vector<std::string>{kVietNfd, "Nam", kVietNfd});
}

TEST_CASE("words longer than the line break between characters", "[layout][long]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    CHECK(wrap(br, "xx aaaaaaaaaaaaaaaaaaaa yy", 42) ==
          std::vector<std::string>{"xx", "aaaaaaaa", "aaaaaaaa", "aaaa yy"});
    // A column narrower than one character still advances one cluster per line.
    CHECK(wrap(br, "abc", 2) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("URLs break after slashes and hyphens between letters", "[layout][long]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    const std::string url = "https://thanhuytphcm.vn/tin-tuc/tiep-tuc-lanh-dao";
    const auto lines = wrap(br, url, 100);
    REQUIRE(lines.size() >= 3);
    CHECK(lines[0] == "https://");
    CHECK(lines[1] == "thanhuytphcm.vn/tin-");
    std::string joined;
    for (const auto& l : lines) joined += l;
    CHECK(joined == url);
    for (const Line& l : br.lines()) CHECK(l.width <= 100);
}

TEST_CASE("numbers, dates and document codes are not broken at their punctuation", "[layout][long]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    // Each would fit on a line only if broken; they move whole instead.
    CHECK(wrap(br, "xxxx COVID-19", 50) == std::vector<std::string>{"xxxx", "COVID-19"});
    CHECK(wrap(br, "xxxx 7/12/2022", 60) == std::vector<std::string>{"xxxx", "7/12/2022"});
    CHECK(wrap(br, "số 21-KL/TW", 45) == std::vector<std::string>{"số", "21-KL/TW"});
    // A hyphen between words is a break opportunity.
    CHECK(wrap(br, "xxxx Bắc-Nam", 50) == std::vector<std::string>{"xxxx Bắc-", "Nam"});
}

TEST_CASE("styled runs keep their faces and a word across runs stays together", "[layout][styles]") {
    FixedMetrics fm;  // bold: 6 px at 10 px
    TextMeasurer m(fm);
    LineBreaker br(m);
    const Piece pieces[] = {text_piece("xxxx ab"), text_piece("cd", Face::SerifBold), text_piece(" ef")};
    BreakOptions o;
    o.width = 40;  // "xxxx ab" = 35 would fit, but the word is "abcd": "xxxx abcd" = 47 does not
    br.run(pieces, o);
    CHECK(line_texts(br, pieces) == std::vector<std::string>{"xxxx", "abcd ef"});
    // Line 2: "ab" (10) + "cd" bold (12) + " ef": three segments, exact positions.
    const Line& l = br.lines()[1];
    REQUIRE(l.count == 3);
    const auto seg = br.segments();
    CHECK(seg[l.first].width == Approx(10));
    CHECK(seg[l.first + 1].piece == 1);
    CHECK(seg[l.first + 1].x == Approx(10));
    CHECK(seg[l.first + 1].width == Approx(12));
    CHECK(seg[l.first + 2].x == Approx(27));
    CHECK(l.width == Approx(37));
}

TEST_CASE("justified lines stretch spaces to the full width except the last", "[layout][justify]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    wrap(br, "aaa bb c dddd", 60, TextAlign::Justify);
    REQUIRE(br.lines().size() == 2);
    const Line& first = br.lines()[0];
    REQUIRE(first.count == 1);  // one segment; its spaces are widened when drawn
    const auto seg = br.segments();
    // 40 px of text, 20 px to share between 2 spaces: each space 5 + 10.
    CHECK(first.space_extra == Approx(10));
    CHECK(seg[0].x == Approx(0));
    CHECK(seg[0].width == Approx(60));
    CHECK(first.width == Approx(60));
    // Drawn word by word: "aaa" at 0, "bb" at 30, "c" at 55.
    Item item;
    item.x = seg[0].x;
    item.size = 10;
    item.space_extra = first.space_extra;
    std::vector<float> xs;
    std::vector<std::string> words;
    for_each_word(item, std::string_view("aaa bb c"), m, [&](float x, std::string_view w) {
        xs.push_back(x);
        words.emplace_back(w);
    });
    CHECK(words == std::vector<std::string>{"aaa", "bb", "c"});
    CHECK(xs == std::vector<float>{0, 30, 55});
    const Line& last = br.lines()[1];
    CHECK(seg[last.first].x == Approx(0));
    CHECK(last.width == Approx(20));
}

TEST_CASE("right and centre alignment shift the line", "[layout][align]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    wrap(br, "abc", 100, TextAlign::Right);
    CHECK(br.segments()[0].x == Approx(85));
    wrap(br, "abc", 100, TextAlign::Center);
    CHECK(br.segments()[0].x == Approx(42.5));
}

TEST_CASE("hard breaks end lines; soft breaks are spaces; runs of spaces collapse", "[layout][breaks]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    const Piece hard[] = {text_piece("one"), break_piece(PieceKind::HardBreak), text_piece("two")};
    br.run(hard, BreakOptions{200, TextAlign::Justify, false});
    CHECK(line_texts(br, hard) == std::vector<std::string>{"one", "two"});
    CHECK(br.lines()[0].hard_end);
    CHECK(br.lines()[0].width == Approx(15));  // a hard-ended line is not stretched

    const Piece twice[] = {text_piece("one"), break_piece(PieceKind::HardBreak), break_piece(PieceKind::HardBreak),
                           text_piece("two")};
    br.run(twice, BreakOptions{200, TextAlign::Left, false});
    CHECK(line_texts(br, twice) == std::vector<std::string>{"one", "", "two"});
    CHECK(br.lines()[1].ascent == Approx(8));  // an empty line still has a height

    const Piece soft[] = {text_piece("one"), break_piece(PieceKind::SoftBreak), text_piece("two")};
    br.run(soft, BreakOptions{200, TextAlign::Left, false});
    CHECK(line_texts(br, soft) == std::vector<std::string>{"one two"});
    CHECK(br.segments()[1].x == Approx(20));

    CHECK(wrap(br, "a   b", 200) == std::vector<std::string>{"a b"});
    CHECK(br.lines()[0].width == Approx(15));
    CHECK(wrap(br, "line one\nline two", 200) == std::vector<std::string>{"line one", "line two"});
    CHECK(wrap(br, "  leading and trailing  ", 200) == std::vector<std::string>{"leading and trailing"});
}

TEST_CASE("zero-width spaces and soft hyphens are invisible break opportunities", "[layout][breaks]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    const auto lines = wrap(br, "aaaa\xE2\x80\x8B" "bbbb", 30);  // ZWSP
    CHECK(lines == std::vector<std::string>{"aaaa", "bbbb"});
    CHECK(wrap(br, "aaaa\xC2\xAD" "bbbb", 30) == std::vector<std::string>{"aaaa", "bbbb"});
    CHECK(wrap(br, "aaaa\xC2\xAD" "bbbb", 100) == std::vector<std::string>{"aaaabbbb"});
    CHECK(br.lines()[0].count == 2);  // the soft hyphen itself is never drawn
    CHECK(br.lines()[0].width == Approx(40));
}

TEST_CASE("code keeps its spaces and tabs and hangs trailing spaces when wrapping", "[layout][code]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    const Piece p = text_piece("    int x = 1;", Face::Mono);  // Mono: 6 px
    br.run(std::span<const Piece>(&p, 1), BreakOptions{0, TextAlign::Left, true});
    REQUIRE(br.lines().size() == 1);
    REQUIRE(br.lines()[0].count == 1);
    CHECK(br.segments()[0].begin == 0);
    CHECK(br.segments()[0].width == Approx(7 * 5 + 7 * 6));  // 7 spaces, 7 Mono characters

    const Piece tab = text_piece("\tx", Face::Mono);
    br.run(std::span<const Piece>(&tab, 1), BreakOptions{0, TextAlign::Left, true});
    CHECK(br.segments()[0].width == Approx(4 * 5 + 6));

    const Piece w = text_piece("aaaa bbbb cccc", Face::Mono);
    br.run(std::span<const Piece>(&w, 1), BreakOptions{50, TextAlign::Left, true});
    CHECK(line_texts(br, std::span<const Piece>(&w, 1)) == std::vector<std::string>{"aaaa ", "bbbb ", "cccc"});
}

TEST_CASE("intrinsic widths give the longest word and the unwrapped line", "[layout][measure]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    const Piece p = text_piece("aaa bbbbb cc");
    const IntrinsicWidths w = br.measure(std::span<const Piece>(&p, 1));
    CHECK(w.min == Approx(25));
    CHECK(w.max == Approx(60));
}

TEST_CASE("random text never breaks inside a UTF-8 sequence or a cluster", "[layout][fuzz]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    const std::vector<std::string> parts = {"a", "Đ", "ờ", " ", "  ", "-", "/", kVietNfd, "o\xCC\x81", "\xE2\x80\x8B",
                                            "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB", "7", "\xE2\x80\x94", "\t",
                                            "\xFF", "x\xCC\x80\xCC\x81\xCC\x82"};
    std::mt19937 rng(12345);
    for (int round = 0; round < 400; ++round) {
        std::vector<std::string> texts(1 + rng() % 3);
        for (auto& t : texts) {
            const int n = static_cast<int>(rng() % 30);
            for (int k = 0; k < n; ++k) t += parts[rng() % parts.size()];
        }
        std::vector<Piece> pieces;
        for (size_t k = 0; k < texts.size(); ++k) {
            pieces.push_back(text_piece(texts[k], k % 2 ? Face::SerifBold : Face::SerifRegular));
            if (rng() % 4 == 0) pieces.push_back(break_piece(rng() % 2 ? PieceKind::SoftBreak : PieceKind::HardBreak));
        }
        const float width = static_cast<float>(1 + rng() % 120);
        const auto align = static_cast<TextAlign>(rng() % 4);
        br.run(pieces, BreakOptions{width, align, false});
        INFO("round " << round);
        for (const Line& l : br.lines()) {
            float right = 0;
            for (uint32_t k = l.first; k < l.first + l.count; ++k) {
                const Segment& s = br.segments()[k];
                const std::string_view t = pieces[s.piece].text;
                REQUIRE(s.begin < s.end);
                REQUIRE(s.end <= t.size());
                CHECK_FALSE(is_continuation(t[s.begin]));
                CHECK((s.end == t.size() || !is_continuation(t[s.end])));
                if (s.begin > 0) CHECK_FALSE(starts_with_mark(t.substr(s.begin)));
                if (s.end < t.size()) CHECK_FALSE(starts_with_mark(t.substr(s.end)));
                CHECK(s.x >= right - 0.01f);  // segments do not overlap
                right = s.x + s.width;
            }
            // Only a single cluster may overflow a line.
            if (l.count > 1 || (l.count == 1 && br.segments()[l.first].end - br.segments()[l.first].begin > 20))
                CHECK(right <= width + 0.01f);
        }
    }
}

TEST_CASE("the measurer answers Vietnamese characters from its tables", "[layout][metrics]") {
    FixedMetrics fm;
    TextMeasurer m(fm);
    const size_t after_build = fm.calls;
    CHECK(m.width(Face::SerifRegular, 10, "Thứ Tư, ngày 7 tháng 12 năm 2022 — “Đình Quân”") == Approx(46 * 5));
    CHECK(m.advance(Face::SerifBold, 0x1EF9) == Approx(0.6f));  // ỹ
    CHECK(fm.calls == after_build);  // no virtual call for any of them
    CHECK(m.advance(Face::SerifRegular, 0x4E2D) == Approx(0.5f));  // outside the tables: asks the metrics
    CHECK(fm.calls == after_build + 1);
}

// Runs the line-breaking cases of tests/data/layout/wrap_cases.txt (input → expected
// lines, with synthetic 5 px characters): the spec of wrapping, kept as data.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "layout/line_breaker.h"
#include "layout_test_support.h"

#ifndef READER_TEST_DATA
#define READER_TEST_DATA "tests/data"
#endif

using namespace reader::layout;

namespace {

struct WrapCase {
    int line = 0;           // where it starts in the file
    float width = 0;
    TextAlign align = TextAlign::Left;
    std::string input;
    std::vector<std::string> expected;
};

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// "\n" → line break, "\uXXXX" → that code point, "" alone → the empty string.
std::string unescape(const std::string& s) {
    if (s == "\"\"") return {};
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') { out += '\n'; ++i; }
        else if (s[i] == '\\' && i + 5 < s.size() && s[i + 1] == 'u') {
            append_utf8(out, static_cast<char32_t>(std::stoul(s.substr(i + 2, 4), nullptr, 16)));
            i += 5;
        } else out += s[i];
    }
    return out;
}

std::vector<WrapCase> read_cases(const std::string& path) {
    std::ifstream in(path);
    std::vector<WrapCase> cases;
    std::string line;
    int n = 0;
    enum { Between, Input, Expected } state = Between;
    while (std::getline(in, line)) {
        ++n;
        if (state == Between) {
            if (line.rfind("width ", 0) != 0) continue;  // comments and blank lines
            WrapCase c;
            c.line = n;
            std::istringstream header(line.substr(6));
            std::string align;
            header >> c.width >> align;
            if (align == "justify") c.align = TextAlign::Justify;
            else if (align == "right") c.align = TextAlign::Right;
            else if (align == "center") c.align = TextAlign::Center;
            cases.push_back(c);
            state = Input;
        } else if (state == Input) {
            if (line == ".") state = Expected;
            else cases.back().input += unescape(line);
        } else {
            if (line == "====") state = Between;
            else cases.back().expected.push_back(unescape(line));
        }
    }
    return cases;
}

}  // namespace

TEST_CASE("wrapping follows the cases in tests/data/layout/wrap_cases.txt", "[layout][wrap][spec]") {
    const auto cases = read_cases(std::string(READER_TEST_DATA) + "/layout/wrap_cases.txt");
    REQUIRE(cases.size() >= 10);
    test::FixedMetrics fm;
    TextMeasurer m(fm);
    LineBreaker br(m);
    for (const WrapCase& c : cases) {
        INFO("case at line " << c.line << ": " << c.input);
        Piece p;
        p.text = c.input;
        p.size = 10;
        br.run(std::span<const Piece>(&p, 1), BreakOptions{c.width, c.align, false});
        std::vector<std::string> got;
        for (const Line& l : br.lines()) {
            std::string s;
            float right = -1;
            for (uint32_t k = l.first; k < l.first + l.count; ++k) {
                const Segment& seg = br.segments()[k];
                if (right >= 0 && seg.x > right + 0.01f) s += ' ';
                s += c.input.substr(seg.begin, seg.end - seg.begin);
                right = seg.x + seg.width;
            }
            got.push_back(s);
            if (l.count > 0) CHECK(right <= c.width + 0.01f);
        }
        CHECK(got == c.expected);
    }
}

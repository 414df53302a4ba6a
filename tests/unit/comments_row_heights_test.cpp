// Tests of the windowed comment list's arithmetic: line and height estimates, the
// running tops as estimates are replaced by measured heights, and which rows a
// stretch of the page touches.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "comments/row_heights.h"

using namespace reader::comments;

TEST_CASE("estimate_lines counts paragraphs and wraps by code points", "[comments][row-heights]") {
    CHECK(estimate_lines("", 40) == 1);                              // an empty comment still takes a line
    CHECK(estimate_lines("ngắn", 40) == 1);
    CHECK(estimate_lines(std::string(80, 'a'), 40) == 2);
    CHECK(estimate_lines(std::string(81, 'a'), 40) == 3);
    CHECK(estimate_lines("một\nhai\n\nbốn", 40) == 4);               // blank line between paragraphs counts
    // "ệ" is three bytes but one character: 40 of them fit one 40-character line.
    std::string viet;
    for (int i = 0; i < 40; ++i) viet += "ệ";
    CHECK(estimate_lines(viet, 40) == 1);
    CHECK(estimate_lines("abc", 0) == 3);                            // a silly width still counts something
}

TEST_CASE("estimate_comment_height adds the lines a row shows", "[comments][row-heights]") {
    RowMetrics m;
    m.meta_line = 20;
    m.text_line = 25;
    m.char_width = 10;
    m.width = 400;        // 40 characters a line at indent 0
    m.indent_px = 100;
    m.comment_gap = 12;
    RowShape r;
    r.text = std::string_view("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");   // 50 characters
    CHECK(estimate_comment_height(m, r) == Approx(20 + 2 * 25 + 12));
    r.indent = 2;         // 20 characters a line
    CHECK(estimate_comment_height(m, r) == Approx(20 + 3 * 25 + 12));
    r.indent = 0;
    r.replying_to = r.toggle = r.extra_link = true;
    CHECK(estimate_comment_height(m, r) == Approx(20 * 4 + 2 * 25 + 12));
    CHECK(estimate_link_row_height(m) == Approx(28));
}

TEST_CASE("RowHeights keeps running tops through corrections", "[comments][row-heights]") {
    RowHeights h;
    h.assign({10, 20, 30, 40}, {});
    CHECK(h.size() == 4);
    CHECK(h.top(0) == 0);
    CHECK(h.top(2) == 30);
    CHECK(h.total() == 100);
    CHECK_FALSE(h.measured(1));
    h.set_measured(1, 50);                  // an estimate corrected: rows below move down by 30
    CHECK(h.measured(1));
    CHECK(h.top(1) == 10);
    CHECK(h.top(2) == 60);
    CHECK(h.total() == 130);
    h.set_measured(0, 10);                  // same height: nothing moves, but it is now known
    CHECK(h.measured(0));
    CHECK(h.top(3) == 90);
    h.set_measured(7, 1);                   // out of range: ignored
    CHECK(h.total() == 130);
    // Measured flags given with the heights are kept.
    h.assign({5, 5}, {1, 0});
    CHECK(h.measured(0));
    CHECK_FALSE(h.measured(1));
}

TEST_CASE("RowHeights finds the rows of a stretch of the page", "[comments][row-heights]") {
    RowHeights h;
    CHECK(h.row_at(5) == 0);
    CHECK(h.rows_in(0, 100) == std::pair<size_t, size_t>{0, 0});
    h.assign({10, 20, 30, 40}, {});         // tops 0, 10, 30, 60; total 100
    CHECK(h.row_at(-5) == 0);
    CHECK(h.row_at(0) == 0);
    CHECK(h.row_at(9.9f) == 0);
    CHECK(h.row_at(10) == 1);
    CHECK(h.row_at(59) == 2);
    CHECK(h.row_at(1000) == 3);
    CHECK(h.rows_in(0, 10) == std::pair<size_t, size_t>{0, 1});     // ends exactly at row 1's top
    CHECK(h.rows_in(5, 35) == std::pair<size_t, size_t>{0, 3});
    CHECK(h.rows_in(65, 70) == std::pair<size_t, size_t>{3, 4});
    CHECK(h.rows_in(-50, 1) == std::pair<size_t, size_t>{0, 1});
    CHECK(h.rows_in(100, 200) == std::pair<size_t, size_t>{0, 0});  // below the last row
    CHECK(h.rows_in(-50, 0) == std::pair<size_t, size_t>{0, 0});    // above the first
}

TEST_CASE("RowHeights answers quickly for a 100,000-row list", "[comments][row-heights]") {
    std::vector<float> est(100000, 50.0f);
    RowHeights h;
    h.assign(est, {});
    CHECK(h.total() == Approx(5000000));
    h.set_measured(99999, 150);
    CHECK(h.total() == Approx(5000100));
    CHECK(h.row_at(2500000) == 50000);
    const auto [first, last] = h.rows_in(2500000, 2500900);
    CHECK(first == 50000);
    CHECK(last == 50018);
}

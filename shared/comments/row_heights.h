// Heights of the comment rows, for laying out only the rows on screen.
//
// A long comment list (100,000 comments, or the 60,000 rows a deep link to an old
// comment loads) cannot be laid out whole: the section lays out the rows near the
// view and stands every other row in by a height, measured once the row has been
// laid out, estimated (estimate_row_height) before. RowHeights keeps those heights
// and the running tops, and answers which rows a stretch of the page shows.
//
// Estimates are corrected as rows get laid out, which moves the rows below them; the
// caller keeps the reader's place by noting the row at the top of the view (its index
// and offset) before a layout and scrolling by how far that row moved.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace reader::comments {

// What a row's height is estimated from: the section's type sizes and column width.
struct RowMetrics {
    float meta_line = 20;        // a line of the author/time line and of the links under it
    float text_line = 24;        // a line of comment text
    float char_width = 8;        // the average advance of a character of comment text
    float width = 680;           // the column width
    float indent_px = 24;        // per indent level
    float comment_gap = 12;      // below a comment row
    float link_row_gap = 8;      // below a "show N more replies" / "load more" row
};

// What the estimate needs to know of one comment row.
struct RowShape {
    std::string_view text;       // the text as shown (the beginning only when it is cut)
    uint16_t indent = 0;
    bool replying_to = false;    // a "replying to ..." line
    bool toggle = false;         // a "hide replies" / "show N replies" line
    bool extra_link = false;     // a "show the whole comment" line
};

// Lines the text wraps to at `chars_per_line`: each paragraph (split at '\n') takes at
// least one line and one more per `chars_per_line` characters (code points).
uint32_t estimate_lines(std::string_view text, float chars_per_line);

// A comment row's height; a link row ("show N more replies", "load more") is one
// meta line and its gap.
float estimate_comment_height(const RowMetrics& m, const RowShape& row);
float estimate_link_row_height(const RowMetrics& m);

class RowHeights {
public:
    // Every row estimated (or already known: `measured[i]` true keeps heights[i] as final).
    void assign(std::vector<float> heights, std::vector<uint8_t> measured);
    size_t size() const { return height_.size(); }

    float height(size_t row) const { return height_[row]; }
    bool measured(size_t row) const { return measured_[row] != 0; }
    // Sets a row's laid-out height; the tops of the rows below move.
    void set_measured(size_t row, float height);

    // Distance from the first row's top to `row`'s top (row == size(): the total).
    float top(size_t row) const;
    float total() const { return top(height_.size()); }
    // The row covering `y` (clamped: 0 above the first, size() - 1 below the last;
    // size() when there are no rows).
    size_t row_at(float y) const;
    // The rows [first, last) that touch [y0, y1).
    std::pair<size_t, size_t> rows_in(float y0, float y1) const;

private:
    void update_tops() const;
    std::vector<float> height_;
    std::vector<uint8_t> measured_;
    mutable std::vector<float> top_;       // top_[i]: sum of heights before row i; size()+1 entries
    mutable size_t dirty_from_ = 0;        // tops from this row on are stale
};

}  // namespace reader::comments

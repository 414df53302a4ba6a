// See row_heights.h.
#include "comments/row_heights.h"

#include <algorithm>
#include <cmath>

namespace reader::comments {

uint32_t estimate_lines(std::string_view text, float chars_per_line) {
    const float per_line = std::max(1.0f, chars_per_line);
    uint32_t lines = 0;
    uint32_t chars = 0;
    auto end_paragraph = [&] { lines += std::max<uint32_t>(1, static_cast<uint32_t>(std::ceil(static_cast<float>(chars) / per_line))); };
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n') {
            end_paragraph();
            chars = 0;
        } else if ((c & 0xC0) != 0x80) {   // not a continuation byte: a new code point
            ++chars;
        }
    }
    end_paragraph();
    return lines;
}

float estimate_comment_height(const RowMetrics& m, const RowShape& row) {
    const float text_width = std::max(m.char_width, m.width - static_cast<float>(row.indent) * m.indent_px);
    float h = m.meta_line;   // author · time · likes
    if (row.replying_to) h += m.meta_line;
    h += static_cast<float>(estimate_lines(row.text, text_width / std::max(1.0f, m.char_width))) * m.text_line;
    if (row.extra_link) h += m.meta_line;
    if (row.toggle) h += m.meta_line;
    return h + m.comment_gap;
}

float estimate_link_row_height(const RowMetrics& m) { return m.meta_line + m.link_row_gap; }

void RowHeights::assign(std::vector<float> heights, std::vector<uint8_t> measured) {
    height_ = std::move(heights);
    measured_ = std::move(measured);
    measured_.resize(height_.size(), 0);
    top_.assign(height_.size() + 1, 0.0f);
    dirty_from_ = 0;
}

void RowHeights::set_measured(size_t row, float height) {
    if (row >= height_.size()) return;
    measured_[row] = 1;
    if (height_[row] == height) return;
    height_[row] = height;
    dirty_from_ = std::min(dirty_from_, row + 1);
}

void RowHeights::update_tops() const {
    if (dirty_from_ > height_.size()) return;
    if (dirty_from_ == 0) top_[0] = 0;
    for (size_t i = std::max<size_t>(dirty_from_, 1); i <= height_.size(); ++i) top_[i] = top_[i - 1] + height_[i - 1];
    dirty_from_ = height_.size() + 1;
}

float RowHeights::top(size_t row) const {
    update_tops();
    return top_[std::min(row, height_.size())];
}

size_t RowHeights::row_at(float y) const {
    if (height_.empty()) return 0;
    update_tops();
    // The last row whose top is at or above y.
    const auto it = std::upper_bound(top_.begin(), top_.begin() + static_cast<std::ptrdiff_t>(height_.size()), y);
    if (it == top_.begin()) return 0;
    return static_cast<size_t>(it - top_.begin()) - 1;
}

std::pair<size_t, size_t> RowHeights::rows_in(float y0, float y1) const {
    if (height_.empty() || y1 <= 0 || y0 >= total() || y1 <= y0) return {0, 0};
    const size_t first = row_at(y0);
    size_t last = row_at(y1);
    if (top(last) < y1) ++last;   // the row holding y1 touches the range
    return {first, std::min(last, height_.size())};
}

}  // namespace reader::comments

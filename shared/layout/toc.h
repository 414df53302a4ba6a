// Table of contents of a laid-out article: its headings in reading order with the y
// to scroll to, and which one the reader is in at a given scroll position. Used by
// the library panel (wasm/views/library_panel.cpp); built from DisplayList::anchors().
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "layout/display_list.h"

namespace reader::layout {

struct TocEntry {
    std::string_view text;      // the heading's text (points into the bundle or the list)
    float y = 0;                // top of the heading in the list's coordinates
    uint32_t block = kNone;     // the heading's block (Bundle::blocks index)
    uint8_t level = 1;          // Markdown level, 1..6
    uint8_t depth = 0;          // indentation: 0 for the article's top headings, +1 per level below,
                                // never more than one deeper than the entry before (## then #### is one step)
};

// The headings of `list` (anchors with level > 0 and some text), in reading order.
// The views point into `list`: rebuild after the list is laid out again.
std::vector<TocEntry> table_of_contents(const DisplayList& list);

// The entry the reader is in when the top of the view is at `view_top` (list
// coordinates) and the heading counts as reached `lookahead` px below it: the last
// entry whose y <= view_top + lookahead; -1 before the first heading.
int toc_current(std::span<const TocEntry> toc, float view_top, float lookahead);

}  // namespace reader::layout

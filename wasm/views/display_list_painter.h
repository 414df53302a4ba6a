// Draws a layout::DisplayList with ImGui: text in the right font and size, link
// underlines, strike-through, code backgrounds, rules, boxes, bullets, check boxes
// and image placeholders, in the current theme's colours.
#pragma once

#include <imgui.h>

#include <span>

#include "layout/display_list.h"

namespace views {

ImU32 ink_color(reader::layout::Ink ink);

// A range of Bundle::text to highlight (search matches), sorted by `off`.
struct Highlight {
    uint32_t off = 0;
    uint32_t len = 0;
    bool current = false;   // the match the find bar is on
};

// Draws items [first, last) of `list` with the list's origin at `origin` (screen px),
// with highlights behind the text they cover.
void paint(ImDrawList* dl, const reader::layout::DisplayList& list, const reader::layout::TextMeasurer& m,
           ImVec2 origin, uint32_t first, uint32_t last, uint32_t hovered_link = reader::layout::kNone,
           std::span<const Highlight> highlights = {});

}  // namespace views

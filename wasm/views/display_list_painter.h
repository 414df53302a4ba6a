// Draws a layout::DisplayList with ImGui: text in the right font and size, link
// underlines, strike-through, code backgrounds, rules, boxes, bullets, check boxes
// and image placeholders, in the current theme's colours.
#pragma once

#include <imgui.h>

#include "layout/display_list.h"

namespace views {

ImU32 ink_color(reader::layout::Ink ink);

// Draws items [first, last) of `list` with the list's origin at `origin` (screen px).
void paint(ImDrawList* dl, const reader::layout::DisplayList& list, const reader::layout::TextMeasurer& m,
           ImVec2 origin, uint32_t first, uint32_t last, uint32_t hovered_link = reader::layout::kNone);

}  // namespace views

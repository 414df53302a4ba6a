// Draws the article's text selection (layout::TextSelection) over the display list:
// one translucent box per line piece, so a selection reads across wrapped lines and
// paragraphs, in the theme's selection colour.
#pragma once

#include <imgui.h>

#include <vector>

#include "layout/display_list.h"
#include "layout/text_selection.h"

namespace views {

// Items [first, last) of `list` (the visible ones) with the list's origin at `origin`
// (screen px). `scratch` is reused between frames to avoid allocations.
void paint_selection(ImDrawList* dl, const reader::layout::DisplayList& list, const reader::layout::TextMeasurer& m,
                     const reader::layout::TextSelection& sel, ImVec2 origin, uint32_t first, uint32_t last,
                     std::vector<reader::layout::Rect>& scratch);

}  // namespace views

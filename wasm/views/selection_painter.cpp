// See selection_painter.h.
#include "views/selection_painter.h"

#include "theme.h"

namespace views {

void paint_selection(ImDrawList* dl, const reader::layout::DisplayList& list, const reader::layout::TextMeasurer& m,
                     const reader::layout::TextSelection& sel, ImVec2 o, uint32_t first, uint32_t last,
                     std::vector<reader::layout::Rect>& scratch) {
    if (sel.empty()) return;
    scratch.clear();
    reader::layout::selection_rects(list, sel, first, last, m, scratch);
    // Drawn over the text, translucent: backgrounds (code, table headers) stay visible
    // under it and the text stays readable in every theme.
    const ImU32 col = theme::palette().selection;   // already translucent
    for (const auto& r : scratch) {
        dl->AddRectFilled(ImVec2(o.x + r.x, o.y + r.y), ImVec2(o.x + r.x + r.w, o.y + r.y + r.h), col);
    }
}

}  // namespace views

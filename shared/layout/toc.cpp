// See toc.h.
#include "layout/toc.h"

#include <algorithm>

namespace reader::layout {

namespace {

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

std::vector<TocEntry> table_of_contents(const DisplayList& list) {
    std::vector<TocEntry> out;
    int top_level = 7;
    for (const Anchor& a : list.anchors()) {
        if (a.level > 0 && !blank(list.text(a))) top_level = std::min<int>(top_level, a.level);
    }
    int prev_depth = -1;
    for (const Anchor& a : list.anchors()) {
        if (a.level == 0) continue;
        const std::string_view text = list.text(a);
        if (blank(text)) continue;   // an empty heading has nothing to show in a list
        TocEntry e;
        e.text = text;
        e.y = a.y;
        e.block = a.block;
        e.level = a.level;
        // Skipped levels (## then ####) indent one step, not two.
        const int depth = std::min(a.level - top_level, prev_depth + 1);
        e.depth = static_cast<uint8_t>(std::max(0, depth));
        prev_depth = e.depth;
        out.push_back(e);
    }
    // Anchors come in reading order already; a stable sort keeps it so if a future
    // layout adds them out of order (side-by-side content).
    std::stable_sort(out.begin(), out.end(), [](const TocEntry& x, const TocEntry& z) { return x.y < z.y; });
    return out;
}

int toc_current(std::span<const TocEntry> toc, float view_top, float lookahead) {
    const float reached = view_top + lookahead;
    const auto it = std::upper_bound(toc.begin(), toc.end(), reached, [](float y, const TocEntry& e) { return y < e.y; });
    return static_cast<int>(it - toc.begin()) - 1;
}

}  // namespace reader::layout

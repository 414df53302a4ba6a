// "Ý kiến bạn đọc": the reader comments under an article, laid out as rows of the
// core's comment display model (comments/display.h). Only the rows near the view are
// laid out (a window over the rows); the others stand in by their measured or
// estimated heights (comments/row_heights.h), so opening, scrolling and a deep link
// into 100,000 comments cost the same as into a few. Sorting, collapsing,
// "show N more replies", "load more", and a refresh from the article's comments URL
// with loading, empty, offline and error states. A linked comment (deep link, search
// hit) is highlighted; very long comments show their beginning and a "show all" link,
// so one huge comment cannot make every layout slow.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "comments/display.h"
#include "comments/row_heights.h"
#include "layout/article_layout.h"
#include "layout/item_snippet.h"
#include "model/document.h"

class App;

namespace views {

struct SectionAction {                    // a clickable place in the sections' display list
    enum Kind { OpenArticle, OpenUrl, Sort, Toggle, MoreReplies, LoadMore, Refresh, Tooltip, ShowFullText } kind;
    float x0, y0, x1, y1;
    int article = -1;
    uint32_t comment = UINT32_MAX;
    int sort = 0;
    std::string text;                     // URL, or tooltip text
};

class CommentsSection {
public:
    // Lays the section out into `out` from y; returns the y below it. [view_top,
    // view_bottom) is the part of `out` on screen: the rows near it are laid out.
    float layout(App& app, int article, reader::layout::DisplayList& out, reader::layout::LineBreaker& breaker,
                 const reader::layout::LayoutSettings& ls, float width, float y, float view_top, float view_bottom,
                 std::vector<SectionAction>& actions);

    // True when the view [view_top, view_bottom) (coordinates of the list laid out
    // into) comes near rows that are not laid out: the caller lays the section out again.
    bool needs_layout(float view_top, float view_bottom) const;

    // How far the last layout moved the row at the top of the view (estimates above
    // it replaced by measured heights); the caller scrolls by it. Reading clears it.
    float take_scroll_shift() { const float s = scroll_shift_; scroll_shift_ = 0; return s; }

    // Handles a click on one of its actions; true when the layout must be rebuilt.
    bool act(App& app, const SectionAction& a);

    // Makes `comment` visible (deep link or search hit); false when it is not shown.
    bool reveal(uint32_t comment);

    // A refresh answered: the bytes of the comments URL (or an error).
    void refreshed(App& app, int article, bool ok, int status, std::string_view bytes, std::string_view error);

    const reader::Bundle* source(const App& app) const;   // the bundle holding the comments shown
    void reset();                                           // another article

    // What the section shows, for reader:stats (tests and hosts check state, not pixels):
    // status, sort, totals, the rows (first `max_rows`), the highlighted comment, and
    // the CPU time of the last layout.
    nlohmann::json stats(App& app, size_t max_rows = 200) const;

    // Comments longer than this (bytes of UTF-8) show their beginning and "show all".
    static constexpr size_t kLongCommentBytes = 1500;

private:
    enum class Status { Idle, Loading, Updated, Offline, Error };
    void ensure_order(App& app, int article);
    void apply_pending_reveal();
    void update_heights(const reader::Bundle& b, const reader::comments::RowMetrics& metrics);
    reader::comments::RowShape shape_of(const reader::Bundle& b, const reader::comments::CommentRow& row) const;

    int article_ = -1;
    reader::comments::CommentSort sort_ = reader::comments::CommentSort::Newest;
    std::unique_ptr<reader::comments::CommentOrder> order_;
    reader::comments::DisplayState state_;
    reader::comments::DisplayOptions options_;
    std::vector<reader::comments::CommentRow> rows_;
    bool rows_dirty_ = true;                              // state or order changed: rows_ rebuilt at the next layout
    reader::comments::RowHeights heights_;                // per row of rows_: measured or estimated
    reader::comments::RowMetrics metrics_{};              // what the heights were estimated and measured with
    std::unordered_map<uint64_t, float> measured_;        // laid-out heights by row identity, kept across rebuilds of rows_
    uint32_t focus_comment_ = UINT32_MAX;                 // the next layout centres its window on this comment
    float rows_top_ = 0;                                  // where the rows start in the list laid out into
    float laid_y0_ = 0, laid_y1_ = 0;                     // the stretch of it laid out row by row
    size_t laid_first_ = 0, laid_last_ = 0;               // those rows [first, last)
    float scroll_shift_ = 0;                              // see take_scroll_shift()
    double order_ms_ = 0;                                 // CPU time of the last CommentOrder build (a sort)
    double rows_ms_ = 0;                                  // CPU time of the last rows + heights rebuild
    std::unique_ptr<reader::Bundle> refreshed_;           // comments from the comments URL
    Status status_ = Status::Idle;
    std::string status_text_;
    // What the last layout() put on screen: stats report these, so a host (or a test)
    // that sees "updated" also sees the new rows and controls, not the frame before.
    Status shown_status_ = Status::Idle;
    std::string shown_status_text_;
    reader::comments::CommentSort shown_sort_ = reader::comments::CommentSort::Newest;
    uint32_t pending_reveal_ = UINT32_MAX;                // reveal() waiting for the next layout
    uint32_t highlighted_ = UINT32_MAX;                   // the linked comment (index in source())
    std::unordered_set<uint32_t> full_text_;              // long comments the reader opened in full
    double last_layout_ms_ = 0;                           // CPU time of the last layout()
    uint32_t laid_out_comments_ = 0;                      // comment rows in the last layout()
    uint32_t reused_rows_ = 0;                            // of them, pasted from the row cache
    // The comment rows of the last window, as laid out (items and actions relative to
    // the row's top): a window move pastes the rows it still shows instead of breaking
    // their lines again, so only the rows entering it are laid out. Valid while what a
    // row shows cannot change (see CacheKey); rows leaving the window are dropped.
    struct CachedRow {
        reader::layout::ItemSnippet items;
        std::vector<SectionAction> actions;
        float height = 0;
    };
    struct CacheKey {
        uint64_t rows_generation = 0;                     // rows rebuilt (sort, expand, load more, refresh, reveal,
                                                          // and new row metrics: type size, column width)
        reader::layout::LayoutSettings settings{};
        int lang = -1;
        int64_t minute = 0;                               // relative times ("3 phút trước") move with the clock
        uint32_t highlighted = UINT32_MAX;
        bool operator==(const CacheKey&) const = default;
    };
    std::unordered_map<uint64_t, CachedRow> row_cache_;   // by row_key
    CacheKey row_cache_key_;
    uint64_t rows_generation_ = 0;
    const reader::layout::DisplayList* list_ = nullptr;   // the list laid out into (the view's sections)
    float top_ = 0, width_ = 0;                           // where the section starts in it; column width
    std::vector<SectionAction> boxes_;                    // the section's own clickable places, for stats
};

}  // namespace views

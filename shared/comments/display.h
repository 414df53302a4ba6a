// What the comments section shows: a flat list of rows built from the comment tree.
//
// The UI lays out and draws only the rows on screen, so this list must be cheap to
// build even for 100,000 comments: it holds indices and small counts, no text.
//
//   ThreadsView      the model's tree for one article (Bundle::comments,
//                    Bundle::comment_children, Article::comments);
//   CommentOrder     built once per article and sort order: the top-level order and
//                    per-comment counts (O(n) plus one sort of the top level);
//   DisplayState     the reader's choices: collapsed / expanded threads, pages loaded;
//   build_rows       order + options + state -> rows, in time proportional to the
//                    rows produced (plus the pages of top-level threads skipped).
//
// Rules: top-level threads follow the chosen sort (newest, oldest, most liked);
// replies are always oldest first. Replies are indented up to `max_indent` levels;
// deeper ones stay at that indent and name the comment they answer ("replying to").
// Each reply list shows its first `replies_preview` replies, then a "show N more
// replies" row, until the reader expands it; a collapsed comment shows no replies.
// `page_size` top-level threads are shown per page, then a "load more" row. Deleted
// comments with nothing visible under them are left out entirely.
#pragma once

#include <cstdint>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "comments/threading.h"
#include "model/document.h"

namespace reader::comments {

enum class CommentSort : uint8_t { Newest, Oldest, MostLiked };

// The model's comment tree of one article. Reply lists must be oldest first, as
// build_threads/store_threads leave them.
struct ThreadsView {
    std::span<const Comment> comments;       // Bundle::comments
    std::span<const uint32_t> children;      // Bundle::comment_children
    Range top_level;                         // Article::comments
};

struct DisplayOptions;
class DisplayState;
struct CommentRow;

// Per-article, per-sort data for building rows. It keeps the view: the bundle it
// points into must outlive it (rebuild it when the bundle or the comments change).
class CommentOrder {
public:
    CommentOrder() = default;
    CommentOrder(ThreadsView view, CommentSort sort, bool hide_deleted_leaves = true);

    CommentSort sort() const { return sort_; }
    const ThreadsView& view() const { return view_; }

    // Top-level comments shown, in display order (deleted leaves left out).
    std::span<const uint32_t> top_level() const { return top_; }

    // True when the comment belongs to this article's tree and is shown.
    bool is_shown(uint32_t comment) const;
    // Replies shown directly under it / in its whole subtree (0 if not in the tree).
    uint32_t shown_replies(uint32_t comment) const;
    uint32_t shown_descendants(uint32_t comment) const;
    // Its parent in the tree, kNoComment at top level or outside the tree.
    uint32_t parent_of(uint32_t comment) const;
    // All comments shown (top level and replies): the count the rows can reach.
    uint32_t shown_total() const { return shown_total_; }

private:
    friend void build_rows(const CommentOrder&, const DisplayOptions&, const DisplayState&,
                           std::vector<CommentRow>&);
    friend bool reveal_comment(const CommentOrder&, const DisplayOptions&, uint32_t, DisplayState&);
    struct Node {
        uint32_t parent = kNoComment;   // tree parent as walked (guards against bad models)
        uint32_t replies = 0;           // shown direct replies
        uint32_t descendants = 0;       // shown comments in the subtree, itself excluded
        uint8_t flags = 0;              // kInTree | kShown
    };
    static constexpr uint8_t kInTree = 1, kShown = 2;
    const Node* node(uint32_t comment) const;

    ThreadsView view_;
    CommentSort sort_ = CommentSort::Newest;
    uint32_t base_ = 0;                 // nodes_[i] describes comment base_ + i
    std::vector<Node> nodes_;
    std::vector<uint32_t> top_;
    uint32_t shown_total_ = 0;
};

enum class ReplyState : uint8_t {
    Preview,    // the first `replies_preview` replies, then "show N more replies"
    Expanded,   // all replies
    Collapsed,  // none: the comment row offers "show N replies"
};

struct DisplayOptions {
    uint32_t max_indent = 3;        // indentation levels before replies are flattened
    uint32_t replies_preview = 3;   // replies shown per list before "show N more"
    uint32_t page_size = 20;        // top-level threads per "load more"
};

// The reader's choices for one article's comments, keyed by comment index.
class DisplayState {
public:
    uint32_t pages = 1;             // top-level pages loaded (at least 1 is shown)

    ReplyState replies(uint32_t comment) const;
    void set_replies(uint32_t comment, ReplyState state);
    void toggle_collapsed(uint32_t comment);   // Collapsed <-> what it showed before (Preview or Expanded)
    void load_more() { ++pages; }
    void reset() { pages = 1; states_.clear(); collapsed_.clear(); }

    // The same choices after a refresh renumbered the comments: `new_index_of[old]`
    // is a comment's new index (kNoComment when it is gone; ids the caller matched).
    // Pages are kept, so the reader stays where they were.
    DisplayState remapped(std::span<const uint32_t> new_index_of) const;

private:
    std::unordered_map<uint32_t, ReplyState> states_;  // only Expanded entries
    std::unordered_set<uint32_t> collapsed_;           // collapsed threads (their Expanded entry is kept)
};

enum class RowKind : uint8_t {
    Comment,       // a comment
    MoreReplies,   // "show N more replies" under `comment`
    LoadMore,      // "load N more comments" at the end
};

struct CommentRow {
    uint32_t comment = kNoComment;      // Comment: itself; MoreReplies: the parent; LoadMore: none
    uint32_t replying_to = kNoComment;  // Comment rows flattened past max_indent: the parent
    uint32_t count = 0;                 // Comment: shown comments under it (expanded or not);
                                        // MoreReplies: replies still hidden in that list;
                                        // LoadMore: top-level threads not yet shown
    uint16_t indent = 0;                // 0 for top level, at most max_indent
    RowKind kind = RowKind::Comment;
};

// Replaces `rows` with the rows to show. Reuses the vector's storage.
void build_rows(const CommentOrder& order, const DisplayOptions& options, const DisplayState& state,
                std::vector<CommentRow>& rows);

// Changes `state` so that `comment` gets a row (a deep link, a search hit): loads
// pages up to its thread and expands whatever hides it. False when the comment is
// not shown in this order at all (not in the article, or a deleted leaf).
bool reveal_comment(const CommentOrder& order, const DisplayOptions& options, uint32_t comment,
                    DisplayState& state);

// The row of a comment, or SIZE_MAX.
size_t find_row(std::span<const CommentRow> rows, uint32_t comment);

}  // namespace reader::comments

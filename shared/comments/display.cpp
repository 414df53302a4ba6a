// Building the visible comment rows from the tree (see display.h for the rules).
#include "comments/display.h"

#include <algorithm>

namespace reader::comments {
namespace {

// The children range of a comment, clipped to the children array so a damaged model
// can never make us read out of bounds.
std::span<const uint32_t> replies_of(const ThreadsView& view, uint32_t comment) {
    if (comment >= view.comments.size()) return {};
    Range r = view.comments[comment].replies;
    if (r.begin >= r.end || r.begin >= view.children.size()) return {};
    uint32_t end = std::min<uint32_t>(r.end, static_cast<uint32_t>(view.children.size()));
    return view.children.subspan(r.begin, end - r.begin);
}

std::span<const uint32_t> top_level_of(const ThreadsView& view) {
    Range r = view.top_level;
    if (r.begin >= r.end || r.begin >= view.children.size()) return {};
    uint32_t end = std::min<uint32_t>(r.end, static_cast<uint32_t>(view.children.size()));
    return view.children.subspan(r.begin, end - r.begin);
}

uint16_t indent_for(uint32_t depth, uint32_t max_indent) {
    uint32_t indent = std::min(depth, max_indent);
    return static_cast<uint16_t>(std::min<uint32_t>(indent, UINT16_MAX));
}

}  // namespace

// ------------------------------------------------------------------ CommentOrder
CommentOrder::CommentOrder(ThreadsView view, CommentSort sort, bool hide_deleted_leaves)
    : view_(view), sort_(sort) {
    const uint32_t total = static_cast<uint32_t>(std::min<size_t>(view.comments.size(), kNoComment - 1));
    std::span<const uint32_t> roots = top_level_of(view);

    // Walk the tree breadth first, accepting each comment once (a damaged model that
    // lists a comment twice, or in a loop, cannot make the walk or the rows endless).
    // The index range the article uses sizes the per-comment table.
    uint32_t lo = UINT32_MAX, hi = 0;
    std::vector<uint32_t> walk;
    std::vector<uint32_t> walk_parent;
    std::vector<uint8_t> seen;  // bundle-wide bitmap, freed before returning
    seen.assign(total, 0);
    for (uint32_t r : roots) {
        if (r >= total || seen[r]) continue;
        seen[r] = 1;
        walk.push_back(r);
        walk_parent.push_back(kNoComment);
    }
    for (size_t head = 0; head < walk.size(); ++head) {
        uint32_t c = walk[head];
        lo = std::min(lo, c);
        hi = std::max(hi, c);
        for (uint32_t r : replies_of(view, c)) {
            if (r >= total || seen[r]) continue;
            seen[r] = 1;
            walk.push_back(r);
            walk_parent.push_back(c);
        }
    }
    seen = {};
    if (walk.empty()) return;
    base_ = lo;
    nodes_.assign(static_cast<size_t>(hi - lo) + 1, Node{});
    for (size_t k = 0; k < walk.size(); ++k) {
        Node& n = nodes_[walk[k] - base_];
        n.parent = walk_parent[k];
        n.flags = kInTree;
    }
    // Bottom up (reverse breadth-first order): counts of shown replies; a deleted
    // comment with nothing shown under it is not shown either.
    for (size_t k = walk.size(); k-- > 0;) {
        uint32_t c = walk[k];
        Node& n = nodes_[c - base_];
        bool shown = !(hide_deleted_leaves && view.comments[c].deleted && n.descendants == 0);
        if (!shown) continue;
        n.flags |= kShown;
        ++shown_total_;
        if (n.parent != kNoComment) {
            Node& p = nodes_[n.parent - base_];
            p.replies += 1;
            p.descendants += n.descendants + 1;
        }
    }

    for (uint32_t r : roots) {
        if (r < total && is_shown(r) && nodes_[r - base_].parent == kNoComment) top_.push_back(r);
    }
    // Ties fall back to the index so the order never depends on the sort algorithm.
    const std::span<const Comment> cs = view.comments;
    switch (sort) {
        case CommentSort::Newest:
            std::sort(top_.begin(), top_.end(), [&](uint32_t a, uint32_t b) {
                int64_t ta = cs[a].published_unix, tb = cs[b].published_unix;
                return ta != tb ? ta > tb : a > b;
            });
            break;
        case CommentSort::Oldest:
            std::sort(top_.begin(), top_.end(), [&](uint32_t a, uint32_t b) {
                int64_t ta = cs[a].published_unix, tb = cs[b].published_unix;
                return ta != tb ? ta < tb : a < b;
            });
            break;
        case CommentSort::MostLiked:
            std::sort(top_.begin(), top_.end(), [&](uint32_t a, uint32_t b) {
                if (cs[a].likes != cs[b].likes) return cs[a].likes > cs[b].likes;
                int64_t ta = cs[a].published_unix, tb = cs[b].published_unix;
                return ta != tb ? ta > tb : a > b;
            });
            break;
    }
}

const CommentOrder::Node* CommentOrder::node(uint32_t comment) const {
    if (comment < base_ || comment - base_ >= nodes_.size()) return nullptr;
    const Node* n = &nodes_[comment - base_];
    return (n->flags & kInTree) ? n : nullptr;
}

bool CommentOrder::is_shown(uint32_t comment) const {
    const Node* n = node(comment);
    return n && (n->flags & kShown);
}

uint32_t CommentOrder::shown_replies(uint32_t comment) const {
    const Node* n = node(comment);
    return n ? n->replies : 0;
}

uint32_t CommentOrder::shown_descendants(uint32_t comment) const {
    const Node* n = node(comment);
    return n ? n->descendants : 0;
}

uint32_t CommentOrder::parent_of(uint32_t comment) const {
    const Node* n = node(comment);
    return n ? n->parent : kNoComment;
}

// ------------------------------------------------------------------ DisplayState
ReplyState DisplayState::replies(uint32_t comment) const {
    if (states_.empty() && collapsed_.empty()) return ReplyState::Preview;  // the common case: no hashing per row
    if (collapsed_.count(comment)) return ReplyState::Collapsed;
    auto it = states_.find(comment);
    return it == states_.end() ? ReplyState::Preview : it->second;
}

void DisplayState::set_replies(uint32_t comment, ReplyState state) {
    switch (state) {
        case ReplyState::Preview: states_.erase(comment); collapsed_.erase(comment); break;
        case ReplyState::Expanded: states_[comment] = state; collapsed_.erase(comment); break;
        case ReplyState::Collapsed: collapsed_.insert(comment); break;   // keeps whether it was expanded
    }
}

void DisplayState::toggle_collapsed(uint32_t comment) {
    // Expanding a collapsed thread shows what it showed before (the whole list if the
    // reader had opened it), as Disqus and Remark42 do.
    if (!collapsed_.erase(comment)) collapsed_.insert(comment);
}

DisplayState DisplayState::remapped(std::span<const uint32_t> new_index_of) const {
    DisplayState out;
    out.pages = pages;
    for (const auto& [comment, state] : states_) {
        if (comment < new_index_of.size() && new_index_of[comment] != kNoComment) {
            out.states_[new_index_of[comment]] = state;
        }
    }
    for (uint32_t comment : collapsed_) {
        if (comment < new_index_of.size() && new_index_of[comment] != kNoComment) out.collapsed_.insert(new_index_of[comment]);
    }
    return out;
}

// ------------------------------------------------------------------ rows
void build_rows(const CommentOrder& order, const DisplayOptions& options, const DisplayState& state,
                std::vector<CommentRow>& rows) {
    rows.clear();
    const ThreadsView& view = order.view_;
    const uint64_t page_size = std::max<uint32_t>(options.page_size, 1);
    const uint64_t pages = std::max<uint32_t>(state.pages, 1);
    const size_t top_total = order.top_.size();
    const size_t top_shown = static_cast<size_t>(std::min<uint64_t>(top_total, page_size * pages));

    // An explicit stack (no recursion): one frame per open reply list.
    struct Frame {
        uint32_t comment;       // whose replies are being listed
        uint32_t depth;         // depth of `comment`
        uint32_t next;          // next position in its replies range
        uint32_t shown;         // replies emitted so far
        uint32_t limit;         // replies to emit before "show more"
    };
    std::vector<Frame> stack;

    auto emit_comment = [&](uint32_t c, uint32_t depth) {
        const CommentOrder::Node& n = order.nodes_[c - order.base_];
        CommentRow row;
        row.kind = RowKind::Comment;
        row.comment = c;
        row.indent = indent_for(depth, options.max_indent);
        if (depth > options.max_indent) row.replying_to = n.parent;
        row.count = n.descendants;
        rows.push_back(row);
        if (n.replies == 0) return;
        ReplyState rs = state.replies(c);
        if (rs == ReplyState::Collapsed) return;
        uint32_t limit = rs == ReplyState::Expanded ? UINT32_MAX : options.replies_preview;
        stack.push_back(Frame{c, depth, 0, 0, limit});
    };

    for (size_t t = 0; t < top_shown; ++t) {
        emit_comment(order.top_[t], 0);
        while (!stack.empty()) {
            Frame& f = stack.back();
            std::span<const uint32_t> replies = replies_of(view, f.comment);
            // Next reply that belongs to this comment in the walked tree and is shown.
            uint32_t r = kNoComment;
            while (f.next < replies.size()) {
                uint32_t cand = replies[f.next++];
                const CommentOrder::Node* n = order.node(cand);
                if (n && (n->flags & CommentOrder::kShown) && n->parent == f.comment) { r = cand; break; }
            }
            if (r == kNoComment) {
                stack.pop_back();
                continue;
            }
            if (f.shown >= f.limit) {
                CommentRow more;
                more.kind = RowKind::MoreReplies;
                more.comment = f.comment;
                more.count = order.nodes_[f.comment - order.base_].replies - f.shown;
                more.indent = indent_for(f.depth + 1, options.max_indent);
                rows.push_back(more);
                stack.pop_back();
                continue;
            }
            ++f.shown;
            uint32_t depth = f.depth + 1;  // `f` may dangle once emit_comment pushes
            emit_comment(r, depth);
        }
    }
    if (top_shown < top_total) {
        CommentRow more;
        more.kind = RowKind::LoadMore;
        more.count = static_cast<uint32_t>(top_total - top_shown);
        rows.push_back(more);
    }
}

bool reveal_comment(const CommentOrder& order, const DisplayOptions& options, uint32_t comment,
                    DisplayState& state) {
    if (!order.is_shown(comment)) return false;
    // Climb to the top, opening each reply list far enough to hold the child.
    uint32_t child = comment;
    uint32_t parent = order.parent_of(child);
    size_t guard = order.nodes_.size();
    while (parent != kNoComment && guard-- > 0) {
        uint32_t position = 0;  // among the parent's shown replies
        for (uint32_t r : replies_of(order.view_, parent)) {
            if (r == child) break;
            const CommentOrder::Node* n = order.node(r);
            if (n && (n->flags & CommentOrder::kShown) && n->parent == parent) ++position;
        }
        ReplyState rs = state.replies(parent);
        bool hidden = rs == ReplyState::Collapsed || (rs == ReplyState::Preview && position >= options.replies_preview);
        if (hidden) {
            state.set_replies(parent, position < options.replies_preview ? ReplyState::Preview : ReplyState::Expanded);
        }
        child = parent;
        parent = order.parent_of(child);
    }
    auto it = std::find(order.top_.begin(), order.top_.end(), child);
    if (it == order.top_.end()) return false;
    const uint64_t page_size = std::max<uint32_t>(options.page_size, 1);
    const uint64_t needed = static_cast<uint64_t>(it - order.top_.begin()) / page_size + 1;
    if (needed > state.pages) state.pages = static_cast<uint32_t>(std::min<uint64_t>(needed, UINT32_MAX));
    return true;
}

size_t find_row(std::span<const CommentRow> rows, uint32_t comment) {
    for (size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].kind == RowKind::Comment && rows[i].comment == comment) return i;
    }
    return SIZE_MAX;
}

}  // namespace reader::comments

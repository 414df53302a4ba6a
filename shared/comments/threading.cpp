// Building a safe reply tree from parent ids (see threading.h for the repair rules).
#include "comments/threading.h"

#include <algorithm>
#include <numeric>

namespace reader::comments {
namespace {

// Replies and top-level lists are stored oldest first; equal times keep input order.
struct OldestFirst {
    std::span<const CommentInput> comments;
    bool operator()(uint32_t a, uint32_t b) const {
        int64_t ta = comments[a].published_unix, tb = comments[b].published_unix;
        return ta != tb ? ta < tb : a < b;
    }
};

// For each comment, the index of the first comment with its id (itself when it is the
// first), or kNoComment for an empty id. One sort of the indices by id: O(n log n)
// string comparisons, no hashing to attack, deterministic.
std::vector<uint32_t> resolve_ids(std::span<const CommentInput> comments, std::vector<uint32_t>& by_id,
                                  std::vector<ThreadIssue>& issues) {
    const uint32_t n = static_cast<uint32_t>(comments.size());
    by_id.resize(n);
    std::iota(by_id.begin(), by_id.end(), 0u);
    std::sort(by_id.begin(), by_id.end(), [&](uint32_t a, uint32_t b) {
        int c = comments[a].id.compare(comments[b].id);
        return c != 0 ? c < 0 : a < b;
    });
    std::vector<uint32_t> owner(n, kNoComment);
    for (uint32_t k = 0; k < n;) {
        uint32_t first = by_id[k];
        uint32_t end = k + 1;
        while (end < n && comments[by_id[end]].id == comments[first].id) ++end;
        if (!comments[first].id.empty()) {
            for (uint32_t j = k; j < end; ++j) owner[by_id[j]] = first;
        }
        k = end;
    }
    // Issues in input order, so messages read top to bottom like the file.
    for (uint32_t i = 0; i < n; ++i) {
        if (comments[i].id.empty()) {
            issues.push_back({ThreadIssueKind::EmptyId, i, kNoComment});
        } else if (owner[i] != i) {
            issues.push_back({ThreadIssueKind::DuplicateId, i, owner[i]});
        }
    }
    return owner;
}

// The comment owning `id`, by binary search over the id-sorted indices.
uint32_t find_id(std::span<const CommentInput> comments, const std::vector<uint32_t>& by_id,
                 const std::vector<uint32_t>& owner, std::string_view id) {
    auto it = std::lower_bound(by_id.begin(), by_id.end(), id,
                               [&](uint32_t a, std::string_view key) { return comments[a].id < key; });
    if (it == by_id.end() || comments[*it].id != id) return kNoComment;
    return owner[*it];
}

// Cuts every cycle in the parent links. Each comment is walked once: a walk climbs
// from an unvisited comment until it meets a finished comment, the top, or a comment
// of its own walk (a cycle, cut at the cycle's oldest comment).
void break_cycles(std::span<const CommentInput> comments, std::vector<uint32_t>& parent,
                  std::vector<ThreadIssue>& issues) {
    const uint32_t n = static_cast<uint32_t>(comments.size());
    constexpr uint32_t kUnvisited = 0, kDone = UINT32_MAX;
    std::vector<uint32_t> walk_of(n, kUnvisited);  // the walk (1-based) that reached it
    std::vector<uint32_t> path;
    OldestFirst older{comments};
    uint32_t walk = 0;
    for (uint32_t start = 0; start < n; ++start) {
        if (walk_of[start] != kUnvisited) continue;
        ++walk;
        path.clear();
        uint32_t c = start;
        while (c != kNoComment && walk_of[c] == kUnvisited) {
            walk_of[c] = walk;
            path.push_back(c);
            c = parent[c];
        }
        if (c != kNoComment && walk_of[c] == walk) {
            // `c` is on this walk: the cycle is c → parent[c] → … → c.
            uint32_t cut = c;
            for (uint32_t m = parent[c]; m != c; m = parent[m]) {
                if (older(m, cut)) cut = m;
            }
            issues.push_back({ThreadIssueKind::Cycle, cut, parent[cut]});
            parent[cut] = kNoComment;
        }
        for (uint32_t m : path) walk_of[m] = kDone;
    }
}

// Counting sort of comments by parent: `order` lists each parent's children
// contiguously, `first[p]..first[p+1]` (parent kNoComment is slot n, the top level).
void group_by_parent(const std::vector<uint32_t>& parent, std::vector<uint32_t>& first, std::vector<uint32_t>& order) {
    const uint32_t n = static_cast<uint32_t>(parent.size());
    first.assign(n + 2, 0);
    for (uint32_t i = 0; i < n; ++i) ++first[(parent[i] == kNoComment ? n : parent[i]) + 1];
    for (uint32_t s = 0; s <= n; ++s) first[s + 1] += first[s];
    order.assign(n, 0);
    std::vector<uint32_t> fill(first.begin(), first.end() - 1);
    for (uint32_t i = 0; i < n; ++i) order[fill[parent[i] == kNoComment ? n : parent[i]]++] = i;
}

}  // namespace

size_t ThreadStructure::count(ThreadIssueKind kind) const {
    return static_cast<size_t>(std::count_if(issues.begin(), issues.end(),
                                             [kind](const ThreadIssue& i) { return i.kind == kind; }));
}

ThreadStructure build_threads(std::span<const CommentInput> comments, const ThreadOptions& options) {
    // Indices are uint32_t like the model's; a list this long is refused upstream, but
    // never index past it here.
    if (comments.size() >= kNoComment) comments = comments.first(kNoComment - 1);
    const uint32_t n = static_cast<uint32_t>(comments.size());
    ThreadStructure out;
    std::vector<uint32_t> by_id;
    std::vector<uint32_t> owner = resolve_ids(comments, by_id, out.issues);

    // ---- parent links
    out.parent.assign(n, kNoComment);
    for (uint32_t i = 0; i < n; ++i) {
        std::string_view pid = comments[i].parent_id;
        if (pid.empty()) continue;
        uint32_t p = find_id(comments, by_id, owner, pid);
        if (p == kNoComment) {
            out.issues.push_back({ThreadIssueKind::MissingParent, i, kNoComment});
        } else if (p == i) {
            out.issues.push_back({ThreadIssueKind::Cycle, i, i});
        } else {
            out.parent[i] = p;
        }
    }
    by_id = {};
    owner = {};
    break_cycles(comments, out.parent, out.issues);

    // ---- depths, top down, capping absurd nesting
    std::vector<uint32_t> first, order;
    group_by_parent(out.parent, first, order);
    out.depth.assign(n, 0);
    std::vector<uint32_t> queue;
    queue.reserve(n);
    for (uint32_t k = first[n]; k < first[n + 1]; ++k) queue.push_back(order[k]);
    bool reattached = false;
    for (size_t head = 0; head < queue.size(); ++head) {
        uint32_t c = queue[head];
        for (uint32_t k = first[c]; k < first[c + 1]; ++k) {
            uint32_t r = order[k];
            if (out.depth[c] < options.max_depth) {
                out.depth[r] = out.depth[c] + 1;
            } else {
                // `c` sits at the cap: its replies become its siblings.
                out.issues.push_back({ThreadIssueKind::TooDeep, r, c});
                out.parent[r] = out.parent[c];
                out.depth[r] = out.depth[c];
                reattached = true;
            }
            queue.push_back(r);
        }
    }
    if (reattached) group_by_parent(out.parent, first, order);

    // ---- children lists, oldest first
    // The counting sort put the top level (slot n) last; rotate it to the front so
    // `children` reads top level first, then each comment's replies in comment order.
    const uint32_t top_count = first[n + 1] - first[n];
    out.children = std::move(order);
    std::rotate(out.children.begin(), out.children.begin() + first[n], out.children.end());
    OldestFirst older{comments};
    auto sort_range = [&](Range r) {
        std::sort(out.children.begin() + r.begin, out.children.begin() + r.end, older);
    };
    out.top_level = Range{0, top_count};
    sort_range(out.top_level);
    out.replies.resize(n);
    for (uint32_t c = 0; c < n; ++c) {
        out.replies[c] = Range{first[c] + top_count, first[c + 1] + top_count};
        sort_range(out.replies[c]);
    }
    return out;
}

void store_threads(const ThreadStructure& thread, uint32_t first_comment, std::vector<Comment>& comments,
                   std::vector<uint32_t>& comment_children, Range& top_level) {
    const uint32_t base = static_cast<uint32_t>(comment_children.size());
    comment_children.reserve(comment_children.size() + thread.children.size());
    for (uint32_t c : thread.children) comment_children.push_back(first_comment + c);
    top_level = Range{base + thread.top_level.begin, base + thread.top_level.end};
    const size_t n = thread.parent.size();
    for (size_t i = 0; i < n && first_comment + i < comments.size(); ++i) {
        Comment& c = comments[first_comment + i];
        c.parent = thread.parent[i] == kNoComment ? UINT32_MAX : first_comment + thread.parent[i];
        c.replies = Range{base + thread.replies[i].begin, base + thread.replies[i].end};
    }
}

std::string describe_issue(const ThreadIssue& issue, std::span<const CommentInput> comments) {
    auto name = [&](uint32_t i) -> std::string {
        if (i >= comments.size()) return "?";
        if (comments[i].id.empty()) return "#" + std::to_string(i + 1) + " (no id)";
        return "\"" + std::string(comments[i].id) + "\"";
    };
    const std::string who = "comment " + name(issue.comment);
    switch (issue.kind) {
        case ThreadIssueKind::EmptyId:
            return who + " has no id: it cannot be linked to or replied to";
        case ThreadIssueKind::DuplicateId:
            return who + " repeats the id of comment #" + std::to_string(issue.other + 1) +
                   ": replies and links go to the first one";
        case ThreadIssueKind::MissingParent: {
            std::string parent = issue.comment < comments.size() ? std::string(comments[issue.comment].parent_id) : "";
            return who + " replies to \"" + parent + "\", which is not in the list: shown at top level";
        }
        case ThreadIssueKind::Cycle:
            if (issue.other == issue.comment) return who + " replies to itself: shown at top level";
            return who + " is part of a reply loop (its parent " + name(issue.other) +
                   " leads back to it): shown at top level";
        case ThreadIssueKind::TooDeep:
            return who + " is nested too deeply under " + name(issue.other) + ": shown one level up";
    }
    return who + ": invalid reply link";
}

}  // namespace reader::comments

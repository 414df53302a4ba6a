// Reader-comment threading: from a flat list of comments with parent ids to a tree.
//
// The loader parses comments (nested `replies` or a flat list with parent ids, from a
// bundle or a comments URL) into a flat list, calls `build_threads`, reports the
// issues, and stores the result in the model with `store_threads`. Nothing here reads
// JSON or owns text: ids are string_views into the caller's text.
//
// Bad reply links never make a bad tree:
//   * duplicate ids      the first comment with an id owns it; later ones stay in the
//                        list (shown where their own parent puts them) and are reported;
//   * missing parents    a reply to an id that is not in the list becomes top level;
//   * cycles             (a → b → a, or a comment replying to itself) are cut at the
//                        oldest comment of the cycle, which becomes top level;
//   * absurd nesting     below `max_depth` replies are re-attached to the ancestor at
//                        depth max_depth - 1, so the tree is never deeper than the cap.
// Every repair is reported as a ThreadIssue. The work is O(n log n) at worst and
// iterative: ids are found through a radix-sorted table of 64-bit id hashes (binary
// search, exact string check, so colliding ids cannot merge or slow it down), reply
// lists come out oldest first from one radix sort by time, and a 100,000-long reply
// chain is fine.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace reader::comments {

inline constexpr uint32_t kNoComment = UINT32_MAX;

// One parsed comment, as the threading needs it.
struct CommentInput {
    std::string_view id;
    std::string_view parent_id;      // empty: top level
    int64_t published_unix = 0;      // orders replies (oldest first) and cuts cycles
    int32_t likes = -1;              // -1: not given (kept for callers that sort)
    bool deleted = false;
    bool edited = false;
};

enum class ThreadIssueKind : uint8_t {
    EmptyId,        // the comment has no id: it cannot be replied to or linked
    DuplicateId,    // `other` is the earlier comment that owns the id
    MissingParent,  // parent_id names no comment: shown at top level
    Cycle,          // reply links loop: the link from `comment` to `other` was cut
    TooDeep,        // deeper than max_depth: re-attached; `other` is the original parent
};

struct ThreadIssue {
    ThreadIssueKind kind;
    uint32_t comment;               // index into the input list
    uint32_t other = kNoComment;    // see ThreadIssueKind
};

struct ThreadOptions {
    // Deepest depth kept (top level is 0). Display indentation is limited separately
    // and much lower; this only bounds what absurd input can build.
    uint32_t max_depth = 64;
};

// The tree, by indices into the input list.
struct ThreadStructure {
    std::vector<uint32_t> parent;    // per comment: its parent, kNoComment at top level
    std::vector<uint32_t> depth;     // per comment: 0 at top level
    std::vector<uint32_t> children;  // top-level comments, then each comment's replies
    Range top_level;                 // into `children`: oldest first
    std::vector<Range> replies;      // per comment, into `children`: oldest first
    std::vector<ThreadIssue> issues; // in the order found: ids, parents, cycles, depth

    size_t count(ThreadIssueKind kind) const;
};

ThreadStructure build_threads(std::span<const CommentInput> comments, const ThreadOptions& options = {});

// Writes the tree into the model: comment i of the input is `comments[first_comment + i]`;
// its `parent` and `replies` are set, the top-level list and every reply list are
// appended to `comment_children`, and `top_level` (Article::comments) is set.
// `comments` must already hold the input's comments from `first_comment` on.
void store_threads(const ThreadStructure& thread, uint32_t first_comment, std::vector<Comment>& comments,
                   std::vector<uint32_t>& comment_children, Range& top_level);

// An English message for the loader's diagnostics, naming the comments by id:
// "comment \"c7\" replies to \"c3\", which is not in the list: shown at top level".
std::string describe_issue(const ThreadIssue& issue, std::span<const CommentInput> comments);

}  // namespace reader::comments

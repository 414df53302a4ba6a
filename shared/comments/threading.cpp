// Building a safe reply tree from parent ids (see threading.h for the repair rules).
#include "comments/threading.h"

#include <algorithm>
#include <cstring>
#include <initializer_list>

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

// A 64-bit key and the comment it belongs to.
struct Keyed {
    uint64_t key;
    uint32_t index;
};

// Stable LSD radix sort by the low `key_bits` bits of the key, 8 bits a pass,
// skipping passes where every key has the same byte (times share their high bytes).
// Entries come in index order, so equal keys stay in index order. Linear time
// whatever the keys are: no input can make it slow, unlike a hash table an attacker
// could fill with colliding ids.
void radix_sort(std::vector<Keyed>& items, int key_bits = 64) {
    if (items.size() < 64) {
        std::sort(items.begin(), items.end(), [](const Keyed& a, const Keyed& b) {
            return a.key != b.key ? a.key < b.key : a.index < b.index;
        });
        return;
    }
    // Bits where keys differ: bytes without any are already sorted.
    uint64_t any = 0, all = ~uint64_t{0};
    for (const Keyed& k : items) {
        any |= k.key;
        all &= k.key;
    }
    const uint64_t varying = any ^ all;
    std::vector<Keyed> buffer(items.size());
    for (int shift = 0; shift < key_bits; shift += 8) {
        if (((varying >> shift) & 0xFF) == 0) continue;
        size_t counts[257] = {};
        for (const Keyed& k : items) ++counts[((k.key >> shift) & 0xFF) + 1];
        for (int b = 0; b < 256; ++b) counts[b + 1] += counts[b];
        for (const Keyed& k : items) buffer[counts[(k.key >> shift) & 0xFF]++] = k;
        items.swap(buffer);
    }
}

// A 32-bit id hash: 8 bytes a step, multiply-mixed. It only brings equal ids
// together and narrows lookups; every match is confirmed on the strings and runs of
// equal hashes are searched by string, so results never depend on the hash values,
// and crafted collisions (the mixing is invertible) cost log n comparisons, no more.
uint64_t hash_id(std::string_view id) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ id.size();
    size_t i = 0;
    for (; i + 8 <= id.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, id.data() + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    uint64_t tail = 0;
    for (size_t k = 0; i + k < id.size(); ++k) tail |= static_cast<uint64_t>(static_cast<unsigned char>(id[i + k])) << (8 * k);
    h = (h ^ tail) * 0x94D049BB133111EBull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h >> 32;
}

// Ids sorted by hash so that lookups compare 16-byte keys instead of strings
// through pointers; equal hashes are then told apart by the strings themselves, so a
// collision can never merge two ids.
class IdIndex {
public:
    IdIndex(std::span<const CommentInput> comments, std::vector<ThreadIssue>& issues) : comments_(comments) {
        const uint32_t n = static_cast<uint32_t>(comments.size());
        keys_.resize(n);
        for (uint32_t i = 0; i < n; ++i) keys_[i] = Keyed{hash_id(comments[i].id), i};
        radix_sort(keys_, 32);
        // Inside a run of equal hashes, order by id then index: equal ids become
        // adjacent with their first comment first (runs are almost always length 1).
        owner_.assign(n, kNoComment);
        for (uint32_t k = 0; k < n;) {
            uint32_t end = k + 1;
            while (end < n && keys_[end].key == keys_[k].key) ++end;
            if (end - k > 1) {
                std::sort(keys_.begin() + k, keys_.begin() + end, [&](const Keyed& a, const Keyed& b) {
                    int c = comments[a.index].id.compare(comments[b.index].id);
                    return c != 0 ? c < 0 : a.index < b.index;
                });
            }
            for (uint32_t j = k; j < end;) {
                uint32_t first = keys_[j].index;
                uint32_t group_end = j + 1;
                while (group_end < end && comments[keys_[group_end].index].id == comments[first].id) ++group_end;
                if (!comments[first].id.empty()) {
                    for (uint32_t g = j; g < group_end; ++g) owner_[keys_[g].index] = first;
                }
                j = group_end;
            }
            k = end;
        }
        // Issues in input order, so messages read top to bottom like the file.
        for (uint32_t i = 0; i < n; ++i) {
            if (comments[i].id.empty()) {
                issues.push_back({ThreadIssueKind::EmptyId, i, kNoComment});
            } else if (owner_[i] != i) {
                issues.push_back({ThreadIssueKind::DuplicateId, i, owner_[i]});
            }
        }
    }

    // For every comment, the comment owning its parent id (kNoComment when the id
    // is empty or unknown). The parent ids' hashes are sorted too and merged with the
    // table in one sequential pass: random binary searches would cost a cache miss a
    // step, which at 100,000 comments is most of the time spent here.
    std::vector<uint32_t> resolve_parents() const {
        const uint32_t n = static_cast<uint32_t>(comments_.size());
        std::vector<Keyed> queries;
        queries.reserve(n);
        for (uint32_t i = 0; i < n; ++i) {
            if (!comments_[i].parent_id.empty()) queries.push_back(Keyed{hash_id(comments_[i].parent_id), i});
        }
        radix_sort(queries, 32);
        std::vector<uint32_t> resolved(n, kNoComment);
        size_t run_begin = 0, run_end = 0;  // the keys_ run of the current hash
        for (const Keyed& q : queries) {
            if (run_end == run_begin || keys_[run_begin].key != q.key) {
                run_begin = run_end;
                while (run_begin < keys_.size() && keys_[run_begin].key < q.key) ++run_begin;
                run_end = run_begin;
                while (run_end < keys_.size() && keys_[run_end].key == q.key) ++run_end;
                if (run_end == run_begin) continue;  // no id has this hash
            }
            std::string_view id = comments_[q.index].parent_id;
            // The run is sorted by id (see the constructor): crafted collisions cost
            // log n comparisons, not a scan.
            auto it = std::lower_bound(keys_.begin() + static_cast<ptrdiff_t>(run_begin),
                                       keys_.begin() + static_cast<ptrdiff_t>(run_end), id,
                                       [&](const Keyed& k, std::string_view key) { return comments_[k.index].id < key; });
            if (it != keys_.begin() + static_cast<ptrdiff_t>(run_end) && comments_[it->index].id == id) {
                resolved[q.index] = owner_[it->index];
            }
        }
        return resolved;
    }

private:
    std::span<const CommentInput> comments_;
    std::vector<Keyed> keys_;       // (id hash, comment), sorted
    std::vector<uint32_t> owner_;   // per comment: the first comment with its id
};

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

// All comments oldest first (ties in input order): the order every list is stored in.
std::vector<uint32_t> oldest_first(std::span<const CommentInput> comments) {
    std::vector<Keyed> keyed(comments.size());
    for (uint32_t i = 0; i < keyed.size(); ++i) {
        // Flipping the sign bit makes signed times sort correctly as unsigned keys.
        keyed[i] = Keyed{static_cast<uint64_t>(comments[i].published_unix) ^ (1ull << 63), i};
    }
    radix_sort(keyed);
    std::vector<uint32_t> order(keyed.size());
    for (size_t k = 0; k < keyed.size(); ++k) order[k] = keyed[k].index;
    return order;
}

// Counting sort of comments by parent: `grouped` lists each parent's children
// contiguously, `first[p]..first[p+1]` (parent kNoComment is slot n, the top level),
// each group in the order of `by_time`, so oldest first.
void group_by_parent(const std::vector<uint32_t>& parent, const std::vector<uint32_t>& by_time,
                     std::vector<uint32_t>& first, std::vector<uint32_t>& grouped) {
    const uint32_t n = static_cast<uint32_t>(parent.size());
    first.assign(n + 2, 0);
    for (uint32_t i = 0; i < n; ++i) ++first[(parent[i] == kNoComment ? n : parent[i]) + 1];
    for (uint32_t s = 0; s <= n; ++s) first[s + 1] += first[s];
    grouped.assign(n, 0);
    std::vector<uint32_t> fill(first.begin(), first.end() - 1);
    for (uint32_t i : by_time) grouped[fill[parent[i] == kNoComment ? n : parent[i]]++] = i;
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
    // ---- parent links
    out.parent.assign(n, kNoComment);
    {
        std::vector<uint32_t> resolved = IdIndex(comments, out.issues).resolve_parents();
        for (uint32_t i = 0; i < n; ++i) {  // issues in input order
            if (comments[i].parent_id.empty()) continue;
            uint32_t p = resolved[i];
            if (p == kNoComment) {
                out.issues.push_back({ThreadIssueKind::MissingParent, i, kNoComment});
            } else if (p == i) {
                out.issues.push_back({ThreadIssueKind::Cycle, i, i});
            } else {
                out.parent[i] = p;
            }
        }
    }
    break_cycles(comments, out.parent, out.issues);

    // ---- depths, top down, capping absurd nesting
    const std::vector<uint32_t> by_time = oldest_first(comments);
    std::vector<uint32_t> first, order;
    group_by_parent(out.parent, by_time, first, order);
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
    if (reattached) group_by_parent(out.parent, by_time, first, order);

    // ---- children lists (already oldest first)
    // The counting sort put the top level (slot n) last; rotate it to the front so
    // `children` reads top level first, then each comment's replies in comment order.
    const uint32_t top_count = first[n + 1] - first[n];
    out.children = std::move(order);
    std::rotate(out.children.begin(), out.children.begin() + first[n], out.children.end());
    out.top_level = Range{0, top_count};
    out.replies.resize(n);
    for (uint32_t c = 0; c < n; ++c) out.replies[c] = Range{first[c] + top_count, first[c + 1] + top_count};
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

namespace {

// Appends instead of operator+ chains, which GCC 12 at -O3 flags with a false
// -Wrestrict warning.
std::string concat(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (std::string_view p : parts) out.append(p);
    return out;
}

}  // namespace

std::string describe_issue(const ThreadIssue& issue, std::span<const CommentInput> comments) {
    auto name = [&](uint32_t i) -> std::string {
        if (i >= comments.size()) return "?";
        if (comments[i].id.empty()) return concat({"#", std::to_string(i + 1), " (no id)"});
        return concat({"\"", comments[i].id, "\""});
    };
    const std::string who = concat({"comment ", name(issue.comment)});
    switch (issue.kind) {
        case ThreadIssueKind::EmptyId:
            return concat({who, " has no id: it cannot be linked to or replied to"});
        case ThreadIssueKind::DuplicateId:
            return concat({who, " repeats the id of comment #", std::to_string(issue.other + 1),
                           ": replies and links go to the first one"});
        case ThreadIssueKind::MissingParent: {
            std::string_view parent = issue.comment < comments.size() ? comments[issue.comment].parent_id : "";
            return concat({who, " replies to \"", parent, "\", which is not in the list: shown at top level"});
        }
        case ThreadIssueKind::Cycle:
            if (issue.other == issue.comment) return concat({who, " replies to itself: shown at top level"});
            return concat({who, " is part of a reply loop (its parent ", name(issue.other),
                           " leads back to it): shown at top level"});
        case ThreadIssueKind::TooDeep:
            return concat({who, " is nested too deeply under ", name(issue.other), ": shown one level up"});
    }
    return concat({who, ": invalid reply link"});
}

}  // namespace reader::comments

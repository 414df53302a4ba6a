// Tests of reply threading: tree shape, ordering, and the repair of broken reply links.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "comments/threading.h"
#include "comments_test_support.h"

using namespace reader::comments;
using comments_test::build_model;
using comments_test::inputs_of;
using comments_test::read_fixture;

namespace {

std::vector<uint32_t> list(const ThreadStructure& t, reader::Range r) {
    return std::vector<uint32_t>(t.children.begin() + r.begin, t.children.begin() + r.end);
}

// Ids "c0", "c1", … with strings kept alive by the caller.
std::vector<std::string> make_ids(size_t n, const char* prefix = "c") {
    std::vector<std::string> ids;
    ids.reserve(n);
    for (size_t i = 0; i < n; ++i) ids.push_back(prefix + std::to_string(i));
    return ids;
}

// Everything a correct tree must satisfy, whatever the input was.
void check_invariants(std::span<const CommentInput> in, const ThreadStructure& t, uint32_t max_depth) {
    const size_t n = in.size();
    REQUIRE(t.parent.size() == n);
    REQUIRE(t.depth.size() == n);
    REQUIRE(t.replies.size() == n);
    REQUIRE(t.children.size() == n);
    std::vector<int> listed(n, 0);
    auto check_list = [&](reader::Range r, uint32_t parent) {
        REQUIRE(r.begin <= r.end);
        REQUIRE(r.end <= t.children.size());
        for (uint32_t k = r.begin; k < r.end; ++k) {
            uint32_t c = t.children[k];
            REQUIRE(c < n);
            ++listed[c];
            CHECK(t.parent[c] == parent);
            if (k > r.begin) {
                uint32_t prev = t.children[k - 1];
                bool ordered = in[prev].published_unix < in[c].published_unix ||
                               (in[prev].published_unix == in[c].published_unix && prev < c);
                CHECK(ordered);
            }
        }
    };
    check_list(t.top_level, kNoComment);
    for (uint32_t c = 0; c < n; ++c) check_list(t.replies[c], c);
    size_t wrong = 0;
    for (uint32_t c = 0; c < n; ++c) {
        if (listed[c] != 1) ++wrong;
        if (t.depth[c] > max_depth) ++wrong;
        if (t.parent[c] == kNoComment ? t.depth[c] != 0 : t.depth[c] != t.depth[t.parent[c]] + 1) ++wrong;
    }
    CHECK(wrong == 0);  // each comment listed once, depths consistent, so no cycle remains
}

}  // namespace

TEST_CASE("replies nest under their parents, oldest first at every level", "[comments]") {
    auto fixture = read_fixture("seed-thread.tsv");
    REQUIRE(fixture.size() == 15);
    auto in = inputs_of(fixture);
    ThreadStructure t = build_threads(in);
    check_invariants(in, t, 64);
    CHECK(t.issues.empty());
    auto idx = [&](const char* id) {
        for (uint32_t i = 0; i < fixture.size(); ++i) if (fixture[i].id == id) return i;
        FAIL("no id " << id);
        return kNoComment;
    };
    CHECK(list(t, t.top_level) == std::vector<uint32_t>{idx("c1"), idx("c2"), idx("c9"), idx("c13"), idx("c15")});
    CHECK(list(t, t.replies[idx("c1")]) ==
          std::vector<uint32_t>{idx("c3"), idx("c4"), idx("c10"), idx("c11"), idx("c12")});
    CHECK(list(t, t.replies[idx("c3")]) == std::vector<uint32_t>{idx("c5")});
    CHECK(t.depth[idx("c8")] == 5);
    CHECK(t.parent[idx("c8")] == idx("c7"));
    CHECK(t.replies[idx("c15")].empty());
}

TEST_CASE("every kind of broken reply link is repaired and reported", "[comments]") {
    auto fixture = read_fixture("broken-links.tsv");
    REQUIRE(fixture.size() == 11);
    auto in = inputs_of(fixture);
    ThreadStructure t = build_threads(in);
    check_invariants(in, t, 64);
    const uint32_t root = 0, dup = 1, dup2 = 2, to_dup = 3, orphan = 4, loop_a = 5, loop_b = 6, loop_c = 7,
                   self = 8, no_id = 9, bad_time = 10;

    REQUIRE(t.issues.size() == 5);
    CHECK(t.issues[0].kind == ThreadIssueKind::DuplicateId);
    CHECK(t.issues[0].comment == dup2);
    CHECK(t.issues[0].other == dup);
    CHECK(t.issues[1].kind == ThreadIssueKind::EmptyId);
    CHECK(t.issues[1].comment == no_id);
    CHECK(t.issues[2].kind == ThreadIssueKind::MissingParent);
    CHECK(t.issues[2].comment == orphan);
    CHECK(t.issues[3].kind == ThreadIssueKind::Cycle);
    CHECK(t.issues[3].comment == self);
    CHECK(t.issues[4].kind == ThreadIssueKind::Cycle);
    CHECK(t.issues[4].comment == loop_b);  // the oldest of the loop
    CHECK(t.issues[4].other == loop_a);
    CHECK(t.count(ThreadIssueKind::Cycle) == 2);

    CHECK(t.parent[to_dup] == dup);  // the first "dup" owns the id
    CHECK(t.parent[dup2] == root);   // the duplicate still shows where it belongs
    CHECK(list(t, t.top_level) == std::vector<uint32_t>{root, orphan, loop_b, self});
    CHECK(t.parent[loop_c] == loop_b);
    CHECK(t.parent[loop_a] == loop_c);
    // An invalid time is stored as 0 and so sorts first; it still appears.
    CHECK(list(t, t.replies[root]) == std::vector<uint32_t>{bad_time, dup, dup2, no_id});
}

TEST_CASE("issue messages name the comments by id", "[comments]") {
    auto fixture = read_fixture("broken-links.tsv");
    REQUIRE(!fixture.empty());
    auto in = inputs_of(fixture);
    ThreadStructure t = build_threads(in);
    std::vector<std::string> messages;
    for (const ThreadIssue& issue : t.issues) messages.push_back(describe_issue(issue, in));
    REQUIRE(messages.size() == 5);
    CHECK(messages[0] == "comment \"dup\" repeats the id of comment #2: replies and links go to the first one");
    CHECK(messages[1] == "comment #10 (no id) has no id: it cannot be linked to or replied to");
    CHECK(messages[2] == "comment \"orphan\" replies to \"gone\", which is not in the list: shown at top level");
    CHECK(messages[3] == "comment \"self\" replies to itself: shown at top level");
    CHECK(messages[4] ==
          "comment \"loop-b\" is part of a reply loop (its parent \"loop-a\" leads back to it): shown at top level");
    ThreadIssue deep{ThreadIssueKind::TooDeep, 3, 1};
    CHECK(describe_issue(deep, in) == "comment \"to-dup\" is nested too deeply under \"dup\": shown one level up");
    ThreadIssue out_of_range{ThreadIssueKind::MissingParent, 999, kNoComment};
    CHECK(!describe_issue(out_of_range, in).empty());
}

TEST_CASE("an empty comment list gives an empty tree", "[comments]") {
    ThreadStructure t = build_threads({});
    CHECK(t.children.empty());
    CHECK(t.top_level.empty());
    CHECK(t.issues.empty());
}

TEST_CASE("nesting deeper than the cap is re-attached at the cap and reported", "[comments]") {
    const size_t n = 10;
    auto ids = make_ids(n);
    std::vector<CommentInput> in;
    for (size_t i = 0; i < n; ++i) in.push_back({ids[i], i ? std::string_view(ids[i - 1]) : "", int64_t(i)});
    ThreadOptions options;
    options.max_depth = 3;
    ThreadStructure t = build_threads(in, options);
    check_invariants(in, t, 3);
    CHECK(t.depth == std::vector<uint32_t>{0, 1, 2, 3, 3, 3, 3, 3, 3, 3});
    for (size_t i = 4; i < n; ++i) CHECK(t.parent[i] == 2);  // siblings of c3 under c2
    REQUIRE(t.count(ThreadIssueKind::TooDeep) == 6);
    CHECK(t.issues[0].comment == 4);
    CHECK(t.issues[0].other == 3);  // its real parent
    CHECK(list(t, t.replies[2]) == std::vector<uint32_t>{3, 4, 5, 6, 7, 8, 9});
}

TEST_CASE("a depth cap of zero makes every comment top level", "[comments]") {
    auto ids = make_ids(4);
    std::vector<CommentInput> in = {{ids[0], "", 0}, {ids[1], ids[0], 1}, {ids[2], ids[1], 2}, {ids[3], ids[0], 3}};
    ThreadOptions flat;
    flat.max_depth = 0;
    ThreadStructure t = build_threads(in, flat);
    check_invariants(in, t, 0);
    CHECK(t.top_level.size() == 4);
    CHECK(t.count(ThreadIssueKind::TooDeep) == 3);
}

TEST_CASE("a 100,000-long reply chain is threaded without recursion", "[comments]") {
    const size_t n = 100000;
    auto ids = make_ids(n);
    std::vector<CommentInput> in;
    in.reserve(n);
    for (size_t i = 0; i < n; ++i) in.push_back({ids[i], i ? std::string_view(ids[i - 1]) : "", int64_t(i)});
    ThreadStructure t = build_threads(in);
    check_invariants(in, t, 64);
    CHECK(t.depth[n - 1] == 64);
    CHECK(t.count(ThreadIssueKind::TooDeep) == n - 65);
    CHECK(t.replies[63].size() == n - 64);
}

TEST_CASE("a 100,000-long reply loop is cut once at its oldest comment", "[comments]") {
    const size_t n = 100000;
    auto ids = make_ids(n);
    std::vector<CommentInput> in;
    in.reserve(n);
    // c_i replies to c_{i+1}; the last replies to the first. Oldest: c500.
    for (size_t i = 0; i < n; ++i) {
        int64_t time = i == 500 ? -1 : int64_t(i);
        in.push_back({ids[i], ids[(i + 1) % n], time});
    }
    ThreadOptions unlimited;
    unlimited.max_depth = UINT32_MAX;
    ThreadStructure t = build_threads(in, unlimited);
    check_invariants(in, t, UINT32_MAX);
    REQUIRE(t.count(ThreadIssueKind::Cycle) == 1);
    CHECK(t.issues[0].comment == 500);
    CHECK(list(t, t.top_level) == std::vector<uint32_t>{500});
    CHECK(t.depth[501] == n - 1);
}

TEST_CASE("cycles with trees hanging off them are all cut, each once", "[comments]") {
    // Three separate loops of sizes 2, 3 and 1 (self), each with replies attached.
    std::vector<std::string> ids = {"a", "b", "c", "d", "e", "f", "x", "y", "z"};
    std::vector<CommentInput> in = {
        {ids[0], "b", 5}, {ids[1], "a", 4},                 // a <-> b, oldest b
        {ids[2], "e", 3}, {ids[3], "c", 2}, {ids[4], "d", 1}, // c -> e -> d -> c, oldest e
        {ids[5], "f", 0},                                    // f replies to itself
        {ids[6], "a", 9}, {ids[7], "x", 10}, {ids[8], "d", 11},
    };
    ThreadStructure t = build_threads(in);
    check_invariants(in, t, 64);
    CHECK(t.count(ThreadIssueKind::Cycle) == 3);
    CHECK(list(t, t.top_level) == std::vector<uint32_t>{5, 4, 1});  // f, e, b by time
    CHECK(t.depth[7] == 3);                                          // y -> x -> a -> b
}

TEST_CASE("equal timestamps keep the input order", "[comments]") {
    auto ids = make_ids(5);
    std::vector<CommentInput> in;
    for (size_t i = 0; i < 5; ++i) in.push_back({ids[i], "", 100});
    ThreadStructure t = build_threads(in);
    CHECK(list(t, t.top_level) == std::vector<uint32_t>{0, 1, 2, 3, 4});
}

TEST_CASE("ids are compared exactly, byte for byte", "[comments]") {
    std::vector<CommentInput> in = {{"Bình", "", 0}, {"binh", "Bình", 1}, {"x", "bình", 2}, {"y", "Bình ", 3}};
    ThreadStructure t = build_threads(in);
    CHECK(t.parent[1] == 0);
    CHECK(t.parent[2] == kNoComment);
    CHECK(t.parent[3] == kNoComment);
    CHECK(t.count(ThreadIssueKind::MissingParent) == 2);
}

TEST_CASE("random reply links always give a valid tree", "[comments]") {
    std::mt19937 rng(20221207);
    for (int round = 0; round < 200; ++round) {
        size_t n = 1 + rng() % 300;
        // A small id pool makes duplicates; some parents name ids that do not exist.
        std::vector<std::string> pool = make_ids(n + n / 4, "id");
        std::vector<CommentInput> in(n);
        for (size_t i = 0; i < n; ++i) {
            in[i].id = rng() % 10 == 0 ? std::string_view() : std::string_view(pool[rng() % n]);
            in[i].parent_id = rng() % 4 == 0 ? std::string_view() : std::string_view(pool[rng() % pool.size()]);
            in[i].published_unix = static_cast<int64_t>(rng() % 50);
        }
        ThreadOptions options;
        options.max_depth = rng() % 8;
        INFO("round " << round << ", n " << n << ", max_depth " << options.max_depth);
        ThreadStructure t = build_threads(in, options);
        check_invariants(in, t, options.max_depth);
        for (const ThreadIssue& issue : t.issues) CHECK(!describe_issue(issue, in).empty());
    }
}

TEST_CASE("storing the tree writes parents, reply ranges and the top level into the model", "[comments]") {
    auto fixture = read_fixture("seed-thread.tsv");
    REQUIRE(!fixture.empty());
    auto in = inputs_of(fixture);
    const uint32_t first = 7;  // comments of earlier articles come first in the bundle
    comments_test::Model m = build_model(in, {}, first);
    REQUIRE(m.comments.size() == first + in.size());
    const uint32_t base = first / 2;  // build_model puts 3 earlier child entries first
    CHECK(m.top_level.begin == base);
    CHECK(m.top_level.size() == 5);
    for (uint32_t k = m.top_level.begin; k < m.top_level.end; ++k) {
        CHECK(m.children[k] >= first);
        CHECK(m.comments[m.children[k]].parent == UINT32_MAX);
    }
    for (uint32_t i = 0; i < in.size(); ++i) {
        const reader::Comment& c = m.comments[first + i];
        for (uint32_t k = c.replies.begin; k < c.replies.end; ++k) {
            CHECK(m.comments[m.children[k]].parent == first + i);
        }
    }
    CHECK(m.children.size() == base + in.size());
}

TEST_CASE("ids whose hashes collide stay distinct", "[comments]") {
    // "c6374" and "c38104" have the same 32-bit id hash in threading.cpp (so do
    // "c12663" and "c79742"); if the hash changes this still checks plain threading.
    std::vector<CommentInput> in = {
        {"c38104", "", 1}, {"c6374", "", 2}, {"c38104", "", 3},  // a duplicate inside the colliding run
        {"r1", "c6374", 4}, {"r2", "c38104", 5}, {"c12663", "c79742", 6}, {"c79742", "", 7},
    };
    ThreadStructure t = build_threads(in);
    CHECK(t.parent[3] == 1);
    CHECK(t.parent[4] == 0);
    CHECK(t.parent[5] == 6);
    REQUIRE(t.issues.size() == 1);
    CHECK(t.issues[0].kind == ThreadIssueKind::DuplicateId);
    CHECK(t.issues[0].comment == 2);
    CHECK(t.issues[0].other == 0);
}

namespace {

// Inverse of x -> x * k (mod 2^64) for odd k, by Newton's iteration.
uint64_t inverse_odd(uint64_t k) {
    uint64_t x = k;
    for (int i = 0; i < 6; ++i) x *= 2 - k * x;
    return x;
}

// Inverse of y = x ^ (x >> 31).
uint64_t unxorshift31(uint64_t y) { return y ^ (y >> 31) ^ (y >> 62); }

// 16-byte ids that all reach the same internal state in threading.cpp's id hash
// (its mixing is invertible): a worst case an attacker could send. If the hash
// changes, these are merely distinct ids and the test still checks threading.
std::vector<std::string> colliding_ids(size_t count) {
    constexpr uint64_t kMul = 0xBF58476D1CE4E5B9ull;
    const uint64_t inv = inverse_odd(kMul);
    auto mix = [](uint64_t h) { h *= kMul; return h ^ (h >> 31); };
    auto unmix = [&](uint64_t h) { return unxorshift31(h) * inv; };
    const uint64_t start = 0x9E3779B97F4A7C15ull ^ 16;
    const uint64_t target = 0x0123456789ABCDEFull;
    std::vector<std::string> ids;
    for (size_t i = 0; i < count; ++i) {
        uint64_t w1 = 0x3030303030303030ull + i;  // distinct first halves
        uint64_t h1 = mix(start ^ w1);
        uint64_t w2 = h1 ^ unmix(target);       // steer the second half to the target
        std::string id(16, '\0');
        std::memcpy(id.data(), &w1, 8);
        std::memcpy(id.data() + 8, &w2, 8);
        ids.push_back(id);
    }
    return ids;
}

}  // namespace

TEST_CASE("crafted colliding ids are threaded correctly and quickly", "[comments]") {
    const size_t n = 20000;
    std::vector<std::string> ids = colliding_ids(n);
    std::vector<CommentInput> in(n);
    for (size_t i = 0; i < n; ++i) {
        in[i] = {ids[i], i ? std::string_view(ids[i - 1]) : std::string_view(), int64_t(i)};
    }
    in[n - 1].parent_id = "not an id at all";
    ThreadOptions deep;
    deep.max_depth = UINT32_MAX;
    ThreadStructure t = build_threads(in, deep);  // quadratic lookups would take seconds here
    check_invariants(in, t, UINT32_MAX);
    size_t wrong = 0;
    for (size_t i = 1; i + 1 < n; ++i) wrong += t.parent[i] != i - 1;
    CHECK(wrong == 0);
    REQUIRE(t.issues.size() == 1);
    CHECK(t.issues[0].kind == ThreadIssueKind::MissingParent);
}

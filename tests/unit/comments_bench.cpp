// Micro benchmark of comment threading and row building at 100,000 comments.
// Hidden from normal runs (tag [.]); run with: unit-tests "[comments-bench]"
// It prints timings and asserts nothing about them: machines differ.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "comments/display.h"
#include "comments/threading.h"
#include "comments_test_support.h"

using namespace reader::comments;

namespace {

// Fastest wall time of `runs` calls, in milliseconds: the least disturbed by other
// work on a shared machine.
template <class F>
double best_ms(int runs, F&& f) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        f();
        auto t1 = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times.front();
}

void report(const char* what, double ms) { std::printf("  %-58s %10.4f ms\n", what, ms); }

}  // namespace

TEST_CASE("comment threading and rows at 100,000 comments", "[.][comments-bench]") {
    const size_t n = 100000;
    std::mt19937 rng(7);
    std::vector<std::string> ids;
    ids.reserve(n);
    for (size_t i = 0; i < n; ++i) ids.push_back("cmt-" + std::to_string(rng()) + "-" + std::to_string(i));
    // A portal-like shape: 30% top level, replies mostly to recent comments, times
    // increasing with jitter, likes heavy-tailed.
    std::vector<CommentInput> in(n);
    for (size_t i = 0; i < n; ++i) {
        in[i].id = ids[i];
        if (i > 0 && rng() % 10 >= 3) {
            size_t back = std::min<size_t>(i, 1 + rng() % 50);
            in[i].parent_id = ids[i - back];
        }
        in[i].published_unix = 1670376600 + static_cast<int64_t>(i * 30 + rng() % 600);
        in[i].likes = rng() % 3 == 0 ? -1 : static_cast<int32_t>((rng() % 1000) * (rng() % 1000) / 1000);
        in[i].deleted = rng() % 100 == 0;
    }
    std::printf("comments benchmark, %zu comments:\n", n);

    ThreadStructure thread;
    report("build_threads (random portal-like tree)", best_ms(5, [&] { thread = build_threads(in); }));
    std::printf("  (top level %u, max depth %u, issues %zu)\n", thread.top_level.size(),
                *std::max_element(thread.depth.begin(), thread.depth.end()), thread.issues.size());

    comments_test::Model model;
    report("build_model = build_threads + store_threads", best_ms(5, [&] { model = comments_test::build_model(in); }));

    std::vector<CommentInput> chain(n);
    for (size_t i = 0; i < n; ++i) chain[i] = {ids[i], i ? std::string_view(ids[i - 1]) : "", int64_t(i)};
    report("build_threads (one 100,000-long chain, capped at 64)", best_ms(5, [&] { (void)build_threads(chain); }));

    CommentOrder order;
    for (CommentSort sort : {CommentSort::Newest, CommentSort::Oldest, CommentSort::MostLiked}) {
        const char* name = sort == CommentSort::Newest ? "CommentOrder (newest)"
                           : sort == CommentSort::Oldest ? "CommentOrder (oldest)" : "CommentOrder (most liked)";
        report(name, best_ms(5, [&] { order = CommentOrder(model.view(), sort); }));
    }
    order = CommentOrder(model.view(), CommentSort::Newest);

    DisplayOptions options;  // indent 3, preview 3, page 20
    DisplayState state;
    std::vector<CommentRow> rows;
    report("build_rows, first page (20 threads, preview 3)", best_ms(101, [&] { build_rows(order, options, state, rows); }));
    std::printf("  (%zu rows)\n", rows.size());

    state.pages = 50;
    report("build_rows, 50 pages loaded (1,000 threads)", best_ms(21, [&] { build_rows(order, options, state, rows); }));
    std::printf("  (%zu rows)\n", rows.size());

    DisplayState every_page;
    every_page.pages = UINT32_MAX;
    report("build_rows, every page loaded, replies in preview", best_ms(11, [&] { build_rows(order, options, every_page, rows); }));
    std::printf("  (%zu rows)\n", rows.size());

    DisplayState all;
    all.pages = UINT32_MAX;
    for (uint32_t c = 0; c < n; ++c) all.set_replies(c, ReplyState::Expanded);
    report("build_rows, everything loaded and expanded", best_ms(11, [&] { build_rows(order, options, all, rows); }));
    std::printf("  (%zu rows, %zu bytes per row)\n", rows.size(), sizeof(CommentRow));

    uint32_t deepest = static_cast<uint32_t>(std::max_element(thread.depth.begin(), thread.depth.end()) - thread.depth.begin());
    report("reveal_comment (deepest comment) + build_rows", best_ms(21, [&] {
        DisplayState s;
        reveal_comment(order, options, deepest, s);
        build_rows(order, options, s, rows);
    }));
    std::printf("  (%zu rows)\n", rows.size());
    SUCCEED();
}

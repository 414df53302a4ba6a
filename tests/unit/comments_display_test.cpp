// Tests of the comment rows: sorting, indentation and flattening, collapse/expand,
// "show N more replies", "load more", deleted comments and revealing a linked comment.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "comments/display.h"
#include "comments_test_support.h"

using namespace reader::comments;
using comments_test::build_model;
using comments_test::inputs_of;
using comments_test::read_fixture;

namespace {

// The seed-thread fixture as a model, with ids to look comments up by.
struct Seed {
    std::vector<comments_test::FixtureComment> fixture;
    comments_test::Model model;
    uint32_t first = 0;

    explicit Seed(uint32_t first_comment = 0) : first(first_comment) {
        fixture = read_fixture("seed-thread.tsv");
        REQUIRE(fixture.size() == 15);
        model = build_model(inputs_of(fixture), {}, first_comment);
    }
    uint32_t operator[](const std::string& id) const {
        for (uint32_t i = 0; i < fixture.size(); ++i) if (fixture[i].id == id) return first + i;
        FAIL("no comment " << id);
        return kNoComment;
    }
    std::string id_of(uint32_t comment) const { return fixture.at(comment - first).id; }

    // Rows written compactly: "c1" comment at indent 0, "  c3" at indent 1,
    // "      c7>c6" flattened reply to c6, "  +1@c1" show-more row, "load+3".
    std::vector<std::string> render(const CommentOrder& order, const DisplayOptions& options,
                                    const DisplayState& state) const {
        std::vector<CommentRow> rows;
        build_rows(order, options, state, rows);
        std::vector<std::string> out;
        for (const CommentRow& r : rows) {
            std::string s(2u * r.indent, ' ');
            switch (r.kind) {
                case RowKind::Comment:
                    s += id_of(r.comment);
                    if (r.replying_to != kNoComment) s += ">" + id_of(r.replying_to);
                    break;
                case RowKind::MoreReplies: s += "+" + std::to_string(r.count) + "@" + id_of(r.comment); break;
                case RowKind::LoadMore: s += "load+" + std::to_string(r.count); break;
            }
            out.push_back(s);
        }
        return out;
    }
};

using Rows = std::vector<std::string>;

}  // namespace

TEST_CASE("newest first by default, replies oldest first, deep replies flattened", "[comments]") {
    Seed seed;
    CommentOrder order(seed.model.view(), CommentSort::Newest);
    DisplayOptions options;  // indent 3, preview 3, page 20
    DisplayState state;
    CHECK(seed.render(order, options, state) == Rows{
        "c15",
        "c9",
        "c2",
        "  c14",
        "c1",
        "  c3",
        "    c5",
        "      c6",
        "      c7>c6",
        "      c8>c7",
        "  c4",
        "  c10",
        "  +1@c1",
    });
}

TEST_CASE("oldest and most-liked orders sort only the top level", "[comments]") {
    Seed seed;
    DisplayOptions options;
    options.replies_preview = 0;  // top level only, to see the order
    DisplayState state;
    CHECK(seed.render(CommentOrder(seed.model.view(), CommentSort::Oldest), options, state) ==
          Rows{"c1", "  +4@c1", "c2", "  +1@c2", "c9", "c15"});
    // Likes: c9 40, c1 12, c2 3, c15 0.
    CHECK(seed.render(CommentOrder(seed.model.view(), CommentSort::MostLiked), options, state) ==
          Rows{"c9", "c1", "  +4@c1", "c2", "  +1@c2", "c15"});
}

TEST_CASE("most liked puts comments without likes last and breaks ties by newest", "[comments]") {
    std::vector<std::string> ids = {"a", "b", "c", "d"};
    std::vector<CommentInput> in = {{ids[0], "", 10, 5}, {ids[1], "", 20, -1}, {ids[2], "", 30, 5}, {ids[3], "", 40, 0}};
    comments_test::Model m = build_model(in);
    CommentOrder order(m.view(), CommentSort::MostLiked);
    auto top = order.top_level();
    CHECK(std::vector<uint32_t>(top.begin(), top.end()) == std::vector<uint32_t>{2, 0, 3, 1});
}

TEST_CASE("the indent limit flattens replies and names whom they answer", "[comments]") {
    Seed seed;
    CommentOrder order(seed.model.view(), CommentSort::Oldest);
    DisplayOptions options;
    options.max_indent = 1;
    options.page_size = 1;
    DisplayState state;
    CHECK(seed.render(order, options, state) == Rows{
        "c1",
        "  c3",
        "  c5>c3",
        "  c6>c5",
        "  c7>c6",
        "  c8>c7",
        "  c4",
        "  c10",
        "  +1@c1",
        "load+3",
    });
    options.max_indent = 0;
    CHECK(seed.render(order, options, state)[1] == "c3>c1");
}

TEST_CASE("expanding a reply list shows all of it; collapsing hides the thread and expanding restores it", "[comments]") {
    Seed seed;
    CommentOrder order(seed.model.view(), CommentSort::Oldest);
    DisplayOptions options;
    options.page_size = 1;
    options.replies_preview = 2;
    DisplayState state;
    CHECK(seed.render(order, options, state) == Rows{
        "c1", "  c3", "    c5", "      c6", "      c7>c6", "      c8>c7", "  c4", "  +2@c1", "load+3"});

    state.set_replies(seed["c1"], ReplyState::Expanded);
    CHECK(seed.render(order, options, state) == Rows{
        "c1", "  c3", "    c5", "      c6", "      c7>c6", "      c8>c7", "  c4", "  c10", "  c11", "load+3"});

    state.set_replies(seed["c5"], ReplyState::Collapsed);
    CHECK(seed.render(order, options, state) == Rows{
        "c1", "  c3", "    c5", "  c4", "  c10", "  c11", "load+3"});

    state.toggle_collapsed(seed["c1"]);
    CHECK(seed.render(order, options, state) == Rows{"c1", "load+3"});
    state.toggle_collapsed(seed["c1"]);  // back to the whole list it showed, c5 still collapsed
    CHECK(seed.render(order, options, state) == Rows{"c1", "  c3", "    c5", "  c4", "  c10", "  c11", "load+3"});
    CHECK(state.replies(seed["c1"]) == ReplyState::Expanded);

    state.set_replies(seed["c1"], ReplyState::Preview);   // a thread never expanded comes back as the preview
    state.toggle_collapsed(seed["c1"]);
    CHECK(seed.render(order, options, state) == Rows{"c1", "load+3"});
    state.toggle_collapsed(seed["c1"]);
    CHECK(seed.render(order, options, state) == Rows{"c1", "  c3", "    c5", "  c4", "  +2@c1", "load+3"});
    CHECK(state.replies(seed["c1"]) == ReplyState::Preview);
}

TEST_CASE("comment rows carry how many comments are under them", "[comments]") {
    Seed seed;
    CommentOrder order(seed.model.view(), CommentSort::Oldest);
    DisplayState state;
    state.set_replies(seed["c1"], ReplyState::Collapsed);
    std::vector<CommentRow> rows;
    build_rows(order, DisplayOptions{}, state, rows);
    REQUIRE(rows[0].comment == seed["c1"]);
    CHECK(rows[0].count == 8);  // c3 c4 c5 c6 c7 c8 c10 c11; deleted c12 is not counted
    CHECK(order.shown_descendants(seed["c3"]) == 4);
    CHECK(order.shown_replies(seed["c1"]) == 4);
    CHECK(order.shown_total() == 13);  // 15 less the two deleted leaves
}

TEST_CASE("load more adds a page of top-level threads at a time", "[comments]") {
    Seed seed;
    CommentOrder order(seed.model.view(), CommentSort::Newest);
    DisplayOptions options;
    options.page_size = 2;
    options.replies_preview = 0;
    DisplayState state;
    CHECK(seed.render(order, options, state) == Rows{"c15", "c9", "load+2"});
    state.load_more();
    CHECK(seed.render(order, options, state) == Rows{"c15", "c9", "c2", "  +1@c2", "c1", "  +4@c1"});
    state.load_more();  // past the end: nothing more, no row
    CHECK(seed.render(order, options, state).back() == "  +4@c1");
    state.pages = 0;    // treated as one page
    CHECK(seed.render(order, options, state).size() == 3);
    state.pages = UINT32_MAX;
    options.page_size = UINT32_MAX;  // no overflow in pages × size
    CHECK(seed.render(order, options, state).size() == 6);
}

TEST_CASE("deleted comments show only while they have shown replies", "[comments]") {
    std::vector<std::string> ids = {"a", "b", "c", "d", "e"};
    std::vector<CommentInput> in = {
        {ids[0], "", 1, -1, true},   // deleted, with a live reply: kept as a placeholder
        {ids[1], "a", 2},
        {ids[2], "", 3, -1, true},   // deleted, with only a deleted reply: hidden
        {ids[3], "c", 4, -1, true},
        {ids[4], "", 5},
    };
    comments_test::Model m = build_model(in);
    CommentOrder order(m.view(), CommentSort::Oldest);
    std::vector<CommentRow> rows;
    build_rows(order, DisplayOptions{}, DisplayState{}, rows);
    std::vector<uint32_t> shown;
    for (const CommentRow& r : rows) shown.push_back(r.comment);
    CHECK(shown == std::vector<uint32_t>{0, 1, 4});
    CHECK_FALSE(order.is_shown(2));
    CHECK_FALSE(order.is_shown(3));

    CommentOrder everything(m.view(), CommentSort::Oldest, /*hide_deleted_leaves=*/false);
    build_rows(everything, DisplayOptions{}, DisplayState{}, rows);
    CHECK(rows.size() == 5);
}

TEST_CASE("revealing a linked comment opens its thread and loads its page", "[comments]") {
    Seed seed;
    CommentOrder order(seed.model.view(), CommentSort::Newest);
    DisplayOptions options;
    options.page_size = 1;
    options.replies_preview = 1;
    DisplayState state;
    state.set_replies(seed["c3"], ReplyState::Collapsed);
    std::vector<CommentRow> rows;
    build_rows(order, options, state, rows);
    CHECK(find_row(rows, seed["c8"]) == SIZE_MAX);
    CHECK(find_row(rows, seed["c11"]) == SIZE_MAX);

    REQUIRE(reveal_comment(order, options, seed["c8"], state));
    CHECK(state.pages == 4);  // c1 is the fourth thread, newest first
    CHECK(state.replies(seed["c3"]) == ReplyState::Preview);  // its only reply is within the preview
    build_rows(order, options, state, rows);
    size_t at = find_row(rows, seed["c8"]);
    REQUIRE(at != SIZE_MAX);
    CHECK(rows[at].replying_to == seed["c7"]);

    REQUIRE(reveal_comment(order, options, seed["c11"], state));
    CHECK(state.replies(seed["c1"]) == ReplyState::Expanded);  // fourth reply of c1
    build_rows(order, options, state, rows);
    CHECK(find_row(rows, seed["c11"]) != SIZE_MAX);
    CHECK(find_row(rows, seed["c8"]) != SIZE_MAX);  // still open

    CHECK_FALSE(reveal_comment(order, options, seed["c12"], state));  // deleted leaf
    CHECK_FALSE(reveal_comment(order, options, kNoComment, state));
    CHECK_FALSE(reveal_comment(order, options, 12345, state));
}

TEST_CASE("rows work when the article's comments sit after other articles' in the bundle", "[comments]") {
    Seed plain;
    Seed shifted(1000);
    DisplayOptions options;
    DisplayState plain_state, shifted_state;
    CommentOrder a(plain.model.view(), CommentSort::Newest), b(shifted.model.view(), CommentSort::Newest);
    CHECK(plain.render(a, options, plain_state) == shifted.render(b, options, shifted_state));
    CHECK_FALSE(b.is_shown(5));  // another article's comment
    CHECK(b.parent_of(5) == kNoComment);
}

TEST_CASE("an article without comments gives no rows", "[comments]") {
    comments_test::Model m = build_model({});
    CommentOrder order(m.view(), CommentSort::Newest);
    std::vector<CommentRow> rows(3);
    build_rows(order, DisplayOptions{}, DisplayState{}, rows);
    CHECK(rows.empty());
    CommentOrder empty;
    build_rows(empty, DisplayOptions{}, DisplayState{}, rows);
    CHECK(rows.empty());
}

TEST_CASE("a damaged model with loops or bad indices cannot make rows endless", "[comments]") {
    // Hand-made model: 0 lists 1 as a reply, 1 lists 0 and itself and 99 (out of range).
    std::vector<reader::Comment> comments(2);
    std::vector<uint32_t> children = {0, 1, 0, 1, 99};
    comments[0].replies = {1, 2};
    comments[1].replies = {2, 5};
    ThreadsView view{comments, children, reader::Range{0, 1}};
    CommentOrder order(view, CommentSort::Newest);
    DisplayState state;
    state.set_replies(0, ReplyState::Expanded);
    state.set_replies(1, ReplyState::Expanded);
    std::vector<CommentRow> rows;
    build_rows(order, DisplayOptions{}, state, rows);
    CHECK(rows.size() == 2);
    // Ranges past the end of the children array are clipped.
    comments[0].replies = {3, 4000};
    CommentOrder clipped(view, CommentSort::Newest);
    build_rows(clipped, DisplayOptions{}, state, rows);
    CHECK(rows.size() == 2);
}

TEST_CASE("100,000 comments: default rows are few, fully expanded rows are all", "[comments]") {
    const size_t n = 100000;
    std::vector<std::string> ids;
    ids.reserve(n);
    for (size_t i = 0; i < n; ++i) ids.push_back("c" + std::to_string(i));
    std::vector<CommentInput> in(n);
    // 20,000 threads of 5: a reply chain of depth 4 every 5 comments.
    for (size_t i = 0; i < n; ++i) {
        in[i].id = ids[i];
        in[i].parent_id = i % 5 == 0 ? std::string_view() : std::string_view(ids[i - 1]);
        in[i].published_unix = static_cast<int64_t>(i);
    }
    comments_test::Model m = build_model(in);
    CommentOrder order(m.view(), CommentSort::Newest);
    DisplayOptions options;
    DisplayState state;
    std::vector<CommentRow> rows;
    build_rows(order, options, state, rows);
    CHECK(rows.size() == 20 * 5 + 1);
    CHECK(rows.back().kind == RowKind::LoadMore);
    CHECK(rows.back().count == 20000 - 20);
    state.pages = UINT32_MAX;
    build_rows(order, options, state, rows);
    CHECK(rows.size() == n);
    CHECK(rows[4].comment == 99999);
    CHECK(rows[4].replying_to == 99998);  // depth 4 > indent 3
}

TEST_CASE("a refresh that renumbers comments keeps expanded and collapsed threads", "[comments]") {
    DisplayState before;
    before.pages = 3;
    before.set_replies(4, ReplyState::Expanded);
    before.set_replies(7, ReplyState::Collapsed);
    before.set_replies(9, ReplyState::Expanded);   // this comment disappears
    std::vector<uint32_t> new_index_of(10, kNoComment);
    new_index_of[4] = 14;
    new_index_of[7] = 2;
    DisplayState after = before.remapped(new_index_of);
    CHECK(after.pages == 3);
    CHECK(after.replies(14) == ReplyState::Expanded);
    CHECK(after.replies(2) == ReplyState::Collapsed);
    CHECK(after.replies(4) == ReplyState::Preview);
    CHECK(after.replies(9) == ReplyState::Preview);
    DisplayState short_map = before.remapped({});  // nothing matched
    CHECK(short_map.replies(4) == ReplyState::Preview);
}

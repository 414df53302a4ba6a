// Bad comment input through the bundle loader (issue 6): cycles, missing parents,
// duplicate ids, absurd nesting, huge comments and bad timestamps each give a clear
// message naming the article and the comment, the article still opens, and the rows
// the comments section shows stay sane.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "comments/display.h"
#include "model/bundle_loader.h"

using namespace reader;
using namespace reader::comments;

namespace {

std::string messages(const LoadResult& r) {
    std::string all;
    for (const auto& d : r.diagnostics.items) all += d.to_string() + "\n";
    return all;
}

bool has(const LoadResult& r, const std::string& part) { return messages(r).find(part) != std::string::npos; }

std::string article(const std::string& comments) {
    return R"({"format": "article-bundle/1", "articles": [{"id": "bai", "title": "Bài", "body": "Thân bài.", "comments": )" +
           comments + "}]}";
}

// The ids on the rows, in order, everything expanded and loaded.
std::vector<std::string> row_ids(const Bundle& b) {
    const Article& a = b.articles[0];
    CommentOrder order(ThreadsView{b.comments, b.comment_children, a.comments}, CommentSort::Oldest);
    DisplayState all;
    all.pages = UINT32_MAX;
    for (uint32_t c = 0; c < b.comments.size(); ++c) all.set_replies(c, ReplyState::Expanded);
    std::vector<CommentRow> rows;
    build_rows(order, DisplayOptions{}, all, rows);
    std::vector<std::string> ids;
    for (const auto& r : rows) if (r.kind == RowKind::Comment) ids.emplace_back(b.str(b.comments[r.comment].id));
    return ids;
}

}  // namespace

TEST_CASE("a reply loop is cut, reported by id, and every comment is still shown once", "[comments][bad-input]") {
    LoadResult r = load_bundle(article(R"([
        {"id": "a", "parent": "c", "text": "một", "published": "2022-12-07T10:00:00+07:00"},
        {"id": "b", "parent": "a", "text": "hai", "published": "2022-12-07T10:01:00+07:00"},
        {"id": "c", "parent": "b", "text": "ba", "published": "2022-12-07T10:02:00+07:00"},
        {"id": "d", "parent": "d", "text": "tự trả lời", "published": "2022-12-07T10:03:00+07:00"}])"), "loop.json");
    INFO(messages(r));
    REQUIRE(r.bundle);
    REQUIRE(r.bundle->articles.size() == 1);
    CHECK(has(r, "article 'bai'"));
    CHECK(has(r, "reply loop"));
    CHECK(has(r, "\"d\" replies to itself: shown at top level"));
    CHECK(row_ids(*r.bundle) == std::vector<std::string>{"a", "b", "c", "d"});
}

TEST_CASE("a reply to a missing parent is shown at top level with a message", "[comments][bad-input]") {
    LoadResult r = load_bundle(article(R"([{"id": "x", "parent": "khong-co", "text": "mồ côi"}])"), "orphan.json");
    INFO(messages(r));
    REQUIRE(r.bundle);
    CHECK(has(r, "\"x\" replies to \"khong-co\", which is not in the list: shown at top level"));
    CHECK(row_ids(*r.bundle) == std::vector<std::string>{"x"});
}

TEST_CASE("duplicate comment ids are reported and both comments stay", "[comments][bad-input]") {
    LoadResult r = load_bundle(article(R"([{"id": "same", "text": "một"}, {"id": "same", "text": "hai"}])"), "dup.json");
    INFO(messages(r));
    REQUIRE(r.bundle);
    CHECK(has(r, "repeats the id of comment #1"));
    CHECK(row_ids(*r.bundle).size() == 2);
}

TEST_CASE("a 10,000-deep reply chain is capped in depth and shown flat past the indent limit", "[comments][bad-input]") {
    std::string flat = "[";
    for (int i = 0; i < 10000; ++i) {
        if (i) flat += ",";
        flat += R"({"id": "n)" + std::to_string(i) + "\"";
        if (i) flat += R"(, "parent": "n)" + std::to_string(i - 1) + "\"";
        flat += R"(, "text": "t"})";
    }
    flat += "]";
    LoadResult r = load_bundle(article(flat), "deep.json");
    REQUIRE(r.bundle);
    CHECK(has(r, "nested too deeply"));
    const Bundle& b = *r.bundle;
    const Article& a = b.articles[0];
    CommentOrder order(ThreadsView{b.comments, b.comment_children, a.comments}, CommentSort::Oldest);
    DisplayState all;
    for (uint32_t c = 0; c < b.comments.size(); ++c) all.set_replies(c, ReplyState::Expanded);
    std::vector<CommentRow> rows;
    build_rows(order, DisplayOptions{}, all, rows);
    CHECK(rows.size() == 10000);
    for (const auto& row : rows) CHECK(row.indent <= 3);
    CHECK(rows.back().replying_to != kNoComment);   // flattened rows name whom they answer
}

TEST_CASE("nested replies deeper than the JSON limit are refused with a position, not a crash", "[comments][bad-input]") {
    std::string nested = R"({"id": "leaf", "text": "t"})";
    for (int i = 0; i < 200; ++i) nested = R"({"id": "n)" + std::to_string(i) + R"(", "text": "t", "replies": [)" + nested + "]}";
    LoadResult r = load_bundle(article("[" + nested + "]"), "nested.json");
    INFO(messages(r));
    CHECK(!r.diagnostics.items.empty());
    CHECK(has(r, "nested.json:1:"));   // file, line and column
}

TEST_CASE("a huge comment loads whole (the section shows its beginning)", "[comments][bad-input]") {
    std::string text;
    while (text.size() < (2u << 20)) text += "Một ý kiến rất dài của bạn đọc. ";
    LoadResult r = load_bundle(article(R"([{"id": "dai", "text": ")" + text + R"("}])"), "huge.json");
    INFO(messages(r).substr(0, 500));
    REQUIRE(r.bundle);
    REQUIRE(r.bundle->comments.size() == 1);
    CHECK(r.bundle->comments[0].text.len == text.size());
}

TEST_CASE("a comment with a bad timestamp keeps its place without a time, with a message", "[comments][bad-input]") {
    LoadResult r = load_bundle(article(R"([
        {"id": "a", "text": "một", "published": "hôm qua"},
        {"id": "b", "text": "hai", "published": "2022-13-45T99:00:00+07:00"},
        {"id": "c", "text": "ba", "published": 1670382000},
        {"id": "d", "text": "bốn", "published": "2022-12-07T10:00:00+07:00"}])"), "time.json");
    INFO(messages(r));
    REQUIRE(r.bundle);
    const Bundle& b = *r.bundle;
    CHECK(b.comments[0].published_unix == 0);
    CHECK(b.comments[1].published_unix == 0);
    CHECK(b.comments[3].published_unix != 0);
    CHECK(has(r, "field 'published'"));
    CHECK(row_ids(b).size() == 4);
}

// The bundle loader: valid bundles become the model; bad input becomes clear
// diagnostics (file:line:col or article+field) and never a crash.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "model/bundle_loader.h"

using namespace reader;

namespace {

std::string read_test_file(const std::string& rel) {
    std::ifstream in(std::string(READER_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool has_message(const LoadResult& r, const std::string& part) {
    for (const auto& d : r.diagnostics.items) {
        if (d.to_string().find(part) != std::string::npos) return true;
    }
    return false;
}

std::string all_messages(const LoadResult& r) {
    std::string s;
    for (const auto& d : r.diagnostics.items) s += d.to_string() + "\n";
    return s;
}

const char* kMinimal = R"({"format": "article-bundle/1",
  "site": {"name": "Báo", "language": "vi"},
  "articles": [
    {"id": "a1", "title": "Tiêu đề một", "published": "2022-12-07T09:00:00+07:00", "author": "Đình Quân",
     "lead": "Phần dẫn", "body": "Đoạn một.\n\nĐoạn *hai* với [liên kết](https://example.com).",
     "related": ["a2"]},
    {"id": "a2", "title": "Tiêu đề hai", "published": "2022-12-08", "body": "Xem [bài một](#article=a1)."}
  ],
  "announcements": [{"title": "Thông báo một"}]
})";

}  // namespace

TEST_CASE("the default bundle loads with the seed article first and no errors", "[loader]") {
    const std::string bytes = read_test_file("assets/bundles/default.json");
    REQUIRE(!bytes.empty());
    LoadResult r = load_bundle(bytes, "default.json");
    INFO(all_messages(r));
    REQUIRE(r.bundle);
    CHECK(r.diagnostics.count(Severity::Error) == 0);
    const Bundle& b = *r.bundle;
    REQUIRE(b.articles.size() >= 5);
    const Article& seed = b.articles[b.front_article];
    CHECK(b.str(seed.title).rfind("Tiếp tục lãnh đạo, chỉ đạo tổ chức quán triệt nghiêm túc Kết luận số 21-KL/TW", 0) == 0);
    CHECK(b.str(seed.lead).rfind("(Thanhuytphcm.vn) - Sáng 7/10", 0) == 0);
    CHECK(b.str(seed.source) == "Thanhuytphcm.vn");
    REQUIRE(seed.authors.size() == 1);
    CHECK(b.str(seed.authors[0]) == "Đình Quân");
    CHECK(seed.published_offset_min == 420);
    CHECK(seed.blocks.size() >= 8);
}

TEST_CASE("a minimal bundle gives articles, blocks, links and resolved related ids", "[loader]") {
    LoadResult r = load_bundle(kMinimal, "mini.json");
    INFO(all_messages(r));
    REQUIRE(r.bundle);
    CHECK(r.diagnostics.items.empty());
    const Bundle& b = *r.bundle;
    REQUIRE(b.articles.size() == 2);
    CHECK(b.str(b.site.name) == "Báo");
    CHECK(b.articles[0].related.size() == 1);
    CHECK(b.articles[0].related[0].article == 1);
    // Date-only values are read at +07:00.
    CHECK(b.articles[1].published_offset_min == 420);
    // The in-bundle link resolves to article 0.
    bool found = false;
    for (const auto& l : b.links) {
        if (l.target == LinkTarget::Article) {
            CHECK(l.article == 0);
            found = true;
        }
    }
    CHECK(found);
    CHECK(b.announcements.size() == 1);
}

TEST_CASE("JSON syntax errors name the line and column", "[loader]") {
    LoadResult r = load_bundle("{\n  \"format\": \"article-bundle/1\",\n  \"articles\": [ , ]\n}", "bad.json");
    CHECK(!r.bundle);
    REQUIRE(!r.diagnostics.items.empty());
    const Diagnostic& d = r.diagnostics.items.front();
    CHECK(d.line == 3);
    CHECK(d.column == 17);
    CHECK(d.to_string().rfind("bad.json:3:17: error: JSON syntax error", 0) == 0);
}

TEST_CASE("invalid UTF-8 is reported with its byte offset", "[loader]") {
    std::string bytes = R"({"articles": [{"id": "x", "title": "ab)";
    bytes += "\xC3\x28";
    bytes += R"("}]})";
    LoadResult r = load_bundle(bytes, "u.json");
    CHECK(!r.bundle);
    CHECK(has_message(r, "invalid UTF-8 at byte offset 38"));
}

TEST_CASE("a 100,000-deep array is refused quickly without recursion", "[loader]") {
    std::string deep(100000, '[');
    deep += std::string(100000, ']');
    LoadResult r = load_bundle(deep, "deep.json");
    CHECK(!r.bundle);
    CHECK(has_message(r, "nesting is deeper than 64 levels"));
}

TEST_CASE("articles with problems are skipped and the rest still open", "[loader]") {
    const char* bytes = R"({"format": "article-bundle/1", "articles": [
      {"id": "ok", "title": "Được", "body": "x"},
      {"id": "ok", "title": "Trùng mã", "body": "x"},
      {"title": "Không có mã"},
      {"id": "t", "title": 42},
      {"id": "d", "title": "Ngày sai", "published": "2022-02-30T10:00:00+07:00", "related": ["none"]},
      "not an object"
    ]})";
    LoadResult r = load_bundle(bytes, "mixed.json");
    INFO(all_messages(r));
    REQUIRE(r.bundle);
    CHECK(r.bundle->articles.size() == 2);
    CHECK(has_message(r, "duplicate id 'ok'"));
    CHECK(has_message(r, "article (#2), field 'id': is required"));
    CHECK(has_message(r, "article 't' (#3), field 'title': must be a string, not an integer"));
    CHECK(has_message(r, "field 'published': date '2022-02-30T10:00:00+07:00' is not ISO 8601"));
    CHECK(has_message(r, "related id 'none' names no article"));
    CHECK(has_message(r, "article (#5): must be an object, not a string"));
}

TEST_CASE("an unknown format version is a warning, another format an error", "[loader]") {
    LoadResult v2 = load_bundle(R"({"format": "article-bundle/2", "articles": [{"id": "a", "title": "T"}]})", "v2.json");
    REQUIRE(v2.bundle);
    CHECK(has_message(v2, "warning: field 'format': unknown format version 'article-bundle/2'"));
    LoadResult other = load_bundle(R"({"format": "rss", "articles": [{"id": "a", "title": "T"}]})", "o.json");
    CHECK(has_message(other, "error: field 'format': unknown format 'rss'"));
}

TEST_CASE("a bundle that is not a JSON object is refused clearly", "[loader]") {
    CHECK(has_message(load_bundle("[1,2]", "a.json"), "a bundle must be a JSON object"));
    CHECK(has_message(load_bundle("\"text\"", "s.json"), "a bundle must be a JSON object"));
    CHECK(has_message(load_bundle("", "e.json"), "JSON syntax error"));
    CHECK(has_message(load_bundle("{}", "n.json"), "the bundle holds no article"));
}

TEST_CASE("limits on articles and string length give messages, not failures", "[loader]") {
    LoadLimits lim;
    lim.max_articles = 1;
    LoadResult r = load_bundle(kMinimal, "mini.json", lim);
    REQUIRE(r.bundle);
    CHECK(r.bundle->articles.size() == 1);
    CHECK(has_message(r, "more than 1 articles"));
    LoadLimits small;
    small.max_bytes = 10;
    CHECK(has_message(load_bundle(kMinimal, "mini.json", small), "the limit is"));
}

TEST_CASE("NFD text is stored as NFC", "[loader]") {
    // "Hoà" written with a combining grave accent (NFD).
    LoadResult r = load_bundle("{\"articles\": [{\"id\": \"n\", \"title\": \"Hoa\xCC\x80 bi\xCC\x80nh\"}]}", "nfd.json");
    REQUIRE(r.bundle);
    CHECK(r.bundle->str(r.bundle->articles[0].title) == "Hoà bình");
}

TEST_CASE("a Markdown file with front matter is one article", "[loader]") {
    const char* md = "---\nid: md1\ntitle: \"Bài Markdown\"\npublished: 2022-12-07T09:00:00+07:00\n"
                     "tags: [một, hai]\nimage:\n  src: images/a.jpg\n  caption: Chú thích\n---\n# Tiêu đề\n\nĐoạn văn.\n";
    LoadResult r = load_bundle(md, "md1.md");
    INFO(all_messages(r));
    REQUIRE(r.bundle);
    const Bundle& b = *r.bundle;
    REQUIRE(b.articles.size() == 1);
    CHECK(b.str(b.articles[0].title) == "Bài Markdown");
    CHECK(b.articles[0].tags.size() == 2);
    CHECK(b.str(b.articles[0].image.caption) == "Chú thích");
    CHECK(b.articles[0].blocks.size() == 2);
}

TEST_CASE("a manifest lists Markdown bodies to fetch, then finishes", "[loader]") {
    LoadResult r = load_bundle(R"({"format": "article-bundle/1", "articles": [{"id": "m", "title": "T", "body_url": "m.md"}]})", "man.json");
    REQUIRE(r.bundle);
    REQUIRE(r.pending.size() == 1);
    CHECK(r.pending[0].url == "m.md");
    attach_markdown_body(r, r.pending[0].article, "Nội dung **đậm**.", "m.md");
    finish_bundle(r);
    CHECK(r.bundle->articles[0].blocks.size() == 1);
    LoadResult bad = load_bundle(R"({"articles": [{"id": "m", "title": "T", "body_url": "../etc/passwd"}]})", "man.json");
    CHECK(has_message(bad, "must be a relative URL inside the bundle's folder"));
}

TEST_CASE("comments become threads with replies under their parents", "[loader][comments]") {
    const char* bytes = R"({"articles": [{"id": "c", "title": "T", "comments": [
        {"id": "1", "author": "A", "text": "một", "published": "2022-12-07T10:00:00+07:00", "likes": 3,
         "replies": [{"id": "1a", "author": "B", "text": "hai"}]},
        {"id": "2", "author": "C", "text": "ba", "parent": "1a"}
    ]}]})";
    LoadResult r = load_bundle(bytes, "c.json");
    INFO(all_messages(r));
    REQUIRE(r.bundle);
    const Bundle& b = *r.bundle;
    const Article& a = b.articles[0];
    CHECK(a.comment_total == 3);
    REQUIRE(a.comments.size() == 1);
    const Comment& top = b.comments[b.comment_children[a.comments.begin]];
    CHECK(b.str(top.id) == "1");
    CHECK(top.likes == 3);
    REQUIRE(top.replies.size() == 1);
    const Comment& reply = b.comments[b.comment_children[top.replies.begin]];
    CHECK(b.str(reply.id) == "1a");
    REQUIRE(reply.replies.size() == 1);
    CHECK(b.str(b.comments[b.comment_children[reply.replies.begin]].id) == "2");
}

TEST_CASE("related and announcement links are stored as the link policy trimmed them", "[loader][links]") {
    LoadResult r = load_bundle(R"({"articles": [{"id": "a", "title": "T", "related": [{"title": "x", "url": " https://x.vn "}]}],
        "announcements": [{"title": "t", "url": " https://y.vn"}]})", "t.json");
    REQUIRE(r.bundle);
    CHECK(r.bundle->str(r.bundle->articles[0].related[0].url) == "https://x.vn");
    CHECK(r.bundle->str(r.bundle->announcements[0].url) == "https://y.vn");
}

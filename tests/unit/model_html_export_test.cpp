// The model as HTML: escaped everywhere, semantic, and the body as CommonMark renders it.
#include <catch2/catch.hpp>

#include <string>

#include "model/bundle_loader.h"
#include "model/html_export.h"
#include "model/markdown_builder.h"

using namespace reader;

namespace {

std::string body_html(const std::string& md) {
    Bundle b;
    ModelWriter w(b);
    Article a;
    a.blocks = build_markdown(w, md).blocks;
    b.articles.push_back(a);
    std::string out;
    append_body_html(out, b, 0);
    return out;
}

LoadResult load(const std::string& json) {
    LoadResult r = load_bundle(json, "t.json");
    REQUIRE(r.bundle);
    return r;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const char* kHostile = R"JSON({"format": "article-bundle/1",
  "site": {"name": "<script>alert(1)</script>", "language": "vi\" onload=\"x"},
  "articles": [{"id": "a\" onmouseover=\"x", "title": "T <b>&amp;</b> \"q\"", "subtitle": "<i>s</i>",
    "category": "<c>", "author": "<a>", "source": "<s>", "lead": "<l>", "tags": ["<t>"],
    "published": "2022-12-07T09:00:00+07:00",
    "image": {"src": "images/a.jpg\" onerror=\"x", "alt": "\"><script>", "caption": "<cap>", "credit": "<cr>"},
    "body": "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
    "comments": [{"id": "c\"1", "author": "<au>", "text": "<script>x</script>\nline", "published": "2022-12-07T10:00:00+07:00"}],
    "related": [{"title": "<r>", "url": "https://x.vn/?a=1&b=\"2\""}]}],
  "announcements": [{"title": "<an>", "url": "javascript:alert(1)", "text": "<p>"}]})JSON";

}  // namespace

TEST_CASE("text in every field is escaped and no tag from the bundle survives", "[html][security]") {
    LoadResult r = load(kHostile);
    const std::string html = document_html(*r.bundle);
    CHECK(!contains(html, "<script"));
    CHECK(!contains(html, "<b>"));
    CHECK(!contains(html, "<i>"));
    CHECK(!contains(html, "<c>"));
    CHECK(!contains(html, "<img src=x"));
    CHECK(!contains(html, "javascript:"));
    CHECK(!contains(html, "\" onmouseover"));
    CHECK(!contains(html, "\" onerror"));
    CHECK(!contains(html, "\" onload"));
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK(contains(html, "T &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;q&quot;"));
    // The image src is URL-escaped: its quote cannot end the attribute.
    CHECK(contains(html, "src=\"images/a.jpg%22%20onerror=%22x\""));
    CHECK(contains(html, "href=\"https://x.vn/?a=1&amp;b=%222%22\""));
}

TEST_CASE("control characters become U+FFFD in the HTML", "[html][security]") {
    std::string out;
    append_html_escaped(out, std::string("a\x01" "b\tc\nd\x7f", 8));
    CHECK(out == "a\xEF\xBF\xBD" "b\tc\nd\xEF\xBF\xBD");
}

TEST_CASE("an article is an <article> with lang, header, figure, lead, body, signature", "[html]") {
    LoadResult r = load(R"({"site": {"language": "vi"}, "articles": [{"id": "a1", "title": "Tiêu đề",
      "published": "2022-12-07T09:00:00+07:00", "author": ["Đình Quân", "Thu Hà"], "lead": "Dẫn",
      "image": {"src": "a.jpg", "caption": "Chú thích", "width": 800, "height": 450},
      "body": "# Phần\n\nĐoạn.", "language": "vi-VN"}]})");
    HtmlOptions o;
    o.dateline = "Thứ Tư, ngày 7 tháng 12 năm 2022";
    std::string html;
    append_article_html(html, *r.bundle, 0, o);
    CHECK(contains(html, "<article id=\"article-a1\" lang=\"vi-VN\" aria-labelledby=\"article-a1-title\">"));
    CHECK(contains(html, "<p class=\"dateline\"><time datetime=\"2022-12-07T09:00:00+07:00\">Thứ Tư, ngày 7 tháng 12 năm 2022</time></p>"));
    CHECK(contains(html, "<h1 id=\"article-a1-title\">Tiêu đề</h1>"));
    CHECK(contains(html, "<figure>\n<img src=\"a.jpg\" alt=\"\" width=\"800\" height=\"450\" />\n<figcaption>Chú thích</figcaption>\n</figure>"));
    CHECK(contains(html, "<p class=\"lead\">Dẫn</p>"));
    // The body's "# Phần" is an h2 inside the article: the title is the only h1.
    CHECK(contains(html, "<h2>Phần</h2>"));
    CHECK(contains(html, "<p class=\"signature\">Đình Quân, Thu Hà</p>"));
    // The order of the seed page: dateline, title, photo, lead, body, signature.
    CHECK(html.find("dateline") < html.find("<h1"));
    CHECK(html.find("<h1") < html.find("<figure"));
    CHECK(html.find("<figure") < html.find("class=\"lead\""));
    CHECK(html.find("class=\"lead\"") < html.find("class=\"body\""));
    CHECK(html.find("class=\"body\"") < html.find("signature"));
}

TEST_CASE("without a dateline from the caller there is none", "[html]") {
    LoadResult r = load(R"({"articles": [{"id": "a", "title": "T", "published": "2022-12-07T09:00:00+07:00"}]})");
    std::string html;
    append_article_html(html, *r.bundle, 0);
    CHECK(!contains(html, "dateline"));
    CHECK(contains(html, "lang=\"vi\""));  // the default language
}

TEST_CASE("comments are nested lists with authors, times, likes and the declared total", "[html][comments]") {
    LoadResult r = load(R"({"articles": [{"id": "a", "title": "T", "comment_count": 12, "comments": [
      {"id": "1", "author": "A", "text": "một", "published": "2022-12-07T10:00:00+07:00", "likes": 3,
       "replies": [{"id": "2", "author": "B", "text": "hai\n\nba"}]}]}]})");
    std::string html;
    append_comments_html(html, *r.bundle, 0);
    CHECK(contains(html, "<h2 id=\"comments-a-title\">Ý kiến bạn đọc</h2>"));
    CHECK(contains(html, "Tổng lượt bình luận: 12"));
    CHECK(contains(html, "<ol class=\"comment-list\">\n<li id=\"comment-1\"><p class=\"comment-meta\"><strong>A</strong> "
                         "<time datetime=\"2022-12-07T10:00:00+07:00\">Thứ Tư, 7/12/2022, 10:00 (GMT+7)</time></p><p>một</p>"
                         "<p class=\"likes\">3 lượt thích</p>\n<ol>\n<li id=\"comment-2\">"));
    CHECK(contains(html, "<p>hai</p><p>ba</p></li>\n</ol>\n</li>\n</ol>\n</section>"));
    HtmlOptions en;
    en.ui = i18n::Lang::En;
    std::string english;
    append_comments_html(english, *r.bundle, 0, en);
    CHECK(contains(english, "Reader comments"));
    CHECK(contains(english, "3 likes"));
}

TEST_CASE("related articles link in the bundle or out with rel=noopener", "[html]") {
    LoadResult r = load(R"({"articles": [{"id": "a", "title": "T", "related": ["b", {"title": "Ngoài", "url": "https://x.vn/"}]},
      {"id": "b", "title": "Bài B"}]})");
    std::string html;
    append_article_html(html, *r.bundle, 0);
    CHECK(contains(html, "<h2 id=\"related-a\">Tin khác</h2>"));
    CHECK(contains(html, "<li><a href=\"#article=b\">Bài B</a></li>"));
    CHECK(contains(html, "<li><a href=\"https://x.vn/\" rel=\"noopener noreferrer\">Ngoài</a></li>"));
}

TEST_CASE("announcements are an aside with links and dates", "[html]") {
    LoadResult r = load(R"({"articles": [{"id": "a", "title": "T"}],
      "announcements": [{"title": "Thông báo A", "url": "https://x.vn/tb", "published": "2022-12-07T09:00:00+07:00"}]})");
    std::string html;
    append_announcements_html(html, *r.bundle);
    CHECK(contains(html, "<aside class=\"announcements\" aria-labelledby=\"announcements-title\">"));
    CHECK(contains(html, "<h2 id=\"announcements-title\">Thông báo</h2>"));
    CHECK(contains(html, "<a href=\"https://x.vn/tb\" rel=\"noopener noreferrer\">Thông báo A</a> <time datetime=\"2022-12-07T09:00:00+07:00\">07/12/2022</time>"));
}

TEST_CASE("the body renders as CommonMark: paragraphs, emphasis nesting, breaks", "[html][markdown]") {
    CHECK(body_html("Một *hai **ba***\\\nbốn\nnăm") ==
          "<p>Một <em>hai <strong>ba</strong></em><br />\nbốn\nnăm</p>\n");
    CHECK(body_html("*a *b**") == "<p><em>a <em>b</em></em></p>\n");
    CHECK(body_html("***x***") == "<p><em><strong>x</strong></em></p>\n");
    CHECK(body_html("`a<b` ~~c~~") == "<p><code>a&lt;b</code> <del>c</del></p>\n");
}

TEST_CASE("lists: tight items have no paragraphs, loose ones do, ordered lists keep their start", "[html][markdown]") {
    CHECK(body_html("- a\n- b\n") == "<ul>\n<li>a\n</li>\n<li>b\n</li>\n</ul>\n");
    CHECK(body_html("- a\n\n- b\n") == "<ul>\n<li><p>a</p>\n</li>\n<li><p>b</p>\n</li>\n</ul>\n");
    CHECK(body_html("3. a\n") == "<ol start=\"3\">\n<li>a\n</li>\n</ol>\n");
    CHECK(body_html("- [x] xong\n- [ ] chưa\n") ==
          "<ul>\n<li><input type=\"checkbox\" disabled checked /> xong\n</li>\n"
          "<li><input type=\"checkbox\" disabled /> chưa\n</li>\n</ul>\n");
}

TEST_CASE("tables have a header row with scope and alignment", "[html][markdown]") {
    CHECK(body_html("| A | B |\n|:-|-:|\n| 1 | 2 |\n") ==
          "<table>\n<thead>\n<tr>\n<th scope=\"col\" align=\"left\">A</th>\n<th scope=\"col\" align=\"right\">B</th>\n"
          "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST_CASE("code blocks keep their language and their exact text", "[html][markdown]") {
    CHECK(body_html("```js\nif (a < b) {}\n\n```\n") == "<pre><code class=\"language-js\">if (a &lt; b) {}\n\n</code></pre>\n");
    CHECK(body_html("    x\n") == "<pre><code>x\n</code></pre>\n");
}

TEST_CASE("links and images: escaped URLs, rel on external links, alt always present", "[html][markdown]") {
    CHECK(body_html("[a](https://x.vn/ä \"t\") [b](#article=x) [c](mailto:a@b.vn) [d](/p)") ==
          "<p><a href=\"https://x.vn/%C3%A4\" title=\"t\" rel=\"noopener noreferrer\">a</a> "
          "<a href=\"#article=x\">b</a> <a href=\"mailto:a@b.vn\">c</a> <a href=\"/p\">d</a></p>\n");
    CHECK(body_html("![Ảnh *đẹp*](a.jpg)") == "<p><img src=\"a.jpg\" alt=\"Ảnh đẹp\" /></p>\n");
    CHECK(body_html("[x](javascript:alert(1))") == "<p>x</p>\n");
}

TEST_CASE("raw HTML comes out as text, blocks in <pre>", "[html][security]") {
    CHECK(body_html("<div onclick=\"x\">\nhi\n</div>\n") ==
          "<pre class=\"raw-html\"><code>&lt;div onclick=&quot;x&quot;&gt;\nhi\n&lt;/div&gt;\n</code></pre>\n");
    CHECK(body_html("a <b>c</b>") == "<p>a &lt;b&gt;c&lt;/b&gt;</p>\n");
}

TEST_CASE("malformed blocks from a hand-made bundle still give balanced HTML", "[html][security]") {
    Bundle b;
    b.text = "x";
    Block item;
    item.kind = BlockKind::ListItem;        // an item outside any list
    item.subtree_end = 99;                  // past the end
    Block cell;
    cell.kind = BlockKind::TableCell;       // a cell outside any row
    cell.runs = {5, 2};                     // inverted, out of range
    cell.subtree_end = 0;                   // before itself
    b.blocks = {item, cell};
    Span s;
    s.block = 1;
    s.begin_run = 7;
    s.end_run = 3;
    s.subtree_end = 0;
    s.kind = SpanKind::Link;
    s.link = 42;
    b.spans = {s};
    std::string out;
    append_blocks_html(out, b, {0, 5});
    CHECK(out == "<div>\n<div><span></span></div>\n</div>\n");
}

TEST_CASE("max_comments stops after that many comments with balanced lists and says so", "[html][comments]") {
    LoadResult r = load(R"({"articles": [{"id": "a", "title": "T", "comment_count": 5, "comments": [
      {"id": "1", "text": "một", "replies": [{"id": "2", "text": "hai", "replies": [{"id": "3", "text": "ba"}]}]},
      {"id": "4", "text": "bốn"}, {"id": "5", "text": "năm"}]}]})");
    HtmlOptions o;
    o.max_comments = 2;   // stops inside the first thread, two lists deep
    std::string html;
    append_comments_html(html, *r.bundle, 0, o);
    CHECK(contains(html, "id=\"comment-2\""));
    CHECK_FALSE(contains(html, "id=\"comment-3\""));
    CHECK_FALSE(contains(html, "id=\"comment-4\""));
    CHECK(contains(html, "<p>hai</p>\n<ol>\n</ol>\n</li>\n</ol>\n</li>\n</ol>\n<p class=\"comment-total\">Đang hiển thị 2/5 ý kiến</p>\n</section>"));
    size_t open = 0, close = 0;
    for (size_t p = 0; (p = html.find("<ol", p)) != std::string::npos; ++p) ++open;
    for (size_t p = 0; (p = html.find("</ol>", p)) != std::string::npos; ++p) ++close;
    CHECK(open == close);
    // Enough room: everything, and no "showing" line.
    o.max_comments = 5;
    std::string all;
    append_comments_html(all, *r.bundle, 0, o);
    CHECK(contains(all, "id=\"comment-5\""));
    CHECK_FALSE(contains(all, "Đang hiển thị"));
}

// Markdown → model: every CommonMark/GFM construct becomes the right blocks and
// runs; raw HTML stays inert text; unsafe links and images are dropped.
#include <catch2/catch.hpp>

#include <string>

#include "model/link_policy.h"
#include "model/markdown_builder.h"

using namespace reader;

namespace {

struct Built {
    Bundle b;
    MarkdownOutput out;
};

Built build(const std::string& md) {
    Built r;
    ModelWriter w(r.b);
    r.out = build_markdown(w, md);
    return r;
}

std::string runs_text(const Bundle& b, const Block& blk) {
    std::string s;
    for (uint32_t i = blk.runs.begin; i < blk.runs.end; ++i) {
        const Run& r = b.runs[i];
        if (r.kind == RunKind::Text || r.kind == RunKind::Image) s += b.str(r.text);
        else if (r.kind == RunKind::SoftBreak) s += ' ';
        else s += '\n';
    }
    return s;
}

}  // namespace

TEST_CASE("paragraphs and headings keep their text and level", "[markdown]") {
    Built r = build("# Một\n\nĐoạn văn *nghiêng* và **đậm**.\n\n### Ba\n");
    REQUIRE(r.out.blocks.size() == 3);
    const auto& h1 = r.b.blocks[0];
    CHECK(h1.kind == BlockKind::Heading);
    CHECK(h1.level == 1);
    CHECK(runs_text(r.b, h1) == "Một");
    const auto& p = r.b.blocks[1];
    CHECK(p.kind == BlockKind::Paragraph);
    CHECK(runs_text(r.b, p) == "Đoạn văn nghiêng và đậm.");
    REQUIRE(p.runs.size() == 5);
    CHECK(r.b.runs[p.runs.begin + 1].style == kStyleEmphasis);
    CHECK(r.b.runs[p.runs.begin + 3].style == kStyleStrong);
    CHECK(r.b.blocks[2].level == 3);
}

TEST_CASE("nested lists are stored in pre-order with subtree ends", "[markdown]") {
    Built r = build("1. một\n2. hai\n   - a\n   - [x] b\n   - [ ] c\n");
    const Bundle& b = r.b;
    REQUIRE(b.blocks[0].kind == BlockKind::List);
    CHECK(b.blocks[0].ordered);
    CHECK(b.blocks[0].subtree_end == b.blocks.size());
    int items = 0, tasks_done = 0, tasks_open = 0;
    for (const auto& blk : b.blocks) {
        items += blk.kind == BlockKind::ListItem;
        tasks_done += blk.task == TaskState::Done;
        tasks_open += blk.task == TaskState::Open;
    }
    CHECK(items == 5);
    CHECK(tasks_done == 1);
    CHECK(tasks_open == 1);
}

TEST_CASE("tables keep columns, header row and alignment", "[markdown]") {
    Built r = build("| Phím | Tác dụng |\n|:--|--:|\n| Enter | Tiếp |\n");
    const Bundle& b = r.b;
    REQUIRE(b.blocks[0].kind == BlockKind::Table);
    CHECK(b.blocks[0].columns == 2);
    int cells = 0;
    for (const auto& blk : b.blocks) {
        if (blk.kind != BlockKind::TableCell) continue;
        CHECK(blk.align == (cells % 2 == 0 ? Align::Left : Align::Right));
        CHECK(blk.header == (cells < 2));
        ++cells;
    }
    CHECK(cells == 4);
}

TEST_CASE("code blocks keep literal text and language", "[markdown]") {
    Built r = build("```html\n<b>x</b>\n```\n");
    REQUIRE(r.b.blocks.size() == 1);
    CHECK(r.b.blocks[0].kind == BlockKind::Code);
    CHECK(r.b.str(r.b.blocks[0].code) == "<b>x</b>");
    CHECK(r.b.str(r.b.blocks[0].info) == "html");
}

TEST_CASE("raw HTML is kept as inert text, never as markup", "[markdown][security]") {
    Built r = build("<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> b\n");
    const Bundle& b = r.b;
    REQUIRE(b.blocks[0].kind == BlockKind::HtmlText);
    CHECK(b.str(b.blocks[0].code) == "<script>alert(1)</script>");
    CHECK(runs_text(b, b.blocks[1]) == "A <img src=x onerror=alert(1)> b");
}

TEST_CASE("unsafe links are removed and their text kept", "[markdown][security]") {
    Built r = build("[bấm](javascript:alert(1)) [ok](https://a.vn) ![x](data:image/png;base64,AAA)");
    const Bundle& b = r.b;
    CHECK(runs_text(b, b.blocks[0]) == "bấm ok x");
    REQUIRE(b.links.size() == 1);
    CHECK(b.str(b.links[0].href) == "https://a.vn");
    CHECK(r.out.warnings.size() == 2);
}

TEST_CASE("entities decode to characters", "[markdown]") {
    Built r = build("&amp; &copy; &#7897; &#x1EA1; &nosuch;");
    CHECK(runs_text(r.b, r.b.blocks[0]) == "& © ộ ạ &nosuch;");
}

TEST_CASE("images become image runs with alt text and source", "[markdown]") {
    Built r = build("![Ảnh *hội nghị*](images/a.jpg \"Tiêu đề\")");
    const Bundle& b = r.b;
    REQUIRE(b.blocks[0].runs.size() == 1);
    const Run& img = b.runs[b.blocks[0].runs.begin];
    CHECK(img.kind == RunKind::Image);
    CHECK(b.str(img.text) == "Ảnh hội nghị");
    CHECK(b.str(b.links[img.link].href) == "images/a.jpg");
    CHECK(b.str(b.links[img.link].title) == "Tiêu đề");
}

TEST_CASE("hard and soft breaks are runs of their own", "[markdown]") {
    Built r = build("một  \nhai\nba");
    const Bundle& b = r.b;
    CHECK(runs_text(b, b.blocks[0]) == "một\nhai ba");
}

TEST_CASE("deep nesting is flattened, never recursed into", "[markdown]") {
    std::string md;
    for (int i = 0; i < 5000; ++i) md += "> ";
    md += "sâu\n";
    Built r = build(md);
    CHECK(r.b.blocks.size() <= 40);
    CHECK(!r.out.warnings.empty());
}

TEST_CASE("link policy keeps http, https, mailto and in-bundle links only", "[links][security]") {
    CHECK(sanitize_link("https://x.vn/a?b=1").keep);
    CHECK(sanitize_link("mailto:a@b.vn").target == LinkTarget::Mail);
    CHECK(sanitize_link("#article=abc").target == LinkTarget::Article);
    CHECK(sanitize_link("#article=abc").article_id == "abc");
    CHECK(!sanitize_link("javascript:alert(1)").keep);
    CHECK(!sanitize_link("JaVaScRiPt:alert(1)").keep);
    CHECK(!sanitize_link("java\nscript:alert(1)").keep);
    CHECK(!sanitize_link(" javascript:alert(1)").keep);
    CHECK(!sanitize_link("data:text/html,x").keep);
    CHECK(!sanitize_link("vbscript:x").keep);
    CHECK(!sanitize_link("file:///etc/passwd").keep);
    CHECK(!sanitize_link("irc://foo.bar:2233/baz").keep);
    CHECK(!sanitize_link("//evil.example/x").keep);
    CHECK(!sanitize_link("\\\\evil.example/x").keep);
    CHECK(!sanitize_link("/\\evil.example/x").keep);
}

TEST_CASE("relative references stay on the bundle's site and are kept", "[links][security]") {
    CHECK(sanitize_link("other.html").target == LinkTarget::Relative);
    CHECK(sanitize_link("/tin-tuc/abc.html").target == LinkTarget::Relative);
    CHECK(sanitize_link("../a?b#c").target == LinkTarget::Relative);
    CHECK(sanitize_link("#muc-2").target == LinkTarget::Anchor);
    // "[text]()": a link to the document itself.
    CHECK(sanitize_link("").keep);
    CHECK(sanitize_link("").target == LinkTarget::Anchor);
}

TEST_CASE("image sources are http(s) or relative; bundle files stay in the bundle's folder", "[links][security]") {
    CHECK(is_safe_image_src("images/a.jpg"));
    CHECK(is_safe_image_src("/uploads/a.jpg"));
    CHECK(is_safe_image_src("https://a.vn/a.jpg"));
    CHECK(!is_safe_image_src("data:image/png;base64,AAA"));
    CHECK(!is_safe_image_src("javascript:alert(1)"));
    CHECK(!is_safe_image_src("//evil.example/a.jpg"));
    CHECK(!is_safe_image_src(""));
    CHECK(is_bundle_path("bodies/a.md"));
    CHECK(!is_bundle_path("../a.md"));
    CHECK(!is_bundle_path("bodies/../../a.md"));
    CHECK(!is_bundle_path("/etc/passwd"));
    CHECK(!is_bundle_path("C:\\a.md"));
    CHECK(!is_bundle_path("a\\..\\b.md"));
    CHECK(!is_bundle_path("https://a.vn/a.md"));
}

TEST_CASE("code blocks count the line feeds trimmed from their end", "[markdown]") {
    Built r = build("```\na\n\n\n```\n");
    REQUIRE(r.b.blocks.size() == 1);
    CHECK(r.b.str(r.b.blocks[0].code) == "a");
    CHECK(r.b.blocks[0].trailing_newlines == 3);
}

TEST_CASE("spans record the nesting that styles alone cannot say", "[markdown]") {
    Built r = build("*a *b** [l](https://x.vn)");
    const Bundle& b = r.b;
    REQUIRE(b.spans.size() == 3);
    CHECK(b.spans[0].kind == SpanKind::Emphasis);
    CHECK(b.spans[1].kind == SpanKind::Emphasis);
    CHECK(b.spans[0].subtree_end == 2);   // the second emphasis is inside the first
    CHECK(b.spans[1].subtree_end == 2);
    CHECK(b.spans[2].kind == SpanKind::Link);
    CHECK(b.spans[2].link == 0);
    // The two emphasis runs are not merged across the inner span's start.
    CHECK(b.spans[1].begin_run > b.spans[0].begin_run);
}

TEST_CASE("raw HTML is counted so the loader can say it is shown as text", "[markdown]") {
    CHECK(build("<div>x</div>\n").out.raw_html == 1);
    CHECK(build("a <b>c</b>\n").out.raw_html == 2);
    CHECK(build("a &lt;b&gt;\n").out.raw_html == 0);
}

namespace {

// The model of a body as comparable text: blocks with their kind, level and
// nesting, runs with their kind, style and text.
std::string model_dump(const Bundle& b, Range blocks) {
    std::string s;
    for (uint32_t i = blocks.begin; i < blocks.end; ++i) {
        const Block& blk = b.blocks[i];
        s += "B" + std::to_string(static_cast<int>(blk.kind)) + "/" + std::to_string(blk.level) + "/" +
             std::to_string(blk.subtree_end - i) + "[";
        for (uint32_t r = blk.runs.begin; r < blk.runs.end; ++r) {
            const Run& run = b.runs[r];
            s += std::to_string(static_cast<int>(run.kind)) + ":" + std::to_string(run.style) + ":" +
                 std::string(b.str(run.text)) + "|";
        }
        s += "]";
    }
    return s;
}

std::string build_dump(const std::string& md, bool fast) {
    Bundle b;
    ModelWriter w(b);
    MarkdownLimits limits;
    limits.plain_fast_path = fast;
    const Range r = build_markdown(w, md, limits).blocks;
    return model_dump(b, r);
}

}  // namespace

TEST_CASE("plain prose built without md4c gives the same model as md4c", "[markdown]") {
    const char* fixed[] = {
        "", "\n", "một", "  một  \nhai   \n   ba\n\n\nbốn  ", "a\n\n  b\n   c  \n", "1. a", "12) b", "2022 là năm",
        "a: b", "http://x.vn", "www.x.vn", "x@y.vn", "- a", "# h", "a\n===", "    code", "a  \n", "a \\\nb", "!x",
        "Ông nói: “Tốt”… 100% ₫", "a\n-\nb", "a\n   - b",
    };
    for (const char* md : fixed) {
        INFO(md);
        CHECK(build_dump(md, true) == build_dump(md, false));
    }
    // Random lines from an alphabet that mixes prose with markup characters.
    const char* pieces[] = {"một", "Hai", " ", "  ", "   ", "    ", "\n", "\n\n", "1", "2.", ")", ":", "//", "www", ".",
                            "!", "#", "-", "=", ">", "+", "*", "_", "ạ", "ộ", "x", "\t", "\u00a0", "a"};
    uint32_t seed = 12345;
    for (int n = 0; n < 4000; ++n) {
        std::string md;
        const int len = static_cast<int>(seed % 20);
        for (int i = 0; i < len; ++i) {
            seed = seed * 1103515245u + 12345u;
            md += pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
        }
        seed = seed * 1103515245u + 12345u;
        INFO(md);
        REQUIRE(build_dump(md, true) == build_dump(md, false));
    }
}

TEST_CASE("sources with leading or trailing spaces are not relative references", "[links][security]") {
    CHECK(!is_safe_image_src(" javascript:alert(1)"));
    CHECK(!is_safe_image_src("a.jpg "));
    CHECK(sanitize_link(" https://x.vn ").href == "https://x.vn");
    // Not a scheme for URL parsers either: a relative reference, kept and escaped.
    CHECK(sanitize_link("http{://a.vn").target == LinkTarget::Relative);
}

TEST_CASE("spans md4c leaves open are closed at the end of their block", "[markdown]") {
    // md4c 0.5.2 opens two emphases here and never closes them.
    Built r = build("*a  ** *e)\nx [l](http***s://a.vn \"t\") y\n\nnext\n");
    const Bundle& b = r.b;
    for (size_t i = 0; i < b.spans.size(); ++i) {
        CHECK(b.spans[i].subtree_end > i);
        CHECK(b.spans[i].end_run <= b.blocks[0].runs.end);
    }
    REQUIRE(b.blocks.size() == 2);
    CHECK(b.runs[b.blocks[1].runs.begin].style == kStyleNone);  // no style leaks into the next paragraph
}

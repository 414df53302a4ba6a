// See html_export.h.
//
// Blocks are stored in pre-order with subtree ends, so the body is written by one
// loop over the block range with an explicit stack of open containers (a bundle
// built by hand or by a fuzzer may nest as deep as it likes: no recursion follows
// it). Inline markup is rebuilt from the runs and the span records (Bundle::spans),
// which keep the exact nesting of emphasis, links and code as written.
#include "model/html_export.h"

#include <algorithm>
#include <array>
#include <vector>

#include "i18n/strings.h"
#include "time/date_format.h"
#include "time/datetime.h"

namespace reader {
namespace {

using i18n::StringId;

// ------------------------------------------------------------------ escaping
// 1: needs an entity (& < > "); 2: a C0 control other than tab/LF/CR (→ U+FFFD).
constexpr std::array<uint8_t, 256> make_text_table() {
    std::array<uint8_t, 256> t{};
    t['&'] = t['<'] = t['>'] = t['"'] = 1;
    for (int c = 0; c < 0x20; ++c) {
        if (c != '\t' && c != '\n' && c != '\r') t[c] = 2;
    }
    t[0x7f] = 2;
    return t;
}
constexpr auto kTextTable = make_text_table();

// CommonMark's renderers keep these in URLs as they are and percent-encode the rest.
constexpr std::array<bool, 256> make_url_table() {
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c) t[c] = true;
    for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
    for (const char* p = "~-_.+!*(),%#@?=;:/$"; *p; ++p) t[static_cast<unsigned char>(*p)] = true;
    return t;
}
constexpr auto kUrlSafe = make_url_table();

std::string element_id(std::string_view prefix, std::string_view kind, std::string_view id) {
    // An id attribute may hold anything but whitespace; it is escaped when written.
    std::string s(prefix);
    s.append(kind);
    s += '-';
    for (char c : id) s += (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') ? '-' : c;
    return s;
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
    const char* p = text.data();
    const size_t n = text.size();
    size_t start = 0;
    for (size_t i = 0; i < n; ++i) {
        const uint8_t k = kTextTable[static_cast<unsigned char>(p[i])];
        if (k == 0) continue;
        out.append(p + start, i - start);
        start = i + 1;
        if (k == 2) {
            out += "\xEF\xBF\xBD";
            continue;
        }
        switch (p[i]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += "&quot;"; break;
        }
    }
    out.append(p + start, n - start);
}

void append_url_escaped(std::string& out, std::string_view url) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (kUrlSafe[c]) {
            out += ch;
        } else if (c == '&') {
            out += "&amp;";
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
}

namespace {

// ------------------------------------------------------------------ the writer
class HtmlWriter {
public:
    HtmlWriter(std::string& out, const Bundle& b) : out_(out), b_(b) {}

    void text(Str s) { append_html_escaped(out_, b_.str(s)); }
    void text(std::string_view s) { append_html_escaped(out_, s); }
    void raw(std::string_view s) { out_.append(s); }

    // Attribute value, already known to be text.
    void attr(std::string_view name, std::string_view value) {
        out_ += ' ';
        out_.append(name);
        out_ += "=\"";
        append_html_escaped(out_, value);
        out_ += '"';
    }

    void link_open(const Link& l) {
        out_ += "<a href=\"";
        append_url_escaped(out_, b_.str(l.href));
        out_ += '"';
        if (!l.title.empty()) attr("title", b_.str(l.title));
        if (l.target == LinkTarget::External) out_ += " rel=\"noopener noreferrer\"";
        out_ += '>';
    }

    void image(const Run& r) {
        out_ += "<img src=\"";
        if (r.link < b_.links.size()) append_url_escaped(out_, b_.str(b_.links[r.link].href));
        out_ += "\" alt=\"";
        text(r.text);
        out_ += '"';
        if (r.link < b_.links.size() && !b_.links[r.link].title.empty()) attr("title", b_.str(b_.links[r.link].title));
        out_ += " />";
    }

    // ------------------------------------------------------------ inline content
    void span_open(const Span& s) {
        switch (s.kind) {
            case SpanKind::Emphasis: out_ += "<em>"; break;
            case SpanKind::Strong: out_ += "<strong>"; break;
            case SpanKind::Code: out_ += "<code>"; break;
            case SpanKind::Strike: out_ += "<del>"; break;
            case SpanKind::Underline: out_ += "<u>"; break;
            case SpanKind::Link:
                if (s.link < b_.links.size()) link_open(b_.links[s.link]);
                else out_ += "<span>";
                break;
        }
    }

    void span_close(const Span& s) {
        switch (s.kind) {
            case SpanKind::Emphasis: out_ += "</em>"; break;
            case SpanKind::Strong: out_ += "</strong>"; break;
            case SpanKind::Code: out_ += "</code>"; break;
            case SpanKind::Strike: out_ += "</del>"; break;
            case SpanKind::Underline: out_ += "</u>"; break;
            case SpanKind::Link: out_ += s.link < b_.links.size() ? "</a>" : "</span>"; break;
        }
    }

    void run(const Run& r) {
        switch (r.kind) {
            case RunKind::Text: text(r.text); break;
            case RunKind::SoftBreak: out_ += '\n'; break;
            case RunKind::HardBreak: out_ += "<br />\n"; break;
            case RunKind::Image: image(r); break;
        }
    }

    // The runs of one block with its spans opened and closed around them. Every
    // step pops the stack or moves a span or run index forward, so malformed
    // records (from a hand-made Bundle) still end.
    void inlines(uint32_t block_index) {
        const Block& blk = b_.blocks[block_index];
        const uint32_t rend = std::min<uint32_t>(blk.runs.end, static_cast<uint32_t>(b_.runs.size()));
        uint32_t r = std::min(blk.runs.begin, rend);
        auto by_block = [](const Span& s, uint32_t blk_index) { return s.block < blk_index; };
        auto first = std::lower_bound(b_.spans.begin(), b_.spans.end(), block_index, by_block);
        uint32_t si = static_cast<uint32_t>(first - b_.spans.begin());
        uint32_t se = si;
        while (se < b_.spans.size() && b_.spans[se].block == block_index) ++se;
        span_stack_.clear();
        for (;;) {
            for (;;) {
                if (!span_stack_.empty()) {
                    const Span& top = b_.spans[span_stack_.back()];
                    const bool children_done = si >= top.subtree_end || si >= se;
                    if (children_done && (top.end_run <= r || r >= rend)) {
                        span_close(top);
                        span_stack_.pop_back();
                        continue;
                    }
                }
                if (si < se && (b_.spans[si].begin_run <= r || r >= rend)) {
                    span_open(b_.spans[si]);
                    span_stack_.push_back(si);
                    ++si;
                    continue;
                }
                break;
            }
            if (r >= rend) break;
            run(b_.runs[r++]);
        }
        while (!span_stack_.empty()) {
            span_close(b_.spans[span_stack_.back()]);
            span_stack_.pop_back();
        }
    }

    // ------------------------------------------------------------ blocks
    struct Frame {
        uint32_t block;
        uint32_t end;
        uint8_t table_section = 0;  // Table: 0 none open, 1 thead, 2 tbody
        bool as_div = false;        // a container out of place (flattened input): written as <div>
    };

    static bool is_container(BlockKind k) {
        return k == BlockKind::Quote || k == BlockKind::List || k == BlockKind::ListItem || k == BlockKind::Table ||
               k == BlockKind::TableRow;
    }

    BlockKind parent_kind() const {
        return stack_.empty() ? BlockKind::Paragraph : b_.blocks[stack_.back().block].kind;
    }

    bool in_tight_item() const {
        if (stack_.size() < 2) return false;
        const Frame& item = stack_.back();
        const Frame& list = stack_[stack_.size() - 2];
        return !item.as_div && b_.blocks[item.block].kind == BlockKind::ListItem &&
               b_.blocks[list.block].kind == BlockKind::List && b_.blocks[list.block].tight;
    }

    void close_frame() {
        const Frame f = stack_.back();
        stack_.pop_back();
        const Block& blk = b_.blocks[f.block];
        if (f.as_div) {
            out_ += "</div>\n";
            return;
        }
        switch (blk.kind) {
            case BlockKind::Quote: out_ += "</blockquote>\n"; break;
            case BlockKind::List: out_ += blk.ordered ? "</ol>\n" : "</ul>\n"; break;
            case BlockKind::ListItem: out_ += "</li>\n"; break;
            case BlockKind::Table:
                if (f.table_section == 1) out_ += "</thead>\n";
                if (f.table_section == 2) out_ += "</tbody>\n";
                out_ += "</table>\n";
                break;
            case BlockKind::TableRow: out_ += "</tr>\n"; break;
            default: break;
        }
    }

    void open_container(uint32_t i, uint32_t end) {
        const Block& blk = b_.blocks[i];
        const BlockKind parent = parent_kind();
        Frame f{i, end};
        switch (blk.kind) {
            case BlockKind::Quote: out_ += "<blockquote>\n"; break;
            case BlockKind::List:
                if (!blk.ordered) {
                    out_ += "<ul>\n";
                } else if (blk.start != 1) {
                    out_ += "<ol start=\"" + std::to_string(blk.start) + "\">\n";
                } else {
                    out_ += "<ol>\n";
                }
                break;
            case BlockKind::ListItem:
                if (parent != BlockKind::List || stack_.empty()) {
                    f.as_div = true;
                    out_ += "<div>\n";
                    break;
                }
                out_ += "<li>";
                if (blk.task != TaskState::None) {
                    out_ += blk.task == TaskState::Done ? "<input type=\"checkbox\" disabled checked /> "
                                                        : "<input type=\"checkbox\" disabled /> ";
                }
                break;
            case BlockKind::Table: out_ += "<table>\n"; break;
            case BlockKind::TableRow: {
                if (parent != BlockKind::Table || stack_.empty()) {
                    f.as_div = true;
                    out_ += "<div>\n";
                    break;
                }
                Frame& table = stack_.back();
                const uint8_t want = blk.header ? 1 : 2;
                if (table.table_section != want) {
                    if (table.table_section == 1) out_ += "</thead>\n";
                    if (table.table_section == 2) out_ += "</tbody>\n";
                    out_ += want == 1 ? "<thead>\n" : "<tbody>\n";
                    table.table_section = want;
                }
                out_ += "<tr>\n";
                break;
            }
            default: break;
        }
        stack_.push_back(f);
    }

    void leaf(uint32_t i, int heading_shift) {
        const Block& blk = b_.blocks[i];
        switch (blk.kind) {
            case BlockKind::Paragraph:
                if (in_tight_item()) {
                    inlines(i);
                    out_ += '\n';
                } else {
                    out_ += "<p>";
                    inlines(i);
                    out_ += "</p>\n";
                }
                break;
            case BlockKind::Heading: {
                const int level = std::clamp(static_cast<int>(blk.level) + heading_shift, 1, 6);
                const char digit = static_cast<char>('0' + level);
                out_ += "<h";
                out_ += digit;
                out_ += '>';
                inlines(i);
                out_ += "</h";
                out_ += digit;
                out_ += ">\n";
                break;
            }
            case BlockKind::Code:
            case BlockKind::HtmlText:
                // Raw HTML is shown as its source text, like code: inert.
                out_ += blk.kind == BlockKind::Code ? "<pre><code" : "<pre class=\"raw-html\"><code";
                if (blk.kind == BlockKind::Code && !blk.info.empty()) {
                    out_ += " class=\"language-";
                    text(blk.info);
                    out_ += '"';
                }
                out_ += '>';
                text(blk.code);
                out_.append(blk.trailing_newlines, '\n');
                out_ += "</code></pre>\n";
                break;
            case BlockKind::ThematicBreak: out_ += "<hr />\n"; break;
            case BlockKind::TableCell: {
                const bool cell_in_row = parent_kind() == BlockKind::TableRow && !stack_.empty() && !stack_.back().as_div;
                const char* tag = !cell_in_row ? "div" : blk.header ? "th" : "td";
                out_ += '<';
                out_ += tag;
                if (cell_in_row && blk.header) out_ += " scope=\"col\"";
                switch (blk.align) {
                    case Align::Left: out_ += " align=\"left\""; break;
                    case Align::Center: out_ += " align=\"center\""; break;
                    case Align::Right: out_ += " align=\"right\""; break;
                    default: break;
                }
                out_ += '>';
                inlines(i);
                out_ += "</";
                out_ += tag;
                out_ += ">\n";
                break;
            }
            default: break;
        }
    }

    void blocks(Range range, int heading_shift) {
        const uint32_t end = std::min<uint32_t>(range.end, static_cast<uint32_t>(b_.blocks.size()));
        stack_.clear();
        uint32_t i = range.begin;
        while (i < end) {
            while (!stack_.empty() && i >= stack_.back().end) close_frame();
            const Block& blk = b_.blocks[i];
            const uint32_t limit = stack_.empty() ? end : stack_.back().end;
            // A subtree ends after its block and within its parent, whatever the record says.
            const uint32_t sub_end = std::clamp(blk.subtree_end, i + 1, limit);
            if (is_container(blk.kind)) {
                open_container(i, sub_end);
            } else {
                leaf(i, heading_shift);
                i = sub_end;
                continue;
            }
            ++i;
        }
        while (!stack_.empty()) close_frame();
    }

private:
    std::string& out_;
    const Bundle& b_;
    std::vector<Frame> stack_;
    std::vector<uint32_t> span_stack_;
};

std::string_view article_lang(const Bundle& b, const Article& a) {
    if (!a.language.empty()) return b.str(a.language);
    if (!b.site.language.empty()) return b.str(b.site.language);
    return "vi";
}

// A comment's time: the ISO text for machines, the full local form for people.
void comment_time(std::string& out, const Bundle& b, const Comment& c, i18n::Lang ui) {
    if (c.published.empty()) return;
    const std::string_view iso = b.str(c.published);
    datetime::TimeParseOptions opts;
    opts.default_offset_minutes = 7 * 60;
    const auto t = datetime::parse_iso8601(iso, opts);
    out += " <time datetime=\"";
    append_html_escaped(out, iso);
    out += "\">";
    append_html_escaped(out, t ? datetime::format_full(ui, c.published_unix, t.value.offset_minutes) : std::string(iso));
    out += "</time>";
}

// Plain text with line breaks: blank lines separate paragraphs, single ones are <br />.
void plain_paragraphs(std::string& out, std::string_view text) {
    size_t pos = 0;
    bool any = false;
    while (pos <= text.size()) {
        size_t blank = text.find("\n\n", pos);
        if (blank == std::string_view::npos) blank = text.size();
        std::string_view para = text.substr(pos, blank - pos);
        while (!para.empty() && (para.front() == '\n' || para.front() == '\r')) para.remove_prefix(1);
        if (!para.empty() || !any) {
            out += "<p>";
            size_t lp = 0;
            for (;;) {
                const size_t nl = para.find('\n', lp);
                append_html_escaped(out, para.substr(lp, nl == std::string_view::npos ? std::string_view::npos : nl - lp));
                if (nl == std::string_view::npos) break;
                out += "<br />";
                lp = nl + 1;
            }
            out += "</p>";
            any = true;
        }
        pos = blank + 2;
    }
}

}  // namespace

// ------------------------------------------------------------------ public entry points
void append_blocks_html(std::string& out, const Bundle& b, Range blocks, int heading_shift) {
    HtmlWriter w(out, b);
    w.blocks(blocks, heading_shift);
}

void append_body_html(std::string& out, const Bundle& b, uint32_t article) {
    if (article >= b.articles.size()) return;
    append_blocks_html(out, b, b.articles[article].blocks, 0);
}

void append_comments_html(std::string& out, const Bundle& b, uint32_t article, const HtmlOptions& o) {
    if (article >= b.articles.size()) return;
    const Article& a = b.articles[article];
    const std::string section_id = element_id(o.id_prefix, "comments", b.str(a.id));
    out += "<section class=\"comments\"";
    HtmlWriter(out, b).attr("aria-labelledby", section_id + "-title");
    out += ">\n<h2";
    HtmlWriter(out, b).attr("id", section_id + "-title");
    out += '>';
    append_html_escaped(out, i18n::tr(o.ui, StringId::ReaderComments));
    out += "</h2>\n<p class=\"comment-total\">";
    const int64_t total = a.comment_count >= 0 ? a.comment_count : a.comment_total;
    append_html_escaped(out, i18n::trf(o.ui, StringId::TotalCommentsValue, {{"n", std::to_string(total)}}));
    out += "</p>\n";
    if (a.comments.empty()) {
        out += "<p>";
        append_html_escaped(out, i18n::tr(o.ui, StringId::CommentsEmpty));
        out += "</p>\n</section>\n";
        return;
    }
    // Nested lists, walked with an explicit stack: (list range, next position).
    struct Level {
        Range list;
        uint32_t next;
    };
    std::vector<Level> stack;
    auto valid_range = [&](Range r) {
        return r.begin <= r.end && r.end <= b.comment_children.size();
    };
    if (!valid_range(a.comments)) return;
    out += "<ol class=\"comment-list\">\n";
    stack.push_back({a.comments, a.comments.begin});
    size_t written = 0;
    bool cut = false;
    while (!stack.empty()) {
        Level& level = stack.back();
        if (level.next >= level.list.end || written > b.comments.size()) {
            stack.pop_back();
            out += "</ol>\n";
            if (!stack.empty()) out += "</li>\n";
            continue;
        }
        if (o.max_comments != 0 && written >= o.max_comments) {
            // More to write than allowed: close every open list (and the comment each
            // nested list is in).
            cut = true;
            while (!stack.empty()) {
                stack.pop_back();
                out += "</ol>\n";
                if (!stack.empty()) out += "</li>\n";
            }
            break;
        }
        const uint32_t ci = b.comment_children[level.next++];
        if (ci >= b.comments.size()) continue;
        ++written;
        const Comment& c = b.comments[ci];
        out += "<li";
        HtmlWriter(out, b).attr("id", element_id(o.id_prefix, "comment", b.str(c.id)));
        out += "><p class=\"comment-meta\"><strong>";
        append_html_escaped(out, c.author.empty() ? i18n::tr(o.ui, StringId::AnonymousAuthor) : b.str(c.author));
        out += "</strong>";
        comment_time(out, b, c, o.ui);
        if (c.edited) {
            out += " <span class=\"edited\">(";
            append_html_escaped(out, i18n::tr(o.ui, StringId::Edited));
            out += ")</span>";
        }
        out += "</p>";
        if (c.deleted) {
            out += "<p class=\"deleted\">";
            append_html_escaped(out, i18n::tr(o.ui, StringId::CommentDeleted));
            out += "</p>";
        } else {
            plain_paragraphs(out, b.str(c.text));
        }
        if (c.likes > 0) {
            out += "<p class=\"likes\">";
            append_html_escaped(out, i18n::tr_count(o.ui, StringId::LikeCount, c.likes));
            out += "</p>";
        }
        if (!c.replies.empty() && valid_range(c.replies) && stack.size() < 256) {
            out += "\n<ol>\n";
            stack.push_back({c.replies, c.replies.begin});
        } else {
            out += "</li>\n";
        }
    }
    if (cut) {
        out += "<p class=\"comment-total\">";
        append_html_escaped(out, i18n::fill(i18n::tr_count(o.ui, StringId::ShowingCommentsOf, total),
                                            {{"shown", std::to_string(written)}}));
        out += "</p>\n";
    }
    out += "</section>\n";
}

void append_article_html(std::string& out, const Bundle& b, uint32_t article, const HtmlOptions& o) {
    if (article >= b.articles.size()) return;
    const Article& a = b.articles[article];
    HtmlWriter w(out, b);
    const std::string article_id = element_id(o.id_prefix, "article", b.str(a.id));
    out += "<article";
    w.attr("id", article_id);
    w.attr("lang", article_lang(b, a));
    w.attr("aria-labelledby", article_id + "-title");
    out += ">\n<header>\n";
    if (!a.category.empty()) {
        out += "<p class=\"category\">";
        w.text(a.category);
        out += "</p>\n";
    }
    if (!o.dateline.empty()) {
        out += "<p class=\"dateline\">";
        if (!a.published.empty()) {
            out += "<time";
            w.attr("datetime", b.str(a.published));
            out += '>';
            w.text(o.dateline);
            out += "</time>";
        } else {
            w.text(o.dateline);
        }
        out += "</p>\n";
    }
    out += "<h1";
    w.attr("id", article_id + "-title");
    out += '>';
    w.text(a.title);
    out += "</h1>\n";
    if (!a.subtitle.empty()) {
        out += "<p class=\"subtitle\">";
        w.text(a.subtitle);
        out += "</p>\n";
    }
    out += "</header>\n";
    const Image& img = a.image;
    if (!img.src.empty()) {
        out += "<figure>\n<img";
        out += " src=\"";
        append_url_escaped(out, b.str(img.src));
        out += '"';
        w.attr("alt", b.str(img.alt));
        if (img.width) w.attr("width", std::to_string(img.width));
        if (img.height) w.attr("height", std::to_string(img.height));
        out += " />\n";
        if (!img.caption.empty() || !img.credit.empty()) {
            out += "<figcaption>";
            w.text(img.caption);
            if (!img.credit.empty()) {
                out += img.caption.empty() ? "<span class=\"credit\">" : " <span class=\"credit\">";
                append_html_escaped(out, i18n::tr(o.ui, StringId::Photo));
                out += ": ";
                w.text(img.credit);
                out += "</span>";
            }
            out += "</figcaption>\n";
        }
        out += "</figure>\n";
    }
    if (!a.lead.empty()) {
        out += "<p class=\"lead\">";
        w.text(a.lead);
        out += "</p>\n";
    }
    out += "<div class=\"body\">\n";
    w.blocks(a.blocks, o.heading_shift);
    out += "</div>\n";
    if (!a.authors.empty()) {
        out += "<p class=\"signature\">";
        for (size_t i = 0; i < a.authors.size(); ++i) {
            if (i) out += ", ";
            w.text(a.authors[i]);
        }
        out += "</p>\n";
    }
    if (!a.source.empty()) {
        out += "<p class=\"source\">";
        append_html_escaped(out, i18n::tr(o.ui, StringId::Source));
        out += ": ";
        w.text(a.source);
        out += "</p>\n";
    }
    if (!a.tags.empty()) {
        out += "<ul class=\"tags\"";
        w.attr("aria-label", i18n::tr(o.ui, StringId::Tags));
        out += ">";
        for (Str t : a.tags) {
            out += "<li>";
            w.text(t);
            out += "</li>";
        }
        out += "</ul>\n";
    }
    if (o.comments) append_comments_html(out, b, article, o);
    if (o.related && !a.related.empty()) {
        const std::string related_id = element_id(o.id_prefix, "related", b.str(a.id));
        out += "<section class=\"related\"";
        w.attr("aria-labelledby", related_id);
        out += ">\n<h2";
        w.attr("id", related_id);
        out += '>';
        append_html_escaped(out, i18n::tr(o.ui, StringId::OtherNews));
        out += "</h2>\n<ul>\n";
        for (const RelatedLink& r : a.related) {
            if (r.article < b.articles.size()) {
                out += "<li><a href=\"#article=";
                append_url_escaped(out, b.str(b.articles[r.article].id));
                out += "\">";
                w.text(b.articles[r.article].title);
                out += "</a></li>\n";
            } else if (!r.url.empty()) {
                Link l;
                l.href = r.url;
                l.target = b.str(r.url).find(':') != std::string_view::npos ? LinkTarget::External : LinkTarget::Relative;
                out += "<li>";
                w.link_open(l);
                w.text(r.title.empty() ? r.url : r.title);
                out += "</a></li>\n";
            }
            // A related id that names no article has nothing to link to: left out.
        }
        out += "</ul>\n</section>\n";
    }
    out += "</article>\n";
}

void append_announcements_html(std::string& out, const Bundle& b, const HtmlOptions& o) {
    if (b.announcements.empty()) return;
    HtmlWriter w(out, b);
    const std::string id = std::string(o.id_prefix) + "announcements-title";
    out += "<aside class=\"announcements\"";
    w.attr("aria-labelledby", id);
    out += ">\n<h2";
    w.attr("id", id);
    out += '>';
    append_html_escaped(out, i18n::tr(o.ui, StringId::Announcements));
    out += "</h2>\n<ul>\n";
    for (const Announcement& an : b.announcements) {
        out += "<li>";
        if (!an.url.empty()) {
            Link l;
            l.href = an.url;
            l.target = b.str(an.url).find(':') != std::string_view::npos ? LinkTarget::External : LinkTarget::Relative;
            w.link_open(l);
            w.text(an.title);
            out += "</a>";
        } else {
            w.text(an.title);
        }
        if (!an.published.empty()) {
            out += " <time";
            w.attr("datetime", b.str(an.published));
            out += '>';
            w.text(datetime::format_short_date(o.ui, an.published_unix, 7 * 60));
            out += "</time>";
        }
        if (!an.text.empty()) plain_paragraphs(out, b.str(an.text));
        out += "</li>\n";
    }
    out += "</ul>\n</aside>\n";
}

std::string document_html(const Bundle& b, uint32_t article, const HtmlOptions& o) {
    std::string out;
    HtmlWriter w(out, b);
    const std::string_view lang = b.site.language.empty() ? std::string_view("vi") : b.str(b.site.language);
    out += "<!DOCTYPE html>\n<html";
    w.attr("lang", lang);
    out += ">\n<head>\n<meta charset=\"utf-8\" />\n<title>";
    if (article < b.articles.size()) {
        w.text(b.articles[article].title);
        if (!b.site.name.empty()) out += " - ";
    }
    w.text(b.site.name);
    out += "</title>\n</head>\n<body>\n";
    if (!b.site.name.empty()) {
        out += "<header class=\"site\"><p>";
        w.text(b.site.name);
        out += "</p></header>\n";
    }
    out += "<main>\n";
    for (uint32_t i = 0; i < b.articles.size(); ++i) {
        if (article != UINT32_MAX && i != article) continue;
        HtmlOptions one = o;
        std::string dateline;
        const Article& a = b.articles[i];
        if (one.dateline.empty() && !a.published.empty()) {
            dateline = datetime::format_dateline(o.ui, a.published_unix, a.published_offset_min);
            one.dateline = dateline;
        }
        append_article_html(out, b, i, one);
    }
    out += "</main>\n";
    append_announcements_html(out, b, o);
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace reader

// The immutable document model: what a bundle holds once it is parsed.
//
// Everything the app draws, searches and exports is read from here; nothing here
// changes while reading (UI state lives elsewhere). To stay compact for bundles of
// 100+ MB, all text lives in one arena per bundle (`Bundle::text`) and the model
// refers to it with `Str` {offset, length}; blocks, inline runs and links are kept
// in flat bundle-wide vectors, and each article owns index ranges into them.
//
// Index of this file
//   [SECTION] Text references
//   [SECTION] Markdown body: blocks and inline runs
//   [SECTION] Comments
//   [SECTION] Articles, announcements, site
//   [SECTION] Bundle
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reader {

// ------------------------------------------------------------------ [SECTION] Text references
struct Str {                      // a slice of Bundle::text, always valid NFC UTF-8
    uint32_t off = 0;
    uint32_t len = 0;
    bool empty() const { return len == 0; }
};

struct Range {                    // [begin, end) indices into one of Bundle's vectors
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t size() const { return end - begin; }
    bool empty() const { return end == begin; }
};

// ------------------------------------------------- [SECTION] Markdown body: blocks and inline runs
enum class BlockKind : uint8_t {
    Paragraph,      // inlines
    Heading,        // inlines; level 1..6
    Quote,          // container
    List,           // container of ListItem; ordered flag, start number
    ListItem,       // container; task state
    Code,           // code text in `code`, info string (language) in `info`
    ThematicBreak,  //
    Table,          // container of TableRow; column count in `columns`
    TableRow,       // container of TableCell; `header` flag
    TableCell,      // inlines; alignment
    HtmlText,       // raw HTML from Markdown, kept only as inert text (never rendered as HTML)
};

enum class Align : uint8_t { Default, Left, Center, Right };
enum class TaskState : uint8_t { None, Open, Done };

// Blocks of one article are stored in pre-order: the children of block i are the
// blocks in (i, subtree_end), each starting where its previous sibling's subtree ends.
struct Block {
    BlockKind kind = BlockKind::Paragraph;
    uint8_t level = 0;            // heading level 1..6; nesting depth for containers
    Align align = Align::Default; // table cells
    TaskState task = TaskState::None;
    bool ordered = false;         // List
    bool tight = false;           // List: tight lists have no paragraph spacing
    bool header = false;          // TableRow/TableCell in the header row
    uint8_t trailing_newlines = 0;// Code/HtmlText: line feeds trimmed from the end of `code` (exports put them back)
    uint16_t columns = 0;         // Table
    uint32_t start = 1;           // List: first number of an ordered list
    uint32_t subtree_end = 0;     // absolute index into Bundle::blocks, one past the subtree
    Range runs;                   // inline runs into Bundle::runs (Paragraph, Heading, TableCell)
    Str code;                     // Code: the literal text; HtmlText: the raw text
    Str info;                     // Code: info string
};

enum RunStyle : uint16_t {
    kStyleNone = 0,
    kStyleEmphasis = 1 << 0,
    kStyleStrong = 1 << 1,
    kStyleCode = 1 << 2,
    kStyleStrike = 1 << 3,
    kStyleLink = 1 << 4,      // `link` is valid
    kStyleUnderline = 1 << 5,
};

enum class RunKind : uint8_t {
    Text,       // `text` in `style`
    SoftBreak,  // a line break in the source: drawn as a space
    HardBreak,  // a forced line break
    Image,      // `text` = alt text; `link` = index into Bundle::links (src, title)
};

struct Run {
    RunKind kind = RunKind::Text;
    uint16_t style = kStyleNone;
    uint32_t link = UINT32_MAX;   // index into Bundle::links, or UINT32_MAX
    Str text;
};

// Inline markup exactly as written, for exports that must keep its nesting (HTML):
// `Run::style` says which styles apply to a run, spans say where each one opens and
// closes ("*a *b**" is an emphasis inside an emphasis, which styles alone cannot say).
// Spans are stored in pre-order, grouped by block; a span may be empty ("[](url)").
enum class SpanKind : uint8_t { Emphasis, Strong, Code, Strike, Underline, Link };

struct Span {
    SpanKind kind = SpanKind::Emphasis;
    uint32_t block = 0;           // index into Bundle::blocks of the block holding it
    uint32_t begin_run = 0;       // [begin_run, end_run) into Bundle::runs
    uint32_t end_run = 0;
    uint32_t subtree_end = 0;     // index into Bundle::spans one past the spans nested in it
    uint32_t link = UINT32_MAX;   // SpanKind::Link: index into Bundle::links
};

// External: http(s). Relative: a reference without a scheme ("other.html", "/path"),
// to be resolved against the bundle's own URL by whoever follows it.
enum class LinkTarget : uint8_t { External, Mail, Article, Anchor, Relative };

struct Link {
    Str href;                     // sanitized: http(s), mailto, #article=ID, #anchor or a relative reference
    Str title;
    LinkTarget target = LinkTarget::External;
    uint32_t article = UINT32_MAX; // for LinkTarget::Article: index into Bundle::articles
};

// --------------------------------------------------------------------- [SECTION] Comments
struct Comment {
    Str id;
    Str author;
    Str published;                // as written (ISO 8601), validated
    int64_t published_unix = 0;   // seconds since epoch, UTC; 0 when absent or invalid
    Str text;                     // plain text, never HTML
    int32_t likes = -1;           // -1: not given
    bool edited = false;
    bool deleted = false;
    uint32_t parent = UINT32_MAX; // index into Bundle::comments; UINT32_MAX for top level
    Range replies;                // indices into Bundle::comment_children
};

// ------------------------------------------------- [SECTION] Articles, announcements, site
struct Image {
    Str src;
    Str alt;
    Str caption;
    Str credit;
    uint16_t width = 0;           // declared pixel size, if given (reserves space)
    uint16_t height = 0;
};

struct RelatedLink {
    Str id;                       // in-bundle article id, or empty
    Str title;                    // for external related articles
    Str url;
    uint32_t article = UINT32_MAX;// resolved index when `id` names an article
};

struct Article {
    Str id;
    Str title;
    Str subtitle;
    Str published;                // ISO 8601 with offset, as written
    int64_t published_unix = 0;   // seconds since epoch (UTC)
    int32_t published_offset_min = 0; // the writer's UTC offset, for the dateline
    Str updated;
    int64_t updated_unix = 0;
    Str category;
    std::vector<Str> tags;
    std::vector<Str> authors;
    Str source;
    Str lead;
    Image image;
    Str body_markdown;            // the Markdown source, kept only when asked (reader-cli convert)
    Range blocks;                 // top-level blocks are found by walking subtree_end
    std::vector<RelatedLink> related;
    Range comments;               // top-level comments: indices into Bundle::comment_children
    uint32_t comment_total = 0;   // all comments held, replies included
    int64_t comment_count = -1;   // declared total (may exceed what is held); -1 if absent
    Str comments_url;
    Str language;                 // article language if it differs from the site
};

struct Announcement {
    Str id;
    Str title;
    Str published;
    int64_t published_unix = 0;
    Str url;
    Str text;
};

struct Site {
    Str name;
    Str url;
    Str language;                 // BCP 47, "vi" by default
    Str logo;
    Str description;
};

struct Category {
    Str id;
    Str name;
};

// --------------------------------------------------------------------- [SECTION] Bundle
struct Bundle {
    std::string text;             // the arena every Str points into
    Site site;
    std::vector<Article> articles;
    std::vector<Announcement> announcements;
    std::vector<Category> categories;
    std::vector<Block> blocks;
    std::vector<Run> runs;
    std::vector<Link> links;
    std::vector<Span> spans;      // inline markup nesting, for the HTML export
    std::vector<Comment> comments;
    std::vector<uint32_t> comment_children; // top-level lists and reply lists, by range
    uint32_t front_article = 0;   // the article shown when no other is asked for

    std::string_view str(Str s) const { return std::string_view(text).substr(s.off, s.len); }
    int find_article(std::string_view id) const;  // index, or -1
    size_t memory_bytes() const;  // heap bytes the model holds (capacities), for stats and benchmarks
};

}  // namespace reader

// The document model exported as escaped, semantic HTML.
//
// Used by `reader-cli html`, by the CommonMark conformance tests (body only), and as
// the base of the accessible mirror: the app puts an article's HTML in a hidden DOM
// node so screen readers, the browser's find and copy/paste reach the text.
//
// Guarantees, whatever the bundle holds:
//   - every piece of text and every attribute value is escaped (& < > "), and C0
//     control characters other than tab, line feed and carriage return become U+FFFD;
//     raw HTML from Markdown is shown as text, never emitted as markup;
//   - links carry only the targets the link policy kept (http, https, mailto,
//     #article=ID, #anchor, relative references), URL-escaped; external ones get
//     rel="noopener noreferrer";
//   - images always have an alt attribute; table header cells have scope="col";
//     the article element carries its language (lang="vi").
// The body follows the HTML that CommonMark's reference renderers produce (so the
// spec's examples can be compared), with headings shifted one level down inside a
// full article, whose title is the only <h1>.
//
// Cost: one pass over the article's blocks and runs, appended to a caller-owned
// string (reuse it across calls to avoid reallocations); no other allocation
// except for comment dates. Deep trees are walked with explicit stacks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "i18n/lang.h"
#include "model/document.h"

namespace reader {

struct HtmlOptions {
    i18n::Lang ui = i18n::Lang::Vi;  // language of the labels ("Ý kiến bạn đọc" / "Reader comments")
    std::string_view dateline;       // shown in the header when not empty; the caller formats it
    bool comments = true;            // the reader comments section
    bool related = true;             // "Tin khác": related articles
    int heading_shift = 1;           // added to body heading levels in a full article (capped at 6)
    std::string_view id_prefix;      // prefix for the element ids written (keeps a page's ids unique)
    // Comments written at most (0: all), in thread order, then "showing N of M". The
    // reader's accessible mirror sets it: 100,000 comments as DOM nodes would take the
    // browser minutes to parse and lay out, while the canvas shows a window of them.
    size_t max_comments = 0;
};

// <article lang=...> with header (category, dateline, h1, subtitle), figure, lead,
// body, signature, source, tags, comments, related articles. Appends to `out`.
void append_article_html(std::string& out, const Bundle& b, uint32_t article, const HtmlOptions& options = {});

// Only the article's body blocks, as CommonMark renders them (headings unshifted).
void append_body_html(std::string& out, const Bundle& b, uint32_t article);

// Any range of top-level blocks (pre-order storage, see document.h).
void append_blocks_html(std::string& out, const Bundle& b, Range blocks, int heading_shift = 0);

// The comments section alone: heading, declared total, nested lists of comments.
void append_comments_html(std::string& out, const Bundle& b, uint32_t article, const HtmlOptions& options = {});

// <aside> with the bundle's announcements ("Thông báo"); nothing when there are none.
void append_announcements_html(std::string& out, const Bundle& b, const HtmlOptions& options = {});

// A complete HTML5 document: site name, the given articles (all when `article` is
// UINT32_MAX), announcements. For reader-cli and for saving a bundle as a page.
std::string document_html(const Bundle& b, uint32_t article = UINT32_MAX, const HtmlOptions& options = {});

// Escaping helpers, exposed for the app's own markup and for tests.
void append_html_escaped(std::string& out, std::string_view text);
void append_url_escaped(std::string& out, std::string_view url);

}  // namespace reader

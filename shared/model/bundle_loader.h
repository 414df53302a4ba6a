// The wall between untrusted bundle bytes and the app: bytes in, a Bundle and a
// list of diagnostics out. No I/O: callers fetch or read the bytes.
//
// Accepted forms (DESIGN.md, "bundle format"):
//   - a JSON bundle {"format": "article-bundle/1", "site", "articles", ...};
//   - one Markdown file with a front-matter header (one article);
//   - a JSON manifest whose articles name Markdown files by relative URL
//     ("body_url"): those bodies are listed in `LoadResult::pending` and supplied
//     with `attach_markdown_body`.
// Bad input is reported, never thrown: whatever valid articles a bundle has still
// open, unless the bytes themselves cannot be parsed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/document.h"

namespace reader {

struct LoadLimits {
    uint64_t max_bytes = 512ull << 20;     // whole bundle
    uint32_t max_depth = 64;               // JSON nesting (arrays + objects)
    uint64_t max_string = 16ull << 20;     // one JSON string
    uint32_t max_articles = 200000;
    uint32_t max_comments = 2000000;       // whole bundle
    uint32_t max_comment_depth = 64;       // reply chains deeper than this are re-attached
    bool keep_markdown = false;            // keep each body's Markdown source (reader-cli convert)
};

struct PendingBody {
    uint32_t article = 0;    // index into Bundle::articles
    std::string url;         // relative URL as written in the manifest
};

struct LoadResult {
    std::string name;                      // as given to load_bundle, for later messages
    std::unique_ptr<Bundle> bundle;        // null only when nothing could be read
    Diagnostics diagnostics;
    std::vector<PendingBody> pending;      // manifest bodies still to fetch
};

// `name` is used in diagnostics (the file name or URL the bytes came from).
LoadResult load_bundle(std::string_view bytes, std::string_view name, const LoadLimits& limits = {});

// Supplies a manifest article's Markdown body; call `finish_bundle` after the last.
void attach_markdown_body(LoadResult& result, uint32_t article, std::string_view markdown,
                          std::string_view name, const LoadLimits& limits = {});

// Resolves in-bundle links and related ids (reports dangling ones). load_bundle
// calls it itself when nothing is pending.
void finish_bundle(LoadResult& result);

}  // namespace reader

// Markdown (CommonMark + GitHub tables, strikethrough, task lists, autolinks) parsed
// once by md4c into the model's blocks and inline runs.
//
// Raw HTML is never passed through: HTML blocks become inert HtmlText blocks and
// inline HTML becomes literal text, both drawn and exported as escaped text.
// Links are filtered by link_policy.h; dropped links keep their text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/model_writer.h"

namespace reader {

struct MarkdownLimits {
    uint32_t max_depth = 32;        // nested containers beyond this are flattened
    uint32_t max_blocks = 2000000;  // per body; the rest is dropped with a warning
    bool source_is_nfc = false;     // the caller knows the Markdown is NFC: its text is copied unchecked
    bool plain_fast_path = true;    // plain prose is built without md4c (same model; tests turn it off to compare)
};

struct MarkdownOutput {
    Range blocks;                       // into Bundle::blocks
    std::vector<std::string> warnings;  // e.g. "link to 'javascript:...' removed"
    std::vector<uint32_t> article_links;// indices into Bundle::links to resolve by id later
    uint32_t raw_html = 0;              // raw HTML blocks and inline tags met (kept as inert text)
};

// The md4c dialect the reader uses, exposed for tests and tools.
unsigned markdown_flags();

// Appends blocks/runs/links for `markdown` (valid UTF-8) to the bundle.
MarkdownOutput build_markdown(ModelWriter& w, std::string_view markdown,
                              const MarkdownLimits& limits = {});

}  // namespace reader

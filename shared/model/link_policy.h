// Which link targets the reader keeps: http(s), mailto and in-bundle ones.
//
// Everything else (javascript:, data:, file:, vbscript:, relative paths that leave
// the bundle) is dropped, so a hostile bundle can never make the page run script or
// reach local files through a link. The text of a dropped link stays as plain text.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace reader {

struct SanitizedLink {
    bool keep = false;
    LinkTarget target = LinkTarget::External;
    std::string href;        // normalized form to store (e.g. "#article=ID")
    std::string article_id;  // for LinkTarget::Article
};

// `href` as written in Markdown or JSON.
SanitizedLink sanitize_link(std::string_view href);

// Image sources: http(s) or a relative path inside the bundle's folder (no "..",
// no scheme); data: and everything else refused.
bool is_safe_image_src(std::string_view src);

}  // namespace reader

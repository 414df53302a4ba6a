// Which link targets the reader keeps: http(s), mailto and in-bundle ones.
//
// In-bundle means: "#article=ID" (another article), "#anchor", or a reference
// without a scheme ("other.html", "/tin-tuc/abc", "images/a.jpg"), which is resolved
// against the bundle's own URL and so stays on the bundle's site. Every other scheme
// (javascript:, data:, file:, vbscript:, ...) and host-changing forms ("//host",
// "\\host") are dropped, so a hostile bundle can never make the page run script or
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

// A reference without a scheme that stays on the same host (see above).
bool is_relative_reference(std::string_view ref);

// Image sources: http(s) or a relative reference; data: and everything else refused.
bool is_safe_image_src(std::string_view src);

// Files a bundle names for the tools to read (a manifest's body_url): a relative path
// inside the bundle's folder: no scheme, no leading '/', no "..", no '\\', no query.
bool is_bundle_path(std::string_view path);

}  // namespace reader

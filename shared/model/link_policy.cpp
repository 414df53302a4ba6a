// See link_policy.h.
#include "model/link_policy.h"

#include <algorithm>
#include <cctype>

namespace reader {
namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool has_control_or_space(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

// The scheme of an absolute URL ("https"), or empty when there is none.
std::string scheme_of(std::string_view href) {
    for (size_t i = 0; i < href.size(); ++i) {
        const char c = href[i];
        if (c == ':') return i > 0 ? lower_ascii(href.substr(0, i)) : std::string();
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
        if (!ok) return {};
    }
    return {};
}

}  // namespace

SanitizedLink sanitize_link(std::string_view href) {
    SanitizedLink out;
    // Browsers strip leading/trailing whitespace and embedded tabs/newlines before
    // reading a scheme ("java\nscript:"): refuse control characters outright.
    while (!href.empty() && href.front() == ' ') href.remove_prefix(1);
    while (!href.empty() && href.back() == ' ') href.remove_suffix(1);
    if (href.empty()) {
        // "[text]()" links to the document itself: harmless, kept as an anchor.
        out.keep = true;
        out.target = LinkTarget::Anchor;
        return out;
    }
    if (has_control_or_space(href)) return out;

    const std::string scheme = scheme_of(href);
    if (scheme == "http" || scheme == "https") {
        out.keep = true;
        out.target = LinkTarget::External;
        out.href = std::string(href);
        return out;
    }
    if (scheme == "mailto") {
        out.keep = true;
        out.target = LinkTarget::Mail;
        out.href = std::string(href);
        return out;
    }
    if (!scheme.empty()) return out;  // javascript:, data:, file:, ...

    // In-bundle: "#article=ID" (the reader's own deep link), "article:ID" is taken
    // above as a scheme and refused, so bundles use the hash form or a bare "#anchor".
    constexpr std::string_view kArticle = "#article=";
    if (href.substr(0, kArticle.size()) == kArticle) {
        std::string_view id = href.substr(kArticle.size());
        const size_t amp = id.find('&');
        if (amp != std::string_view::npos) id = id.substr(0, amp);
        if (id.empty()) return out;
        out.keep = true;
        out.target = LinkTarget::Article;
        out.article_id = std::string(id);
        out.href = std::string(href);
        return out;
    }
    if (href.front() == '#') {
        out.keep = true;
        out.target = LinkTarget::Anchor;
        out.href = std::string(href);
        return out;
    }
    if (!is_relative_reference(href)) return out;
    out.keep = true;
    out.target = LinkTarget::Relative;
    out.href = std::string(href);
    return out;
}

bool is_relative_reference(std::string_view ref) {
    if (ref.empty() || has_control_or_space(ref) || !scheme_of(ref).empty()) return false;
    // Browsers drop leading and trailing spaces before reading a URL: " javascript:x"
    // would lose its disguise. (sanitize_link trims them first; raw sources may not.)
    if (ref.front() == ' ' || ref.back() == ' ') return false;
    // Browsers read "\\" as "/" in http(s) URLs, so "//host", "\\host", "/\\host" all
    // name another host: those are not references into the bundle's own site.
    auto slash = [](char c) { return c == '/' || c == '\\'; };
    if (ref.size() >= 2 && slash(ref[0]) && slash(ref[1])) return false;
    // A colon before any '/', '?' or '#' would be read as a scheme by some parsers
    // ("a:b" is refused above; ":x" is an odd scheme-less form, refused too).
    return ref.front() != ':';
}

bool is_safe_image_src(std::string_view src) {
    if (src.empty() || has_control_or_space(src)) return false;
    const std::string scheme = scheme_of(src);
    if (scheme == "http" || scheme == "https") return true;
    return is_relative_reference(src);
}

bool is_bundle_path(std::string_view path) {
    if (!is_relative_reference(path)) return false;
    if (path.front() == '/' || path.find('\\') != std::string_view::npos) return false;
    if (path.find_first_of("?#") != std::string_view::npos) return false;
    // No ".." segment: files named by a bundle stay inside the bundle's folder.
    size_t pos = 0;
    while (pos <= path.size()) {
        size_t next = path.find('/', pos);
        if (next == std::string_view::npos) next = path.size();
        if (path.substr(pos, next - pos) == "..") return false;
        pos = next + 1;
    }
    return true;
}

}  // namespace reader

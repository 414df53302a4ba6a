// reader-cli html BUNDLE [--article ID] [--body-only] [--lang vi|en]
//
// The bundle as escaped, semantic HTML on standard output: a complete HTML5 page
// with every article (or only --article ID), or with --body-only the bare body
// blocks of one article (the front article unless --article is given), as the
// CommonMark conformance tests compare them. Load problems go to standard error.
// Exit status: 0 when the HTML was written, 1 when the bundle or the article could
// not be found, 2 on a usage error.
#include <cstdio>

#include "cli_common.h"
#include "i18n/lang.h"
#include "model/html_export.h"

namespace cli {

int cmd_html(std::vector<std::string> args) {
    const bool body_only = take_flag(args, "--body-only");
    const std::optional<std::string> article_id = take_option(args, "--article");
    const std::optional<std::string> lang = take_option(args, "--lang");
    std::string unknown;
    if (args.size() != 1 || has_unknown_option(args, &unknown)) {
        if (!unknown.empty()) std::fprintf(stderr, "reader-cli html: unknown option %s\n", unknown.c_str());
        std::fprintf(stderr, "usage: reader-cli html BUNDLE [--article ID] [--body-only] [--lang vi|en]\n");
        return 2;
    }
    const reader::LoadResult r = load_bundle_file(args[0]);
    for (const auto& d : r.diagnostics.items) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    if (!r.bundle) return 1;
    const reader::Bundle& b = *r.bundle;
    uint32_t index = UINT32_MAX;
    if (article_id) {
        const int found = b.find_article(*article_id);
        if (found < 0) {
            std::fprintf(stderr, "reader-cli html: no article has the id '%s'\n", article_id->c_str());
            return 1;
        }
        index = static_cast<uint32_t>(found);
    }
    reader::HtmlOptions options;
    options.ui = lang ? reader::i18n::lang_from_bcp47(*lang) : reader::i18n::Lang::Vi;
    std::string out;
    if (body_only) {
        reader::append_body_html(out, b, index == UINT32_MAX ? b.front_article : index);
    } else {
        out = reader::document_html(b, index, options);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace cli

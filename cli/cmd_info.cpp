// reader-cli info BUNDLE: what a bundle holds, one line per article.
#include <cstdio>

#include "cli_common.h"

namespace cli {

int cmd_info(std::vector<std::string> args) {
    if (args.size() != 1) {
        std::fprintf(stderr, "usage: reader-cli info BUNDLE\n");
        return 2;
    }
    reader::LoadResult r = load_bundle_file(args[0]);
    for (const auto& d : r.diagnostics.items) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    if (!r.bundle) return 1;
    const reader::Bundle& b = *r.bundle;
    size_t comments = b.comments.size();
    std::printf("site: %.*s (%.*s)\n", static_cast<int>(b.site.name.len), b.str(b.site.name).data(),
                static_cast<int>(b.site.language.len), b.str(b.site.language).data());
    std::printf("articles: %zu, announcements: %zu, categories: %zu, comments: %zu\n", b.articles.size(),
                b.announcements.size(), b.categories.size(), comments);
    std::printf("model: %zu blocks, %zu runs, %zu links, %zu bytes of text\n", b.blocks.size(), b.runs.size(),
                b.links.size(), b.text.size());
    for (const auto& a : b.articles) {
        std::printf("- %.*s  %.*s  \"%.*s\"  blocks=%u comments=%u\n", static_cast<int>(a.id.len), b.str(a.id).data(),
                    static_cast<int>(a.published.len), b.str(a.published).data(), static_cast<int>(a.title.len),
                    b.str(a.title).data(), a.blocks.size(), a.comment_total);
    }
    return r.diagnostics.has_errors() ? 1 : 0;
}

}  // namespace cli

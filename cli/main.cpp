// reader-cli: the native command-line face of the core.
//   reader-cli info BUNDLE                       what a bundle holds
//   reader-cli validate [--json] BUNDLE...       problems, one line each; exit 1 if any error
//   reader-cli html BUNDLE [--article ID] [--body-only]   the model as semantic HTML
//   reader-cli convert SOURCE -o OUTPUT          Markdown folder <-> JSON bundle
//   reader-cli index BUNDLE -o FILE              prebuilt search index
//   reader-cli search BUNDLE-or-INDEX "query"    ranked results (--json, --exact, --limit N)
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli_common.h"

namespace cli {
int cmd_index(std::vector<std::string> args);   // cmd_index.cpp
int cmd_search(std::vector<std::string> args);  // cmd_search.cpp
}  // namespace cli

namespace {

struct Entry {
    const char* name;
    cli::Command run;
    const char* help;
};

const Entry kCommands[] = {
    {"info", cli::cmd_info, "info BUNDLE                                  what the bundle holds"},
    {"validate", cli::cmd_validate, "validate [--json] [--strict] BUNDLE...       one line per problem; exit 1 on errors"},
    {"html", cli::cmd_html, "html BUNDLE [--article ID] [--body-only] [--lang vi|en]   escaped, semantic HTML"},
    {"convert", cli::cmd_convert, "convert FOLDER -o BUNDLE.json [--manifest]   Markdown files with front matter -> JSON\n"
                                  "  reader-cli convert BUNDLE.json -o FOLDER [--force]      JSON bundle -> Markdown files"},
    {"index", cli::cmd_index, "index BUNDLE -o FILE                         prebuilt search index (with texts for snippets)"},
    {"search", cli::cmd_search, "search BUNDLE-or-INDEX \"query\" [--json] [--exact] [--limit N]   ranked results"},
};

int usage(FILE* out) {
    std::fprintf(out, "usage: reader-cli COMMAND ...   (BUNDLE may be - for standard input)\n");
    for (const auto& e : kCommands) std::fprintf(out, "  reader-cli %s\n", e.help);
    return out == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage(stderr);
    if (!std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help")) return usage(stdout);
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& e : kCommands) {
        if (!std::strcmp(argv[1], e.name)) return e.run(std::move(args));
    }
    std::fprintf(stderr, "reader-cli: unknown command '%s'\n", argv[1]);
    return usage(stderr);
}

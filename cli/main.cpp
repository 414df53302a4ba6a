// reader-cli: the native command-line face of the core.
//   reader-cli info BUNDLE             what a bundle holds
// Later subcommands (validate, html, convert, index, search) plug into the table.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli_common.h"

namespace {

struct Entry {
    const char* name;
    cli::Command run;
    const char* help;
};

const Entry kCommands[] = {
    {"info", cli::cmd_info, "info BUNDLE                 what the bundle holds"},
};

int usage(FILE* out) {
    std::fprintf(out, "usage: reader-cli COMMAND ...\n");
    for (const auto& e : kCommands) std::fprintf(out, "  reader-cli %s\n", e.help);
    return out == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage(stderr);
    if (!std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help")) return usage(stdout);
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& e : kCommands) {
        if (!std::strcmp(argv[1], e.name)) return e.run(args);
    }
    std::fprintf(stderr, "reader-cli: unknown command '%s'\n", argv[1]);
    return usage(stderr);
}

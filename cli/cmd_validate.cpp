// reader-cli validate [--json] [--strict] BUNDLE...
//
// Loads each bundle as the app would and prints one line per problem,
//   file:line:col: error: where: message      (line:col when the problem has a place)
// or, with --json, one JSON document {"valid", "files": [{"file", "valid", "articles",
// "errors", "warnings", "problems": [{"file", "line", "column", "offset", "severity",
// "where", "message"}]}]}. Exit status: 0 when every bundle is valid (warnings
// allowed, unless --strict), 1 when any has errors, 2 on a usage error.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli_common.h"

namespace cli {

int cmd_validate(std::vector<std::string> args) {
    const bool as_json = take_flag(args, "--json");
    const bool strict = take_flag(args, "--strict");
    std::string unknown;
    if (args.empty() || has_unknown_option(args, &unknown)) {
        if (!unknown.empty()) std::fprintf(stderr, "reader-cli validate: unknown option %s\n", unknown.c_str());
        std::fprintf(stderr, "usage: reader-cli validate [--json] [--strict] BUNDLE...\n");
        return 2;
    }
    bool all_valid = true;
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const std::string& path : args) {
        const reader::LoadResult r = load_bundle_file(path);
        const size_t errors = r.diagnostics.count(reader::Severity::Error);
        const size_t warnings = r.diagnostics.count(reader::Severity::Warning);
        const bool valid = r.bundle && errors == 0 && (!strict || warnings == 0);
        all_valid = all_valid && valid;
        if (as_json) {
            nlohmann::ordered_json problems = nlohmann::ordered_json::array();
            for (const auto& d : r.diagnostics.items) {
                nlohmann::ordered_json p;
                p["file"] = d.file;
                if (d.line > 0) {
                    p["line"] = d.line;
                    p["column"] = d.column;
                    p["offset"] = d.offset;
                }
                p["severity"] = d.severity == reader::Severity::Error ? "error" : "warning";
                if (!d.where.empty()) p["where"] = d.where;
                p["message"] = d.message;
                p["text"] = d.to_string();
                problems.push_back(std::move(p));
            }
            nlohmann::ordered_json f;
            f["file"] = r.name;
            f["valid"] = valid;
            f["articles"] = r.bundle ? r.bundle->articles.size() : 0;
            f["errors"] = errors;
            f["warnings"] = warnings;
            f["problems"] = std::move(problems);
            files.push_back(std::move(f));
        } else {
            for (const auto& d : r.diagnostics.items) std::printf("%s\n", d.to_string().c_str());
            std::fprintf(stderr, "%s: %s (%zu articles, %zu errors, %zu warnings)\n", r.name.c_str(),
                         valid ? "valid" : "INVALID", r.bundle ? r.bundle->articles.size() : size_t{0}, errors, warnings);
        }
    }
    if (as_json) {
        nlohmann::ordered_json out;
        out["valid"] = all_valid;
        out["files"] = std::move(files);
        std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
    std::fflush(stdout);
    return all_valid ? 0 : 1;
}

}  // namespace cli

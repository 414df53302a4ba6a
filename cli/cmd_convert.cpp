// reader-cli convert SOURCE -o OUTPUT [--manifest] [--force]
//
// Between the two ways of writing a bundle by hand:
//   - SOURCE is a folder of Markdown files with front matter (*.md, taken in name
//     order; the first is the front article) and an optional site.json holding the
//     bundle's other top-level fields (format, site, announcements, categories):
//     OUTPUT is one JSON bundle ("-": standard output). With --manifest, OUTPUT is
//     a manifest whose articles point at the Markdown files with "body_url"
//     (relative to OUTPUT's folder, which must contain them).
//   - SOURCE is a JSON bundle or manifest: OUTPUT is a folder (created; it must be
//     empty unless --force) with one ID.md per article and site.json.
// Front matter is carried over as written (unknown fields too), so a round trip
// keeps every field; nested values that front matter cannot hold as plain YAML
// lines (comment trees) are written as one line of JSON, which YAML also reads.
// The result is loaded like any bundle and its problems printed; exit status 1
// when it has errors, 2 on a usage error.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "model/front_matter.h"

namespace cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

const std::vector<std::string> kArticleKeys = {
    "id", "title", "subtitle", "published", "updated", "category", "tags", "author", "authors", "source",
    "lead", "language", "image", "related", "comment_count", "comments_url", "comments"};
const std::vector<std::string> kTopKeys = {"format", "site", "announcements", "categories"};

// Known keys first in the documented order, then the others in name order.
std::vector<std::string> key_order(const json& obj, const std::vector<std::string>& known,
                                   const std::set<std::string>& skip) {
    std::vector<std::string> keys;
    for (const auto& k : known) {
        if (obj.contains(k) && !skip.count(k)) keys.push_back(k);
    }
    for (const auto& [k, v] : obj.items()) {
        if (std::find(known.begin(), known.end(), k) == known.end() && !skip.count(k)) keys.push_back(k);
    }
    return keys;
}

ordered ordered_copy(const json& obj, const std::vector<std::string>& keys) {
    ordered out = ordered::object();
    for (const auto& k : keys) out[k] = ordered::parse(obj.at(k).dump());
    return out;
}

void print_problems(const reader::LoadResult& r) {
    for (const auto& d : r.diagnostics.items) std::fprintf(stderr, "%s\n", d.to_string().c_str());
}

// A file name from an article id: letters, digits, '.', '_', '-' and UTF-8 kept.
std::string file_stem(const std::string& id) {
    std::string s;
    for (char c : id) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = std::isalnum(u) || c == '.' || c == '_' || c == '-' || u >= 0x80;
        s += keep ? c : '-';
    }
    while (!s.empty() && s.front() == '.') s.erase(s.begin());
    if (s.empty()) s = "article";
    if (s.size() > 120) s.resize(120);
    return s;
}

int folder_to_bundle(const fs::path& folder, const std::string& output, bool manifest) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".md") files.push_back(entry.path());
    }
    if (ec) {
        std::fprintf(stderr, "reader-cli convert: %s: %s\n", folder.c_str(), ec.message().c_str());
        return 1;
    }
    std::sort(files.begin(), files.end());
    bool errors = false;
    json top = json::object();
    const fs::path site_path = folder / "site.json";
    if (fs::exists(site_path)) {
        std::string err;
        auto bytes = read_file(site_path.string(), &err);
        top = bytes ? json::parse(*bytes, nullptr, false) : json();
        if (!top.is_object()) {
            std::fprintf(stderr, "%s: error: must be a JSON object with the bundle's top-level fields\n", site_path.c_str());
            return 1;
        }
        if (top.contains("articles")) {
            std::fprintf(stderr, "%s: warning: 'articles' is ignored here: articles are the folder's .md files\n", site_path.c_str());
            top.erase("articles");
        }
    }
    if (!top.contains("format")) top["format"] = "article-bundle/1";
    const fs::path out_dir = output == "-" ? fs::current_path() : fs::absolute(output).parent_path();
    ordered articles = ordered::array();
    for (const auto& file : files) {
        std::string err;
        auto bytes = read_file(file.string(), &err);
        if (!bytes) {
            std::fprintf(stderr, "%s\n", err.c_str());
            errors = true;
            continue;
        }
        std::string_view view(*bytes);
        reader::FrontMatter fm = reader::parse_front_matter(view);
        for (const auto& p : fm.problems) std::fprintf(stderr, "%s:%u:1: error: %s\n", file.c_str(), p.line, p.message.c_str());
        if (!fm.header.is_object()) {
            if (fm.problems.empty()) std::fprintf(stderr, "%s:1:1: error: no front matter (the file must start with a --- line)\n", file.c_str());
            errors = true;
            continue;
        }
        errors = errors || !fm.problems.empty();
        json header = std::move(fm.header);
        if (!header.contains("id")) header["id"] = file.stem().string();
        ordered a = ordered_copy(header, key_order(header, kArticleKeys, {"body", "body_url"}));
        if (manifest) {
            const fs::path rel = fs::absolute(file).lexically_relative(out_dir);
            if (rel.empty() || rel.native().rfind("..", 0) == 0) {
                std::fprintf(stderr, "reader-cli convert: %s is outside the manifest's folder %s\n", file.c_str(), out_dir.c_str());
                return 1;
            }
            a["body_url"] = rel.generic_string();
        } else {
            a["body"] = std::string(fm.body);
        }
        articles.push_back(std::move(a));
    }
    ordered bundle = ordered::object();
    for (const auto& k : key_order(top, kTopKeys, {})) {
        bundle[k] = ordered::parse(top.at(k).dump());
        if (k == "site") bundle["articles"] = articles;  // keep the usual order: format, site, articles
    }
    if (!bundle.contains("articles")) bundle["articles"] = std::move(articles);
    const std::string text = bundle.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    std::string err;
    if (!write_file(output, text, &err)) {
        std::fprintf(stderr, "reader-cli convert: %s\n", err.c_str());
        return 1;
    }
    // Load what was written, as the app would.
    const reader::LoadResult r = output == "-" ? reader::load_bundle(text, "<stdout>") : load_bundle_file(output);
    print_problems(r);
    return errors || r.diagnostics.has_errors() ? 1 : 0;
}

int bundle_to_folder(const std::string& input, const fs::path& folder, bool force) {
    const reader::LoadResult check = load_bundle_file(input);
    print_problems(check);
    std::string err;
    auto bytes = read_file(input, &err);
    if (!bytes) {
        std::fprintf(stderr, "reader-cli convert: %s\n", err.c_str());
        return 1;
    }
    const json bundle = json::parse(*bytes, nullptr, false);
    if (!bundle.is_object() || !bundle.contains("articles") || !bundle["articles"].is_array()) {
        std::fprintf(stderr, "reader-cli convert: %s is not a JSON bundle with an 'articles' array\n", input.c_str());
        return 1;
    }
    std::error_code ec;
    if (fs::exists(folder) && !fs::is_empty(folder, ec) && !force) {
        std::fprintf(stderr, "reader-cli convert: %s is not empty (use --force to write into it)\n", folder.c_str());
        return 1;
    }
    fs::create_directories(folder, ec);
    if (ec) {
        std::fprintf(stderr, "reader-cli convert: %s: %s\n", folder.c_str(), ec.message().c_str());
        return 1;
    }
    const fs::path in_dir = input == "-" ? fs::current_path() : fs::path(input).parent_path();
    bool errors = check.diagnostics.has_errors();
    size_t index = 0;
    for (const json& a : bundle["articles"]) {
        const size_t position = index++;
        if (!a.is_object() || !a.contains("id")) {
            std::fprintf(stderr, "reader-cli convert: article #%zu has no id; it is not written\n", position);
            errors = true;
            continue;
        }
        const std::string id = a["id"].is_string() ? a["id"].get<std::string>() : a["id"].dump();
        // Numbered prefixes keep the bundle's order when the folder is read back.
        char prefix[16];
        std::snprintf(prefix, sizeof prefix, "%03zu-", position + 1);
        const std::string stem = prefix + file_stem(id);  // unique: the prefix is
        std::string body;
        if (a.contains("body") && a["body"].is_string()) {
            body = a["body"].get<std::string>();
        } else if (a.contains("body_url") && a["body_url"].is_string()) {
            auto text = read_file((in_dir / a["body_url"].get<std::string>()).string(), &err);
            if (!text) {
                std::fprintf(stderr, "reader-cli convert: article '%s': %s\n", id.c_str(), err.c_str());
                errors = true;
            } else {
                body = std::move(*text);
            }
        }
        const std::string text = reader::write_front_matter(a, key_order(a, kArticleKeys, {"body", "body_url"})) + body;
        const fs::path path = folder / (stem + ".md");
        if (!write_file(path.string(), text, &err)) {
            std::fprintf(stderr, "reader-cli convert: %s\n", err.c_str());
            return 1;
        }
    }
    const std::vector<std::string> keys = key_order(bundle, kTopKeys, {"articles"});
    const std::string site = ordered_copy(bundle, keys).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    if (!write_file((folder / "site.json").string(), site, &err)) {
        std::fprintf(stderr, "reader-cli convert: %s\n", err.c_str());
        return 1;
    }
    return errors ? 1 : 0;
}

}  // namespace

int cmd_convert(std::vector<std::string> args) {
    const std::optional<std::string> output = take_option(args, "-o");
    const bool manifest = take_flag(args, "--manifest");
    const bool force = take_flag(args, "--force");
    std::string unknown;
    if (args.size() != 1 || !output || has_unknown_option(args, &unknown)) {
        if (!unknown.empty()) std::fprintf(stderr, "reader-cli convert: unknown option %s\n", unknown.c_str());
        std::fprintf(stderr,
                     "usage: reader-cli convert FOLDER -o BUNDLE.json [--manifest]   Markdown files -> one JSON bundle\n"
                     "       reader-cli convert BUNDLE.json -o FOLDER [--force]      JSON bundle -> Markdown files\n");
        return 2;
    }
    std::error_code ec;
    if (fs::is_directory(args[0], ec)) return folder_to_bundle(args[0], *output, manifest);
    if (manifest) {
        std::fprintf(stderr, "reader-cli convert: --manifest is for a folder of Markdown files\n");
        return 2;
    }
    return bundle_to_folder(args[0], *output, force);
}

}  // namespace cli

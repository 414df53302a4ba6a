// See cli_common.h.
#include "cli_common.h"

#include <fstream>
#include <sstream>

namespace cli {

std::optional<std::string> read_file(const std::string& path, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (error) *error = path + ": cannot open";
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

reader::LoadResult load_bundle_file(const std::string& path, const reader::LoadLimits& limits) {
    std::string error;
    auto bytes = read_file(path, &error);
    if (!bytes) {
        reader::LoadResult r;
        reader::Diagnostic d;
        d.file = path;
        d.message = "cannot open the file";
        r.diagnostics.items.push_back(d);
        return r;
    }
    reader::LoadResult r = reader::load_bundle(*bytes, path, limits);
    if (!r.pending.empty()) {
        const size_t slash = path.find_last_of('/');
        const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
        for (const auto& p : r.pending) {
            const std::string body_path = dir + p.url;
            auto body = read_file(body_path, &error);
            if (!body) {
                reader::Diagnostic d;
                d.file = path;
                d.where = "article #" + std::to_string(p.article) + ", field 'body_url'";
                d.message = "cannot read " + body_path;
                r.diagnostics.items.push_back(d);
                continue;
            }
            reader::attach_markdown_body(r, p.article, *body, body_path, limits);
        }
        r.pending.clear();
        reader::finish_bundle(r);
    }
    return r;
}

}  // namespace cli

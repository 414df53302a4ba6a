// See cli_common.h.
#include "cli_common.h"

#include <cstdio>
#include <cstring>
#include <cerrno>

namespace cli {

std::optional<std::string> read_file(const std::string& path, std::string* error) {
    const bool stdin_input = path == "-";
    FILE* f = stdin_input ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) {
        if (error) *error = path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::string bytes;
    // One allocation for regular files; stdin grows as it goes.
    if (!stdin_input && std::fseek(f, 0, SEEK_END) == 0) {
        const long size = std::ftell(f);
        if (size > 0) bytes.reserve(static_cast<size_t>(size));
        std::fseek(f, 0, SEEK_SET);
    }
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    const bool failed = std::ferror(f) != 0;
    if (!stdin_input) std::fclose(f);
    if (failed) {
        if (error) *error = path + ": read error";
        return std::nullopt;
    }
    return bytes;
}

bool write_file(const std::string& path, std::string_view bytes, std::string* error) {
    FILE* f = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
    if (!f) {
        if (error) *error = path + ": " + std::strerror(errno);
        return false;
    }
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    if (f != stdout) {
        if (std::fclose(f) != 0 && error) *error = path + ": write error";
    }
    if (!ok && error) *error = path + ": write error";
    return ok;
}

reader::LoadResult load_bundle_file(const std::string& path, const reader::LoadLimits& limits) {
    std::string error;
    auto bytes = read_file(path, &error);
    const std::string name = path == "-" ? "<stdin>" : path;
    if (!bytes) {
        reader::LoadResult r;
        r.name = name;
        reader::Diagnostic d;
        d.file = name;
        d.message = "cannot read the file: " + error.substr(error.find(": ") == std::string::npos ? 0 : error.find(": ") + 2);
        r.diagnostics.items.push_back(d);
        return r;
    }
    reader::LoadResult r = reader::load_bundle(*bytes, name, limits);
    if (!r.pending.empty()) {
        const size_t slash = path.find_last_of('/');
        const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
        for (const auto& p : r.pending) {
            const std::string body_path = dir + p.url;
            auto body = read_file(body_path, &error);
            if (!body) {
                reader::Diagnostic d;
                d.file = name;
                d.where = "article '" + std::string(r.bundle->str(r.bundle->articles[p.article].id)) + "' (#" +
                          std::to_string(p.article) + "), field 'body_url'";
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

bool take_flag(std::vector<std::string>& args, const std::string& name) {
    for (auto it = args.begin(); it != args.end(); ++it) {
        if (*it == name) {
            args.erase(it);
            return true;
        }
    }
    return false;
}

std::optional<std::string> take_option(std::vector<std::string>& args, const std::string& name) {
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == name && i + 1 < args.size()) {
            std::string v = args[i + 1];
            args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
            return v;
        }
        if (args[i].rfind(name + "=", 0) == 0) {
            std::string v = args[i].substr(name.size() + 1);
            args.erase(args.begin() + static_cast<long>(i));
            return v;
        }
    }
    return std::nullopt;
}

bool has_unknown_option(const std::vector<std::string>& args, std::string* which) {
    for (const auto& a : args) {
        if (a.size() > 1 && a[0] == '-') {
            if (which) *which = a;
            return true;
        }
    }
    return false;
}

}  // namespace cli

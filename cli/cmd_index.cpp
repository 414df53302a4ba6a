// reader-cli index BUNDLE -o FILE: builds the search index of a bundle and writes it,
// with the texts (for snippets) and the articles' ids and titles, so that
// `reader-cli search FILE "query"` works without the bundle.
//
// File layout (little-endian), a thin wrapper around the engine's own format:
//   "RDRCLIX\0", u32 wrapper version (1), u32 document count,
//   per document: u8 kind (0 article, 1 announcement), u32 id length, id bytes,
//                 u32 title length, title bytes,
//   u64 engine index size, the engine index (Index::serialize: versioned, checksummed).
// read_search_index_file() below checks every length against the file size, so a
// truncated or foreign file gives a message, never a crash.
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "cli_common.h"
#include "search_index_file.h"
#include "search/bundle_search.h"

namespace cli {


constexpr char kIndexFileMagic[8] = {'R', 'D', 'R', 'C', 'L', 'I', 'X', 0};
constexpr char kEngineMagic[8] = {'R', 'D', 'R', 'S', 'R', 'C', 'H', 0};
constexpr uint32_t kIndexFileVersion = 1;

namespace {

void put_u32(std::string& out, uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xFF));
}
void put_u64(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(char((v >> (8 * i)) & 0xFF));
}
void put_str(std::string& out, std::string_view s) {
    put_u32(out, uint32_t(s.size()));
    out.append(s);
}

struct Reader {
    const uint8_t* p;
    const uint8_t* end;
    bool u32(uint32_t& v) {
        if (end - p < 4) return false;
        v = uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
        p += 4;
        return true;
    }
    bool u64(uint64_t& v) {
        uint32_t lo, hi;
        if (!u32(lo) || !u32(hi)) return false;
        v = uint64_t(lo) | uint64_t(hi) << 32;
        return true;
    }
    bool str(std::string& s) {
        uint32_t n;
        if (!u32(n) || uint64_t(end - p) < n) return false;
        s.assign(reinterpret_cast<const char*>(p), n);
        p += n;
        return true;
    }
};

}  // namespace

// True when the bytes start like a search index file (ours or the engine's bare form).
bool looks_like_search_index(std::string_view bytes) {
    return bytes.size() >= 8 && (std::memcmp(bytes.data(), kIndexFileMagic, 8) == 0 ||
                                 std::memcmp(bytes.data(), kEngineMagic, 8) == 0);
}

std::optional<SearchIndexFile> read_search_index_file(std::string_view bytes, std::string* error) {
    auto fail = [&](const std::string& msg) -> std::optional<SearchIndexFile> {
        *error = msg;
        return std::nullopt;
    };
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    SearchIndexFile out;
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), kEngineMagic, 8) == 0) {
        // A bare engine index: documents are known by number only.
        std::string err;
        auto index = reader::search::Index::deserialize(data, bytes.size(), &err);
        if (!index) return fail(err);
        out.index = std::move(*index);
        return out;
    }
    if (bytes.size() < 8 || std::memcmp(bytes.data(), kIndexFileMagic, 8) != 0)
        return fail("not a reader-cli search index (bad magic)");
    Reader r{data + 8, data + bytes.size()};
    uint32_t version = 0, count = 0;
    if (!r.u32(version)) return fail("truncated search index (header)");
    if (version != kIndexFileVersion)
        return fail("unsupported search index version " + std::to_string(version) + " (this reader-cli reads version " +
                    std::to_string(kIndexFileVersion) + "; rebuild it with reader-cli index)");
    if (!r.u32(count)) return fail("truncated search index (header)");
    // Each document takes at least 9 bytes: a count beyond that is a corrupt file.
    if (uint64_t(count) * 9 > uint64_t(r.end - r.p)) return fail("truncated or corrupt search index (document table)");
    out.docs.resize(count);
    for (uint32_t i = 0; i < count; ++i) {
        if (r.p >= r.end) return fail("truncated search index (document table)");
        uint8_t kind = *r.p++;
        if (kind > 1) return fail("corrupt search index (document kind)");
        out.docs[i].announcement = kind == 1;
        if (!r.str(out.docs[i].id) || !r.str(out.docs[i].title)) return fail("truncated search index (document table)");
    }
    uint64_t size = 0;
    if (!r.u64(size)) return fail("truncated search index (engine header)");
    if (size != uint64_t(r.end - r.p))
        return fail(size > uint64_t(r.end - r.p) ? "truncated search index (engine data)" : "corrupt search index (trailing bytes)");
    std::string err;
    auto index = reader::search::Index::deserialize(r.p, size_t(size), &err);
    if (!index) return fail(err);
    out.index = std::move(*index);
    return out;
}

int cmd_index(std::vector<std::string> args) {
    const std::optional<std::string> output = take_option(args, "-o");
    std::string unknown;
    if (args.size() != 1 || !output || has_unknown_option(args, &unknown)) {
        if (!unknown.empty()) std::fprintf(stderr, "reader-cli index: unknown option %s\n", unknown.c_str());
        std::fprintf(stderr, "usage: reader-cli index BUNDLE -o FILE\n");
        return 2;
    }
    reader::LoadResult r = load_bundle_file(args[0]);
    for (const auto& d : r.diagnostics.items) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    if (!r.bundle) return 1;
    const reader::Bundle& b = *r.bundle;
    reader::search::BundleSearch search(b, /*keep_text=*/true);
    std::string out(kIndexFileMagic, 8);
    put_u32(out, kIndexFileVersion);
    put_u32(out, uint32_t(b.articles.size() + b.announcements.size()));
    for (const auto& a : b.articles) {
        out.push_back(0);
        put_str(out, b.str(a.id));
        put_str(out, b.str(a.title));
    }
    for (size_t i = 0; i < b.announcements.size(); ++i) {
        out.push_back(1);
        put_str(out, "announcement-" + std::to_string(i + 1));
        put_str(out, b.str(b.announcements[i].title));
    }
    const std::vector<uint8_t> engine = search.index().serialize();
    put_u64(out, engine.size());
    out.append(reinterpret_cast<const char*>(engine.data()), engine.size());
    std::string error;
    if (!write_file(*output, out, &error)) {
        std::fprintf(stderr, "reader-cli index: %s\n", error.c_str());
        return 1;
    }
    const reader::search::IndexStats st = search.index().stats();
    std::fprintf(stderr, "%s: %u documents, %u units, %u terms -> %s (%zu bytes)\n", r.name.c_str(), st.documents, st.units,
                 st.folded_terms, output->c_str(), out.size());
    return r.diagnostics.has_errors() ? 1 : 0;
}

}  // namespace cli

// reader-cli search BUNDLE-or-INDEX "query" [--json] [--exact] [--limit N]
//
// Ranked results of a query, from a bundle (indexed on the fly) or from a file made by
// `reader-cli index`. Text output: a summary line, then per hit its rank, article id,
// field, score, title and the snippet with the matches in [brackets]. --json prints
// {"query", "total", "relaxed", "hits": [{"id", "title", "announcement", "field",
// "sub_id", "score", "snippet", "highlights": [[begin, end], ...]}]} (byte ranges into
// the snippet). --exact matches diacritics exactly. Exit 0 (also with no hits), 1 when
// the input cannot be read or is not a valid bundle or index, 2 on a usage error.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "search_index_file.h"
#include "search/bundle_search.h"

namespace cli {


namespace {

std::string marked(const std::string& snippet, const std::vector<reader::search::ByteRange>& ranges) {
    std::string out;
    size_t at = 0;
    for (const auto& r : ranges) {
        if (r.begin < at || r.end > snippet.size() || r.begin > r.end) continue;
        out.append(snippet, at, r.begin - at);
        out += '[';
        out.append(snippet, r.begin, r.end - r.begin);
        out += ']';
        at = r.end;
    }
    out.append(snippet, at, std::string::npos);
    for (char& c : out)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    return out;
}

}  // namespace

int cmd_search(std::vector<std::string> args) {
    const bool as_json = take_flag(args, "--json");
    const bool exact = take_flag(args, "--exact");
    const std::optional<std::string> limit_text = take_option(args, "--limit");
    std::string unknown;
    long limit = 10;
    bool bad_limit = false;
    if (limit_text) {
        char* end = nullptr;
        limit = std::strtol(limit_text->c_str(), &end, 10);
        bad_limit = limit_text->empty() || *end != 0 || limit < 1 || limit > 10000;
    }
    if (args.size() != 2 || bad_limit || has_unknown_option(args, &unknown)) {
        if (!unknown.empty()) std::fprintf(stderr, "reader-cli search: unknown option %s\n", unknown.c_str());
        if (bad_limit) std::fprintf(stderr, "reader-cli search: --limit wants a number from 1 to 10000\n");
        std::fprintf(stderr, "usage: reader-cli search BUNDLE-or-INDEX \"query\" [--json] [--exact] [--limit N]\n");
        return 2;
    }
    const std::string& path = args[0];
    reader::search::Query query;
    query.text = args[1];
    query.match_diacritics = exact;
    query.limit = uint32_t(limit);

    std::vector<IndexedDoc> docs;
    reader::search::Results results;
    std::string error;
    std::optional<std::string> bytes = read_file(path, &error);
    if (!bytes) {
        std::fprintf(stderr, "reader-cli search: %s\n", error.c_str());
        return 1;
    }
    if (looks_like_search_index(*bytes)) {
        std::optional<SearchIndexFile> file = read_search_index_file(*bytes, &error);
        if (!file) {
            std::fprintf(stderr, "%s: %s\n", path.c_str(), error.c_str());
            return 1;
        }
        bytes.reset();
        docs = std::move(file->docs);
        results = file->index.search(query);
    } else {
        bytes.reset();
        reader::LoadResult r = load_bundle_file(path);
        for (const auto& d : r.diagnostics.items) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (!r.bundle) {
            std::fprintf(stderr, "%s: neither a bundle nor a search index\n", path.c_str());
            return 1;
        }
        const reader::Bundle& b = *r.bundle;
        for (const auto& a : b.articles) docs.push_back({false, std::string(b.str(a.id)), std::string(b.str(a.title))});
        for (size_t i = 0; i < b.announcements.size(); ++i)
            docs.push_back({true, "announcement-" + std::to_string(i + 1), std::string(b.str(b.announcements[i].title))});
        reader::search::BundleSearch search(b);
        results = search.search(query);
    }

    auto doc_of = [&](uint32_t doc) -> IndexedDoc {
        if (doc < docs.size()) return docs[doc];
        return {false, "#" + std::to_string(doc), ""};  // a bare engine index has no ids
    };
    if (as_json) {
        nlohmann::ordered_json j;
        j["query"] = query.text;
        j["total"] = results.total;
        j["relaxed"] = results.relaxed;
        nlohmann::ordered_json hits = nlohmann::ordered_json::array();
        for (const auto& h : results.hits) {
            const IndexedDoc d = doc_of(h.doc);
            nlohmann::ordered_json o;
            o["id"] = d.id;
            o["title"] = d.title;
            o["announcement"] = d.announcement;
            o["field"] = reader::search::field_name(h.field);
            o["sub_id"] = h.sub_id;
            o["score"] = h.score;
            o["snippet"] = h.snippet;
            nlohmann::ordered_json hl = nlohmann::ordered_json::array();
            for (const auto& r : h.snippet_highlights) hl.push_back({r.begin, r.end});
            o["highlights"] = std::move(hl);
            hits.push_back(std::move(o));
        }
        j["hits"] = std::move(hits);
        std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
        return 0;
    }
    std::printf("%u result%s for \"%s\"%s\n", results.total, results.total == 1 ? "" : "s", query.text.c_str(),
                results.relaxed ? " (not every word matched)" : "");
    int rank = 0;
    for (const auto& h : results.hits) {
        const IndexedDoc d = doc_of(h.doc);
        std::printf("%d. %s  %s  %.3f  %s\n", ++rank, d.id.c_str(), reader::search::field_name(h.field), h.score, d.title.c_str());
        if (!h.snippet.empty()) std::printf("   %s\n", marked(h.snippet, h.snippet_highlights).c_str());
    }
    return 0;
}

}  // namespace cli

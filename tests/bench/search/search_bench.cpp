// Benchmark driver for the search engine (native or wasm under node).
//
//   search_bench ARTICLES QUERIES OUT.json [--runs N]
//
// ARTICLES is the corpus (articles.jsonl, or .jsonl.gz when built natively with
// zlib: -DBENCH_ZLIB). QUERIES has one query a line: "variant<TAB>source-id<TAB>text"
// (run.mjs writes it, from titles). The index is built from each article's title
// (Title), sapo (Lead) and body (Body), dated by corpus order; every query is run
// `runs` times with limit 10 (the median time per query is kept) and the top-10 ids
// of the last run are written to OUT.json with the timings, for run.mjs to score, and
// with `hits_hash` (fields, snippets and ranges of the hits): comparing two builds'
// outputs shows whether a change gives the same answers, not only the same order.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifdef BENCH_ZLIB
#include <zlib.h>
#endif
#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#endif

#include "search/search.h"

using Clock = std::chrono::steady_clock;

namespace {

// CPU time of this thread in ms: on a shared machine it is steadier than wall time.
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

bool read_file(const std::string& path, std::string& out) {
#ifdef BENCH_ZLIB
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0) {
        gzFile f = gzopen(path.c_str(), "rb");
        if (!f) return false;
        gzbuffer(f, 1 << 20);
        std::vector<char> buf(1 << 20);
        int n;
        while ((n = gzread(f, buf.data(), unsigned(buf.size()))) > 0) out.append(buf.data(), size_t(n));
        gzclose(f);
        return n == 0;
    }
#endif
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F)); }
    else { out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F)); }
}

// The string value of "key" in one JSON line (flat object, as in the corpus), or ""
// when absent or not a string.
std::string json_string(std::string_view line, std::string_view key) {
    std::string pat = "\"" + std::string(key) + "\":";
    size_t at = line.find(pat);
    if (at == std::string_view::npos) return {};
    size_t i = at + pat.size();
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size() || line[i] != '"') return {};
    ++i;
    std::string out;
    while (i < line.size() && line[i] != '"') {
        char c = line[i++];
        if (c != '\\') { out += c; continue; }
        if (i >= line.size()) break;
        char e = line[i++];
        switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
            if (i + 4 > line.size()) return out;
            uint32_t cp = uint32_t(std::strtoul(std::string(line.substr(i, 4)).c_str(), nullptr, 16));
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= line.size() && line[i] == '\\' && line[i + 1] == 'u') {
                uint32_t lo = uint32_t(std::strtoul(std::string(line.substr(i + 2, 4)).c_str(), nullptr, 16));
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            append_utf8(out, cp);
            break;
        }
        default: out += e;
        }
    }
    return out;
}

struct Article {
    std::string id, title, sapo, body;
    std::vector<std::string_view> paragraphs;   // --paragraphs: the body cut as the app's bundles are
};

// The body cut where tests/bench/model/make_bundle.mjs cuts it for the page (runs of
// two or more spaces, or line breaks), so that the index has one unit per paragraph
// as the app's does.
std::vector<std::string_view> cut_paragraphs(std::string_view body) {
    std::vector<std::string_view> out;
    size_t start = 0;
    auto flush = [&](size_t end) {
        std::string_view p = body.substr(start, end - start);
        while (!p.empty() && (p.front() == ' ' || p.front() == '\n')) p.remove_prefix(1);
        while (!p.empty() && (p.back() == ' ' || p.back() == '\n')) p.remove_suffix(1);
        if (!p.empty()) out.push_back(p);
    };
    for (size_t i = 0; i < body.size(); ++i) {
        const bool nl = body[i] == '\n';
        const bool spaces = body[i] == ' ' && i + 1 < body.size() && body[i + 1] == ' ';
        if (!nl && !spaces) continue;
        flush(i);
        while (i < body.size() && (body[i] == ' ' || body[i] == '\n')) ++i;
        start = i;
        --i;
    }
    flush(body.size());
    return out;
}

// FNV-1a over what a query answers beyond the documents' order: two engines that
// agree on it return the same fields, snippets and ranges.
uint64_t hash_hits(const reader::search::Results& res) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&](const void* p, size_t n) {
        for (size_t k = 0; k < n; ++k) h = (h ^ static_cast<const uint8_t*>(p)[k]) * 1099511628211ull;
    };
    for (const auto& hit : res.hits) {
        const uint32_t head[3] = {uint32_t(hit.field), hit.sub_id, uint32_t(hit.snippet.size())};
        mix(head, sizeof head);
        mix(hit.snippet.data(), hit.snippet.size());
        for (const auto& r : hit.snippet_highlights) mix(&r, sizeof r);
        for (const auto& r : hit.matches) mix(&r, sizeof r);
    }
    return h;
}

size_t heap_bytes() {
#ifdef __EMSCRIPTEN__
    return emscripten_get_heap_size();
#else
    // Resident set size from /proc (Linux).
    std::ifstream f("/proc/self/statm");
    size_t pages = 0, rss = 0;
    f >> pages >> rss;
    return rss * 4096;
#endif
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s ARTICLES QUERIES OUT.json [--runs N] [--no-snippets] [--paragraphs] [--limit N]\n", argv[0]);
        return 2;
    }
    int runs = 3;
    bool snippets = true;
    bool paragraphs = false;
    int limit = 10;            // hits asked (the page asks 50)   // index the body by paragraph, as the app does (one unit each)
    for (int i = 4; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        if (!std::strcmp(argv[i], "--no-snippets")) snippets = false;
        if (!std::strcmp(argv[i], "--paragraphs")) paragraphs = true;
        if (!std::strcmp(argv[i], "--limit") && i + 1 < argc) limit = std::max(1, std::atoi(argv[++i]));
    }
    std::string raw;
    if (!read_file(argv[1], raw)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    std::vector<Article> articles;
    size_t text_bytes = 0;
    for (size_t at = 0; at < raw.size();) {
        size_t nl = raw.find('\n', at);
        if (nl == std::string::npos) nl = raw.size();
        std::string_view line(raw.data() + at, nl - at);
        at = nl + 1;
        if (line.size() < 2) continue;
        Article a{json_string(line, "id"), json_string(line, "title"), json_string(line, "sapo"), json_string(line, "body")};
        text_bytes += a.title.size() + a.sapo.size() + a.body.size();
        articles.push_back(std::move(a));
    }
    std::string().swap(raw);
    std::fprintf(stderr, "%zu articles, %.1f MB of text\n", articles.size(), text_bytes / 1e6);

    size_t heap_before = heap_bytes();
    auto t0 = Clock::now();
    double c0 = cpu_ms();
    reader::search::IndexBuilder builder;
    for (size_t i = 0; i < articles.size(); ++i) {
        Article& a = articles[i];
        uint32_t doc = uint32_t(i);
        builder.add(doc, reader::search::Field::Title, 0, a.title, int64_t(i));
        if (!a.sapo.empty()) builder.add(doc, reader::search::Field::Lead, 0, a.sapo, int64_t(i));
        if (paragraphs) {
            articles[i].paragraphs = cut_paragraphs(a.body);
            for (uint32_t k = 0; k < a.paragraphs.size(); ++k) builder.add(doc, reader::search::Field::Body, k, a.paragraphs[k], int64_t(i));
        } else if (!a.body.empty()) {
            builder.add(doc, reader::search::Field::Body, 0, a.body, int64_t(i));
        }
    }
    reader::search::Index index = builder.build();
    double build_ms = ms_since(t0);
    double build_cpu_ms = cpu_ms() - c0;
    size_t heap_after = heap_bytes();
    reader::search::IndexStats st = index.stats();
    std::fprintf(stderr, "built in %.0f ms: %u variants, %u folded, %.1f MB postings, %.1f MB total\n", build_ms,
                 st.variants, st.folded_terms, st.postings_bytes / 1e6, st.memory_bytes / 1e6);
    index.set_text_source([&](uint32_t doc, reader::search::Field f, uint32_t sub) -> std::string_view {
        const Article& a = articles[doc];
        if (f == reader::search::Field::Body && paragraphs) return sub < a.paragraphs.size() ? a.paragraphs[sub] : std::string_view();
        return f == reader::search::Field::Title ? a.title : f == reader::search::Field::Lead ? a.sapo : a.body;
    });

    auto t1 = Clock::now();
    std::vector<uint8_t> bytes = index.serialize();
    double serialize_ms = ms_since(t1);
    t1 = Clock::now();
    auto loaded = reader::search::Index::deserialize(bytes.data(), bytes.size());
    double deserialize_ms = ms_since(t1);
    size_t serialized = bytes.size();
    std::vector<uint8_t>().swap(bytes);
    loaded.reset();

    std::string qraw;
    if (!read_file(argv[2], qraw)) {
        std::fprintf(stderr, "cannot read %s\n", argv[2]);
        return 1;
    }
    struct Q {
        std::string variant, source, text;
        double ms = 0, cpu = 0;
        std::vector<uint32_t> top;
        uint32_t total = 0;
        uint64_t hits_hash = 0;  // of the hits' fields, snippets and ranges: same answers, not only same order
    };
    std::vector<Q> queries;
    for (size_t at = 0; at < qraw.size();) {
        size_t nl = qraw.find('\n', at);
        if (nl == std::string::npos) nl = qraw.size();
        std::string line = qraw.substr(at, nl - at);
        at = nl + 1;
        size_t t1p = line.find('\t'), t2p = t1p == std::string::npos ? t1p : line.find('\t', t1p + 1);
        if (t2p == std::string::npos) continue;
        queries.push_back({line.substr(0, t1p), line.substr(t1p + 1, t2p - t1p - 1), line.substr(t2p + 1)});
    }
    std::vector<double> times(runs), cpus(runs);
    for (Q& q : queries) {
        reader::search::Query query;
        query.text = q.text;
        query.limit = uint32_t(limit);
        query.snippets = snippets;
        for (int r = 0; r < runs; ++r) {
            auto tq = Clock::now();
            double cq = cpu_ms();
            reader::search::Results res = index.search(query);
            times[r] = ms_since(tq);
            cpus[r] = cpu_ms() - cq;
            if (r == runs - 1) {
                q.total = res.total;
                for (const auto& h : res.hits) q.top.push_back(h.doc);
                q.hits_hash = hash_hits(res);
            }
        }
        std::sort(times.begin(), times.end());
        q.ms = times[runs / 2];
        std::sort(cpus.begin(), cpus.end());
        q.cpu = cpus[runs / 2];
    }

    FILE* out = std::fopen(argv[3], "w");
    if (!out) return 1;
    std::fprintf(out, "{\"engine\":\"reader\",\"articles\":%zu,\"text_bytes\":%zu,\"build_ms\":%.1f,\"build_cpu_ms\":%.1f,", articles.size(), text_bytes, build_ms, build_cpu_ms);
    std::fprintf(out, "\"index_bytes\":%zu,\"postings_bytes\":%zu,\"dictionary_bytes\":%zu,\"unit_bytes\":%zu,", st.memory_bytes,
                 st.postings_bytes, st.dictionary_bytes, st.unit_bytes);
    std::fprintf(out, "\"heap_growth_bytes\":%zu,\"variants\":%u,\"folded_terms\":%u,\"tokens\":%u,", heap_after - heap_before, st.variants,
                 st.folded_terms, st.tokens_indexed);
    std::fprintf(out, "\"serialized_bytes\":%zu,\"serialize_ms\":%.1f,\"deserialize_ms\":%.1f,\"snippets\":%s,\"queries\":[\n", serialized,
                 serialize_ms, deserialize_ms, snippets ? "true" : "false");
    for (size_t i = 0; i < queries.size(); ++i) {
        const Q& q = queries[i];
        std::fprintf(out, "{\"ms\":%.4f,\"cpu\":%.4f,\"total\":%u,\"top\":[", q.ms, q.cpu, q.total);
        for (size_t k = 0; k < q.top.size(); ++k) std::fprintf(out, "%s%u", k ? "," : "", q.top[k]);
        std::fprintf(out, "],\"hits_hash\":\"%016llx\"}%s\n", (unsigned long long)q.hits_hash, i + 1 < queries.size() ? "," : "");
    }
    std::fprintf(out, "]}\n");
    std::fclose(out);
    return 0;
}

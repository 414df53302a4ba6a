// md4c's pathological inputs through the Markdown builder: the model stays in
// proportion to the input (sizes, not times: the time is measured by
// tests/bench/model/pathological_bench.cpp). Doubling an input must not more than
// double what is built from it, and nothing grows past a small multiple of it.
#include <catch2/catch.hpp>

#include "model/html_export.h"
#include "model/markdown_builder.h"
#include "model_pathological_cases.h"

using namespace reader;

namespace {

struct Size {
    size_t input = 0, blocks = 0, runs = 0, spans = 0, text = 0, html = 0;
};

Size build(const std::string& md) {
    Bundle b;
    ModelWriter w(b);
    Article a;
    a.blocks = build_markdown(w, md).blocks;
    b.articles.push_back(a);
    std::string html;
    append_body_html(html, b, 0);
    return {md.size(), b.blocks.size(), b.runs.size(), b.spans.size(), b.text.size(), html.size()};
}

}  // namespace

TEST_CASE("pathological Markdown builds a model in proportion to its size", "[markdown][pathological]") {
    for (const auto& c : pathological::cases()) {
        INFO(c.name);
        const Size small = build(c.make(5000));
        const Size large = build(c.make(10000));
        INFO("input " << small.input << " -> " << large.input << "; blocks " << small.blocks << " -> " << large.blocks
                      << "; runs " << small.runs << " -> " << large.runs << "; html " << small.html << " -> " << large.html);
        // Everything built is bounded by a small multiple of the input...
        for (const Size& s : {small, large}) {
            CHECK(s.blocks <= s.input + 64);
            CHECK(s.runs <= s.input + 64);
            CHECK(s.spans <= s.input);
            CHECK(s.text <= 3 * s.input + 64);   // U+0000 (1 byte) becomes U+FFFD (3 bytes)
            CHECK(s.html <= 24 * s.input + 1024);
        }
        // ...and grows with it no faster than it does (a little slack for constants).
        const double input_growth = static_cast<double>(large.input) / static_cast<double>(small.input);
        auto grows_linearly = [&](size_t a, size_t b) { return static_cast<double>(b) <= input_growth * 1.1 * static_cast<double>(a) + 64; };
        CHECK(grows_linearly(small.blocks, large.blocks));
        CHECK(grows_linearly(small.runs, large.runs));
        CHECK(grows_linearly(small.text, large.text));
        CHECK(grows_linearly(small.html, large.html));
    }
}

TEST_CASE("pathological Markdown keeps its text: nesting is flattened, not lost", "[markdown][pathological]") {
    // 10,000 nested quotes: 32 levels are kept, the text survives.
    Bundle b;
    ModelWriter w(b);
    const MarkdownOutput out = build_markdown(w, pathological::repeat("> ", 10000) + "sâu");
    CHECK(out.blocks.size() <= 40);
    bool found = false;
    for (const Run& r : b.runs) found = found || b.str(r.text) == "sâu";
    CHECK(found);
}

// libFuzzer target: Markdown → model (md4c + the builder) → HTML export.
// The plain-prose fast path is compared with md4c on every input.
// Input: any bytes; invalid UTF-8 is made valid first (the loader guarantees valid
// UTF-8 to the builder), so the fuzzer spends its time on Markdown structure.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "model/markdown_builder.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    fuzz::default_flags(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string md(reinterpret_cast<const char*>(data), size);
    size_t bad = 0;
    while (!reader::text::validate_utf8(md, &bad)) md[bad] = '?';
    reader::Bundle b;
    reader::ModelWriter w(b);
    reader::Article a;
    reader::MarkdownLimits limits;
    limits.max_blocks = 20000;
    a.blocks = reader::build_markdown(w, md, limits).blocks;
    a.id = w.add_text("fuzz");
    a.title = w.add_text("fuzz");
    b.articles.push_back(a);
    fuzz::check_model(b);
    FUZZ_CHECK(reader::text::validate_utf8(b.text, &bad));
    fuzz::check_html(b);
    // The plain-prose fast path must build exactly what md4c would.
    reader::Bundle slow;
    reader::ModelWriter ws(slow);
    limits.plain_fast_path = false;
    const reader::Range slow_blocks = reader::build_markdown(ws, md, limits).blocks;
    FUZZ_CHECK(fuzz::model_text(b, a.blocks) == fuzz::model_text(slow, slow_blocks));
    return 0;
}

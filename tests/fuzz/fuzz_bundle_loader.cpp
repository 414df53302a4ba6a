// libFuzzer target: JSON bundle bytes → model → HTML, with manifest bodies attached.
// Properties: no crash, hang or sanitizer report on any bytes; the model is well
// formed (fuzz_support.h); diagnostics with a position point inside the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "model/bundle_loader.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    fuzz::default_flags(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    reader::LoadLimits limits;
    limits.max_comments = 5000;
    limits.max_articles = 2000;
    reader::LoadResult r = reader::load_bundle(bytes, "fuzz.json", limits);
    for (const auto& d : r.diagnostics.items) {
        FUZZ_CHECK(d.offset <= size);
        (void)d.to_string();
    }
    if (!r.bundle) return 0;
    if (!r.pending.empty()) {
        for (const auto& p : r.pending) reader::attach_markdown_body(r, p.article, "# Tiêu đề\n\n*nội dung* [a](#article=x)", p.url, limits);
        r.pending.clear();
        reader::finish_bundle(r);
    }
    fuzz::check_model(*r.bundle);
    fuzz::check_html(*r.bundle);
    return 0;
}

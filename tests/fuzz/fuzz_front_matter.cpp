// libFuzzer target: the front-matter reader, its writer (reader-cli convert) and a
// one-article Markdown bundle through the whole loader.
// Properties: no crash on any bytes; what write_front_matter writes reads back as
// an object with the same keys it was given.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "model/bundle_loader.h"
#include "model/front_matter.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    fuzz::default_flags(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes = "---\n";  // always a header: the interesting path
    bytes.append(reinterpret_cast<const char*>(data), size);
    reader::FrontMatter fm = reader::parse_front_matter(bytes);
    if (fm.header.is_object()) {
        std::vector<std::string> keys;
        for (const auto& [k, v] : fm.header.items()) {
            // Keys the writer can put on a line of their own.
            if (!k.empty() && k.find_first_of(":#\n\r\t -\"'[]{}|>") == std::string::npos) keys.push_back(k);
        }
        const std::string written = reader::write_front_matter(fm.header, keys);
        const reader::FrontMatter again = reader::parse_front_matter(written);
        FUZZ_CHECK(again.header.is_object());
    }
    reader::LoadLimits limits;
    limits.max_comments = 5000;
    reader::LoadResult r = reader::load_bundle(bytes, "fuzz.md", limits);
    if (r.bundle) {
        fuzz::check_model(*r.bundle);
        fuzz::check_html(*r.bundle);
    }
    return 0;
}

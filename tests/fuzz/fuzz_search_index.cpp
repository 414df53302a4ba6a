// libFuzzer target: loading a serialized search index (`reader-cli search INDEX`, a
// prebuilt index shipped with a bundle), then searching it and saving it again.
// The fuzzer's bytes are sealed with a correct header and checksum, so they reach the
// payload's validation instead of stopping at the checksum. The first byte chooses:
//   bit 0 clear: the rest is the payload as it is (flags from bit 2);
//   bit 0 set:   a valid index's payload with edits, 5 bytes each (u32 offset, new byte),
//                cut short at the first edit's offset when bit 1 is set.
// Properties: no crash, hang or out-of-bounds read on any bytes; a refused file has a
// message; an accepted index answers queries with hits inside [0, limit) and saves to
// bytes that load again and save the same.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "search/index_file.h"
#include "search/search.h"

namespace {

using reader::search::Field;
using reader::search::Index;

// A small valid index (texts kept): syllables with and without diacritics, a code
// and numbers, several units per document, so edits land in every part of the format.
const std::vector<uint8_t>& valid_file() {
    static const std::vector<uint8_t> bytes = [] {
        reader::search::IndexBuilder b(true);
        const char* titles[] = {"Hà Nội mùa thu", "Kết luận 21-KL/TW của Bộ Chính trị", "Giá vàng hôm nay",
                                "Thành phố Hồ Chí Minh", "Hoà bình và hòa hợp"};
        for (uint32_t d = 0; d < 5; ++d) {
            b.add(d + 1, Field::Title, 0, titles[d], 1700000000 + d);
            b.add(d + 1, Field::Body, 1, "Người dân Hà Nội đón thu, giá 2,5 tấn; đồng/tháng. Hà Nội, Hà Nội.", 0);
            b.add(d + 1, Field::Comment, 7, "Bài viết hay, cảm ơn tác giả!", 0);
        }
        return b.build().serialize();
    }();
    return bytes;
}

void exercise(const Index& index) {
    for (const char* text : {"ha noi", "Hà Nội", "\"ha noi\" thu", "21-KL/TW", "gi", "2,5 tấn", "x"}) {
        reader::search::Query q;
        q.text = text;
        q.limit = 3;
        const reader::search::Results r = index.search(q);
        FUZZ_CHECK(r.hits.size() <= q.limit);
        FUZZ_CHECK(r.hits.size() <= r.total);
        for (const auto& h : r.hits) {
            for (const auto& m : h.snippet_highlights) FUZZ_CHECK(m.begin <= m.end && m.end <= h.snippet.size());
        }
    }
    const std::vector<uint8_t> saved = index.serialize();
    std::string error;
    auto again = Index::deserialize(saved.data(), saved.size(), &error);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->serialize() == saved);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    fuzz::default_flags(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const uint8_t mode = data[0];
    std::vector<uint8_t> payload;
    uint32_t flags;
    if (!(mode & 1)) {
        payload.assign(data + 1, data + size);
        flags = (mode >> 2) & 1;
    } else {
        const std::vector<uint8_t>& valid = valid_file();
        std::memcpy(&flags, valid.data() + 12, 4);
        payload.assign(valid.begin() + reader::search::detail::kIndexHeaderSize, valid.end());
        for (size_t i = 1; i + 5 <= size && !payload.empty(); i += 5) {
            uint32_t offset;
            std::memcpy(&offset, data + i, 4);
            offset %= uint32_t(payload.size());
            if ((mode & 2) && i == 1) payload.resize(offset);
            else payload[offset] = data[i + 4];
        }
    }
    const std::vector<uint8_t> file = reader::search::detail::seal_index(flags, payload.data(), payload.size());
    std::string error;
    auto index = Index::deserialize(file.data(), file.size(), &error);
    if (!index) {
        FUZZ_CHECK(!error.empty());
        return 0;
    }
    exercise(*index);
    return 0;
}

// The envelope of a serialized search index (index_serialize.cpp): magic, version,
// flags, payload size and checksum in front of the payload. Apart so that tests and
// the fuzzer can seal payloads of their own and reach the payload's validation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace reader::search::detail {

inline constexpr char kIndexMagic[8] = {'R', 'D', 'R', 'S', 'R', 'C', 'H', 0};
inline constexpr uint32_t kIndexVersion = 1;
inline constexpr size_t kIndexHeaderSize = 8 + 4 + 4 + 8 + 8;

inline uint64_t index_checksum(const uint8_t* p, size_t n) {
    uint64_t h = 0xcbf29ce484222325ull ^ n;
    while (n >= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    while (n--) h = (h ^ *p++) * 0x100000001b3ull;
    return h;
}

// The whole file: header (little-endian, as the machines we run on) and payload.
inline std::vector<uint8_t> seal_index(uint32_t flags, const uint8_t* payload, size_t n) {
    std::vector<uint8_t> out(kIndexHeaderSize + n);
    const uint64_t size = n, sum = index_checksum(payload, n);
    std::memcpy(out.data(), kIndexMagic, 8);
    std::memcpy(out.data() + 8, &kIndexVersion, 4);
    std::memcpy(out.data() + 12, &flags, 4);
    std::memcpy(out.data() + 16, &size, 8);
    std::memcpy(out.data() + 24, &sum, 8);
    if (n) std::memcpy(out.data() + kIndexHeaderSize, payload, n);
    return out;
}

}  // namespace reader::search::detail

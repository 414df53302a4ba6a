// Converting posting lists between the serialized varint form and the in-memory
// blocks (postings_blocks.h).
#include "search/postings_blocks.h"

namespace reader::search::detail {

namespace {

uint32_t bit_width(uint32_t v) { return v == 0 ? 0 : 32 - uint32_t(__builtin_clz(v)); }

// Appends n values of w bits, little-endian bit order, padded to a byte.
void pack_bits(std::vector<uint8_t>& out, const uint32_t* values, uint32_t n, uint32_t w) {
    uint64_t acc = 0;
    uint32_t bits = 0;
    for (uint32_t i = 0; i < n; ++i) {
        acc |= uint64_t(values[i]) << bits;
        bits += w;
        while (bits >= 8) {
            out.push_back(uint8_t(acc));
            acc >>= 8;
            bits -= 8;
        }
    }
    if (bits > 0) out.push_back(uint8_t(acc));
}

// One entry of the serialized form: its unit, tf, and the bytes of its positions.
struct Entry {
    uint32_t unit, tf;
    const uint8_t* pos;
    uint32_t pos_bytes;
};

}  // namespace

void block_postings(Index::Impl& x) {
    const size_t nv = x.variant_df.size();
    const uint8_t* base = x.postings.data();
    std::vector<uint8_t> out;
    out.reserve(x.postings.size() + kBlockPadding);
    std::vector<uint32_t> post_off;
    post_off.reserve(nv + 1);
    post_off.push_back(0);
    x.skip_begin.assign(1, 0);
    x.skip_begin.reserve(nv + 1);
    x.skip_unit.clear();
    x.skip_off.clear();
    Entry entries[kSkipEvery];
    uint32_t deltas[kSkipEvery], tfs[kSkipEvery];
    for (size_t v = 0; v < nv; ++v) {
        const uint8_t* p = base + x.post_off[v];
        const uint8_t* end = base + x.post_off[v + 1];
        uint32_t unit = 0;
        bool first = true;
        while (p < end) {
            // Read up to one block of entries.
            uint32_t n = 0;
            const uint32_t before = unit;
            while (p < end && n < kSkipEvery) {
                Entry& e = entries[n++];
                unit = first ? get_varint(p) : unit + get_varint(p);
                first = false;
                e.unit = unit;
                e.tf = get_varint(p);
                if (e.tf == 1) {
                    e.pos = p;
                    while (*p++ & 0x80) {}
                } else {
                    const uint32_t nbytes = get_varint(p);
                    e.pos = p;
                    p += nbytes;
                }
                e.pos_bytes = uint32_t(p - e.pos);
            }
            uint32_t max_delta = 0, max_tf = 0;
            for (uint32_t i = 0; i < n; ++i) {
                deltas[i] = entries[i].unit - (i == 0 ? before : entries[i - 1].unit);
                tfs[i] = entries[i].tf - 1;
                max_delta = std::max(max_delta, deltas[i]);
                max_tf = std::max(max_tf, tfs[i]);
            }
            x.skip_unit.push_back(before);
            x.skip_off.push_back(uint32_t(out.size()));
            const uint32_t wd = bit_width(max_delta), wt = bit_width(max_tf);
            out.push_back(uint8_t(wd));
            out.push_back(uint8_t(wt));
            pack_bits(out, deltas, n, wd);
            pack_bits(out, tfs, n, wt);
            for (uint32_t i = 0; i < n; ++i) out.insert(out.end(), entries[i].pos, entries[i].pos + entries[i].pos_bytes);
        }
        post_off.push_back(uint32_t(out.size()));
        x.skip_begin.push_back(uint32_t(x.skip_unit.size()));
    }
    out.resize(out.size() + kBlockPadding, 0);
    out.shrink_to_fit();
    x.postings = std::move(out);
    x.post_off = std::move(post_off);
    x.skip_unit.shrink_to_fit();
    x.skip_off.shrink_to_fit();
}

std::vector<uint8_t> unblock_postings(const Index::Impl& x, std::vector<uint32_t>& post_off) {
    const size_t nv = x.variant_df.size();
    std::vector<uint8_t> out;
    out.reserve(x.postings.size());
    post_off.assign(1, 0);
    post_off.reserve(nv + 1);
    for (size_t v = 0; v < nv; ++v) {
        PostingCursor c(x, uint32_t(v));
        c.next();  // to the first entry
        uint32_t prev = 0;
        bool first = true;
        for (; c.valid; c.next()) {
            put_varint(out, first ? c.unit : c.unit - prev);
            first = false;
            prev = c.unit;
            put_varint(out, c.tf);
            const uint8_t* pos = x.postings.data() + c.ptr();
            const uint32_t nbytes = uint32_t(skip_varints(pos, c.tf) - pos);
            if (c.tf > 1) put_varint(out, nbytes);
            out.insert(out.end(), pos, pos + nbytes);
        }
        post_off.push_back(uint32_t(out.size()));
    }
    return out;
}

}  // namespace reader::search::detail

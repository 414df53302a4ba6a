// Serialized form of the search index: versioned, checksummed, fully validated on
// load (a corrupt or hostile file gives an error message, never a crash or a read out
// of bounds later, since the search code decodes postings unchecked).
//
// Layout (little-endian):
//   header   "RDRSRCH\0", u32 version, u32 flags (1: texts stored), u64 payload size,
//            u64 checksum of the payload
//   payload  u32 docs, units, folded terms, variants; u64 tokens;
//            u32 postings bytes, folded key bytes, variant key bytes, text bytes;
//            docs: u32 id[], i64 date[];  units: {u32 doc, u32 sub_id, u32 length, u8 field}[];
//            u32 folded_off[F+1], folded_var[F+1], folded keys;
//            u32 variant_off[V+1], post_off[V+1], variant_df[V], variant keys;
//            postings; when texts are stored: u32 text_off[U+1], texts.
#include <cstring>

#include "io/byte_stream.h"
#include "search/index_file.h"
#include "search/index_impl.h"
#include "search/postings_blocks.h"

namespace reader::search {

namespace {

using detail::index_checksum;
using detail::kIndexHeaderSize;
using detail::kIndexMagic;
using detail::kIndexVersion;

using Writer = io::ByteWriter;
using Reader = io::ByteReader;

bool offsets_ok(const std::vector<uint32_t>& off, uint64_t last) {
    if (off.empty() || off[0] != 0 || off.back() != last) return false;
    for (size_t i = 1; i < off.size(); ++i)
        if (off[i] < off[i - 1]) return false;
    return true;
}

}  // namespace

std::vector<uint8_t> Index::serialize() const {
    const Impl& x = *impl_;
    // Postings are saved in their varint form (postings_blocks.h).
    std::vector<uint32_t> post_off;
    const std::vector<uint8_t> postings = detail::unblock_postings(x, post_off);
    Writer w;
    w.put(uint32_t(x.doc_ids.size()));
    w.put(uint32_t(x.units.size()));
    w.put(uint32_t(x.folded_off.size() - 1));
    w.put(uint32_t(x.variant_df.size()));
    w.put(uint64_t(x.tokens));
    w.put(uint32_t(postings.size()));
    w.put(uint32_t(x.folded_keys.size()));
    w.put(uint32_t(x.variant_keys.size()));
    w.put(uint32_t(x.has_text ? x.texts.size() : 0));
    w.put_array(x.doc_ids);
    w.put_array(x.doc_dates);
    for (const detail::Unit& u : x.units) {
        w.put(u.doc);
        w.put(u.sub_id);
        w.put(u.length);
        w.put(uint8_t(u.field));
    }
    w.put_array(x.folded_off);
    w.put_array(x.folded_var);
    w.put_bytes(x.folded_keys.data(), x.folded_keys.size());
    w.put_array(x.variant_off);
    w.put_array(post_off);
    w.put_array(x.variant_df);
    w.put_bytes(x.variant_keys.data(), x.variant_keys.size());
    w.put_array(postings);
    if (x.has_text) {
        w.put_array(x.text_off);
        w.put_bytes(x.texts.data(), x.texts.size());
    }
    return detail::seal_index(x.has_text ? 1 : 0, w.out.data(), w.out.size());
}

std::optional<Index> Index::deserialize(const uint8_t* data, size_t size, std::string* error) {
    auto fail = [&](const char* msg) -> std::optional<Index> {
        if (error) *error = std::string("search index: ") + msg;
        return std::nullopt;
    };
    if (!data || size < kIndexHeaderSize) return fail("too short to be an index");
    if (std::memcmp(data, kIndexMagic, 8) != 0) return fail("not a search index (bad magic)");
    uint32_t version, flags;
    uint64_t payload_size, sum;
    std::memcpy(&version, data + 8, 4);
    std::memcpy(&flags, data + 12, 4);
    std::memcpy(&payload_size, data + 16, 8);
    std::memcpy(&sum, data + 24, 8);
    if (version != kIndexVersion) return fail("unsupported version (rebuild the index)");
    if (flags > 1) return fail("unknown flags");
    if (payload_size != size - kIndexHeaderSize) return fail("truncated or padded (size mismatch)");
    const uint8_t* payload = data + kIndexHeaderSize;
    if (index_checksum(payload, size_t(payload_size)) != sum) return fail("checksum mismatch (corrupt file)");

    Index index;
    Impl& x = *index.impl_;
    Reader r(payload, size_t(payload_size));
    uint32_t nd, nu, nf, nv, np, nfk, nvk, nt;
    uint64_t tokens;
    if (!r.get(nd) || !r.get(nu) || !r.get(nf) || !r.get(nv) || !r.get(tokens) || !r.get(np) || !r.get(nfk) ||
        !r.get(nvk) || !r.get(nt))
        return fail("truncated counts");
    x.tokens = tokens;
    if (!r.get_array(x.doc_ids, nd) || !r.get_array(x.doc_dates, nd)) return fail("truncated documents");
    if (uint64_t(nu) * 13 > payload_size) return fail("unit count too large");
    x.units.resize(nu);
    for (detail::Unit& u : x.units) {
        uint8_t field;
        if (!r.get(u.doc) || !r.get(u.sub_id) || !r.get(u.length) || !r.get(field)) return fail("truncated units");
        if (u.doc >= nd) return fail("unit refers to a missing document");
        if (field >= kFieldCount) return fail("unit has an unknown field");
        u.field = Field(field);
    }
    if (!r.get_array(x.folded_off, uint64_t(nf) + 1) || !r.get_array(x.folded_var, uint64_t(nf) + 1) ||
        !r.get_bytes(x.folded_keys, nfk))
        return fail("truncated dictionary");
    if (!offsets_ok(x.folded_off, nfk) || !offsets_ok(x.folded_var, nv)) return fail("bad dictionary offsets");
    for (uint32_t f = 1; f < nf; ++f)
        if (!(x.folded_key(f - 1) < x.folded_key(f))) return fail("dictionary not sorted");
    if (!r.get_array(x.variant_off, uint64_t(nv) + 1) || !r.get_array(x.post_off, uint64_t(nv) + 1) ||
        !r.get_array(x.variant_df, nv) || !r.get_bytes(x.variant_keys, nvk))
        return fail("truncated variants");
    if (!offsets_ok(x.variant_off, nvk) || !offsets_ok(x.post_off, np)) return fail("bad variant offsets");
    if (!r.get_bytes(x.postings, np)) return fail("truncated postings");
    if (flags & 1) {
        x.has_text = true;
        if (!r.get_array(x.text_off, uint64_t(nu) + 1) || !r.get_bytes(x.texts, nt)) return fail("truncated texts");
        if (!offsets_ok(x.text_off, nt)) return fail("bad text offsets");
    } else if (nt != 0) {
        return fail("text size without texts");
    }
    if (!r.done()) return fail("trailing bytes");

    // Every posting list must decode exactly, within bounds, in order.
    const uint8_t* base = x.postings.data();
    for (uint32_t v = 0; v < nv; ++v) {
        const uint8_t* p = base + x.post_off[v];
        const uint8_t* end = base + x.post_off[v + 1];
        uint32_t count = 0, unit = 0;
        while (p < end) {
            uint32_t delta, tf;
            if (!detail::get_varint_checked(p, end, delta) || !detail::get_varint_checked(p, end, tf))
                return fail("corrupt postings");
            if (count > 0 && delta == 0) return fail("postings out of order");
            if (count > 0 && uint64_t(unit) + delta > UINT32_MAX) return fail("postings overflow");
            unit = count == 0 ? delta : unit + delta;
            if (unit >= nu) return fail("posting refers to a missing unit");
            const uint32_t len = x.units[unit].length;
            if (tf == 0 || tf > len) return fail("bad term frequency");
            if (tf == 1) {
                uint32_t pos;
                if (!detail::get_varint_checked(p, end, pos) || pos >= len) return fail("bad position");
            } else {
                uint32_t nbytes;
                if (!detail::get_varint_checked(p, end, nbytes) || nbytes > uint32_t(end - p)) return fail("bad positions length");
                const uint8_t* pend = p + nbytes;
                uint64_t pos = 0;
                for (uint32_t k = 0; k < tf; ++k) {
                    uint32_t d;
                    if (!detail::get_varint_checked(p, pend, d)) return fail("bad positions");
                    if (k > 0 && d == 0) return fail("positions out of order");
                    pos = k == 0 ? d : pos + d;
                    if (pos >= len) return fail("position beyond its unit");
                }
                if (p != pend) return fail("positions length mismatch");
            }
            ++count;
        }
        if (count != x.variant_df[v]) return fail("document frequency mismatch");
    }
    x.derive();
    return index;
}

}  // namespace reader::search

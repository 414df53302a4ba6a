// NFC / NFD normalization (see normalize.h).
//
// The fast path scans for code points that are not NFC boundaries (combining marks,
// characters that NFC changes or that may combine with the previous one). Text
// between boundaries is copied verbatim; a segment from the last boundary before such
// a code point to the next boundary after it is decomposed, canonically ordered and
// recomposed.
#include "text/normalize.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "text/unicode_data.h"
#include "text/utf8.h"

namespace reader::text {

namespace {

// Full decomposition and canonical ordering of cps, appended to out.
void decompose_and_order(std::u32string_view cps, std::u32string& out) {
    size_t begin = out.size();
    for (char32_t cp : cps) {
        char32_t d[4];
        int n = decompose_full(cp, d);
        out.append(d, size_t(n));
    }
    // Canonical ordering: stable sort of each run of non-starters by combining class.
    size_t i = begin, n = out.size();
    while (i < n) {
        if (combining_class(out[i]) == 0) { ++i; continue; }
        size_t j = i;
        while (j < n && combining_class(out[j]) != 0) ++j;
        if (j - i > 1) {
            std::stable_sort(out.begin() + i, out.begin() + j, [](char32_t a, char32_t b) {
                return combining_class(a) < combining_class(b);
            });
        }
        i = j;
    }
}

// Canonical composition in place (on decomposed, ordered code points).
void compose(std::u32string& s) {
    size_t out = 0;
    size_t starter = SIZE_MAX;
    int last_cc = -1;  // class of the last code point kept after the starter; -1: none
    for (size_t i = 0; i < s.size(); ++i) {
        char32_t c = s[i];
        int cc = combining_class(c);
        if (starter != SIZE_MAX && (last_cc == -1 || last_cc < cc)) {
            if (char32_t comp = compose_pair(s[starter], c)) {
                s[starter] = comp;
                continue;
            }
        }
        if (cc == 0) {
            starter = out;
            last_cc = -1;
        } else {
            last_cc = cc;
        }
        s[out++] = c;
    }
    s.resize(out);
}

std::u32string decode(std::string_view s) {
    std::u32string cps;
    cps.reserve(s.size());
    for (size_t i = 0; i < s.size();) cps.push_back(next_codepoint(s, i));
    return cps;
}

void append_nfc_segment(std::string& out, std::string_view segment) {
    std::u32string cps = nfc_codepoints(decode(segment));
    for (char32_t cp : cps) append_utf8(out, cp);
}

// Finds the segment that has to be normalized around a non-boundary code point at
// `at`: it ends at the next boundary (or the end of s).
size_t next_boundary(std::string_view s, size_t at) {
    size_t i = at;
    while (i < s.size()) {
        size_t start = i;
        char32_t cp = next_codepoint(s, i);
        if (start > at && is_nfc_boundary(cp)) return start;
    }
    return s.size();
}

inline bool ascii8(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return (w & 0x8080808080808080ull) == 0;
}

// Walks s calling on_segment(last_boundary, end) for each region that needs the slow
// path; returns early when on_segment returns false. Everything outside such regions
// is already NFC.
template <typename OnSegment>
bool scan_segments(std::string_view s, OnSegment&& on_segment) {
    const char* p = s.data();
    size_t n = s.size(), i = 0, last_boundary = 0;
    while (i < n) {
        if (i + 8 <= n && ascii8(p + i)) {
            i += 8;
            last_boundary = i - 1;
            continue;
        }
        if (static_cast<unsigned char>(p[i]) < 0x80) {
            last_boundary = i++;
            continue;
        }
        size_t start = i;
        char32_t cp = next_codepoint(s, i);
        if (is_nfc_boundary(cp)) {
            last_boundary = start;
            continue;
        }
        size_t end = next_boundary(s, start);
        if (!on_segment(last_boundary, end)) return false;
        i = end;
        last_boundary = end;
    }
    return true;
}

}  // namespace

std::u32string nfc_codepoints(std::u32string_view cps) {
    std::u32string out;
    decompose_and_order(cps, out);
    compose(out);
    return out;
}

bool is_nfc(std::string_view s) {
    std::string tmp;
    return scan_segments(s, [&](size_t begin, size_t end) {
        tmp.clear();
        append_nfc_segment(tmp, s.substr(begin, end - begin));
        return tmp == s.substr(begin, end - begin);
    });
}

void append_nfc(std::string& out, std::string_view s) {
    size_t copied = 0;  // s[0, copied) has been written to out
    scan_segments(s, [&](size_t begin, size_t end) {
        // begin >= copied: segments never overlap, and begin is at or after the end of
        // the previous one.
        out.append(s.data() + copied, begin - copied);
        append_nfc_segment(out, s.substr(begin, end - begin));
        copied = end;
        return true;
    });
    out.append(s.data() + copied, s.size() - copied);
}

std::string to_nfc(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_nfc(out, s);
    return out;
}

std::string to_nfd(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 4);
    std::u32string buf;
    size_t i = 0, n = s.size();
    while (i < n) {
        // Nothing below U+00C0 decomposes or combines: copy such runs as bytes.
        size_t run = i;
        while (run < n && static_cast<unsigned char>(s[run]) < 0xC3) {
            unsigned char c = static_cast<unsigned char>(s[run]);
            if (c >= 0x80 && c < 0xC2) break;  // continuation or invalid lead: decode below
            if (c >= 0xC2) {                    // U+0080..U+00BF (lead C2) stays as is
                if (run + 1 >= n) break;
                run += 2;
                continue;
            }
            ++run;
        }
        out.append(s.data() + i, run - i);
        i = run;
        if (i >= n) break;
        // Decode up to the next starter that has no decomposition, then order.
        buf.clear();
        std::u32string segment;
        while (i < n) {
            size_t start = i;
            char32_t cp = next_codepoint(s, i);
            if (!segment.empty() && cp < 0xC0) { i = start; break; }
            segment.push_back(cp);
        }
        decompose_and_order(segment, buf);
        for (char32_t cp : buf) append_utf8(out, cp);
    }
    return out;
}

}  // namespace reader::text

// See json_prescan.h.
#include "model/json_prescan.h"

#include <algorithm>
#include <cstring>

namespace reader {

DepthScan scan_json_depth(std::string_view bytes, uint32_t limit) {
    DepthScan scan;
    uint32_t depth = 0;
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            // Skip the string: find the closing quote not preceded by an odd
            // number of backslashes. memchr keeps this fast on long article bodies.
            ++p;
            for (;;) {
                const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
                if (!q) return scan;  // unterminated: the parser reports it
                const char* b = q;
                while (b > p && b[-1] == '\\') --b;
                p = q + 1;
                if (((q - b) & 1) == 0) break;
            }
            continue;
        }
        if (c == '[' || c == '{') {
            ++depth;
            scan.max_depth = std::max(scan.max_depth, depth);
            if (depth > limit && scan.first_too_deep == UINT64_MAX) {
                scan.first_too_deep = static_cast<uint64_t>(p - bytes.data());
                return scan;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
        ++p;
    }
    return scan;
}

LineColumn line_column_at(std::string_view bytes, uint64_t offset) {
    LineColumn lc;
    const uint64_t n = std::min<uint64_t>(offset, bytes.size());
    uint64_t line_start = 0;
    for (uint64_t i = 0; i < n; ++i) {
        if (bytes[i] == '\n') {
            ++lc.line;
            line_start = i + 1;
        }
    }
    lc.column = static_cast<uint32_t>(n - line_start + 1);
    return lc;
}

}  // namespace reader

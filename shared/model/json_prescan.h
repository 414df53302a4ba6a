// A quick pass over JSON bytes before the real parser sees them.
//
// It finds the maximum nesting depth (so a 100,000-deep array is refused in
// microseconds, before any parser or destructor could recurse on it) and turns
// byte offsets into line/column for messages.
#pragma once

#include <cstdint>
#include <string_view>

namespace reader {

struct DepthScan {
    uint32_t max_depth = 0;
    uint64_t first_too_deep = UINT64_MAX;  // offset of the first bracket past the limit
};

DepthScan scan_json_depth(std::string_view bytes, uint32_t limit);

struct LineColumn {
    uint32_t line = 1;
    uint32_t column = 1;
};

// 1-based line and byte column of `offset` in `bytes`.
LineColumn line_column_at(std::string_view bytes, uint64_t offset);

}  // namespace reader

// The index file `reader-cli index` writes and `reader-cli search` reads: the
// engine's serialized index plus the articles' ids and titles (layout in cmd_index.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/bundle_search.h"

namespace cli {

struct IndexedDoc {
    bool announcement = false;
    std::string id, title;
};
struct SearchIndexFile {
    std::vector<IndexedDoc> docs;
    reader::search::Index index;
};

bool looks_like_search_index(std::string_view bytes);
// Every length is checked against the file size: a truncated or foreign file gives
// *error, never a crash.
std::optional<SearchIndexFile> read_search_index_file(std::string_view bytes, std::string* error);

}  // namespace cli

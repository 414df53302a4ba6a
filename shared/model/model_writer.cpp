// See model_writer.h.
#include "model/model_writer.h"

#include <limits>
#include <stdexcept>

#include "text/normalize.h"

namespace reader {

Str ModelWriter::add_text(std::string_view utf8) {
    if (utf8.empty()) return {};
    std::string& arena = b_.text;
    const size_t off = arena.size();
    if (text::is_nfc(utf8)) {
        arena.append(utf8);
    } else {
        text::append_nfc(arena, utf8);
    }
    const size_t len = arena.size() - off;
    // Offsets are 32-bit to keep the model compact; the loader's size limit keeps
    // bundles far below 4 GiB, so this only guards against a bug in that limit.
    if (arena.size() > std::numeric_limits<uint32_t>::max()) {
        throw std::length_error("bundle text exceeds 4 GiB");
    }
    return Str{static_cast<uint32_t>(off), static_cast<uint32_t>(len)};
}

}  // namespace reader

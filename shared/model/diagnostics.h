// Problems found while loading a bundle, reported to the page and to reader-cli.
//
// A diagnostic names where the problem is in the terms a bundle author knows:
// file, line and column for syntax; article (id or index) and field for the model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace reader {

enum class Severity : uint8_t { Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;       // the bundle's name as given by the caller
    uint32_t line = 0;      // 1-based; 0 when not about a position in the bytes
    uint32_t column = 0;    // 1-based, in bytes
    uint64_t offset = 0;    // byte offset into the file, when known
    std::string where;      // "article 'seed' (#0), field 'published'", or empty
    std::string message;    // one sentence, no trailing period

    // "file:line:col: error: where: message" (the form reader-cli validate prints)
    std::string to_string() const;
};

struct Diagnostics {
    std::vector<Diagnostic> items;
    bool has_errors() const;
    size_t count(Severity s) const;
};

}  // namespace reader

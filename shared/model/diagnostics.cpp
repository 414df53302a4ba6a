// Formatting of load diagnostics (see diagnostics.h).
#include "model/diagnostics.h"

namespace reader {

std::string Diagnostic::to_string() const {
    std::string s = file;
    if (line > 0) {
        s += ':' + std::to_string(line) + ':' + std::to_string(column);
    }
    if (!s.empty()) s += ": ";
    s += severity == Severity::Error ? "error: " : "warning: ";
    if (!where.empty()) {
        s += where;
        s += ": ";
    }
    s += message;
    return s;
}

bool Diagnostics::has_errors() const { return count(Severity::Error) > 0; }

size_t Diagnostics::count(Severity sev) const {
    size_t n = 0;
    for (const auto& d : items) n += d.severity == sev;
    return n;
}

}  // namespace reader

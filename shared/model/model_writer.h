// Appends to a Bundle under construction: the only way text enters the arena.
//
// Every string is checked for valid UTF-8 by the caller's parser and normalized to
// NFC here (ImGui draws precomposed glyphs only; NFD "hoà" would show loose marks).
// NFC leaves what was typed intact: it is a canonical equivalent, never a rewrite.
#pragma once

#include <string_view>

#include "model/document.h"

namespace reader {

class ModelWriter {
public:
    explicit ModelWriter(Bundle& bundle) : b_(bundle) {}

    Str add_text(std::string_view utf8);   // appended in NFC
    // For text the caller knows is NFC already (the JSON reader's strings, parts of
    // them): appended as it is.
    Str add_nfc_text(std::string_view utf8_nfc);
    Bundle& bundle() { return b_; }

private:
    Bundle& b_;
};

}  // namespace reader

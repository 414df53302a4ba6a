// A fast JSON reader for bundle bytes: one value at a time, with no recursion.
//
// The bundle loader walks the top-level object itself and asks this reader for one
// value at a time: an article (parsed into a small nlohmann::json DOM that
// article_reader.cpp turns into the model and then drops) or a member it does not
// know (skipped without building anything). Why not nlohmann's own parser: it reads
// a byte at a time through an input adapter and appends strings a character at a
// time, about 100-150 MB/s; this one scans strings eight bytes at a time, checks
// UTF-8 as it goes (so the bytes are read once) and copies each string once.
//
// Every string it returns is in NFC: it notes, while it checks UTF-8, whether a
// string holds any character that could change under NFC (almost never in news
// text) and only then normalizes it, so the model can take the strings as they are.
//
// Errors stop the reader and name the byte offset: syntax (with what was expected),
// invalid UTF-8, nesting deeper than the limit (refused at the first bracket past
// it, so a 100,000-deep array costs microseconds and never the stack).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace reader {

class JsonReader {
public:
    enum class Error : uint8_t { None, Syntax, Utf8, Depth };

    JsonReader(std::string_view bytes, uint32_t max_depth) : begin_(bytes.data()), p_(bytes.data()),
        end_(bytes.data() + bytes.size()), max_depth_(max_depth) {}

    // Skips white space; the next byte, or 0 at the end (check at_end()).
    char peek();
    bool at_end() { return peek() == 0 && p_ >= end_; }
    // Consumes `c` (after white space) or fails with "expected ...".
    bool expect(char c, const char* what);
    // Consumes `c` if it is next (after white space).
    bool accept(char c);

    // A string at the cursor (after white space), decoded into `out`.
    bool read_string(std::string& out);
    // A whole value into `out`; `depth` is the nesting the value starts at (its
    // containers count from depth + 1 against the limit).
    bool parse_value(nlohmann::json& out, uint32_t depth);
    // A whole value, checked but not kept.
    bool skip_value(uint32_t depth);

    uint64_t offset() const { return static_cast<uint64_t>(p_ - begin_); }
    bool failed() const { return error_ != Error::None; }
    Error error() const { return error_; }
    uint64_t error_offset() const { return error_offset_; }
    const std::string& error_message() const { return error_message_; }

    // Records a syntax error at the cursor: "unexpected 'x'; expected <what>".
    bool fail_expected(const char* what);

private:
    bool fail(Error e, const char* at, std::string message);
    bool scan_string(std::string* out);   // at the opening quote; nullptr: skip
    bool scan_number(nlohmann::json* out);
    bool scan_literal(nlohmann::json* out);
    bool utf8_sequence();                  // at a byte >= 0x80 inside a string
    bool unicode_escape(std::string* out); // after "\u"

    const char* begin_;
    const char* p_;
    const char* end_;
    uint32_t max_depth_;
    Error error_ = Error::None;
    uint64_t error_offset_ = 0;
    std::string error_message_;
};

}  // namespace reader

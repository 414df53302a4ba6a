// See front_matter.h.
#include "model/front_matter.h"

#include <cctype>

namespace reader {
namespace {

using json = nlohmann::json;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

size_t indent_of(std::string_view line) {
    size_t n = 0;
    while (n < line.size() && line[n] == ' ') ++n;
    return n;
}

// A plain or quoted scalar. Plain scalars stay strings (dates and ids must keep
// their exact text), except for integers, booleans and null.
json scalar(std::string_view raw, uint32_t line, std::vector<FrontMatterProblem>& problems) {
    std::string_view s = trim(raw);
    if (s.empty() || s == "~" || s == "null") return nullptr;
    if (s.front() == '"') {
        if (s.size() < 2 || s.back() != '"') {
            problems.push_back({line, "unterminated double-quoted string"});
            return std::string(s.substr(1));
        }
        // JSON's escapes are a superset of what such headers use in "..." strings.
        try {
            return json::parse(s);
        } catch (const json::exception&) {
            problems.push_back({line, "bad escape in double-quoted string"});
            return std::string(s.substr(1, s.size() - 2));
        }
    }
    if (s.front() == '\'') {
        if (s.size() < 2 || s.back() != '\'') {
            problems.push_back({line, "unterminated single-quoted string"});
            return std::string(s.substr(1));
        }
        std::string out;
        for (size_t i = 1; i + 1 < s.size(); ++i) {
            out += s[i];
            if (s[i] == '\'' && i + 2 < s.size() && s[i + 1] == '\'') ++i;  // '' is a quote
        }
        return out;
    }
    // A comment after a plain scalar: " #..."
    const size_t hash = s.find(" #");
    if (hash != std::string_view::npos) s = trim(s.substr(0, hash));
    if (s == "true") return true;
    if (s == "false") return false;
    bool digits = !s.empty() && s.size() < 16;
    for (size_t i = 0; i < s.size() && digits; ++i) digits = std::isdigit(static_cast<unsigned char>(s[i])) || (i == 0 && s[i] == '-' && s.size() > 1);
    if (digits) return std::stoll(std::string(s));
    return std::string(s);
}

json flow_list(std::string_view s, uint32_t line, std::vector<FrontMatterProblem>& problems) {
    json out = json::array();
    s = trim(s);
    if (s.size() < 2 || s.back() != ']') {
        problems.push_back({line, "a list that opens with [ must close with ] on the same line"});
        return out;
    }
    s = s.substr(1, s.size() - 2);
    std::string item;
    char quote = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        const char c = i < s.size() ? s[i] : ',';
        if (quote) {
            item += c;
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
            item += c;
        } else if (c == ',') {
            if (!trim(item).empty()) out.push_back(scalar(item, line, problems));
            item.clear();
        } else {
            item += c;
        }
    }
    return out;
}

// A value after "key: ": flow collections ([...] and {...}) are read as JSON first
// (YAML's flow style is a superset of JSON, and reader-cli convert writes nested
// values such as comment trees that way), then as a simple list of plain scalars.
json value(std::string_view raw, uint32_t line, std::vector<FrontMatterProblem>& problems) {
    const std::string_view s = trim(raw);
    if (!s.empty() && (s.front() == '[' || s.front() == '{')) {
        json parsed = json::parse(s, nullptr, false);
        if (!parsed.is_discarded()) return parsed;
        if (s.front() == '[') return flow_list(s, line, problems);
        problems.push_back({line, "a mapping written with { } must be valid JSON on one line"});
        return nullptr;
    }
    return scalar(s, line, problems);
}

}  // namespace

FrontMatter parse_front_matter(std::string_view bytes) {
    FrontMatter fm;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    // Split into lines, find the closing "---".
    std::vector<std::string_view> lines;
    size_t pos = 0;
    size_t body_at = std::string_view::npos;
    uint32_t n = 0;
    while (pos < bytes.size()) {
        size_t nl = bytes.find('\n', pos);
        const size_t end = nl == std::string_view::npos ? bytes.size() : nl;
        std::string_view line = bytes.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
        ++n;
        if (n == 1) {
            if (line != "---") return fm;
            continue;
        }
        if (line == "---" || line == "...") {
            body_at = pos;
            break;
        }
        lines.push_back(line);
    }
    if (body_at == std::string_view::npos) {
        fm.problems.push_back({1, "the front matter that opens with --- on line 1 is never closed with ---"});
        return fm;
    }
    fm.body = bytes.substr(body_at);
    fm.header = json::object();

    std::string parent;  // key of an open nested mapping or block list
    json* open_list = nullptr;
    for (size_t i = 0; i < lines.size(); ++i) {
        const uint32_t line_no = static_cast<uint32_t>(i + 2);
        std::string_view line = lines[i];
        if (trim(line).empty() || trim(line).front() == '#') continue;
        const size_t ind = indent_of(line);
        std::string_view content = line.substr(ind);
        if (line.find('\t') < ind + 1 && line.find('\t') != std::string_view::npos) {
            fm.problems.push_back({line_no, "tabs are not allowed for indentation"});
            continue;
        }
        if (content.substr(0, 2) == "- " || content == "-") {
            if (!open_list) {
                fm.problems.push_back({line_no, "a list item '- ...' must follow a key such as 'tags:'"});
                continue;
            }
            std::string_view item = trim(content.substr(1));
            const size_t colon = item.find(": ");
            if (colon != std::string_view::npos && item.front() != '"' && item.front() != '\'') {
                // "- id: x" starts an object item (related links); following
                // deeper-indented "key: value" lines belong to it.
                json obj = json::object();
                obj[std::string(trim(item.substr(0, colon)))] = value(item.substr(colon + 2), line_no, fm.problems);
                while (i + 1 < lines.size() && indent_of(lines[i + 1]) > ind && trim(lines[i + 1]).substr(0, 1) != "-") {
                    ++i;
                    std::string_view kv = trim(lines[i]);
                    const size_t c2 = kv.find(':');
                    if (c2 == std::string_view::npos) {
                        fm.problems.push_back({static_cast<uint32_t>(i + 2), "expected 'key: value'"});
                        continue;
                    }
                    obj[std::string(trim(kv.substr(0, c2)))] = value(kv.substr(c2 + 1), static_cast<uint32_t>(i + 2), fm.problems);
                }
                open_list->push_back(std::move(obj));
            } else {
                open_list->push_back(value(item, line_no, fm.problems));
            }
            continue;
        }
        const size_t colon = content.find(':');
        if (colon == std::string_view::npos || (colon + 1 < content.size() && content[colon + 1] != ' ')) {
            fm.problems.push_back({line_no, "expected 'key: value', found '" + std::string(content.substr(0, 40)) + "'"});
            continue;
        }
        const std::string key(trim(content.substr(0, colon)));
        std::string_view value = trim(content.substr(colon + 1));
        json* target = &fm.header;
        if (ind > 0) {
            if (parent.empty() || !fm.header[parent].is_object()) {
                fm.problems.push_back({line_no, "unexpected indentation"});
                continue;
            }
            target = &fm.header[parent];
        } else {
            parent.clear();
            open_list = nullptr;
        }
        if (value.empty()) {
            if (ind > 0) {
                fm.problems.push_back({line_no, "only one level of nesting is supported"});
                continue;
            }
            // A nested mapping or a block list follows; which one is decided by the next line.
            const bool list_follows = i + 1 < lines.size() && trim(lines[i + 1]).substr(0, 1) == "-";
            (*target)[key] = list_follows ? json::array() : json::object();
            parent = key;
            open_list = list_follows ? &(*target)[key] : nullptr;
            continue;
        }
        if (value.front() == '[' || value.front() == '{') (*target)[key] = reader::value(value, line_no, fm.problems);
        else if (value == "|" || value == ">") {
            // Block scalars: the following deeper-indented lines, joined.
            std::string text;
            while (i + 1 < lines.size() && (indent_of(lines[i + 1]) > ind || trim(lines[i + 1]).empty())) {
                ++i;
                if (!text.empty()) text += value == "|" ? "\n" : " ";
                text += std::string(trim(lines[i]));
            }
            (*target)[key] = text;
        } else {
            (*target)[key] = reader::value(value, line_no, fm.problems);
        }
    }
    return fm;
}

namespace {

bool needs_quotes(const std::string& s) {
    if (s.empty()) return true;
    // Words other YAML readers take for booleans or null.
    static const char* const kWords[] = {"true", "false", "null", "~", "yes", "no", "on", "off", "y", "n",
                                         "True", "False", "Null", "Yes", "No", "On", "Off", "TRUE", "FALSE", "NULL"};
    for (const char* w : kWords) {
        if (s == w) return true;
    }
    // Indicator characters that start something else than a plain scalar in YAML.
    if (std::string_view("\"'[]{}-#|>!&*?%@`,:").find(s.front()) != std::string_view::npos) return true;
    if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') return true;
    for (char c : s) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
    }
    if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return true;
    // Numbers (other readers would turn them into numbers).
    bool numeric = true;
    for (char c : s) numeric = numeric && (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E');
    return numeric;
}

// JSON text of a value; bytes that are not UTF-8 (a file not yet validated) become U+FFFD.
std::string dump_json(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string yaml_scalar(const json& v) {
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        return needs_quotes(s) ? dump_json(json(s)) : s;
    }
    return dump_json(v);  // numbers, booleans, null; nested collections as one-line JSON
}

bool is_scalar(const json& v) { return !v.is_object() && !v.is_array(); }

bool all_scalars(const json& v) {
    for (const auto& item : v) {
        if (!is_scalar(item)) return false;
    }
    return true;
}

bool flat_objects(const json& v) {
    for (const auto& item : v) {
        if (!item.is_object() || item.empty()) return false;
        for (const auto& [k, x] : item.items()) {
            if (!is_scalar(x) || k.empty() || needs_quotes(k)) return false;
        }
    }
    return true;
}

}  // namespace

std::string write_front_matter(const json& article, const std::vector<std::string>& key_order) {
    std::string out = "---\n";
    for (const auto& key : key_order) {
        auto it = article.find(key);
        if (it == article.end() || it->is_null()) continue;
        if (it->is_object() && !it->empty() && flat_objects(json::array({*it}))) {
            out += key + ":\n";
            for (auto& [k, v] : it->items()) out += "  " + k + ": " + yaml_scalar(v) + "\n";
        } else if (it->is_array() && !it->empty() && all_scalars(*it)) {
            out += key + ":\n";
            for (const auto& item : *it) out += "  - " + yaml_scalar(item) + "\n";
        } else if (it->is_array() && !it->empty() && flat_objects(*it)) {
            out += key + ":\n";
            for (const auto& item : *it) {
                bool first = true;
                for (auto& [k, v] : item.items()) {
                    out += (first ? "  - " : "    ") + k + ": " + yaml_scalar(v) + "\n";
                    first = false;
                }
            }
        } else if (it->is_object() || it->is_array()) {
            // Deeper values (comment trees) and empty ones: one line of JSON.
            out += key + ": " + dump_json(*it) + "\n";
        } else {
            out += key + ": " + yaml_scalar(*it) + "\n";
        }
    }
    out += "---\n";
    return out;
}

}  // namespace reader

// Picking the interface language from BCP 47 tags (see lang.h).
#include "i18n/lang.h"

namespace reader::i18n {
namespace {

// The primary language subtag: everything before the first '-' or '_' (Java and
// POSIX locales write "vi_VN"); an empty view when there is none.
std::string_view primary_subtag(std::string_view tag) {
    size_t end = 0;
    while (end < tag.size() && tag[end] != '-' && tag[end] != '_') ++end;
    return tag.substr(0, end);
}

bool equals_ascii_lowercase(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

// Surrounding blanks are tolerated because tags often come from hand-written
// bundle fields and Accept-Language style lists.
std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

enum class Support { Vietnamese, English, None };

Support supported(std::string_view tag) {
    std::string_view primary = primary_subtag(trim_blanks(tag));
    if (equals_ascii_lowercase(primary, "vi")) return Support::Vietnamese;
    if (equals_ascii_lowercase(primary, "en")) return Support::English;
    return Support::None;
}

}  // namespace

Lang lang_from_bcp47(std::string_view tag) {
    return supported(tag) == Support::Vietnamese ? Lang::Vi : Lang::En;
}

Lang lang_from_preferences(std::span<const std::string_view> tags) {
    for (std::string_view tag : tags) {
        switch (supported(tag)) {
            case Support::Vietnamese: return Lang::Vi;
            case Support::English: return Lang::En;
            case Support::None: break;
        }
    }
    return Lang::En;
}

Lang lang_from_preferences(std::initializer_list<std::string_view> tags) {
    return lang_from_preferences(std::span<const std::string_view>(tags.begin(), tags.size()));
}

std::string_view bcp47(Lang lang) { return lang == Lang::Vi ? "vi" : "en"; }

}  // namespace reader::i18n

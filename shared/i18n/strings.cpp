// The language tables behind tr() (the strings themselves are listed in strings.h).
#include "i18n/strings.h"

#include "i18n/number_format.h"

namespace reader::i18n {
namespace {

struct Entry {
    std::string_view name;
    std::string_view vi;
    std::string_view en_one;    // same as en_other for strings without a count
    std::string_view en_other;
    bool counted;
};

constexpr Entry kEntries[] = {
#define READER_I18N_ENTRY_S(id, vi, en) {#id, vi, en, en, false},
#define READER_I18N_ENTRY_P(id, vi, en_one, en_other) {#id, vi, en_one, en_other, true},
    READER_I18N_STRINGS(READER_I18N_ENTRY_S, READER_I18N_ENTRY_P)
#undef READER_I18N_ENTRY_S
#undef READER_I18N_ENTRY_P
};

static_assert(sizeof(kEntries) / sizeof(kEntries[0]) == kStringCount,
              "every StringId has exactly one table entry");

const Entry* entry(StringId id) {
    size_t i = static_cast<size_t>(id);
    return i < kStringCount ? &kEntries[i] : nullptr;
}

}  // namespace

std::string_view tr(Lang lang, StringId id) {
    const Entry* e = entry(id);
    if (!e) return {};
    return lang == Lang::Vi ? e->vi : e->en_other;
}

std::string tr_count(Lang lang, StringId id, int64_t n) {
    const Entry* e = entry(id);
    if (!e) return {};
    // English: singular for exactly one; "0 comments", "2 comments", "-1 comments".
    std::string_view pattern = lang == Lang::Vi ? e->vi : (n == 1 ? e->en_one : e->en_other);
    std::string number = format_number(lang, n);
    return fill(pattern, {{"n", number}});
}

bool is_counted(StringId id) {
    const Entry* e = entry(id);
    return e && e->counted;
}

std::string_view string_id_name(StringId id) {
    const Entry* e = entry(id);
    return e ? e->name : std::string_view{};
}

std::string fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string_view>> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    size_t i = 0;
    while (i < pattern.size()) {
        char c = pattern[i];
        if (c == '{') {
            size_t close = pattern.find('}', i + 1);
            if (close != std::string_view::npos) {
                std::string_view key = pattern.substr(i + 1, close - i - 1);
                const std::pair<std::string_view, std::string_view>* match = nullptr;
                for (const auto& arg : args) {
                    if (arg.first == key) { match = &arg; break; }
                }
                if (match) {
                    out.append(match->second);
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push_back(c);
        ++i;
    }
    return out;
}

std::string trf(Lang lang, StringId id,
                std::initializer_list<std::pair<std::string_view, std::string_view>> args) {
    return fill(tr(lang, id), args);
}

}  // namespace reader::i18n

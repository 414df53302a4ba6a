// The interface languages and how one is chosen from a browser or bundle language tag.
//
// The reader speaks Vietnamese and English. A BCP 47 tag whose primary language
// subtag is "vi" (any case, any region or script after it: "vi", "vi-VN", "VI_vn")
// picks Vietnamese; everything else, including an empty or malformed tag, picks
// English, the language a non-Vietnamese reader is most likely to understand.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

namespace reader::i18n {

enum class Lang : uint8_t { Vi, En };

inline constexpr Lang kAllLangs[] = {Lang::Vi, Lang::En};

// "vi-VN" -> Vi; "en-US", "fr", "" -> En.
Lang lang_from_bcp47(std::string_view tag);

// The first tag of a preference list (navigator.languages order) that the reader
// supports, so ["fr-FR", "vi"] picks Vietnamese; English when none is supported.
Lang lang_from_preferences(std::span<const std::string_view> tags);
Lang lang_from_preferences(std::initializer_list<std::string_view> tags);

// "vi" or "en": for <html lang>, the accessible mirror and storage.
std::string_view bcp47(Lang lang);

}  // namespace reader::i18n

// The front-matter header of a one-article Markdown file, read into the same JSON
// shape as an article of a JSON bundle.
//
//   ---
//   id: thanhuy-21-kl-tw
//   title: "Tiếp tục lãnh đạo, chỉ đạo ..."
//   published: 2022-12-07T08:00:00+07:00
//   tags: [Đảng, Thủ Đức]
//   image:
//     src: images/hoi-nghi.jpg
//     caption: Đồng chí ...
//   authors:
//     - Đình Quân
//   ---
//   Body in Markdown...
//
// The header is the YAML subset that such headers use: `key: value` pairs, quoted
// or plain scalars, flow lists `[a, b]`, block lists `- item`, and one level of
// nested mapping (image, category). Anything else is reported with its line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace reader {

struct FrontMatterProblem {
    uint32_t line = 0;
    std::string message;
};

struct FrontMatter {
    nlohmann::json header;             // an object, or null when there is no header
    std::string_view body;             // the Markdown after the closing ---
    std::vector<FrontMatterProblem> problems;
};

FrontMatter parse_front_matter(std::string_view bytes);

// The reverse, for reader-cli convert: a header from an article object (strings,
// numbers, lists of strings, one level of objects), keys in the given order.
std::string write_front_matter(const nlohmann::json& article, const std::vector<std::string>& key_order);

}  // namespace reader

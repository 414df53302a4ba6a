// Helpers shared by the comment tests: reading the TSV fixtures in tests/data/comments
// and turning a flat comment list into the model's tree the way the loader does.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "comments/display.h"
#include "comments/threading.h"
#include "model/document.h"
#include "time/datetime.h"

namespace comments_test {

// One fixture line; the strings own the text the CommentInput views point into.
struct FixtureComment {
    std::string id, parent, published, author;
    int64_t published_unix = 0;
    int32_t likes = -1;
    bool deleted = false, edited = false;
};

inline std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (;;) {
        size_t tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return fields;
}

// Empty when the file cannot be read (the caller REQUIREs a non-empty list).
inline std::vector<FixtureComment> read_fixture(const std::string& name) {
    std::ifstream in(std::string(READER_TEST_DATA) + "/comments/" + name);
    std::vector<FixtureComment> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f = split_tabs(line);
        f.resize(6);
        FixtureComment c;
        c.id = f[0];
        c.parent = f[1];
        c.published = f[2];
        auto parsed = reader::datetime::parse_iso8601(c.published);
        c.published_unix = parsed.ok() ? parsed.value.unix_seconds : 0;  // as the model stores bad times
        c.likes = f[3].empty() ? -1 : std::stoi(f[3]);
        c.deleted = f[4].find('d') != std::string::npos;
        c.edited = f[4].find('e') != std::string::npos;
        c.author = f[5];
        out.push_back(std::move(c));
    }
    return out;
}

inline std::vector<reader::comments::CommentInput> inputs_of(const std::vector<FixtureComment>& fixture) {
    std::vector<reader::comments::CommentInput> out;
    for (const FixtureComment& c : fixture) {
        out.push_back({c.id, c.parent, c.published_unix, c.likes, c.deleted, c.edited});
    }
    return out;
}

// The model side of one article's comments, filled as the loader does.
struct Model {
    std::vector<reader::Comment> comments;
    std::vector<uint32_t> children;
    reader::Range top_level;
    reader::comments::ThreadStructure thread;

    reader::comments::ThreadsView view() const { return {comments, children, top_level}; }
};

// `first_comment` leading placeholder comments imitate earlier articles in the bundle.
inline Model build_model(const std::vector<reader::comments::CommentInput>& inputs,
                         const reader::comments::ThreadOptions& options = {}, uint32_t first_comment = 0) {
    Model m;
    m.comments.resize(first_comment);
    m.children.resize(first_comment / 2, 0);  // other articles' lists before ours
    for (const auto& in : inputs) {
        reader::Comment c;
        c.published_unix = in.published_unix;
        c.likes = in.likes;
        c.deleted = in.deleted;
        c.edited = in.edited;
        m.comments.push_back(c);
    }
    m.thread = reader::comments::build_threads(inputs, options);
    reader::comments::store_threads(m.thread, first_comment, m.comments, m.children, m.top_level);
    return m;
}

}  // namespace comments_test

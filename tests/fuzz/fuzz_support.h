// Checks shared by the fuzz targets: the model a loader or builder produced is
// well formed (every index in range, every subtree inside its parent), and its HTML
// export carries no link the policy refuses. A violation aborts, which libFuzzer
// reports as a crash with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/html_export.h"
#include "model/link_policy.h"

namespace fuzz {

#define FUZZ_CHECK(cond)                                                            \
    do {                                                                            \
        if (!(cond)) {                                                              \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                           \
        }                                                                           \
    } while (0)

inline bool in_text(const reader::Bundle& b, reader::Str s) {
    return static_cast<uint64_t>(s.off) + s.len <= b.text.size();
}

inline void check_blocks(const reader::Bundle& b, reader::Range range) {
    FUZZ_CHECK(range.begin <= range.end && range.end <= b.blocks.size());
    for (uint32_t i = range.begin; i < range.end; ++i) {
        const reader::Block& blk = b.blocks[i];
        FUZZ_CHECK(blk.subtree_end > i && blk.subtree_end <= range.end);
        FUZZ_CHECK(blk.runs.begin <= blk.runs.end && blk.runs.end <= b.runs.size());
        FUZZ_CHECK(in_text(b, blk.code) && in_text(b, blk.info));
    }
}

inline void check_model(const reader::Bundle& b) {
    for (const auto& r : b.runs) {
        FUZZ_CHECK(in_text(b, r.text));
        FUZZ_CHECK(r.link == UINT32_MAX || r.link < b.links.size());
    }
    for (const auto& l : b.links) FUZZ_CHECK(in_text(b, l.href) && in_text(b, l.title));
    for (size_t i = 0; i < b.spans.size(); ++i) {
        const reader::Span& s = b.spans[i];
        FUZZ_CHECK(s.block < b.blocks.size());
        FUZZ_CHECK(s.begin_run <= s.end_run && s.end_run <= b.runs.size());
        FUZZ_CHECK(s.subtree_end > i && s.subtree_end <= b.spans.size());
        FUZZ_CHECK(i == 0 || b.spans[i - 1].block <= s.block);  // grouped by block, in order
        if (s.kind == reader::SpanKind::Link) {
            FUZZ_CHECK(s.link < b.links.size());
            // Only what the policy keeps is ever stored as a link.
            FUZZ_CHECK(reader::sanitize_link(b.str(b.links[s.link].href)).keep);
        }
    }
    for (const auto& a : b.articles) {
        check_blocks(b, a.blocks);
        FUZZ_CHECK(in_text(b, a.id) && in_text(b, a.title) && in_text(b, a.lead) && in_text(b, a.body_markdown));
        FUZZ_CHECK(a.comments.begin <= a.comments.end && a.comments.end <= b.comment_children.size());
    }
    for (const auto& c : b.comments) {
        FUZZ_CHECK(in_text(b, c.text) && in_text(b, c.author));
        FUZZ_CHECK(c.replies.begin <= c.replies.end && c.replies.end <= b.comment_children.size());
    }
    for (uint32_t child : b.comment_children) FUZZ_CHECK(child < b.comments.size());
}

// A body's blocks and runs as text, to compare two builds of the same Markdown.
inline std::string model_text(const reader::Bundle& b, reader::Range blocks) {
    std::string s;
    for (uint32_t i = blocks.begin; i < blocks.end; ++i) {
        const reader::Block& blk = b.blocks[i];
        s += "B" + std::to_string(static_cast<int>(blk.kind)) + "/" + std::to_string(blk.level) + "/" +
             std::to_string(blk.subtree_end - i) + "/" + std::string(b.str(blk.code)) + "[";
        for (uint32_t r = blk.runs.begin; r < blk.runs.end; ++r) {
            const reader::Run& run = b.runs[r];
            s += std::to_string(static_cast<int>(run.kind)) + ":" + std::to_string(run.style) + ":" +
                 std::string(b.str(run.text)) + "|";
        }
        s += "]";
    }
    return s;
}

// Every href/src value the HTML export wrote: only schemes the policy allows
// (text may say "javascript:" as much as it likes; an attribute may not).
inline void check_urls(const std::string& html) {
    for (const char* attr : {" href=\"", " src=\""}) {
        for (size_t at = html.find(attr); at != std::string::npos; at = html.find(attr, at + 1)) {
            const size_t begin = at + std::strlen(attr);
            const size_t end = html.find('"', begin);
            FUZZ_CHECK(end != std::string::npos);
            const std::string value = html.substr(begin, end - begin);
            // A scheme as URL parsers read it: a letter, then letters, digits, + - .,
            // then ':'. Anything else before the first ':' makes a relative reference.
            size_t n = 0;
            while (n < value.size() && (std::isalnum(static_cast<unsigned char>(value[n])) ||
                                        (n > 0 && (value[n] == '+' || value[n] == '-' || value[n] == '.')))) ++n;
            if (n == 0 || n >= value.size() || value[n] != ':' || !std::isalpha(static_cast<unsigned char>(value[0]))) continue;
            std::string scheme = value.substr(0, n);
            for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            FUZZ_CHECK(scheme == "http" || scheme == "https" || scheme == "mailto");
        }
    }
}

// The HTML of every article: no tag, attribute or scheme can come from the input.
inline void check_html(const reader::Bundle& b) {
    const std::string html = reader::document_html(b);
    FUZZ_CHECK(html.find("<script") == std::string::npos);
    FUZZ_CHECK(html.find("<div onclick") == std::string::npos);
    check_urls(html);
}

// libFuzzer's entropic schedule (clang 14) spends most of its time in its own
// bookkeeping on targets with this many features (md4c): about 30 runs a second
// instead of 1,500. Called from LLVMFuzzerInitialize, before libFuzzer reads its
// flags, it turns that schedule off unless the command line says otherwise.
inline void default_flags(int* argc, char*** argv) {
    for (int i = 1; i < *argc; ++i) {
        if (std::strncmp((*argv)[i], "-entropic=", 10) == 0) return;
    }
    static std::vector<char*> args;
    args.assign(*argv, *argv + *argc);
    static char flag[] = "-entropic=0";
    args.push_back(flag);
    args.push_back(nullptr);
    *argc += 1;
    *argv = args.data();
}

}  // namespace fuzz

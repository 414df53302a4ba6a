// The pathological Markdown inputs of md4c's test/pathological-tests.py, as
// generators of any size n (the script uses n = 50,000 or so). Shared by
// model_pathological_test.cpp (model sizes stay linear) and
// tests/bench/model/pathological_bench.cpp (time stays linear).
#pragma once

#include <string>
#include <vector>

namespace pathological {

struct Case {
    const char* name;
    std::string (*make)(int n);
};

inline std::string repeat(const std::string& s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

inline const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        {"U+0000", [](int n) { return repeat(std::string("abc\0de\0", 8), n); }},
        {"U+FEFF (Unicode BOM)", [](int n) { return repeat("\xEF\xBB\xBF" "foo ", n); }},
        {"nested strong emph", [](int n) { return repeat("*a **a ", n) + "b" + repeat(" a** a*", n); }},
        {"many emph closers with no openers", [](int n) { return repeat("a_ ", n); }},
        {"many emph openers with no closers", [](int n) { return repeat("_a ", n); }},
        {"many 3-emph openers with no closers", [](int n) { return repeat("a***", n); }},
        {"many link closers with no openers", [](int n) { return repeat("a]", n); }},
        {"many link openers with no closers", [](int n) { return repeat("[a", n); }},
        {"mismatched openers and closers", [](int n) { return repeat("*a_ ", n); }},
        {"openers and closers multiple of 3", [](int n) { return "a**b" + repeat("c* ", n); }},
        {"link openers and emph closers", [](int n) { return repeat("[ a_", n); }},
        {"hard link/emph case", [](int n) { return repeat("**x [a*b**c*](d) ", n); }},
        {"nested brackets", [](int n) { return repeat("[", n) + "a" + repeat("]", n); }},
        {"nested block quotes", [](int n) { return repeat("> ", n) + "a"; }},
        {"backticks", [](int n) {
             std::string s;
             for (int x = 1; x < n / 50 + 2; ++x) s += "e" + std::string(static_cast<size_t>(x), '`');
             return s;
         }},
        {"many links", [](int n) { return repeat("[t](/u) ", n); }},
        {"many references", [](int n) {
             std::string s;
             for (int x = 1; x < n * 4; ++x) s += "[" + std::to_string(x) + "]: u\n";
             return s + repeat("[0] ", n);
         }},
        {"deeply nested lists", [](int n) {
             std::string s;
             for (int x = 0; x < n / 50 + 2; ++x) s += std::string(2 * static_cast<size_t>(x), ' ') + "* a\n";
             return s;
         }},
        {"many html openers and closers", [](int n) { return repeat("<>", n); }},
        {"many html proc. inst. openers", [](int n) { return "x" + repeat("<?", n); }},
        {"many html CDATA openers", [](int n) { return "x" + repeat("<![CDATA[", n); }},
        {"many backticks and escapes", [](int n) { return repeat("\\``", n); }},
        {"many broken link titles", [](int n) { return repeat("[ (](", n); }},
        {"broken thematic break", [](int n) { return repeat("* ", n) + "a"; }},
        {"nested invalid link references", [](int n) { return repeat("[", n) + repeat("]", n) + "\n\n[a]: /b"; }},
        {"many broken permissive autolinks", [](int n) { return repeat("www._", n) + "x"; }},
        {"huge table", [](int n) { return repeat("th|", n / 5) + "\n" + repeat("-|", n / 5) + "\n" + repeat("td\n", n / 5); }},
    };
    return all;
}

}  // namespace pathological

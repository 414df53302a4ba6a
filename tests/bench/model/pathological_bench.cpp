// Time of md4c's pathological inputs through the Markdown builder, at the size the
// script uses (n = 50,000) and a quarter of it: linear time shows as a ratio near
// 4 (times the input ratio where a generator is not linear in n: backticks, lists). Built by build.sh (native); prints one line per case and a Markdown table.
//   pathological_bench [N]
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "../../unit/model_pathological_cases.h"
#include "model/markdown_builder.h"

namespace {

// Best of 4 builds into one Bundle whose vectors keep their capacity: the first
// build pays for touching fresh memory (page faults, costly on this VM, and not
// the parser's work), the others measure the work itself.
double build_ms(const std::string& md) {
    double best = 1e300;
    reader::Bundle b;
    for (int i = 0; i < 4; ++i) {
        b.text.clear();
        b.blocks.clear();
        b.runs.clear();
        b.links.clear();
        b.spans.clear();
        reader::ModelWriter w(b);
        const auto t0 = std::chrono::steady_clock::now();
        reader::build_markdown(w, md);
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 50000;
    std::printf("| case | input at n/4 | time | input at n | time | ratio |\n|---|---:|---:|---:|---:|---:|\n");
    for (const auto& c : pathological::cases()) {
        const std::string small = c.make(n / 4), large = c.make(n);
        const double ts = build_ms(small), tl = build_ms(large);
        std::printf("| %s | %zu B | %.2f ms | %zu B | %.2f ms | %.1f |\n", c.name, small.size(), ts, large.size(), tl,
                    ts > 0 ? tl / ts : 0.0);
        std::fflush(stdout);
    }
    return 0;
}

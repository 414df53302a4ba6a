// Bundle → model benchmark driver, built natively (g++ -O2) and as wasm (em++ -O3,
// run under node) by tests/bench/model/build.sh; run.mjs runs both and the
// JavaScript path on the same bundle and writes RESULTS.md.
//
//   model_bench BUNDLE.json [RUNS]
// Reads the file into memory (not timed), then loads it RUNS times (default 3),
// freeing the model between runs, and prints one JSON line per run:
//   {"run", "bytes", "wall_ms", "cpu_ms", "articles", "blocks", "runs",
//    "model_bytes", "rss_start", "rss_before", "rss_peak", "heap_peak", "errors"}
// rss_start is the process before the bundle was read (the runtime alone).
// rss_* come from /proc/self/status (VmRSS, VmHWM, bytes; under node, the node
// process's, read through NODERAWFS); cpu_ms is 0 in wasm (no CPU clock); heap_peak (wasm)
// is the size of the wasm memory, which only grows. The first run's peak is the
// cold-load peak: later runs reuse memory the allocator already holds.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

#include "model/bundle_loader.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#endif

namespace {

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

long long status_kb(const char* field) {
    FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long long v = -1;
    const size_t n = std::strlen(field);
    while (std::fgets(line, sizeof line, f)) {
        if (!std::strncmp(line, field, n)) v = std::atoll(line + n + 1);
    }
    std::fclose(f);
    return v;
}

long long heap_bytes() {
#ifdef __EMSCRIPTEN__
    return static_cast<long long>(emscripten_get_heap_size());
#else
    return -1;
#endif
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: model_bench BUNDLE.json [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    const long long rss_start = status_kb("VmRSS:");  // the runtime alone, before the bundle is read
    FILE* f = std::fopen(argv[1], "rb");
    if (!f) {
        std::perror(argv[1]);
        return 1;
    }
    std::fseek(f, 0, SEEK_END);
    const long size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    std::string bytes(static_cast<size_t>(size), '\0');
    if (std::fread(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
        std::fprintf(stderr, "short read\n");
        return 1;
    }
    std::fclose(f);
    for (int run = 0; run < runs; ++run) {
        const long long rss_before = status_kb("VmRSS:");
        const double c0 = cpu_ms();
        const auto w0 = std::chrono::steady_clock::now();
        reader::LoadResult r = reader::load_bundle(bytes, argv[1]);
        const auto w1 = std::chrono::steady_clock::now();
        const double c1 = cpu_ms();
        const long long rss_peak = status_kb("VmHWM:");
        const reader::Bundle* b = r.bundle.get();
        std::printf("{\"run\": %d, \"bytes\": %ld, \"wall_ms\": %.1f, \"cpu_ms\": %.1f, \"articles\": %zu, \"blocks\": %zu, "
                    "\"runs\": %zu, \"model_bytes\": %zu, \"rss_start\": %lld, \"rss_before\": %lld, \"rss_peak\": %lld, \"heap_peak\": %lld, "
                    "\"errors\": %zu}\n",
                    run, size, std::chrono::duration<double, std::milli>(w1 - w0).count(), c1 - c0,
                    b ? b->articles.size() : 0, b ? b->blocks.size() : 0, b ? b->runs.size() : 0,
                    b ? b->memory_bytes() : 0, rss_start < 0 ? -1 : rss_start * 1024, rss_before < 0 ? -1 : rss_before * 1024,
                    rss_peak < 0 ? -1 : rss_peak * 1024, heap_bytes(), r.diagnostics.count(reader::Severity::Error));
        std::fflush(stdout);
    }
    return 0;
}

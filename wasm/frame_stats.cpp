// See frame_stats.h.
#include "frame_stats.h"

#include <algorithm>

namespace {
constexpr size_t kWindow = 600;  // ~10 s of continuous animation
}

void FrameStats::record(float ms) {
    ++frames;
    if (recent_ms.size() < kWindow) {
        recent_ms.push_back(ms);
    } else {
        recent_ms[next] = ms;
        next = (next + 1) % kWindow;
    }
}

void FrameStats::reset_window() {
    recent_ms.clear();
    next = 0;
}

float FrameStats::percentile(float p) const {
    if (recent_ms.empty()) return 0;
    std::vector<float> v = recent_ms;
    const size_t k = std::min(v.size() - 1, static_cast<size_t>(p / 100.0f * static_cast<float>(v.size() - 1) + 0.5f));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

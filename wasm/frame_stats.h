// Frame timing for reader:stats: frames drawn, CPU ms per frame (p50/p95 over the
// last frames), time to the first article frame.
#pragma once

#include <cstdint>
#include <vector>

struct FrameStats {
    uint64_t frames = 0;
    double first_frame_ms = -1;      // navigation start → first frame showing an article
    std::vector<float> recent_ms;    // ring buffer of CPU ms per frame
    size_t next = 0;

    void record(float ms);
    float percentile(float p) const; // 0..100 over the ring buffer
};

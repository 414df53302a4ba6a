// Frame timing for reader:stats: frames drawn, CPU ms per frame (p50/p95 over the
// last frames), time to the first article frame.
#pragma once

#include <cstdint>
#include <vector>

struct FrameStats {
    uint64_t frames = 0;
    uint64_t presented = 0;          // frames sent to WebGL (the others drew what was on screen)
    double first_frame_ms = -1;      // navigation start → first frame showing an article
    double last_open_ms = -1;        // CPU: opening an article through its first frame drawn
    double last_relayout_ms = -1;    // CPU: the frame after the reading width changed
    std::vector<float> recent_ms;    // ring buffer of CPU ms per frame
    size_t next = 0;

    void record(float ms);
    void reset_window();             // benchmarks: percentiles over what follows only
    float percentile(float p) const; // 0..100 over the ring buffer
};

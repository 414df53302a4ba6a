// Touch scrolling with inertia, as phones do it: a finger drag moves the content
// 1:1 once it passes a small slop (so taps stay taps), and a release while moving
// starts a fling whose velocity decays exponentially (time constant ~325 ms, the
// feel of iOS and Android lists). Platform-free: positions in CSS pixels, times in
// milliseconds, both supplied by the caller, so the physics is unit-tested natively.
#pragma once

#include <array>
#include <cstddef>

namespace reader::ui {

class KineticScroller {
public:
    struct Tuning {
        float slop_px = 8.0f;            // movement before a touch becomes a drag
        float time_constant_ms = 325.0f; // velocity decays by 1/e in this time
        float min_fling_px_per_ms = 0.1f;// slower releases just stop
        float stop_px_per_ms = 0.01f;    // a fling ends below this speed
        float sample_window_ms = 100.0f; // release velocity from the last samples only
        float max_px_per_ms = 8.0f;      // a cap against bogus timestamps
    };

    KineticScroller() = default;
    explicit KineticScroller(Tuning t) : tune_(t) {}

    // A finger touches at `y`: any fling stops (a touch on a moving list catches it).
    void touch_down(float y, double t_ms);
    // The finger moves: returns the scroll delta in pixels (positive = scroll down, the
    // content moving up under a finger moving up), 0 while inside the slop.
    float touch_move(float y, double t_ms);
    // The finger lifts: a drag fast enough becomes a fling.
    void touch_up(double t_ms);
    // Stops everything (the content reached an end, another input took over).
    void stop();

    // While a fling runs: the delta to scroll by at time `t_ms` (call once per frame).
    float step(double t_ms);

    bool dragging() const { return dragging_; }
    bool flinging() const { return flinging_; }
    bool touching() const { return touching_; }
    float velocity_px_per_ms() const { return velocity_; }

private:
    struct Sample { float y; double t; };
    void add_sample(float y, double t);
    float release_velocity(double t_now) const;

    Tuning tune_;
    bool touching_ = false, dragging_ = false, flinging_ = false;
    float start_y_ = 0, last_y_ = 0, velocity_ = 0;
    double last_step_t_ = 0;
    std::array<Sample, 16> samples_{};
    std::size_t n_samples_ = 0, head_ = 0;
};

}  // namespace reader::ui

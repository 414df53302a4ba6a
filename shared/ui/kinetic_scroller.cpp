// See kinetic_scroller.h.
#include "ui/kinetic_scroller.h"

#include <algorithm>
#include <cmath>

namespace reader::ui {

void KineticScroller::touch_down(float y, double t_ms) {
    stop();
    touching_ = true;
    start_y_ = last_y_ = y;
    n_samples_ = head_ = 0;
    add_sample(y, t_ms);
}

float KineticScroller::touch_move(float y, double t_ms) {
    if (!touching_) return 0;
    add_sample(y, t_ms);
    if (!dragging_) {
        if (std::fabs(y - start_y_) < tune_.slop_px) return 0;
        // The drag starts where the finger is now: no jump by the slop distance.
        dragging_ = true;
        last_y_ = y;
        return 0;
    }
    const float delta = last_y_ - y;
    last_y_ = y;
    return delta;
}

void KineticScroller::touch_up(double t_ms) {
    if (!touching_) return;
    touching_ = false;
    if (!dragging_) return;
    dragging_ = false;
    const float v = release_velocity(t_ms);
    if (std::fabs(v) >= tune_.min_fling_px_per_ms) {
        velocity_ = std::clamp(v, -tune_.max_px_per_ms, tune_.max_px_per_ms);
        flinging_ = true;
        last_step_t_ = t_ms;
    }
}

void KineticScroller::stop() {
    flinging_ = false;
    velocity_ = 0;
}

float KineticScroller::step(double t_ms) {
    if (!flinging_) return 0;
    const double dt = std::clamp(t_ms - last_step_t_, 0.0, 100.0);
    last_step_t_ = t_ms;
    // Exact integral of v·e^(-t/τ) over dt, so the distance travelled does not
    // depend on the frame rate.
    const double decay = std::exp(-dt / tune_.time_constant_ms);
    const double distance = velocity_ * tune_.time_constant_ms * (1.0 - decay);
    velocity_ = static_cast<float>(velocity_ * decay);
    if (std::fabs(velocity_) < tune_.stop_px_per_ms) stop();
    return static_cast<float>(distance);
}

void KineticScroller::add_sample(float y, double t) {
    samples_[head_] = {y, t};
    head_ = (head_ + 1) % samples_.size();
    n_samples_ = std::min(n_samples_ + 1, samples_.size());
}

float KineticScroller::release_velocity(double t_now) const {
    // Least effort and robust: displacement between the oldest sample inside the
    // window and the newest, over their time span. A finger that stopped before
    // lifting has no samples left in the window, so it does not fling.
    if (n_samples_ < 2) return 0;
    const std::size_t newest = (head_ + samples_.size() - 1) % samples_.size();
    const Sample& last = samples_[newest];
    if (t_now - last.t > tune_.sample_window_ms) return 0;
    const Sample* oldest = &last;
    for (std::size_t i = 1; i < n_samples_; ++i) {
        const Sample& s = samples_[(newest + samples_.size() - i) % samples_.size()];
        if (last.t - s.t > tune_.sample_window_ms) break;
        oldest = &s;
    }
    const double span = last.t - oldest->t;
    if (span <= 0) return 0;
    return static_cast<float>((oldest->y - last.y) / span);
}

}  // namespace reader::ui

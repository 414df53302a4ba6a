// Tests of touch scrolling: taps stay taps, drags follow the finger, releases fling
// and the fling decays independently of the frame rate.
#include <catch2/catch.hpp>

#include <cmath>

#include "ui/kinetic_scroller.h"

using reader::ui::KineticScroller;

namespace {
// A finger moving from y0 by `dy` per `dt_ms`, `n` times; returns the summed scroll.
float drag(KineticScroller& k, float y0, float dy, double dt_ms, int n, double t0 = 0) {
    float total = 0;
    k.touch_down(y0, t0);
    for (int i = 1; i <= n; ++i) total += k.touch_move(y0 + dy * i, t0 + dt_ms * i);
    return total;
}
float fling_distance(KineticScroller& k, double t0, double frame_ms) {
    float total = 0;
    for (double t = t0 + frame_ms; k.flinging() && t < t0 + 20000; t += frame_ms) total += k.step(t);
    return total;
}
}  // namespace

TEST_CASE("a touch that moves less than the slop is a tap, not a scroll", "[ui][kinetic]") {
    KineticScroller k;
    CHECK(drag(k, 500, 1, 16, 5) == 0);
    CHECK_FALSE(k.dragging());
    k.touch_up(100);
    CHECK_FALSE(k.flinging());
}

TEST_CASE("a drag scrolls by the finger's movement after the slop, without a jump", "[ui][kinetic]") {
    KineticScroller k;
    // Finger moves up 10 px per event: the first event crosses the slop and starts the drag.
    const float total = drag(k, 500, -10, 16, 10);
    CHECK(k.dragging());
    CHECK(total == Approx(90));   // 9 moves after the one that started the drag
    // Moving back down scrolls back up.
    CHECK(k.touch_move(500 - 100 + 30, 176) == Approx(-30));
}

TEST_CASE("a fast release flings in the drag's direction and decays to a stop", "[ui][kinetic]") {
    KineticScroller k;
    drag(k, 800, -20, 10, 20);          // 2 px/ms upwards = scroll down
    k.touch_up(200);
    REQUIRE(k.flinging());
    CHECK(k.velocity_px_per_ms() == Approx(2.0f).epsilon(0.01));
    const float d = fling_distance(k, 200, 16);
    // v·τ = 2 × 325 = 650 px, minus the tail cut off below the stop speed.
    CHECK(d == Approx(650).margin(10));
    CHECK_FALSE(k.flinging());
}

TEST_CASE("the fling covers the same distance at 30, 60 and 120 frames per second", "[ui][kinetic]") {
    float d[3];
    const double frames[3] = {1000.0 / 30, 1000.0 / 60, 1000.0 / 120};
    for (int i = 0; i < 3; ++i) {
        KineticScroller k;
        drag(k, 800, 15, 10, 20);       // downwards: scroll up
        k.touch_up(200);
        d[i] = fling_distance(k, 200, frames[i]);
    }
    CHECK(d[0] < 0);
    CHECK(d[0] == Approx(d[1]).epsilon(0.02));
    CHECK(d[2] == Approx(d[1]).epsilon(0.02));
}

TEST_CASE("a finger that stops before lifting does not fling", "[ui][kinetic]") {
    KineticScroller k;
    drag(k, 800, -20, 10, 20);          // last move at t = 200
    k.touch_move(400, 350);             // held still for 150 ms
    k.touch_up(360);
    CHECK_FALSE(k.flinging());
}

TEST_CASE("a slow release stops where it is", "[ui][kinetic]") {
    KineticScroller k;
    drag(k, 800, -0.5f, 10, 40);        // 0.05 px/ms
    k.touch_up(400);
    CHECK_FALSE(k.flinging());
}

TEST_CASE("a touch during a fling catches it", "[ui][kinetic]") {
    KineticScroller k;
    drag(k, 800, -20, 10, 20);
    k.touch_up(200);
    REQUIRE(k.flinging());
    k.step(216);
    k.touch_down(300, 230);
    CHECK_FALSE(k.flinging());
    CHECK(k.step(246) == 0);
    k.touch_up(260);                    // a tap: nothing starts again
    CHECK_FALSE(k.flinging());
}

TEST_CASE("absurd timestamps are capped, never infinite", "[ui][kinetic]") {
    KineticScroller k;
    k.touch_down(0, 1000);
    k.touch_move(-50, 1000);            // crosses the slop
    k.touch_move(-5000, 1000.001);      // 5 km/s
    k.touch_up(1000.002);
    REQUIRE(k.flinging());
    CHECK(std::fabs(k.velocity_px_per_ms()) <= 8.0f);
    CHECK(std::isfinite(k.step(1016)));
    CHECK(std::isfinite(k.step(1e12)));  // a frame after a very long pause
}

// The app's images: url → loading / ready (a WebGL texture) / failed, with each
// image's natural size for the layout (layout::ImageSizes).
//
// The browser does the work it is good at: web/images.js fetches the image under
// the same origin rules as bundles, decodes it off the main thread
// (createImageBitmap; SVG through an <img>, rasterized once), and the bitmap is
// uploaded straight into a texture of the GL context Emscripten created
// (texImage2D from the ImageBitmap: no copy through the wasm heap). The core only
// keeps the texture name and sizes.
//
// Textures belong to the article on screen: release_textures() (called when another
// article opens) frees them and keeps the natural sizes, so coming back lays out at
// once with the right boxes while the pixels load again (usually from the HTTP cache
// or the service worker's image cache).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "layout/article_layout.h"

namespace images {

enum class State : uint8_t { Loading, Ready, Failed, Released };

struct Image {
    State state = State::Loading;
    unsigned texture = 0;              // GL texture name while Ready
    float width = 0, height = 0;       // natural size in px (0 until known)
    int texture_w = 0, texture_h = 0;  // the texture's size (large images are scaled down)
    int request = 0;                   // the load in flight (Loading, or a sharper copy while Ready)
    int requested_px = 0;              // the width asked of the page
    std::string reason;                // Failed: why, in words (shown in the console and stats)
    // Where it was drawn last (CSS px, canvas coordinates), for reader:stats and tests.
    float drawn_x = 0, drawn_y = 0, drawn_w = 0, drawn_h = 0;
    bool drawn = false;
    uint64_t last_used = 0;            // frame it was last drawn or prefetched (for trim())
    double requested_ms = 0;           // performance.now() when asked for
    float load_ms = -1;                // asked → texture ready (fetch + decode + upload)
    float upload_ms = -1;              // texImage2D + mipmaps alone
};

class Cache final : public reader::layout::ImageSizes {
public:
    // The image at `src` (as written in the bundle), wanted `want_px` device pixels
    // wide; starts loading it when it is not known yet or was released, or a sharper
    // copy when it is drawn much wider than its texture. Never null.
    Image& get(std::string_view src, int want_px);
    const Image* find(std::string_view src) const;

    // layout::ImageSizes
    bool natural_size(std::string_view src, float& width, float& height) const override;
    uint64_t generation() const override { return generation_; }

    // Answers from JavaScript (exported reader_image_* functions).
    void loaded(int request, int natural_w, int natural_h);
    void failed(int request, std::string_view reason);

    // Frees every texture (another article opened); loads in flight are dropped.
    void release_textures();
    // Forget where images were drawn (called at the start of each article frame).
    void begin_frame();
    void touch(Image& img) { img.last_used = frame_; }
    // Keeps the textures within `budget` bytes: those not drawn for longest go first
    // (they load again, from the HTTP or service worker cache, when scrolled back to).
    void trim(size_t budget);

    nlohmann::json stats() const;      // for reader:stats: one entry per image
    size_t texture_bytes() const;

private:
    bool start(Image& img, const std::string& src, int want_px);

    std::unordered_map<std::string, Image> by_src_;
    std::unordered_map<int, std::string> requests_;   // request id → src
    int next_request_ = 1;
    uint64_t generation_ = 1;
    uint64_t frame_ = 0;
};

Cache& cache();

// The longest side of a texture: larger images are scaled down by the browser. Below
// it, images are decoded at the width they are drawn at in device pixels (rounded up
// to kWidthStepPx so small layout changes do not reload), not at their full size.
inline constexpr int kMaxTexturePx = 2048;
inline constexpr int kWidthStepPx = 256;
// GPU memory for the images of one article (a long photo story can hold many).
inline constexpr size_t kTextureBudgetBytes = 160u << 20;

}  // namespace images

// See image_cache.h. The JavaScript glue for images lives here rather than in
// js_bridge.cpp because it reaches into Emscripten's GL state (GLctx, GL.textures):
// the texture is created where the bitmap is, and only its name crosses into C++.
#include "image_cache.h"

#include <emscripten.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <vector>

#include "js_bridge.h"
#include "model/link_policy.h"
#include "web_platform.h"

// clang-format off
// Asks the page to fetch and decode `src` (web/images.js via app.js) into a bitmap
// `width_px` wide at most; 0 when the page has no image loader.
EM_JS(int, js_load_image_impl, (int request, const char* p, int n, int width_px), {
  if (!Module.ReaderHost || !Module.ReaderHost.loadImage) return 0;
  Module.ReaderHost.loadImage(request, UTF8ToString(p, n), width_px);
  return 1;
});
// Uploads the decoded bitmap of `request` into a new texture registered with
// Emscripten's GL layer (so glDeleteTextures and ImGui's renderer know it); returns
// its name, 0 on failure. The texture's size goes to *w, *h.
EM_JS(int, js_upload_image_impl, (int request, int* w, int* h), {
  const src = Module.ReaderHost && Module.ReaderHost.takeImage ? Module.ReaderHost.takeImage(request) : null;
  if (!src) return 0;
  const gl = GLctx;
  const tex = gl.createTexture();
  if (!tex) { if (src.close) src.close(); return 0; }
  const id = GL.getNewId(GL.textures);
  tex.name = id;
  GL.textures[id] = tex;
  const previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
  gl.bindTexture(gl.TEXTURE_2D, tex);
  // Straight alpha, top row first: what ImGui's shader and UVs expect.
  gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  let ok = true;
  try {
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, src);
    // Mipmaps: photos are usually drawn smaller than their pixels; without them they shimmer.
    gl.generateMipmap(gl.TEXTURE_2D);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  } catch (e) {
    console.error('image upload failed', e);
    ok = false;
  }
  gl.bindTexture(gl.TEXTURE_2D, previous);
  HEAP32[w >> 2] = src.width;
  HEAP32[h >> 2] = src.height;
  if (src.close) src.close();
  if (!ok) { gl.deleteTexture(tex); GL.textures[id] = null; return 0; }
  return id;
});
// Drops a decoded bitmap nobody wants any more (its article closed meanwhile).
EM_JS(void, js_discard_image_impl, (int request), {
  const src = Module.ReaderHost && Module.ReaderHost.takeImage ? Module.ReaderHost.takeImage(request) : null;
  if (src && src.close) src.close();
});
// clang-format on

namespace images {

Cache& cache() {
    static Cache c;
    return c;
}

bool Cache::start(Image& img, const std::string& src, int want_px) {
    img.request = next_request_++;
    img.requested_ms = js::now_ms();
    img.requested_px = want_px;
    requests_[img.request] = src;
    if (js_load_image_impl(img.request, src.data(), static_cast<int>(src.size()), want_px)) return true;
    requests_.erase(img.request);
    img.request = 0;
    return false;
}

Image& Cache::get(std::string_view src, int want_px) {
    want_px = std::clamp(want_px, 64, kMaxTexturePx);
    auto it = by_src_.find(std::string(src));
    if (it != by_src_.end() && it->second.state != State::Released) {
        Image& img = it->second;
        // Drawn larger than its texture now (a wider column, a 2x screen): a sharper one
        // is loaded while this one stays on screen -- unless the image has no more pixels.
        if (img.state == State::Ready && img.request == 0 && want_px > img.texture_w * 5 / 4 &&
            img.texture_w < img.width * 0.95f && img.texture_w < kMaxTexturePx)
            start(img, it->first, want_px);
        return img;
    }
    if (it == by_src_.end()) it = by_src_.emplace(std::string(src), Image{}).first;
    Image& img = it->second;
    img.state = State::Loading;
    img.reason.clear();
    // The model keeps only http(s) and relative sources; checked again here so that no
    // other scheme ever reaches the page's loader, whatever filled the model.
    if (!reader::is_safe_image_src(src)) {
        img.state = State::Failed;
        img.reason = "this image source is not allowed";
        return img;
    }
    if (!start(img, it->first, want_px)) {
        img.state = State::Failed;
        img.reason = "the page has no image loader";
    }
    return img;
}

const Image* Cache::find(std::string_view src) const {
    auto it = by_src_.find(std::string(src));
    return it == by_src_.end() ? nullptr : &it->second;
}

bool Cache::natural_size(std::string_view src, float& width, float& height) const {
    const Image* img = find(src);
    if (!img || img->width <= 0 || img->height <= 0) return false;
    width = img->width;
    height = img->height;
    return true;
}

void Cache::loaded(int request, int natural_w, int natural_h) {
    auto r = requests_.find(request);
    if (r == requests_.end()) {
        js_discard_image_impl(request);   // released meanwhile
        return;
    }
    Image& img = by_src_[r->second];
    requests_.erase(r);
    img.request = 0;
    int tw = 0, th = 0;
    const double t0 = js::now_ms();
    const int tex = js_upload_image_impl(request, &tw, &th);
    const double t1 = js::now_ms();
    img.upload_ms = static_cast<float>(t1 - t0);
    img.load_ms = static_cast<float>(t1 - img.requested_ms);
    if (tex <= 0) {
        // A failed sharper copy keeps the texture on screen.
        if (img.state != State::Ready) {
            img.state = State::Failed;
            img.reason = "the image could not be uploaded to the GPU";
        }
    } else {
        if (img.state == State::Ready && img.texture) {
            const GLuint old = img.texture;
            glDeleteTextures(1, &old);
        }
        img.state = State::Ready;
        img.texture = static_cast<unsigned>(tex);
        img.texture_w = tw;
        img.texture_h = th;
    }
    const float w = static_cast<float>(std::max(0, natural_w)), h = static_cast<float>(std::max(0, natural_h));
    if (w > 0 && h > 0 && (w != img.width || h != img.height)) {
        img.width = w;
        img.height = h;
        ++generation_;    // boxes without a declared size take the image's aspect
    }
    web_platform::request_frames(2);
}

void Cache::failed(int request, std::string_view reason) {
    auto r = requests_.find(request);
    if (r == requests_.end()) return;
    Image& img = by_src_[r->second];
    requests_.erase(r);
    img.request = 0;
    if (img.state == State::Ready) return;   // a sharper copy could not be had: keep this one
    img.state = State::Failed;
    img.reason = std::string(reason.substr(0, 300));
    web_platform::request_frames(2);
}

void Cache::release_textures() {
    for (auto& [src, img] : by_src_) {
        if (img.state == State::Ready && img.texture) {
            const GLuint t = img.texture;
            glDeleteTextures(1, &t);
        }
        // Failed ones stay failed (no retry storm when going back and forth); loads in
        // flight are dropped, their bitmaps discarded when they arrive.
        if (img.state == State::Ready || img.state == State::Loading) img.state = State::Released;
        img.texture = 0;
        img.request = 0;
        img.drawn = false;
    }
    requests_.clear();
}

void Cache::begin_frame() {
    ++frame_;
    for (auto& [src, img] : by_src_) img.drawn = false;
}

void Cache::trim(size_t budget) {
    size_t used = texture_bytes();
    if (used <= budget) return;
    std::vector<Image*> idle;
    for (auto& [src, img] : by_src_)
        if (img.state == State::Ready && img.last_used != frame_) idle.push_back(&img);
    std::sort(idle.begin(), idle.end(), [](const Image* a, const Image* b) { return a->last_used < b->last_used; });
    for (Image* img : idle) {
        if (used <= budget) break;
        used -= static_cast<size_t>(img->texture_w) * img->texture_h * 4 * 4 / 3;
        const GLuint t = img->texture;
        glDeleteTextures(1, &t);
        img->texture = 0;
        img->state = State::Released;
    }
}

size_t Cache::texture_bytes() const {
    size_t n = 0;
    for (const auto& [src, img] : by_src_) {
        // RGBA8 plus a third for the mipmaps.
        if (img.state == State::Ready) n += static_cast<size_t>(img.texture_w) * img.texture_h * 4 * 4 / 3;
    }
    return n;
}

nlohmann::json Cache::stats() const {
    static const char* names[] = {"loading", "ready", "failed", "released"};
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [src, img] : by_src_) {
        nlohmann::json e = {{"src", src}, {"state", names[static_cast<int>(img.state)]}};
        if (img.width > 0) {
            e["width"] = img.width;
            e["height"] = img.height;
        }
        if (img.state == State::Ready) e["texture"] = {img.texture_w, img.texture_h};
        if (img.load_ms >= 0) {
            e["loadMs"] = img.load_ms;
            e["uploadMs"] = img.upload_ms;
        }
        if (!img.reason.empty()) e["reason"] = img.reason;
        if (img.drawn) e["box"] = {img.drawn_x, img.drawn_y, img.drawn_w, img.drawn_h};
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace images

extern "C" {

// web/images.js decoded the image of `request` (natural size in px); the bitmap waits
// in the page until the upload above takes it.
EMSCRIPTEN_KEEPALIVE void reader_image_loaded(int request, int natural_w, int natural_h) {
    images::cache().loaded(request, natural_w, natural_h);
}

// The image of `request` could not be had: refused origin, HTTP error, not an image...
EMSCRIPTEN_KEEPALIVE void reader_image_failed(int request, const char* reason) {
    images::cache().failed(request, reason ? reason : "");
}

}  // extern "C"

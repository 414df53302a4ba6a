// See draw_signature.h.
#include "draw_signature.h"

#include <imgui.h>

#include <cstring>

namespace draw_signature {
namespace {

// 64-bit multiply-xorshift mixing, eight bytes at a time: a few hundred KB of draw
// lists hash in well under a millisecond in wasm. Not cryptographic; a collision
// only means one frame is not redrawn, and the next change redraws it.
struct Hasher {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    void word(uint64_t w) {
        h ^= w;
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    void bytes(const void* p, size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w;
            std::memcpy(&w, b + i, 8);
            word(w);
        }
        uint64_t tail = 0;
        std::memcpy(&tail, b + i, n - i);
        word(tail ^ (static_cast<uint64_t>(n) << 56));
    }
    void f(float v) {
        uint32_t u;
        std::memcpy(&u, &v, 4);
        word(u);
    }
};

}  // namespace

uint64_t of(const ImDrawData* data, int fb_width, int fb_height, uint32_t clear_rgba) {
    Hasher s;
    s.word((static_cast<uint64_t>(static_cast<uint32_t>(fb_width)) << 32) | static_cast<uint32_t>(fb_height));
    s.word(clear_rgba);
    if (!data) return s.h;
    s.f(data->DisplayPos.x);
    s.f(data->DisplayPos.y);
    s.f(data->DisplaySize.x);
    s.f(data->DisplaySize.y);
    s.f(data->FramebufferScale.x);
    s.f(data->FramebufferScale.y);
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        s.bytes(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        s.bytes(list->IdxBuffer.Data, static_cast<size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            // Field by field: the struct has padding whose bytes are unspecified.
            s.f(cmd.ClipRect.x);
            s.f(cmd.ClipRect.y);
            s.f(cmd.ClipRect.z);
            s.f(cmd.ClipRect.w);
            s.word(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(cmd.TextureId)));
            s.word((static_cast<uint64_t>(cmd.VtxOffset) << 32) | cmd.IdxOffset);
            s.word(cmd.ElemCount);
            s.word(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(cmd.UserCallback)));
        }
    }
    return s.h;
}

}  // namespace draw_signature

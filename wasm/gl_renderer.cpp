// See gl_renderer.h.
#include "gl_renderer.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace gl_renderer {
namespace {

struct State {
    GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font_texture = 0;
    GLint u_proj = -1, u_tex = -1, u_coverage = -1;
} g;

const char* const kVertex = R"(#version 300 es
precision highp float;
layout (location = 0) in vec2 a_pos;
layout (location = 1) in vec2 a_uv;
layout (location = 2) in vec4 a_color;
uniform mat4 u_proj;
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = u_proj * vec4(a_pos, 0.0, 1.0);
})";

const char* const kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D u_tex;
uniform float u_coverage;   // 1: u_tex is the one-channel font atlas (coverage in .r)
in vec2 v_uv;
in vec4 v_color;
layout (location = 0) out vec4 out_color;
void main() {
    vec4 t = texture(u_tex, v_uv);
    out_color = v_color * mix(t, vec4(1.0, 1.0, 1.0, t.r), u_coverage);
})";

GLuint compile(GLenum kind, const char* source) {
    const GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        std::fprintf(stderr, "gl_renderer: shader does not compile: %s\n", log);
        glDeleteShader(s);
        return 0;
    }
    return s;
}

}  // namespace

bool init() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "reader_webgl2";
    const GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, kFragment);
    if (!vs || !fs) return false;
    g.program = glCreateProgram();
    glAttachShader(g.program, vs);
    glAttachShader(g.program, fs);
    glLinkProgram(g.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(g.program, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::fprintf(stderr, "gl_renderer: shaders do not link\n");
        return false;
    }
    g.u_proj = glGetUniformLocation(g.program, "u_proj");
    g.u_tex = glGetUniformLocation(g.program, "u_tex");
    g.u_coverage = glGetUniformLocation(g.program, "u_coverage");

    // One vertex array for the app's lifetime: the layout of ImDrawVert never changes.
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vbo);
    glGenBuffers(1, &g.ebo);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);   // recorded in the vertex array
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    return true;
}

void upload_font_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    // One byte per texel (R8), not ImGui's RGBA32 expansion: a quarter of the bytes to
    // convert, upload and keep on the GPU (tens of MB at 2x), which is most of the
    // first frame's cost where WebGL is software-rendered.
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    if (g.font_texture) glDeleteTextures(1, &g.font_texture);
    glGenTextures(1, &g.font_texture);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, g.font_texture);
    // Glyphs are rasterized at device pixels and drawn 1:1, so linear filtering only
    // matters for fractional positions.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g.font_texture)));
}

void render(const ImDrawData* data, int fb_width, int fb_height) {
    if (!data || fb_width <= 0 || fb_height <= 0 || !g.program) return;
    // The whole state this renderer needs, set every frame (cheap calls, no queries):
    // other code (image uploads) may have bound textures or buffers in between.
    glViewport(0, 0, fb_width, fb_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(g.program);
    glActiveTexture(GL_TEXTURE0);
    glUniform1i(g.u_tex, 0);
    const float l = data->DisplayPos.x, r = l + data->DisplaySize.x;
    const float t = data->DisplayPos.y, b = t + data->DisplaySize.y;
    const float proj[16] = {
        2.0f / (r - l), 0, 0, 0,
        0, 2.0f / (t - b), 0, 0,
        0, 0, -1.0f, 0,
        (r + l) / (l - r), (t + b) / (b - t), 0, 1.0f,
    };
    glUniformMatrix4fv(g.u_proj, 1, GL_FALSE, proj);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);

    const ImVec2 off = data->DisplayPos, scale = data->FramebufferScale;
    GLuint bound = 0;
    glBindTexture(GL_TEXTURE_2D, 0);
    glUniform1f(g.u_coverage, 0.0f);
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - off.x) * scale.x, y0 = (cmd.ClipRect.y - off.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - off.x) * scale.x, y1 = (cmd.ClipRect.w - off.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(fb_height) - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (tex != bound) {
                bound = tex;
                glBindTexture(GL_TEXTURE_2D, tex);
                glUniform1f(g.u_coverage, tex == g.font_texture ? 1.0f : 0.0f);
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    // The next frame's glClear must cover the whole canvas, not the last clip rectangle.
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
}

}  // namespace gl_renderer

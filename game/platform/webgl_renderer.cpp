#include "platform/webgl_renderer.hpp"

#include <GLES3/gl3.h>
#include <emscripten.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace buyin::platform {

namespace {

GLuint g_program = 0, g_vao = 0, g_vbo = 0, g_ibo = 0, g_font = 0;
int g_program_state = 0;  // 0: linked, not yet checked; 1: checked and ready; -1: failed to link
int g_renders = 0;        // renders before the link status is asked (check_program)
std::vector<ImDrawVert> g_vtx;  // this frame's vertices and indices, all draw lists back to back
std::vector<ImDrawIdx> g_idx;

// The page's shader program (web/loader.js writes it and builds it the moment the context
// exists), entered into Emscripten's table of GL objects as glCreateProgram would, so glUseProgram
// and the rest know it by name. 0 if the page has none.
EM_JS(GLuint, js_take_program, (), {
  if (!window.buyinShaders) return 0;
  var program = window.buyinShaders.take(GLctx);
  var id = GL.getNewId(GL.programs);
  program.name = id;
  program.maxUniformLength = program.maxAttributeLength = program.maxUniformBlockNameLength = 0;
  program.uniformIdCounter = 1;
  GL.programs[id] = program;
  return id;
});

void set_attributes(size_t first_vertex) {
  const size_t base = first_vertex * sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)(base + offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)(base + offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), (void*)(base + offsetof(ImDrawVert, col)));
}

// Did the program link? Asked a few renders in, when the GPU process has long linked it: asked
// at once, it is a synchronous wait for everything queued before it (20-130 ms on SwiftShader at
// start-up). Nothing else needs a query (the projection is a constant vertex attribute, the
// sampler stays at unit 0), so the first frame is issued without asking. Returns false (after telling the page) if it did not link.
bool check_program() {
  if (g_program_state != 0) return g_program_state > 0;
  if (g_program && ++g_renders < 3) return true;
  GLint ok = 0;
  if (g_program) glGetProgramiv(g_program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = "no shader program from the page (web/loader.js)";
    if (g_program) glGetProgramInfoLog(g_program, sizeof log, nullptr, log);
    std::fprintf(stderr, "ImGui shader program failed to link: %s\n", log);
    EM_ASM({ if (window.buyinGlue) window.buyinGlue.fail("This browser's WebGL2 could not build the game's shaders."); });
    g_program_state = -1;
    return false;
  }
  g_program_state = 1;
  return true;
}

void setup_state(ImDrawData* dd, int fb_w, int fb_h) {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glViewport(0, 0, fb_w, fb_h);
  const float L = dd->DisplayPos.x, R = dd->DisplayPos.x + dd->DisplaySize.x;
  const float T = dd->DisplayPos.y, B = dd->DisplayPos.y + dd->DisplaySize.y;
  // ImGui's orthographic projection, which only scales and offsets x and y. A uniform would need
  // glGetUniformLocation, a wait for the link; a generic attribute's value (its array is never
  // enabled) is context state, set without asking anything.
  glUseProgram(g_program);
  glVertexAttrib4f(3, 2.0f / (R - L), 2.0f / (T - B), (R + L) / (L - R), (T + B) / (B - T));
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(g_vao);
  glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
}

}  // namespace

bool webgl_renderer_init() {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "buyin_webgl2";
  g_program = js_take_program();  // linked, or still linking in the GPU process
  glGenVertexArrays(1, &g_vao);
  glGenBuffers(1, &g_vbo);
  glGenBuffers(1, &g_ibo);
  glBindVertexArray(g_vao);
  glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_ibo);  // part of the VAO's state
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  return true;
}

void webgl_renderer_shutdown() {
  webgl_renderer_destroy_fonts_texture();
  if (g_vao) glDeleteVertexArrays(1, &g_vao);
  if (g_vbo) glDeleteBuffers(1, &g_vbo);
  if (g_ibo) glDeleteBuffers(1, &g_ibo);
  if (g_program) glDeleteProgram(g_program);
  g_vao = g_vbo = g_ibo = g_program = 0;
  g_program_state = 0;
  g_renders = 0;
}

void webgl_renderer_create_fonts_texture() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  glGenTextures(1, &g_font);
  glBindTexture(GL_TEXTURE_2D, g_font);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID((ImTextureID)(intptr_t)g_font);
}

void webgl_renderer_destroy_fonts_texture() {
  if (!g_font) return;
  glDeleteTextures(1, &g_font);
  g_font = 0;
  ImGui::GetIO().Fonts->SetTexID(0);
}

void webgl_renderer_render(ImDrawData* dd) {
  const int fb_w = (int)(dd->DisplaySize.x * dd->FramebufferScale.x);
  const int fb_h = (int)(dd->DisplaySize.y * dd->FramebufferScale.y);
  if (fb_w <= 0 || fb_h <= 0 || dd->TotalVtxCount == 0 || !check_program()) return;
  setup_state(dd, fb_w, fb_h);

  // One upload of everything, each buffer getting a fresh store (no write into a buffer in use).
  g_vtx.resize((size_t)dd->TotalVtxCount);
  g_idx.resize((size_t)dd->TotalIdxCount);
  size_t nv = 0, ni = 0;
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* l = dd->CmdLists[n];
    std::copy(l->VtxBuffer.Data, l->VtxBuffer.Data + l->VtxBuffer.Size, g_vtx.data() + nv);
    std::copy(l->IdxBuffer.Data, l->IdxBuffer.Data + l->IdxBuffer.Size, g_idx.data() + ni);
    nv += (size_t)l->VtxBuffer.Size;
    ni += (size_t)l->IdxBuffer.Size;
  }
  glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(nv * sizeof(ImDrawVert)), g_vtx.data(), GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)(ni * sizeof(ImDrawIdx)), g_idx.data(), GL_STREAM_DRAW);

  const ImVec2 off = dd->DisplayPos, scale = dd->FramebufferScale;
  ImTextureID bound = nullptr;
  size_t first_vtx = 0, first_idx = 0;
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* l = dd->CmdLists[n];
    set_attributes(first_vtx);  // indices are per draw list: point the attributes at its vertices
    for (const ImDrawCmd& c : l->CmdBuffer) {
      if (c.UserCallback) {
        if (c.UserCallback == ImDrawCallback_ResetRenderState) {
          setup_state(dd, fb_w, fb_h);
          set_attributes(first_vtx);
          bound = nullptr;
        } else {
          c.UserCallback(l, &c);
        }
        continue;
      }
      const ImVec2 a((c.ClipRect.x - off.x) * scale.x, (c.ClipRect.y - off.y) * scale.y);
      const ImVec2 b((c.ClipRect.z - off.x) * scale.x, (c.ClipRect.w - off.y) * scale.y);
      if (b.x <= a.x || b.y <= a.y) continue;
      glScissor((int)a.x, (int)(fb_h - b.y), (int)(b.x - a.x), (int)(b.y - a.y));
      if (c.GetTexID() != bound) {
        bound = c.GetTexID();
        glBindTexture(GL_TEXTURE_2D, (GLuint)(intptr_t)bound);
      }
      glDrawElements(GL_TRIANGLES, (GLsizei)c.ElemCount, sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     (void*)((first_idx + c.IdxOffset) * sizeof(ImDrawIdx)));
    }
    first_vtx += (size_t)l->VtxBuffer.Size;
    first_idx += (size_t)l->IdxBuffer.Size;
  }
  glDisable(GL_SCISSOR_TEST);  // the next frame's glClear must cover the whole canvas
}

}  // namespace buyin::platform

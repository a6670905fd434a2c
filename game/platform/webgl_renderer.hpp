// The web build's Dear ImGui renderer: WebGL2 only, written for the browser instead of ImGui 1.86's
// portable OpenGL3 backend (which the desktop build keeps). The differences are all about not
// stalling the page's main thread:
//  - no glGet*/glIsEnabled per frame: the portable backend backs up and restores ~25 pieces of GL
//    state every frame, and in Chrome some of those queries are synchronous round trips to the GPU
//    process, so the main thread waited there for the previous frame to finish rendering
//    (measured: 95% of the main thread's time under input on SwiftShader). We own the context,
//    so the state is simply set;
//  - one upload per frame: all draw lists go into one vertex and one index buffer with a single
//    glBufferData each (a fresh store), instead of glBufferSubData into the same buffer once per
//    window while earlier draws still read it;
//  - the font atlas is uploaded as one byte per pixel (R8) instead of RGBA32: 4x less to upload on
//    the first frame; the shader reads its red channel as alpha, which gives the same pixels;
//  - the shader program is written and built by the page (web/loader.js) the moment the WebGL
//    context exists, so the GPU process links it while IndexedDB is read and the fonts are built
//    (built in main(), it was not ready for the first frame on a software GPU); the renderer
//    adopts it;
//  - no query waits for that compile: the projection is a constant vertex attribute (no uniform
//    location to look up) and the link status is asked a few renders in.
#pragma once
#include "imgui.h"

namespace buyin::platform {

bool webgl_renderer_init();                 // after the GL context is current
void webgl_renderer_shutdown();
void webgl_renderer_create_fonts_texture(); // after the atlas is built
void webgl_renderer_destroy_fonts_texture();
void webgl_renderer_render(ImDrawData* draw_data);

}  // namespace buyin::platform

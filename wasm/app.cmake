# The browser app: ImGui core + our WebGL2 renderer (wasm/gl_renderer.cpp) + our own web platform
# layer (wasm/web_platform.cpp) fed by DOM events from web/app.js.
# Included by the top-level CMakeLists.txt when configured with emcmake.
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "ImGui sources missing in ${IMGUI_DIR}: run python3 tools/bootstrap.py")
endif()

add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
# ImGui's OpenGL3 backend is not used: wasm/gl_renderer.cpp draws without its
# per-frame GL state queries (see there).
target_include_directories(imgui PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/misc/cpp"
  "${CMAKE_SOURCE_DIR}/wasm")
target_compile_definitions(imgui PUBLIC IMGUI_USER_CONFIG="reader_imconfig.h")

file(GLOB_RECURSE READER_APP_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/wasm/*.cpp")
add_executable(reader ${READER_APP_SOURCES})
target_link_libraries(reader PRIVATE reader_core imgui)
target_include_directories(reader PRIVATE "${CMAKE_SOURCE_DIR}/wasm")
target_compile_options(reader PRIVATE -Wall -Wextra)
set(READER_EXPORTS
  _reader_plain_html
  _malloc _free _reader_init _reader_add_font _reader_prepare_fonts _reader_saved_atlas _reader_load_atlas _reader_load_bundle _reader_frame _reader_resize
  _reader_pointer _reader_wheel _reader_key _reader_text _reader_focus _reader_message _reader_navigate _reader_load_error
  _reader_text_field _reader_text_field_blur _reader_tab _reader_focus_enter _reader_fetched _reader_image_loaded _reader_image_failed _reader_search_mirror _reader_mirror_strings _reader_reveal_text)
list(JOIN READER_EXPORTS "," READER_EXPORTS_CSV)
target_link_options(reader PRIVATE
  -sMODULARIZE=1 -sEXPORT_NAME=createReaderModule -sENVIRONMENT=web
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sTOTAL_STACK=1048576
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sFILESYSTEM=0 -sDYNAMIC_EXECUTION=0        # no eval/new Function: a strict CSP holds
  "-sEXPORTED_FUNCTIONS=[${READER_EXPORTS_CSV}]"
  "-sEXPORTED_RUNTIME_METHODS=[UTF8ToString,stringToUTF8,lengthBytesUTF8,HEAPU8]")
set_target_properties(reader PROPERTIES SUFFIX ".js")

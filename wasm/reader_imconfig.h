// ImGui's one customization point for this app (IMGUI_USER_CONFIG), instead of
// edits to library files.
#pragma once

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
#define IMGUI_DISABLE_DEFAULT_FONT        // the app ships its own Noto fonts
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_FILE_FUNCTIONS      // no ini file, no fopen: state lives in localStorage
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS

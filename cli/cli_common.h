// Shared helpers of reader-cli's subcommands: reading files, loading bundles
// (including a manifest's Markdown bodies from the bundle's folder).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/bundle_loader.h"

namespace cli {

std::optional<std::string> read_file(const std::string& path, std::string* error);

// Loads a bundle file; manifest bodies are read relative to the file's folder.
reader::LoadResult load_bundle_file(const std::string& path, const reader::LoadLimits& limits = {});

using Command = int (*)(const std::vector<std::string>& args);

int cmd_info(const std::vector<std::string>& args);

}  // namespace cli

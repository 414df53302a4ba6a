// Shared helpers of reader-cli's subcommands: reading files (or stdin as "-"),
// loading bundles (including a manifest's Markdown bodies from the bundle's
// folder), printing diagnostics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/bundle_loader.h"

namespace cli {

// The whole file, or standard input for "-". Nothing on error (and `error` says why).
std::optional<std::string> read_file(const std::string& path, std::string* error);
bool write_file(const std::string& path, std::string_view bytes, std::string* error);

// Loads a bundle file; manifest bodies are read relative to the file's folder.
reader::LoadResult load_bundle_file(const std::string& path, const reader::LoadLimits& limits = {});

// Options: "--name" and "--name VALUE" pulled out of args (what remains are operands).
bool take_flag(std::vector<std::string>& args, const std::string& name);
std::optional<std::string> take_option(std::vector<std::string>& args, const std::string& name);
// An operand that looks like an option ("-x", "--x", but not "-") is a usage error.
bool has_unknown_option(const std::vector<std::string>& args, std::string* which);

using Command = int (*)(std::vector<std::string> args);

int cmd_info(std::vector<std::string> args);
int cmd_validate(std::vector<std::string> args);
int cmd_html(std::vector<std::string> args);
int cmd_convert(std::vector<std::string> args);

}  // namespace cli

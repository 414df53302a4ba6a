#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (native, sanitizers, wasm
# under node, end-to-end in headless Chromium, bounded fuzzing). See tools/run_tests.py.
set -euo pipefail
cd "$(dirname "$0")"
exec python3 tools/run_tests.py "$@"

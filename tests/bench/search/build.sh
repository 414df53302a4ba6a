#!/bin/sh
# Builds the search benchmark drivers into build/bench-search/: search_bench (native,
# g++ -O2, zlib) and search_bench.js + .wasm (em++ -O3, run under node). The core's
# text and search sources are compiled directly; the Unicode tables are generated
# with tools/gen_unicode.py as CMake would.
#   sh tests/bench/search/build.sh [native|wasm|all]
set -eu
cd "$(dirname "$0")/../../.."
OUT=build/bench-search
mkdir -p "$OUT/generated"
python3 tools/gen_unicode.py "$OUT/generated/unicode.inc"
SRC="$(ls shared/text/*.cpp shared/search/*.cpp) tests/bench/search/search_bench.cpp"
what=${1:-all}
if [ "$what" = native ] || [ "$what" = all ]; then
  g++ -std=c++20 -O2 -DNDEBUG -DBENCH_ZLIB -Ishared -I"$OUT/generated" $SRC -lz -o "$OUT/search_bench"
  echo "built $OUT/search_bench"
fi
if [ "$what" = wasm ] || [ "$what" = all ]; then
  NODE_PATH=${NODE_PATH:-/usr/share/nodejs} em++ -std=c++20 -O3 -DNDEBUG -Ishared -I"$OUT/generated" $SRC -o "$OUT/search_bench.js" \
    -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sEXIT_RUNTIME=1 -sTOTAL_STACK=1048576
  echo "built $OUT/search_bench.js"
fi

#!/bin/sh
# Builds the bundle → model benchmark drivers into build/bench-model/: model_bench
# (native, g++ -O3, as the Release build) and model_bench.js + .wasm (em++ -O3, run
# under node); pathological_bench (native: md4c's pathological inputs, timed). The core's sources the loader needs and md4c are compiled directly;
# the Unicode tables are generated with tools/gen_unicode.py as CMake would.
#   sh tests/bench/model/build.sh [native|wasm|all]
set -eu
cd "$(dirname "$0")/../../.."
OUT=build/bench-model
MD4C=build/third_party/md4c/src
mkdir -p "$OUT/generated"
[ -f "$OUT/generated/unicode.inc" ] || python3 tools/gen_unicode.py "$OUT/generated/unicode.inc"
SRC="$(ls shared/model/*.cpp shared/text/*.cpp shared/comments/*.cpp shared/time/*.cpp shared/i18n/*.cpp) tests/bench/model/model_bench.cpp"
# em++ must not see the host's /usr/include: a folder holding only nlohmann/ (as CMake does).
mkdir -p "$OUT/sysinc"
[ -e "$OUT/sysinc/nlohmann" ] || ln -s /usr/include/nlohmann "$OUT/sysinc/nlohmann"
INC="-Ishared -I$OUT/generated -I$MD4C -isystem $OUT/sysinc"
what=${1:-all}
if [ "$what" = native ] || [ "$what" = all ]; then
  gcc -O3 -DNDEBUG -c "$MD4C/md4c.c" -o "$OUT/md4c.o"
  gcc -O3 -DNDEBUG -c "$MD4C/entity.c" -o "$OUT/entity.o"
  g++ -std=c++20 -O3 -DNDEBUG $INC $SRC "$OUT/md4c.o" "$OUT/entity.o" -o "$OUT/model_bench"
  echo "built $OUT/model_bench"
  g++ -std=c++20 -O3 -DNDEBUG $INC $(ls shared/model/*.cpp shared/text/*.cpp shared/comments/*.cpp shared/time/*.cpp shared/i18n/*.cpp) \
    tests/bench/model/pathological_bench.cpp "$OUT/md4c.o" "$OUT/entity.o" -o "$OUT/pathological_bench"
  echo "built $OUT/pathological_bench"
fi
if [ "$what" = wasm ] || [ "$what" = all ]; then
  export NODE_PATH=/usr/share/nodejs
  emcc -O3 -DNDEBUG -c "$MD4C/md4c.c" -o "$OUT/md4c.wasm.o"
  emcc -O3 -DNDEBUG -c "$MD4C/entity.c" -o "$OUT/entity.wasm.o"
  # The bundle is read by C code from the real file system (NODERAWFS) into wasm
  # memory once, as the app gets it: one copy of the bytes, no JS-side buffer.
  em++ -std=c++20 -O3 -DNDEBUG $INC $SRC "$OUT/md4c.wasm.o" "$OUT/entity.wasm.o" -o "$OUT/model_bench.js" \
    -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sEXIT_RUNTIME=1 -sTOTAL_STACK=1048576
  echo "built $OUT/model_bench.js"
fi

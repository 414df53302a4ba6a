// The one Catch2 main for the unit tests, native and wasm (run under node).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

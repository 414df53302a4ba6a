#!/usr/bin/env python3
"""Runs every test of the project, after installing and building what is missing.

Suites, in order (each prints its own results; a summary line closes the run):
  native      Catch2 unit tests of the core, natively
  sanitizers  the same tests built with ASan + UBSan
  wasm        the same tests compiled to wasm and run under node
  cli         reader-cli behaviour on example bundles
  e2e         end-to-end tests in headless Chromium (Playwright) against serve.py
  fuzz        each libFuzzer target for a bounded time (clang, ASan + UBSan)
Usage: run_tests.py [SUITE ...]   (default: all)
"""
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build as builder  # noqa: E402

BUILD = builder.BUILD

FUZZ_SECONDS = int(os.environ.get("READER_FUZZ_SECONDS", "30"))


def sh(cmd, env=None, cwd=ROOT):
    print("[test] $ " + " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], env=env, cwd=cwd).returncode == 0


def suite_native():
    builder.build_native()
    return sh([BUILD / "native" / "unit-tests"])


def suite_sanitizers():
    builder.cmake_build(BUILD / "native-asan", ["unit-tests"],
                        extra=("-DREADER_SANITIZE=ON", "-DCMAKE_BUILD_TYPE=RelWithDebInfo"))
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=1", UBSAN_OPTIONS="print_stacktrace=1")
    return sh([BUILD / "native-asan" / "unit-tests"], env=env)


def suite_wasm():
    builder.build_wasm_tests()
    return sh(["node", BUILD / "wasm-tests" / "unit-tests.js"])


def suite_cli():
    builder.build_native()
    tests = sorted((ROOT / "tests" / "cli").glob("*.test.mjs"))
    if not tests:
        return True
    return sh(["node", "--test", "--test-concurrency=1", *tests])


def suite_e2e():
    builder.build_wasm_app()
    builder.stage()
    tests = sorted((ROOT / "tests" / "e2e").glob("*.test.mjs"))
    return sh(["node", "--test", "--test-concurrency=1", *tests])


def suite_fuzz():
    targets = sorted((ROOT / "tests" / "fuzz").glob("fuzz_*.cpp"))
    if not targets:
        return True
    env = dict(os.environ, CC="clang", CXX="clang++")
    names = [t.stem for t in targets]
    builder.cmake_build(BUILD / "fuzz", names, extra=("-DREADER_FUZZ=ON", "-DCMAKE_BUILD_TYPE=RelWithDebInfo"), env=env)
    ok = True
    for name in names:
        corpus = ROOT / "tests" / "fuzz" / "corpus" / name.removeprefix("fuzz_")
        work = BUILD / "fuzz" / "work" / name
        work.mkdir(parents=True, exist_ok=True)
        args = [BUILD / "fuzz" / name, work, f"-max_total_time={FUZZ_SECONDS}", "-print_final_stats=1",
                f"-artifact_prefix={work}/",
                "-max_len=65536", "-rss_limit_mb=2048", "-timeout=10"]
        if corpus.exists():
            args.insert(2, corpus)
        # libFuzzer prints a line per new unit: keep that in a log and show its
        # verdict and final stats (or, on failure, the crash report).
        log = work / "fuzz.log"
        with open(log, "w") as out:
            print("[test] $ " + " ".join(str(a) for a in args) + f"  > {log}", flush=True)
            passed = subprocess.run([str(a) for a in args], stdout=out, stderr=subprocess.STDOUT).returncode == 0
        lines = log.read_text(errors="replace").splitlines()
        shown = [l for l in lines if " DONE " in l or l.startswith(("stat::", "Done "))]
        print("\n".join(shown if passed else lines[-80:]), flush=True)
        ok = passed and ok
    return ok


SUITES = {
    "native": suite_native,
    "sanitizers": suite_sanitizers,
    "wasm": suite_wasm,
    "cli": suite_cli,
    "e2e": suite_e2e,
    "fuzz": suite_fuzz,
}


def main():
    subprocess.run([sys.executable, ROOT / "tools" / "bootstrap.py"], check=True)
    chosen = sys.argv[1:] or list(SUITES)
    passed, failed = [], []
    for name in chosen:
        start = time.time()
        print(f"\n===== suite {name} =====", flush=True)
        try:
            ok = SUITES[name]()
        except subprocess.CalledProcessError as e:
            print(f"[test] {name}: build step failed: {e}", flush=True)
            ok = False
        (passed if ok else failed).append(name)
        print(f"===== suite {name}: {'passed' if ok else 'FAILED'} in {time.time() - start:.0f} s", flush=True)
    print(f"\nsuites: {', '.join(passed) or '-'} passed; {', '.join(failed) or 'none'} failed")
    print(f"{len(passed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

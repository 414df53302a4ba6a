#!/usr/bin/env python3
"""Builds the project: what serve.py and the test command call after bootstrap.

  build.py app      the wasm app staged into build/dist/ (what serve.py serves)
  build.py native   the native core, reader-cli and unit tests (build/native/)
  build.py wasm-tests  the unit tests compiled to wasm for node (build/wasm-tests/)
  build.py all      all of the above

Every step is incremental (CMake + Ninja; fonts and staging compare stamps), so a
second run with nothing changed takes a second or two.
"""
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# READER_BUILD_DIR lets two builds run side by side (third-party sources stay in build/).
BUILD = Path(os.environ.get("READER_BUILD_DIR") or ROOT / "build").resolve()
DIST = BUILD / "dist"
JOBS = str(max(1, min(2, os.cpu_count() or 1)))  # this kind of machine has 2 cores


def env_for_emscripten():
    env = dict(os.environ)
    # Debian's emscripten needs its node modules (acorn) on NODE_PATH.
    env["NODE_PATH"] = "/usr/share/nodejs" + (":" + env["NODE_PATH"] if env.get("NODE_PATH") else "")
    return env


def run(cmd, env=None):
    print("[build] $ " + " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, env=env, cwd=ROOT)


def cmake_build(build_dir, targets, configure_prefix=(), extra=(), env=None):
    if not (build_dir / "build.ninja").exists():
        run([*configure_prefix, "cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja",
             "-DCMAKE_BUILD_TYPE=Release", *extra], env=env)
    run(["cmake", "--build", build_dir, "-j", JOBS, "--target", *targets], env=env)


def build_native():
    cmake_build(BUILD / "native", ["reader-cli", "unit-tests"])


def build_wasm_app():
    env = env_for_emscripten()
    cmake_build(BUILD / "wasm", ["reader"], configure_prefix=("emcmake",), env=env)


def build_wasm_tests():
    env = env_for_emscripten()
    cmake_build(BUILD / "wasm-tests", ["unit-tests"], configure_prefix=("emcmake",), env=env)


def file_hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def copy_if_changed(src, dst):
    dst.parent.mkdir(parents=True, exist_ok=True)
    if dst.exists() and dst.stat().st_size == src.stat().st_size and dst.read_bytes() == src.read_bytes():
        return
    shutil.copy2(src, dst)


FIRST_VIEW = re.compile(r"<!-- first-view -->.*?<!-- /first-view -->", re.S)


def first_view_snippet(bundle):
    """The front article's opening as static HTML for index.html: the page paints it at
    once (the largest text of the first view, what search engines and browsers without
    WebGL2 or JavaScript read) and app.js replaces it with the canvas. Made by the
    core's own HTML export (reader-cli html); (article id, html) or None without it."""
    cli = BUILD / "native" / "reader-cli"
    if not cli.exists():
        try:
            cmake_build(BUILD / "native", ["reader-cli"])
        except subprocess.CalledProcessError:
            return None
    try:
        first = json.loads(bundle.read_text(encoding="utf-8"))["articles"][0]["id"]
        out = subprocess.run([str(cli), "html", str(bundle), "--article", first, "--lang", "vi"],
                             check=True, capture_output=True, text=True).stdout
    except (OSError, ValueError, KeyError, IndexError, subprocess.CalledProcessError) as e:
        print(f"[build] no first view: {e}", flush=True)
        return None
    header = re.search(r"<article[^>]*>\s*(<header>.*?</header>)", out, re.S)
    lead = re.search(r'<p class="lead">.*?</p>', out, re.S)
    body = re.search(r'<div class="body">(.*?)</div>', out, re.S)
    if not header:
        return None
    # The opening paragraphs fill a screen; links and ids are dropped (relative links
    # are the bundle's, and ids stay unique to the canvas's mirror).
    paragraphs = re.findall(r"<p>.*?</p>", body.group(1), re.S)[:3] if body else []
    parts = [header.group(1)] + ([lead.group(0)] if lead else []) + paragraphs
    snippet = "\n".join(parts)
    snippet = re.sub(r"</?a\b[^>]*>", "", snippet)
    snippet = re.sub(r'\s(id|aria-labelledby)="[^"]*"', "", snippet)
    return first, f'<article lang="vi">\n{snippet}\n</article>'


def stage_index_html(src, dst, bundle):
    text = src.read_text(encoding="utf-8")
    made = first_view_snippet(bundle) if FIRST_VIEW.search(text) else None
    if made:
        article_id, snippet = made
        text = FIRST_VIEW.sub(lambda _: snippet, text, count=1)
        text = text.replace('data-article-id=""', f'data-article-id="{html.escape(article_id)}"', 1)
    if not dst.exists() or dst.read_text(encoding="utf-8") != text:
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_text(text, encoding="utf-8")


def wasm_names(glue):
    """The optimizer's short names of the module's imports and exports, read from the
    emscripten glue (reader.js) for web/startup_worker.js, which instantiates the module
    without the glue: {"imports": {short: name}, "exports": {name: short}}."""
    table = re.search(r"asmLibraryArg=\{([^}]*)\}", glue)
    memory = re.search(r'wasmMemory=Module\["asm"\]\["([^"]+)"\]', glue)
    exports = dict(re.findall(r'Module\["(\w+)"\]=Module\["asm"\]\["([^"]+)"\]', glue))
    if not table or not memory or not exports:
        sys.exit("build: cannot read the wasm import/export names from reader.js (emscripten changed its glue?)")
    exports["memory"] = memory.group(1)
    imports = {short: name for short, name in re.findall(r'"([^"]+)":([\w$]+)', table.group(1))}
    return {"imports": imports, "exports": exports}


def stage_startup_worker(src, dst):
    names = wasm_names((BUILD / "wasm" / "reader.js").read_text(encoding="utf-8"))
    text = src.read_text(encoding="utf-8").replace("__WASM_NAMES__", json.dumps(names, sort_keys=True), 1)
    if not dst.exists() or dst.read_text(encoding="utf-8") != text:
        dst.write_text(text, encoding="utf-8")


def stage():
    """build/dist = web/ + the wasm app + fonts + bundles, plus a precache list."""
    run([sys.executable, ROOT / "tools" / "make_fonts.py", BUILD / "fonts"])
    run([sys.executable, ROOT / "tools" / "make_icons.py", BUILD / "icons"])
    wanted = {}
    for src in (ROOT / "web").rglob("*"):
        if src.is_file():
            wanted[src.relative_to(ROOT / "web")] = src
    for name in ("reader.js", "reader.wasm"):
        wanted[Path(name)] = BUILD / "wasm" / name
    for src in (BUILD / "fonts").glob("*.ttf"):
        wanted[Path("fonts") / src.name] = src
    for src in (BUILD / "icons").glob("*.png"):
        wanted[Path("icons") / src.name] = src
    for src in (ROOT / "assets" / "bundles").rglob("*"):
        if src.is_file():
            wanted[Path("bundles") / src.relative_to(ROOT / "assets" / "bundles")] = src
    for rel, src in wanted.items():
        if rel == Path("index.html"):   # with the static first view written in
            stage_index_html(src, DIST / rel, ROOT / "assets" / "bundles" / "default.json")
        elif rel == Path("startup_worker.js"):   # with the module's short names written in
            stage_startup_worker(src, DIST / rel)
        elif rel != Path("sw.js"):    # written below, stamped with the version
            copy_if_changed(src, DIST / rel)
    # Remove what is no longer part of the app (renamed or deleted files).
    for old in DIST.rglob("*"):
        if old.is_file() and old.relative_to(DIST) not in wanted and old.name != "asset-manifest.json":
            old.unlink()
    # The service worker precaches these, each with its content hash, so an update
    # is installed whole or not at all.
    manifest = {str(rel): file_hash(DIST / rel) for rel in sorted(wanted) if rel.name != "sw.js"}
    version = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()[:12]
    (DIST / "asset-manifest.json").write_text(json.dumps({"version": version, "files": manifest}, indent=1))
    # The service worker names the version it installs, so every new version is a new
    # sw.js byte for byte (what makes the browser install it).
    if (ROOT / "web" / "sw.js").exists():
        stamped = (ROOT / "web" / "sw.js").read_text(encoding="utf-8").replace("__ASSET_VERSION__", version)
        if not (DIST / "sw.js").exists() or (DIST / "sw.js").read_text(encoding="utf-8") != stamped:
            (DIST / "sw.js").write_text(stamped, encoding="utf-8")
    print(f"[build] staged {len(wanted)} files into {DIST} (version {version})", flush=True)


def main():
    what = sys.argv[1] if len(sys.argv) > 1 else "app"
    if what in ("native", "all"):
        build_native()
    if what in ("wasm-tests", "all"):
        build_wasm_tests()
    if what in ("app", "all"):
        build_wasm_app()
        stage()


if __name__ == "__main__":
    main()

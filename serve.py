#!/usr/bin/env python3
"""Installs what is missing, builds, and serves the reader: python3 serve.py

Options:
  --port N (8000), --host H (127.0.0.1)
  --no-build            serve the staged folder as it is
  --dist DIR            serve DIR instead of build/dist (tests serve altered copies)
  --trust-origin ORIGIN repeatable: a host page origin allowed to embed and drive the
                        reader (CSP frame-ancestors, reader-config.json trustedOrigins)
                        and to be sent bundles (CORS); adds to web/reader-config.json
  --frame-origin ORIGIN repeatable: an origin this server's own pages may put in an
                        iframe (CSP frame-src), for the embedding example host page
  --quiet               no request log

The headers are the production ones documented in docs/deploy/HEADERS.md: correct
MIME types, gzip for text and wasm, content-hash ETags, no-cache for names without a
hash (the service worker keeps them offline, by content hash), a year and immutable
for names with one, a strict Content-Security-Policy. Standard library only.
"""
import argparse
import gzip
import hashlib
import http.server
import json
import os
import posixpath
import re
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = Path(os.environ.get("READER_BUILD_DIR") or ROOT / "build").resolve() / "dist"

TYPES = {
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff2": "font/woff2",
}
COMPRESSIBLE = {".wasm", ".js", ".mjs", ".json", ".html", ".css", ".md", ".txt", ".xml", ".svg", ".ttf", ".otf", ".webmanifest"}
# Data a trusted host or another reader may fetch across origins (CORS).
SHAREABLE = {".json", ".md", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"}
# A file name with a content hash in it (name.0123abcd.ext) never changes at its URL.
HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.[a-z0-9]+$")
# Always revalidated: what names the current version, and the configuration.
NEVER_STALE = ("sw.js", "asset-manifest.json", "reader-config.json")


def origin_list(values):
    return [v.rstrip("/") for v in values if isinstance(v, str) and v]


def csp(trusted, bundle_origins, frame_origins):
    """The Content-Security-Policy of every response (docs/deploy/HEADERS.md)."""
    ancestors = " ".join(["'self'"] + trusted)
    data = " ".join(["'self'"] + sorted(set(bundle_origins + trusted)))
    frames = " ".join(["'self'"] + frame_origins)
    # 'wasm-unsafe-eval' is what WebAssembly compilation needs; no 'unsafe-eval', no
    # inline script or style, no plugins, no <base>, no forms.
    return ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
            f"img-src {data} data: blob:; font-src 'self'; connect-src {data}; media-src 'self'; "
            f"frame-src {frames}; worker-src 'self'; manifest-src 'self'; object-src 'none'; "
            f"base-uri 'none'; form-action 'none'; frame-ancestors {ancestors}")


class FileCache:
    """Content hash and gzip of each served file, kept until the file changes."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries = {}

    def get(self, path, st):
        key = (str(path), st.st_mtime_ns, st.st_size)
        with self.lock:
            hit = self.entries.get(str(path))
            if hit and hit["key"] == key:
                return hit
        data = path.read_bytes()
        entry = {"key": key, "etag": hashlib.sha256(data).hexdigest()[:16], "gzip": None}
        if path.suffix.lower() in COMPRESSIBLE and len(data) > 512:
            entry["gzip"] = gzip.compress(data, compresslevel=6, mtime=0)
        with self.lock:
            self.entries[str(path)] = entry
        return entry


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive: the first view makes ~20 requests
    server_version = "reader-serve"
    dist = DIST
    trusted = []          # --trust-origin
    frame_origins = []    # --frame-origin
    files = FileCache()

    def version_string(self):
        return self.server_version

    # ------------------------------------------------------------------ configuration
    def deployment_config(self):
        """web/reader-config.json as deployed, plus --trust-origin."""
        try:
            cfg = json.loads((self.dist / "reader-config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cfg = {}
        if not isinstance(cfg, dict):
            cfg = {}
        for key in ("trustedOrigins", "bundleOrigins"):
            have = origin_list(cfg.get(key, [])) if isinstance(cfg.get(key), list) else []
            cfg[key] = sorted(set(have) | set(self.trusted))
        return cfg

    # ------------------------------------------------------------------ headers
    def security_headers(self, cfg, extension):
        self.send_header("Content-Security-Policy", csp(cfg["trustedOrigins"], cfg["bundleOrigins"], self.frame_origins))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                                               "interest-cohort=(), browsing-topics=()")
        if extension not in SHAREABLE:
            self.send_header("Cross-Origin-Resource-Policy", "same-origin")

    def cache_headers(self, rel):
        name = rel.rsplit("/", 1)[-1]
        if HASHED_NAME.search(name) and name not in NEVER_STALE:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            # Stable names: always revalidated (a 304 costs a round trip, no bytes); the
            # service worker serves them offline and checks them by content hash.
            self.send_header("Cache-Control", "no-cache")

    def cors_headers(self, cfg, extension):
        if extension not in SHAREABLE:
            return
        origin = self.headers.get("Origin", "")
        self.send_header("Vary", "Origin, Accept-Encoding")
        if origin and origin in cfg["trustedOrigins"] + cfg["bundleOrigins"]:
            self.send_header("Access-Control-Allow-Origin", origin)

    def reply(self, status, body, content_type, cfg, rel="", extension="", etag=None, encoding=None):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if etag:
            self.send_header("ETag", etag)
        if extension in COMPRESSIBLE and extension not in SHAREABLE:
            self.send_header("Vary", "Accept-Encoding")
        self.cache_headers(rel) if status in (200, 304) else self.send_header("Cache-Control", "no-store")
        self.cors_headers(cfg, extension)
        self.security_headers(cfg, extension)
        self.end_headers()
        if self.command != "HEAD" and status != 304:
            self.wfile.write(body)

    def not_found(self, cfg):
        self.reply(404, b"404 Not Found\n", "text/plain; charset=utf-8", cfg)

    # ------------------------------------------------------------------ requests
    def resolve(self, url_path):
        """The file under dist for a URL path, or None (never outside dist, no dot files)."""
        path = posixpath.normpath(urllib.parse.unquote(url_path))
        parts = [p for p in path.split("/") if p]
        if any(p.startswith(".") for p in parts):
            return None, ""
        rel = "/".join(parts)
        target = self.dist.joinpath(*parts) if parts else self.dist
        if target.is_dir():
            if parts and not url_path.endswith("/"):
                return "redirect", rel
            target = target / "index.html"
            rel = (rel + "/index.html").lstrip("/")
        try:
            target.resolve().relative_to(self.dist.resolve())
        except ValueError:
            return None, ""
        return (target if target.is_file() else None), rel

    def do_GET(self):
        cfg = self.deployment_config()
        url_path = urllib.parse.urlsplit(self.path).path
        if url_path == "/reader-config.json" and self.trusted:
            # The deployment file plus the origins given on the command line.
            body = json.dumps(cfg, ensure_ascii=False, indent=1).encode()
            self.reply(200, body, TYPES[".json"], cfg, "reader-config.json", ".json")
            return
        target, rel = self.resolve(url_path)
        if target == "redirect":
            self.send_response(301)
            self.send_header("Location", url_path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if target is None:
            self.not_found(cfg)
            return
        extension = target.suffix.lower()
        entry = self.files.get(target, target.stat())
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        use_gzip = accepts_gzip and entry["gzip"] is not None
        etag = f'"{entry["etag"]}{"-gz" if use_gzip else ""}"'
        if etag in [t.strip() for t in self.headers.get("If-None-Match", "").split(",")]:
            self.reply(304, b"", None, cfg, rel, extension, etag=etag)
            return
        body = entry["gzip"] if use_gzip else target.read_bytes()
        content_type = TYPES.get(extension, "application/octet-stream")
        self.reply(200, body, content_type, cfg, rel, extension, etag=etag, encoding="gzip" if use_gzip else None)

    def do_HEAD(self):
        self.do_GET()

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--dist", type=Path, default=DIST)
    ap.add_argument("--trust-origin", action="append", default=[])
    ap.add_argument("--frame-origin", action="append", default=[])
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run([sys.executable, ROOT / "tools" / "bootstrap.py"], check=True)
        subprocess.run([sys.executable, ROOT / "tools" / "build.py", "app"], check=True)
    handler = type("ReaderHandler", (Handler,), {
        "dist": args.dist.resolve(),
        "trusted": origin_list(args.trust_origin),
        "frame_origins": origin_list(args.frame_origin),
    })
    server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    server.daemon_threads = True
    server.quiet = args.quiet
    print(f"Serving the reader at http://{args.host}:{args.port}/  (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped")


if __name__ == "__main__":
    main()

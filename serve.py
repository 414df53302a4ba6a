#!/usr/bin/env python3
"""Installs what is missing, builds, and serves the reader: python3 serve.py

Options: --port N (8000), --host H (127.0.0.1), --no-build (serve build/dist as is),
--trust-origin ORIGIN (repeatable: a host page origin allowed to embed and drive the
reader, and to serve bundles to it). Standard library only.
"""
import argparse
import functools
import http.server
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "build" / "dist"

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
    ".svg": "image/svg+xml",
    ".ttf": "font/ttf",
    ".png": "image/png",
}


def csp(trusted):
    ancestors = " ".join(["'self'"] + trusted)
    connect = " ".join(["'self'"] + trusted)
    # 'wasm-unsafe-eval' is what WebAssembly.instantiate needs; no 'unsafe-eval',
    # no inline script, no plugins, no base-tag tricks.
    return ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
            f"img-src 'self' https: data: blob:; font-src 'self'; connect-src {connect}; "
            "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
            f"form-action 'none'; frame-ancestors {ancestors}")


class Handler(http.server.SimpleHTTPRequestHandler):
    trusted = []

    def guess_type(self, path):
        return TYPES.get(Path(str(path)).suffix.lower(), super().guess_type(path))

    def end_headers(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        self.send_header("Content-Security-Policy", csp(self.trusted))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        if path.endswith((".html", "/", "sw.js", ".webmanifest", "asset-manifest.json", "reader-config.json")):
            self.send_header("Cache-Control", "no-cache")
        else:
            # Not content-hashed in their names: revalidate, the service worker keeps them offline.
            self.send_header("Cache-Control", "no-cache")
        if self.trusted and path.endswith((".json", ".md")):
            self.send_header("Access-Control-Allow-Origin", self.headers.get("Origin", "")
                             if self.headers.get("Origin", "") in self.trusted else "null")
            self.send_header("Vary", "Origin")
        super().end_headers()

    def do_GET(self):
        if self.path.split("?", 1)[0] == "/reader-config.json" and self.trusted:
            # The deployment file plus the origins given on the command line.
            cfg = json.loads((DIST / "reader-config.json").read_text())
            for key in ("trustedOrigins", "bundleOrigins"):
                cfg[key] = sorted(set(cfg.get(key, [])) | set(self.trusted))
            body = json.dumps(cfg).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, fmt, *args):
        if "--quiet" not in sys.argv:
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--trust-origin", action="append", default=[])
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        subprocess.run([sys.executable, ROOT / "tools" / "bootstrap.py"], check=True)
        subprocess.run([sys.executable, ROOT / "tools" / "build.py", "app"], check=True)
    Handler.trusted = [o.rstrip("/") for o in args.trust_origin]
    server = http.server.ThreadingHTTPServer((args.host, args.port), functools.partial(Handler, directory=str(DIST)))
    print(f"Serving the reader at http://{args.host}:{args.port}/  (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nstopped")


if __name__ == "__main__":
    main()

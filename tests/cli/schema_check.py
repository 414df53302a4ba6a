#!/usr/bin/env python3
"""Checks JSON bundles against docs/format/bundle.schema.json (draft 2020-12).

Usage: schema_check.py FILE.json...   prints {"FILE": ["error", ...], ...} as JSON.
A Markdown article's front matter is checked as an article (read with the same
rules as the reader's front-matter reader is not possible here, so .md files are
given as JSON by the caller). Exit 77 when the jsonschema module is missing.
"""
import json
import sys
from pathlib import Path

try:
    import jsonschema
except ImportError:
    print("SKIP: python3 jsonschema is not installed (Debian: python3-jsonschema)")
    sys.exit(77)

schema_path = Path(__file__).resolve().parents[2] / "docs" / "format" / "bundle.schema.json"
schema = json.loads(schema_path.read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
out = {}
for name in sys.argv[1:]:
    try:
        doc = json.loads(Path(name).read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        out[name] = [f"not JSON: {e}"]
        continue
    out[name] = [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
print(json.dumps(out, ensure_ascii=False))

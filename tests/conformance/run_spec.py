#!/usr/bin/env python3
"""CommonMark conformance of the reader: md4c's spec files through the model and the
HTML export, compared the way the spec's own test runner compares them.

Each example of spec.txt (CommonMark 0.30), spec-tables.txt and
spec-strikethrough.txt (md4c's GitHub extensions) becomes a one-article Markdown
bundle (a front-matter header, then the example) and goes through
`reader-cli html --body-only -`: the bundle loader, the Markdown builder, the model
and the HTML export, as the app and the accessible mirror use them. Both HTML texts
are normalized by md4c's test/normalize.py (the spec's normalizer) and compared.

The export adds two attributes that the reference renderers do not write, for
accessibility and safety: scope="col" on table header cells and
rel="noopener noreferrer" on external links. They are removed from our HTML before
the comparison (exactly those strings, nothing else).

Examples are put in one of these groups, from what the loader reported for them
(not from a list kept by hand):
  raw-html     the example holds raw HTML (md4c saw an HTML block or an inline tag);
               the reader never passes raw HTML through, it shows it as text, so
               these are expected to differ;
  link-policy  a link or image target the link policy drops (a scheme other than
               http, https, mailto, e.g. "<irc://foo.bar:2233/baz>"): the text is
               kept without the link, so these are expected to differ;
  gfm-autolink plain CommonMark examples whose only difference is a GitHub
               permissive autolink ("https://example.com", "foo@bar.example.com"
               written bare): the reader's dialect links them, as the issue asks
               (checked: removing exactly those <a> wrappers makes the HTML equal);
  plain        everything else: every one of these must pass.

Usage: run_spec.py [--cli build/native/reader-cli] [--md4c DIR] [--json] [--verbose]
Exit status: 0 when every plain example passes, 1 otherwise, 77 when md4c's test
folder is missing (run tools/bootstrap.py).
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPECS = ["spec.txt", "spec-tables.txt", "spec-strikethrough.txt"]
ADDED_ATTRIBUTES = [' scope="col"', ' rel="noopener noreferrer"']
GROUPS = ("plain", "raw-html", "link-policy", "gfm-autolink")


def read_examples(path):
    """The examples of a spec file, as md4c's run-testsuite.py reads them."""
    examples, md, html, state, section, start = [], [], [], 0, "", 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(keepends=True), 1):
        stripped = line.strip()
        if re.match(r"`{32} example( [a-z]+)?", stripped):
            state, start = 1, number
        elif state >= 2 and stripped == "`" * 32:
            examples.append({"spec": path.name, "example": len(examples) + 1, "line": start, "section": section,
                             "markdown": "".join(md).replace("→", "\t"), "html": "".join(html).replace("→", "\t")})
            md, html, state = [], [], 0
        elif stripped == ".":
            state += 1
        elif state == 1:
            md.append(line)
        elif state == 2:
            html.append(line)
        elif state == 0 and re.match(r"#+ ", line):
            section = re.sub(r"#+ ", "", line).strip()
    return examples


def run_example(cli, example):
    bundle = "---\nid: example\ntitle: Example\n---\n" + example["markdown"]
    p = subprocess.run([str(cli), "html", "--body-only", "-"], input=bundle.encode("utf-8"),
                       capture_output=True, timeout=30)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def group_of(stderr):
    if "raw HTML is shown as text" in stderr:
        return "raw-html"
    if "removed (only http" in stderr or "is not allowed; its alt text is shown" in stderr:
        return "link-policy"
    return "plain"


AUTOLINK_RE = re.compile(r'<a href="([^"]*)">([^<]*)</a>')


def only_autolinks_differ(ours, expected, normalize_html):
    """True when unwrapping bare-URL autolinks from our HTML makes it equal."""
    def unwrap(m):
        href, text = m.group(1), m.group(2)
        if href in (text, "mailto:" + text, "http://" + text):
            return text
        return m.group(0)
    return normalize_html(AUTOLINK_RE.sub(unwrap, ours)) == normalize_html(expected)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", default=str(ROOT / "build" / "native" / "reader-cli"))
    ap.add_argument("--md4c", default=str(ROOT / "build" / "third_party" / "md4c" / "test"))
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--verbose", action="store_true", help="show every failing example")
    args = ap.parse_args()
    md4c = Path(args.md4c)
    if not (md4c / "normalize.py").exists():
        print(f"SKIP: md4c's test folder is not at {md4c} (run python3 tools/bootstrap.py)")
        return 77
    sys.path.insert(0, str(md4c))
    from normalize import normalize_html  # noqa: E402  (the spec's own normalizer)

    results = []
    for spec in SPECS:
        for ex in read_examples(md4c / spec):
            code, actual, stderr = run_example(args.cli, ex)
            ours = actual
            for attribute in ADDED_ATTRIBUTES:
                ours = ours.replace(attribute, "")
            passed = code == 0 and normalize_html(ours) == normalize_html(ex["html"])
            group = group_of(stderr)
            if not passed and group == "plain" and only_autolinks_differ(ours, ex["html"], normalize_html):
                group = "gfm-autolink"
            results.append({"spec": spec, "example": ex["example"], "line": ex["line"], "section": ex["section"],
                            "group": group, "passed": passed, "markdown": ex["markdown"],
                            "expected": ex["html"], "actual": actual, "exit": code})

    summary = {}
    for spec in SPECS + ["all"]:
        rows = [r for r in results if spec == "all" or r["spec"] == spec]
        s = {"examples": len(rows), "passed": sum(r["passed"] for r in rows)}
        for group in GROUPS:
            g = [r for r in rows if r["group"] == group]
            s[group] = {"examples": len(g), "passed": sum(r["passed"] for r in g)}
        summary[spec] = s
    failures = [r for r in results if r["group"] == "plain" and not r["passed"]]
    if args.json:
        print(json.dumps({"summary": summary,
                          "plain_failures": [{k: r[k] for k in ("spec", "example", "line", "section")} for r in failures],
                          "differences": [{k: r[k] for k in ("spec", "example", "section", "group")}
                                          for r in results if not r["passed"] and r["group"] != "plain"]},
                         ensure_ascii=False, indent=1))
    else:
        for spec, s in summary.items():
            groups = ", ".join(f"{g} {s[g]['passed']}/{s[g]['examples']}" for g in GROUPS)
            print(f"{spec:24} {s['passed']:4}/{s['examples']:<4} passed; {groups}")
        shown = results if args.verbose else failures
        for r in shown:
            if r["passed"]:
                continue
            print(f"\n--- {r['spec']} example {r['example']} (line {r['line']}, {r['section']}, {r['group']})")
            print("markdown:", repr(r["markdown"]))
            print("expected:", repr(r["expected"]))
            print("actual:  ", repr(r["actual"]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

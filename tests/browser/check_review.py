#!/usr/bin/env python3
"""Load `ocrmend review`'s page in headless Chromium and check the DOM after its script ran.

    python3 tests/browser/check_review.py [BINARY] [INPUT] [OUT_DIR]

Defaults: target/release/ocrmend, fixtures/A-75-371-fr.ocr.txt, target/review.
Checks: as many `.correction` elements as the JSON has corrections, each with its
data-before/-after/-rule/-confidence; as many notes as footnotes; every note call
links to a note on the page; the script ran (body[data-ready]); the low-confidence
filter (opened as ?below=0.95&only) shows exactly the rows holding a correction under
0.95. Saves the DOM and a screenshot (OUT_DIR/<name>.png). Needs Debian's chromium.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Dom(HTMLParser):
    """The parts of the DOM the checks need: corrections, notes, note calls, rows, body."""

    def __init__(self):
        super().__init__()
        self.body, self.corrections, self.note_ids, self.calls = {}, [], set(), []
        self.rows = []  # (hidden, [confidences])
        self.in_call = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "body":
            self.body = a
        if tag == "tr" and a.get("id"):
            self.rows.append(["hidden" in a, []])
            if "note" in classes:
                self.note_ids.add(a["id"])
        if "correction" in classes:
            self.corrections.append(a)
            if self.rows:
                self.rows[-1][1].append(float(a["data-confidence"]))
        if tag == "sup" and "note-ref" in classes:
            self.in_call = True
        if tag == "a" and self.in_call:
            self.calls.append((a.get("href") or "").removeprefix("#"))

    def handle_endtag(self, tag):
        if tag == "sup":
            self.in_call = False


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    sys.exit("chromium not found: apt-get install -y chromium")


def run_browser(browser, args, url):
    with tempfile.TemporaryDirectory() as profile:
        out = subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", *args, url],
                             capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        sys.exit(f"chromium failed ({out.returncode}): {out.stderr[-2000:]}")
    return out.stdout


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/ocrmend"
    source = sys.argv[2] if len(sys.argv) > 2 else "fixtures/A-75-371-fr.ocr.txt"
    out_dir = Path(sys.argv[3] if len(sys.argv) > 3 else "target/review")
    out_dir.mkdir(parents=True, exist_ok=True)
    name = Path(source).name.removesuffix(".txt").removesuffix(".ocr")
    page = (out_dir / f"{name}.html").resolve()

    doc = json.loads(subprocess.run([binary, "clean", source], check=True,
                                    capture_output=True, text=True).stdout)
    subprocess.run([binary, "review", source, "-o", str(page)], check=True)
    browser = chromium()
    url = page.as_uri()
    failures = []

    dom = Dom()
    dump = run_browser(browser, ["--dump-dom"], url)
    (out_dir / f"{name}.dom.html").write_text(dump, encoding="utf-8")
    dom.feed(dump)
    if dom.body.get("data-ready") != "1":
        failures.append("the page's script did not run (no body[data-ready])")
    if len(dom.corrections) != len(doc["corrections"]):
        failures.append(f"{len(dom.corrections)} .correction elements, {len(doc['corrections'])} corrections in the JSON")
    for c in dom.corrections:
        missing = [k for k in ("data-before", "data-after", "data-rule", "data-confidence") if k not in c]
        if missing:
            failures.append(f"a correction lacks {missing}")
            break
    notes = {f"note-{f['number']}" for f in doc["footnotes"]}
    if dom.note_ids != notes:
        failures.append(f"{len(dom.note_ids)} notes on the page, {len(notes)} footnotes in the JSON")
    dangling = [c for c in dom.calls if c not in dom.note_ids]
    if dangling:
        failures.append(f"note calls without their note: {dangling[:5]}")
    calls = sum(len(b.get("notes", [])) for b in doc["blocks"])
    if len(dom.calls) != calls:
        failures.append(f"{len(dom.calls)} note links, {calls} note calls in the JSON")

    # The filter, set from the address: only rows with a correction under 0.95 stay.
    filtered = Dom()
    filtered.feed(run_browser(browser, ["--dump-dom"], url + "?below=0.95&only"))
    wrong = [i for i, (hidden, conf) in enumerate(filtered.rows)
             if hidden == any(c < 0.95 for c in conf)]
    shown = sum(1 for hidden, _ in filtered.rows if not hidden)
    expect_some = any(c["confidence"] < 0.95 for c in doc["corrections"])
    if wrong or (shown > 0) != expect_some or str(shown) != filtered.body.get("data-shown-rows"):
        failures.append(f"the low-confidence filter shows the wrong rows: {wrong[:5]}, {shown} shown")

    shot = out_dir / f"{name}.png"
    run_browser(browser, ["--window-size=1400,1800", f"--screenshot={shot}"], url)
    if not shot.is_file() or shot.stat().st_size < 10_000:
        failures.append(f"no screenshot at {shot}")

    for f in failures:
        print("FAIL:", f)
    print(f"review page {page}: {len(dom.corrections)} corrections, {len(dom.note_ids)} notes, "
          f"{len(dom.calls)} note links, {shown} rows under the 0.95 filter; screenshot {shot}")
    if failures:
        sys.exit(1)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()

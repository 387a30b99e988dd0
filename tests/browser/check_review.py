#!/usr/bin/env python3
"""Drive `ocrmend review`'s page in headless Chromium and check what a reviewer sees and does.

    python3 tests/browser/check_review.py [BINARY] [INPUT] [OUT_DIR]

Defaults: target/release/ocrmend, fixtures/A-75-371-fr.ocr.txt, target/review. Needs
Debian's chromium and chromium-driver and the PyPI package selenium (.ci/run installs
them). Checks, against `ocrmend clean`'s JSON of the same input:
- the page: as many corrections as the JSON, each showing before → after and a visible
  tag "rule confidence" equal to its data-*; every note and note call; a legend row per
  rule with its count;
- the filters, set from the address (?below=0.95&low&only) and by the controls (the rule
  and warning selects, a legend button, the tag switch): exactly the rows that should
  match are shown, the count says how many, the warnings list keeps only the code chosen;
- next/previous (buttons and the n/p keys) step through the matches and wrap around;
- the printable view: under print media the controls are hidden and the filter in effect
  is said; the printout is a PDF of more than one page.
Saves a screenshot (OUT_DIR/<name>.png) and the printout (OUT_DIR/<name>.pdf).
"""
import base64
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000"]

# What the page holds, read in one script run: rows (id, hidden, classes, warnings,
# corrections in it) and every correction's attributes and visible parts.
READ_PAGE = """
const rows = Array.from(document.querySelectorAll('#review tbody tr')).map(r => ({
  id: r.id, hidden: r.hidden, match: r.classList.contains('match'),
  current: r.classList.contains('current'),
  warnings: r.dataset.warnings ? r.dataset.warnings.split(' ') : [],
  corrections: Array.from(r.querySelectorAll('.correction')).map(c => ({
    rule: c.dataset.rule, confidence: parseFloat(c.dataset.confidence)})),
}));
const corrections = Array.from(document.querySelectorAll('#review .correction')).map(c => ({
  before: c.dataset.before, after: c.dataset.after, rule: c.dataset.rule,
  confidence: c.dataset.confidence, to: c.querySelector('.to')?.textContent,
  why: c.querySelector('.why')?.textContent,
  whyShown: getComputedStyle(c.querySelector('.why')).display !== 'none',
  del: c.querySelector('del')?.textContent, ins: c.querySelector('ins')?.textContent}));
const legend = Array.from(document.querySelectorAll('#legend tbody tr')).map(r => ({
  rule: r.querySelector('.pick-rule').dataset.rule,
  count: parseInt(r.querySelectorAll('td')[3].textContent, 10)}));
const warnings = Array.from(document.querySelectorAll('#warnings li')).map(w => ({
  code: w.dataset.code, hidden: w.hidden}));
return {rows, corrections, legend, warnings, body: Object.assign({}, document.body.dataset),
  count: document.getElementById('match-count').textContent,
  noteIds: Array.from(document.querySelectorAll('#review tr.note')).map(r => r.id),
  calls: Array.from(document.querySelectorAll('sup.note-ref a')).map(a => a.getAttribute('href').slice(1))};
"""


class Check:
    def __init__(self):
        self.failures = []

    def that(self, ok, message):
        if not ok:
            self.failures.append(message)
        return ok


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shown_ids(page):
    return {r["id"] for r in page["rows"] if not r["hidden"]}


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/ocrmend"
    source = sys.argv[2] if len(sys.argv) > 2 else "fixtures/A-75-371-fr.ocr.txt"
    out_dir = Path(sys.argv[3] if len(sys.argv) > 3 else "target/review")
    out_dir.mkdir(parents=True, exist_ok=True)
    name = Path(source).name.removesuffix(".txt").removesuffix(".ocr")
    path = (out_dir / f"{name}.html").resolve()
    doc = json.loads(subprocess.run([binary, "clean", source], check=True,
                                    capture_output=True, text=True).stdout)
    subprocess.run([binary, "review", source, "-o", str(path)], check=True)
    url = path.as_uri()
    check = Check()
    driver = browser()
    try:
        driver.get(url)
        page = driver.execute_script(READ_PAGE)
        check.that(page["body"].get("ready") == "1", "the page's script did not run")

        # Every correction, before → after with its rule and confidence in sight.
        check.that(len(page["corrections"]) == len(doc["corrections"]),
                   f"{len(page['corrections'])} corrections on the page, {len(doc['corrections'])} in the JSON")
        for c in page["corrections"]:
            if not check.that(c["to"] == "→" and c["why"] == f"{c['rule']} {c['confidence']}"
                              and c["whyShown"] and c["del"] == c["before"] and c["ins"] == c["after"],
                              f"a correction does not show before → after, rule and confidence: {c}"):
                break
        rules = Counter(c["rule"] for c in doc["corrections"])
        legend = {r["rule"]: r["count"] for r in page["legend"]}
        check.that(legend == dict(rules), f"the legend's rules {legend}, the JSON's {dict(rules)}")

        # Notes and the calls that link them.
        notes = {f"note-{f['number']}" for f in doc["footnotes"]}
        check.that(set(page["noteIds"]) == notes,
                   f"{len(page['noteIds'])} notes on the page, {len(notes)} footnotes in the JSON")
        calls = sum(len(b.get("notes", [])) for b in doc["blocks"])
        check.that(len(page["calls"]) == calls and set(page["calls"]) <= notes,
                   f"{len(page['calls'])} note links (some dangling?), {calls} calls in the JSON")

        # With no filter, every row holding a correction or a warning matches.
        busy = {r["id"] for r in page["rows"] if r["corrections"] or r["warnings"]}
        check.that({r["id"] for r in page["rows"] if r["match"]} == busy
                   and page["body"]["matchRows"] == str(len(busy)),
                   "unfiltered, the matches are not the rows with a correction or a warning")

        # The confidence filter from the address: only rows with a correction under 0.95.
        driver.get(url + "?below=0.95&low&only")
        low = driver.execute_script(READ_PAGE)
        expect = {r["id"] for r in low["rows"] if any(c["confidence"] < 0.95 for c in r["corrections"])}
        check.that(shown_ids(low) == expect and low["body"]["shownRows"] == str(len(expect)),
                   f"?below=0.95&low&only shows {len(shown_ids(low))} rows, {len(expect)} expected")
        under = sum(c["confidence"] < 0.95 for c in doc["corrections"])
        check.that(low["body"]["matchCorrections"] == str(under)
                   and low["count"].startswith(f"{len(expect)} row"),
                   f"the count says {low['count']!r}; {len(expect)} rows, {under} corrections expected")

        # The rule filter, chosen in its select, hiding the other rows.
        driver.get(url)
        if rules:
            rule, used = rules.most_common(1)[0]
            Select(driver.find_element(By.ID, "rule")).select_by_value(rule)
            driver.find_element(By.ID, "hide-others").click()
            by_rule = driver.execute_script(READ_PAGE)
            expect = {r["id"] for r in by_rule["rows"] if any(c["rule"] == rule for c in r["corrections"])}
            check.that(shown_ids(by_rule) == expect and by_rule["body"]["matchCorrections"] == str(used),
                       f"rule {rule}: {len(shown_ids(by_rule))} rows shown, {len(expect)} expected")

            # Next/previous through the matches, by button and key, wrapping round.
            order = [r["id"] for r in by_rule["rows"] if r["match"]]
            for _ in range(3):
                driver.find_element(By.ID, "next").click()
            at = driver.execute_script(READ_PAGE)
            check.that(at["body"]["current"] == order[min(3, len(order)) - 1]
                       and [r["id"] for r in at["rows"] if r["current"]] == [at["body"]["current"]],
                       f"three times next: at {at['body']['current']}, expected the third match")
            driver.find_element(By.ID, "previous").click()
            driver.find_element(By.TAG_NAME, "body").send_keys("p")
            driver.find_element(By.TAG_NAME, "body").send_keys("p")
            wrapped = driver.execute_script(READ_PAGE)
            expect_at = order[(min(3, len(order)) - 1 - 3) % len(order)]
            check.that(wrapped["body"]["current"] == expect_at
                       and wrapped["count"].startswith(f"{order.index(expect_at) + 1} of {len(order)} "),
                       f"previous, p, p: at {wrapped['body']['current']} ({wrapped['count']!r}), expected {expect_at}")

            # A legend button picks its rule and goes to its first match.
            least = min(rules, key=rules.get)
            driver.execute_script("window.scrollTo(0, 0)")  # back up to the legend
            driver.find_element(By.CSS_SELECTOR, f'.pick-rule[data-rule="{least}"]').click()
            picked = driver.execute_script(READ_PAGE)
            first = next(r["id"] for r in picked["rows"] if any(c["rule"] == least for c in r["corrections"]))
            check.that(picked["body"]["current"] == first and picked["body"]["matchCorrections"] == str(rules[least]),
                       f"the legend's {least} button: at {picked['body']['current']}, expected {first}")

        # The warning-code filter: rows flagged with it, and only its warnings listed.
        codes = Counter(w["code"] for w in doc["warnings"] if "span" in w)
        if codes:
            code = codes.most_common(1)[0][0]
            driver.get(url + "?only")
            Select(driver.find_element(By.ID, "code")).select_by_value(code)
            by_code = driver.execute_script(READ_PAGE)
            expect = {r["id"] for r in by_code["rows"] if code in r["warnings"]}
            listed = {w["code"] for w in by_code["warnings"] if not w["hidden"]}
            check.that(expect and shown_ids(by_code) == expect and listed == {code},
                       f"warning {code}: {len(shown_ids(by_code))} rows shown, {len(expect)} expected, "
                       f"codes listed {listed}")

        # The tag switch hides rule and confidence.
        driver.get(url)
        driver.find_element(By.ID, "show-why").click()
        hidden = driver.execute_script(READ_PAGE)
        check.that(not any(c["whyShown"] for c in hidden["corrections"]),
                   "unticking 'show rule and confidence' leaves tags in sight")

        # The printable view: controls gone, the filter said, a PDF of several pages.
        driver.get(url + "?low&only")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        printed = driver.execute_script(
            "return [getComputedStyle(document.getElementById('filter')).display,"
            " getComputedStyle(document.getElementById('print-filter')).display,"
            " document.getElementById('print-filter').textContent]")
        check.that(printed[0] == "none" and printed[1] != "none" and "Filter: corrections under" in printed[2],
                   f"print media: controls {printed[0]}, filter note {printed[1]} {printed[2]!r}")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.get(url)
        pdf = base64.b64decode(driver.print_page())
        (out_dir / f"{name}.pdf").write_bytes(pdf)
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        check.that(pdf.startswith(b"%PDF") and pages > 1,
                   f"the printout is not a PDF of several pages ({len(pdf)} bytes, {pages} pages)")

        shot = out_dir / f"{name}.png"
        driver.get(url + "?at=1")
        driver.save_screenshot(str(shot))
        check.that(shot.stat().st_size > 10_000, f"no screenshot at {shot}")
    finally:
        driver.quit()

    for f in check.failures:
        print("FAIL:", f)
    print(f"review page {path}: {len(page['corrections'])} corrections, {len(page['noteIds'])} notes, "
          f"{len(page['calls'])} note links, {len(page['legend'])} rules, {page['body']['matchRows']} rows "
          f"to review; screenshot {shot}")
    if check.failures:
        sys.exit(1)
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()

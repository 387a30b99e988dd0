#!/usr/bin/env python3
"""Check that `ocrmend score` agrees with the yardstick's score.py on every dev document.

    python3 tests/yardstick/agree.py [BINARY] [EVAL_DIR] [--tolerance 0.01]

For each EVAL_DIR/dev/<id>/ (gold.txt, ocr.txt): run `BINARY clean` on the OCR, score the
result with both scorers (with --ocr), and compare every metric; the same for the plain
text of `clean --format text` (score.py --text). Prints the largest
difference per document and fails (exit 1) if any metric differs by more than the
tolerance (or any count differs). Needs rapidfuzz for score.py (pip install rapidfuzz).
Defaults: target/release/ocrmend, ../shared/eval.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile


def flatten(scores, prefix=""):
    out = {}
    for k, v in scores.items():
        if isinstance(v, dict):
            out.update(flatten(v, prefix + k + "."))
        else:
            out[prefix + k] = float(v)
    return out


def compare(name, ours, theirs, tolerance):
    """Print the largest difference; False if names differ or any metric is off."""
    if set(ours) != set(theirs):
        print(f"{name}: metric names differ: only ours {sorted(set(ours) - set(theirs))}, "
              f"only score.py {sorted(set(theirs) - set(ours))}")
        return False
    counts = [k for k in theirs if k.startswith("counts.") or k.startswith("words_")]
    diffs = {k: abs(ours[k] - theirs[k]) for k in theirs if k not in counts}
    worst = max(diffs, key=diffs.get)
    off = max((abs(ours[k] - theirs[k]) for k in counts), default=0)
    print(f"{name:20} {len(diffs):7} {diffs[worst]:11.2e}  {worst} "
          f"(ours {ours[worst]:.6f}, score.py {theirs[worst]:.6f}); counts off by {off:.0f}")
    bad = {k: d for k, d in diffs.items() if d > tolerance}
    for k in sorted(bad):
        print(f"  {k}: ours {ours[k]:.6f}, score.py {theirs[k]:.6f}")
    return not bad and off == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary", nargs="?", default="target/release/ocrmend")
    ap.add_argument("eval_dir", nargs="?", default="../shared/eval")
    ap.add_argument("--tolerance", type=float, default=0.01)
    a = ap.parse_args()
    docs = sorted(glob.glob(os.path.join(a.eval_dir, "dev", "*", "gold.txt")))
    if not docs:
        sys.exit(f"no dev documents under {a.eval_dir}/dev")
    failed = False
    print(f"{'document':20} {'metrics':>7} {'max |diff|':>11}  worst")
    for gold in docs:
        doc = os.path.dirname(gold)
        name = os.path.basename(doc)
        ocr = os.path.join(doc, "ocr.txt")
        # The JSON result, and the plain text of `clean --format text` (score.py --text).
        for mode, fmt, extra in (("json", "json", []), ("text", "text", ["--text"])):
            with tempfile.NamedTemporaryFile(suffix="." + fmt) as result:
                subprocess.run([a.binary, "clean", ocr, "--format", fmt, "-o", result.name], check=True)
                args = [gold, result.name, *extra, "--ocr", ocr, "--json"]
                ours = subprocess.run([a.binary, "score", *args], check=True, capture_output=True, text=True)
                theirs = subprocess.run([sys.executable, os.path.join(a.eval_dir, "score.py"), *args],
                                        check=True, capture_output=True, text=True)
            failed |= not compare(f"{name} ({mode})", flatten(json.loads(ours.stdout)),
                                  flatten(json.loads(theirs.stdout)), a.tolerance)
    if failed:
        sys.exit(f"ocrmend score disagrees with score.py by more than {a.tolerance}")
    print(f"agreement within {a.tolerance} on {len(docs)} documents")


if __name__ == "__main__":
    main()

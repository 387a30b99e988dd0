#!/usr/bin/env python3
"""Check that `ocrmend score` agrees with the yardstick's score.py on every dev document.

    python3 tests/yardstick/agree.py [BINARY] [EVAL_DIR] [--tolerance 0.01]

For each EVAL_DIR/dev/<id>/ (gold.txt, ocr.txt): run `BINARY clean` on the OCR, score the
result with both scorers (with --ocr), and compare every metric. Prints the largest
difference per document and fails (exit 1) if any metric differs by more than the
tolerance. Needs rapidfuzz for score.py (pip install rapidfuzz).
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
    print(f"{'document':14} {'metrics':>7} {'max |diff|':>11}  worst")
    for gold in docs:
        doc = os.path.dirname(gold)
        name = os.path.basename(doc)
        ocr = os.path.join(doc, "ocr.txt")
        with tempfile.NamedTemporaryFile(suffix=".json") as result:
            subprocess.run([a.binary, "clean", ocr, "-o", result.name], check=True)
            ours = subprocess.run([a.binary, "score", gold, result.name, "--ocr", ocr, "--json"],
                                  check=True, capture_output=True, text=True)
            theirs = subprocess.run([sys.executable, os.path.join(a.eval_dir, "score.py"), gold,
                                     result.name, "--ocr", ocr, "--json"],
                                    check=True, capture_output=True, text=True)
        ours, theirs = flatten(json.loads(ours.stdout)), flatten(json.loads(theirs.stdout))
        if set(ours) != set(theirs):
            print(f"{name}: metric names differ: only ours {sorted(set(ours) - set(theirs))}, "
                  f"only score.py {sorted(set(theirs) - set(ours))}")
            failed = True
            continue
        diffs = {k: abs(ours[k] - theirs[k]) for k in theirs if not k.startswith("counts.")
                 and k not in ("words_wrong_in_ocr", "words_right_in_ocr")}
        counts = {k: abs(ours[k] - theirs[k]) for k in theirs if k not in diffs}
        worst = max(diffs, key=diffs.get)
        print(f"{name:14} {len(diffs):7} {diffs[worst]:11.2e}  {worst} "
              f"(ours {ours[worst]:.6f}, score.py {theirs[worst]:.6f}); "
              f"word counts off by {max(counts.values()):.0f}")
        for k, d in sorted(diffs.items()):
            if d > a.tolerance:
                print(f"  {k}: ours {ours[k]:.6f}, score.py {theirs[k]:.6f}")
                failed = True
    if failed:
        sys.exit(f"ocrmend score disagrees with score.py by more than {a.tolerance}")
    print(f"agreement within {a.tolerance} on {len(docs)} documents")


if __name__ == "__main__":
    main()

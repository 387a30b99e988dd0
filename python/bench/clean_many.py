#!/usr/bin/env python3
"""How much `ocrmend.clean_many` gains from threads: 100 distinct documents cleaned
with threads=1 and threads=N (default 2), best of 3 runs each, and the speed-up.

    python python/bench/clean_many.py [--threads N] [FOLDER]

FOLDER holds <id>/ocr.txt documents (the factory's output, say corpus/out/validation);
without it, the four fixtures cut into 25 pieces each make the 100 documents. A
benchmark, never a test: it reports, it asserts nothing.
"""
import argparse
import pathlib
import time

import ocrmend

ROOT = pathlib.Path(__file__).resolve().parents[2]


def documents(folder):
    if folder:
        texts = [p.read_bytes() for p in sorted(pathlib.Path(folder).glob("*/ocr.txt"))]
        return [t for t in texts if t.strip()][:100]
    texts = []
    for path in sorted((ROOT / "fixtures").glob("*.ocr.txt")):
        text = path.read_text(encoding="utf-8")
        step = len(text) // 25
        texts += [text[i * step : (i + 1) * step] for i in range(25)]
    return texts


def best_of(runs, docs, threads):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for _ in ocrmend.clean_many(docs, threads=threads):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    docs = documents(a.folder)
    megabytes = sum(len(d if isinstance(d, bytes) else d.encode()) for d in docs) / 1e6
    one = best_of(a.runs, docs, 1)
    many = best_of(a.runs, docs, a.threads)
    print(f"{len(docs)} documents, {megabytes:.1f} MB")
    print(f"threads=1: {one:.2f} s ({len(docs) / one:.1f} documents/s)")
    print(f"threads={a.threads}: {many:.2f} s ({len(docs) / many:.1f} documents/s)")
    print(f"speed-up: {one / many:.2f}x")


if __name__ == "__main__":
    main()

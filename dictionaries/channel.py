#!/usr/bin/env python3
"""Fit ocrmend's OCR channel model: what OCR prints for what the page had.

Usage (from the repository root, after the factory built its train split):

    pip install rapidfuzz numpy
    python3 dictionaries/channel.py [--split corpus/out/train] [--eval ../shared/eval]
    python3 dictionaries/channel.py --check     # refit in memory, compare with the file

It reads every document of the factory's *train* split (never validation: that is
for judging), aligns the OCR with the ground truth word by word (within the gold
unit each OCR line belongs to, as the yardstick does), then character by character
inside each pair of aligned words, and counts each edit: the page had `meant`, the
OCR printed `seen` (one to three characters each; an insertion or deletion is
written with the character before it, so `m` -> `rn` and `l’` -> `V` are single
edits; an edit at a word's first character is written with a leading `^`, as
`^v` for `l’`, its `occurrences` then those of `l’` at a word's start, since OCR misreads a word's first glyph in ways of its own; a run
that adds or drops two characters or more is a cut or glued word, not counted).
It also counts how often each `meant` string occurs in the gold words of
the aligned pairs, so that

    P(seen | meant) = count(meant -> seen) / count(meant)

for each language and OCR model family (`native`: the language's own Tesseract
model; `eng`: the English model run on French or Spanish, which loses accents).

Words are compared in lower case, as the repair stage's variants are; `’` and `'`
count as one. Only edits seen at least MIN_COUNT times are written. Besides the
OCR families, a `typed` family has one row per accented letter or ligature of the
train gold's alphabet and its plain spelling (`e` for `é`, `oe` for `œ`), with
count 0 and the letter's occurrences: text typed without accents, which no OCR
model of the split makes, and which tells the repair stage the language's letters.

The output, ``dictionaries/channel.tsv``, is UTF-8 text, one edit per line,
``lang<TAB>family<TAB>seen<TAB>meant<TAB>count<TAB>occurrences``, sorted, with a
header comment naming the split and its size. It holds character edits and their
counts only: no word, sentence or n-gram of the text the factory composed its
documents from.
"""

from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "channel.tsv")
MIN_COUNT = 3
MAX_EDIT = 3  # characters on either side of one edit
PUNCT = "()[]«»“”\"'’.,;:!?*"


def word_key(token: str) -> str:
    """A token as the repair stage sees a word: lower case, NFC, ’ for ',
    surrounding punctuation dropped."""
    token = unicodedata.normalize("NFC", token).replace("'", "’").lower()
    return token.strip(PUNCT.replace("’", "")).rstrip("’")


LIGATURES = {"œ": "oe", "æ": "ae"}


def plain_spelling(letter: str) -> str | None:
    """How a letter is typed without its accent or ligature (`é` -> `e`, `œ` -> `oe`),
    or None when it is plain already."""
    if letter in LIGATURES:
        return LIGATURES[letter]
    base = unicodedata.normalize("NFD", letter)[0]
    return base if letter.isalpha() and base != letter else None


def edits(meant: str, seen: str, opcodes) -> list[tuple[str, str]]:
    """The edits that turn `meant` into `seen`: runs of non-equal opcodes merged,
    empty sides widened by the character before (or after, at the start)."""
    out, run = [], None
    for op in opcodes:
        if op.tag == "equal":
            if run:
                out.append(run)
                run = None
            continue
        if run is None:
            run = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            run[1], run[3] = op.src_end, op.dest_end
    if run:
        out.append(run)
    result = []
    for i1, i2, j1, j2 in out:
        if i1 == i2 or j1 == j2:
            if i1 > 0 and j1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            elif i2 < len(meant) and j2 < len(seen):
                i2, j2 = i2 + 1, j2 + 1
            else:
                continue
        m, s = meant[i1:i2], seen[j1:j2]
        # A run that drops or adds two characters or more is a word cut or glued by the
        # layout (`déc` for `dé-`), not a glyph the OCR misread.
        if len(m) <= MAX_EDIT and len(s) <= MAX_EDIT and abs(len(m) - len(s)) <= 1:
            result.append((m, "^" + s if i1 == 0 else s))
    return result


def fit(split: str, eval_dir: str):
    sys.path.insert(0, eval_dir)
    import score as S  # the yardstick's own alignment
    from rapidfuzz.distance import Levenshtein

    counts = collections.Counter()
    gold_words = collections.defaultdict(collections.Counter)  # (lang, family) -> words
    docs = sorted(glob.glob(os.path.join(split, "*", "meta.json")))
    if not docs:
        sys.exit(f"no documents under {split}: build the factory's train split first")
    for meta_path in docs:
        folder = os.path.dirname(meta_path)
        meta = json.load(open(meta_path, encoding="utf-8"))
        if meta.get("split") != "train":
            sys.exit(f"{folder}: not a train document (split {meta.get('split')!r})")
        key = (meta["language"], meta["ocr"]["family"])
        gm, gb, gn = S.parse_gold(os.path.join(folder, "gold.txt"))
        units = S.gold_units(gb, gn)
        ocr = open(os.path.join(folder, "ocr.txt"), encoding="utf-8", errors="replace").read()
        segments, _ = S.unit_segments(ocr.splitlines(), units)
        for unit, segment in zip(units, segments):
            gold_tokens, ocr_tokens = unit.split(), segment.split()
            for op in Levenshtein.opcodes(gold_tokens, ocr_tokens):
                if op.tag == "equal":
                    pairs = zip(gold_tokens[op.src_start:op.src_end], gold_tokens[op.src_start:op.src_end])
                elif op.tag == "replace" and op.src_end - op.src_start == op.dest_end - op.dest_start:
                    pairs = zip(gold_tokens[op.src_start:op.src_end], ocr_tokens[op.dest_start:op.dest_end])
                else:
                    continue
                for g, o in pairs:
                    g, o = word_key(g), word_key(o)
                    if not g or not any(c.isalpha() for c in g):
                        continue
                    # A pair too far apart is a misalignment, not an OCR error.
                    if Levenshtein.normalized_distance(g, o) > 0.5:
                        continue
                    gold_words[key][g] += 1
                    if g != o:
                        for m, s in edits(g, o, Levenshtein.opcodes(g, o)):
                            counts[key + (s, m)] += 1
    occurrences = collections.Counter()
    typed = {}
    meants = collections.defaultdict(set)
    for (lang, family, s, m), n in counts.items():
        if n >= MIN_COUNT:
            meants[(lang, family)].add(("^" if s.startswith("^") else "") + m)
    for key, words in gold_words.items():
        wanted = meants.get(key, set())
        for word, n in words.items():
            for length in range(1, MAX_EDIT + 1):
                for i in range(len(word) - length + 1):
                    sub = word[i:i + length]
                    if sub in wanted:
                        occurrences[key + (sub,)] += n
                    if i == 0 and "^" + sub in wanted:
                        occurrences[key + ("^" + sub,)] += n

    # Every letter of the language's alphabet that has a plain spelling (`e` for `é`,
    # `oe` for `œ`) gets a row of the `typed` family, text typed without them: a model
    # that keeps every `é` still says nothing of one that drops them. Its count is 0:
    # the repair stage gives these a floor of its own.
    alphabet = collections.defaultdict(collections.Counter)
    for (lang, _family), words in gold_words.items():
        for word, n in words.items():
            for c in word:
                if plain_spelling(c):
                    alphabet[lang][c] += n
    for lang, letters in alphabet.items():
        for letter, n in letters.items():
            if n >= MIN_COUNT:
                typed[(lang, "typed", plain_spelling(letter), letter)] = n
    rows = [key + (0, n) for key, n in typed.items()]
    for (lang, family, s, m), n in counts.items():
        if n >= MIN_COUNT:
            at = ("^" if s.startswith("^") else "") + m
            rows.append((lang, family, s, m, n, max(n, occurrences[(lang, family, at)])))
    rows.sort()
    header = (f"# ocrmend channel model: fitted by dictionaries/channel.py on the factory's train split "
              f"({len(docs)} documents); lang, family, seen, meant, count, occurrences of meant\n")
    return header + "".join("\t".join(map(str, r)) + "\n" for r in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default=os.path.join(ROOT, "corpus", "out", "train"))
    ap.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--check", action="store_true", help="refit and compare with the committed file")
    a = ap.parse_args()
    text = fit(a.split, a.eval)
    if a.check:
        same = os.path.exists(OUT) and open(OUT, encoding="utf-8").read() == text
        print("channel.tsv is up to date" if same else "channel.tsv differs from a refit")
        sys.exit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {OUT}: {text.count(chr(10)) - 1} edits")


if __name__ == "__main__":
    main()

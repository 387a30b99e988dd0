#!/usr/bin/env python3
"""Fit ocrmend's note-call table: how often a glyph run glued to a word is a note call.

Usage (from the repository root, after the factory built its train split):

    pip install rapidfuzz
    python3 dictionaries/note_calls.py [--split corpus/out/train]
    python3 dictionaries/note_calls.py --check     # refit in memory, compare with the file

OCR prints a superscript note number as whatever glyph it resembles, glued to the
word that calls the note (`l’OMS®`, `(CEPALC)?`, `weapons’ in`, `nacional.?`). The
same glyphs are also punctuation, quotes, degrees and apostrophes. For every document
of the factory's *train* split (never validation: that is for judging) this script
finds the candidates the structure stage finds (`structure/references.rs`: a run of one
to three call glyphs, perhaps with digits, after a letter, digit, closing bracket,
quote or punctuation, before a space, punctuation or the end), drops those its fixed
rules rule out (an elided `l’`, the numero sign `n° 2`, a quotation mark that closes
a quotation; its question rule and its plain-digit and `%`-after-a-year rules apply
in front of the table and are not mirrored here), and labels each by aligning the OCR with the ground truth character by
character: a candidate is a call when it stands where the truth has a `[^n]` marker.

Each candidate falls in one cell of three closed classes, mirrored by the enums of
`references.rs`:

- the glyph run: its first glyph's class (`R` for ® © ™, `deg` °, `apos` ’ ',
  `lsq` ‘, `dq` ” ", `ldq` “, `bang` !, `q` ?, `star` *, `pct` %, `Z`, `sup` for
  superscript digits), `+` when the run has more than one character;
- the character before: `s` (which ends plurals, and English possessives:
  `countries’ jurisdiction`), `lower` (any other lower-case letter), `upper`, `digit`, `year` (the last of four digits
  19xx or 20xx), `close` () ]), `quote` (» ” " ’ '), `stop` (. ; :), `comma`, `other`;
- what follows: a space then `lower`, `upper`, `digit`, `paren` or `other`;
  `punct` (. , ; :), `close` () » ”), or `end` (a blank line or the end).

The output, ``dictionaries/note-calls.tsv``, is one cell per line,
``glyph<TAB>before<TAB>after<TAB>calls<TAB>candidates``, sorted, after a header
comment naming the split. It holds counts of glyph classes only: no word or text of
the documents. Cells are counted in all languages together (counted per language
they were too thin to help). The structure stage smooths each cell toward its
coarser classes.
"""

from __future__ import annotations

import argparse
import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "note-calls.tsv")
MARK = "\ue000"
GLYPHS = "®©™°’‘'!?*%Z¹²³⁴⁵⁶⁷⁸⁹⁰“”\""
CANDIDATE = re.compile(
    r"(?<=[\w)\]»”\"’'%.,;:])([" + re.escape(GLYPHS) + r"]{1,3}\d{0,2})(?=[\s.,;:)»”]|$)"
)
GLYPH_CLASS = {"®": "R", "©": "R", "™": "R", "°": "deg", "’": "apos", "'": "apos",
               "‘": "lsq", "”": "dq", '"': "dq", "“": "ldq", "!": "bang", "?": "q",
               "*": "star", "%": "pct", "Z": "Z"}
L_LOOKALIKES = "lI1|!"
ELIDING_WORDS = ("qu", "jusqu", "lorsqu", "puisqu", "quoiqu")


def glyph_class(glyphs: str) -> str:
    return GLYPH_CLASS.get(glyphs[0], "sup") + ("+" if len(glyphs) > 1 else "")


def before_class(text: str, at: int) -> str:
    c = text[at - 1] if at else " "
    if c.isdigit():
        digits = re.search(r"\d+$", text[:at]).group(0)
        return "year" if len(digits) == 4 and digits[:2] in ("19", "20") else "digit"
    if c == "s":
        return "s"
    if c.islower():
        return "lower"
    if c.isupper():
        return "upper"
    if c in ")]":
        return "close"
    if c in "»”\"’'":
        return "quote"
    return {".": "stop", ";": "stop", ":": "stop", ",": "comma"}.get(c, "other")


def after_class(rest: str) -> str:
    if not rest or rest.startswith(("\n\n", "\x0c", "\n\x0c")):
        return "end"
    c = rest[0]
    if c in " \n":
        stripped = rest.lstrip(" \n")
        if not stripped or rest.lstrip(" ").startswith("\n\n"):
            return "end"
        d = stripped[0]
        if d.islower():
            return "lower"
        if d.isupper():
            return "upper"
        if d.isdigit():
            return "digit"
        return "paren" if d == "(" else "other"
    return "punct" if c in ".,;:" else "close"


def elision_before(text: str, at: int) -> bool:
    """The word before is one a French apostrophe elides (`l’`, `d’`, `qu’`)."""
    before = text[:at]
    letter = lambda c: c.isalpha() or c in L_LOOKALIKES
    if before and letter(before[-1]) and not (len(before) > 1 and (before[-2].isalnum() or letter(before[-2]))):
        return True
    word = re.search(r"[^\W\d_]*$", before).group(0)
    return word.lower() in ELIDING_WORDS


def closes_a_quote(before: str, mark: str) -> bool:
    count = lambda glyphs: sum(before.count(g) for g in glyphs)
    if mark in "”\"":
        return count("“«") > count("”»") or before.count('"') % 2 == 1
    return False


def ruled_out(block: str, at: int, glyphs: str) -> bool:
    """The fixed rules of references.rs that say a run is no call."""
    if glyphs[0] in "’'" and elision_before(block, at):
        return True
    word = re.search(r"\w*$", block[:at]).group(0)
    if word in ("n", "N", "no", "No") and block[at + len(glyphs):].lstrip()[:1].isdigit():
        return True
    return len(glyphs) == 1 and closes_a_quote(block[:at], glyphs)


def gold_text(path: str) -> str:
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"\[\^(\d+|\*)\]:", "", text)
    return re.sub(r"\[\^(\d+|\*)\]", MARK, text)


def cells_of(doc: str, counts: collections.Counter) -> None:
    from rapidfuzz.distance import Levenshtein

    ocr = open(os.path.join(doc, "ocr.txt"), encoding="utf-8").read()
    gold = gold_text(os.path.join(doc, "gold.txt"))
    calls = [(j1, j2) for tag, i1, i2, j1, j2 in Levenshtein.opcodes(gold, ocr)
             if tag != "equal" and j2 > j1 and MARK in gold[i1:i2]]
    for m in CANDIDATE.finditer(ocr):
        start, end = m.span(1)
        # The block the structure stage sees: from the last blank line, lines joined.
        blank_before = ocr.rfind("\n\n", 0, start)
        block_start = blank_before + 2 if blank_before >= 0 else 0
        block_end = ocr.find("\n\n", end)
        block = ocr[block_start:block_end if block_end >= 0 else len(ocr)].replace("\n", " ")
        if ruled_out(block, start - block_start, m.group(1)):
            continue
        cell = (glyph_class(m.group(1)), before_class(ocr, start), after_class(ocr[end:end + 4]))
        is_call = any(s < end and start < e for s, e in calls)
        counts[cell + ("calls",)] += is_call
        counts[cell + ("candidates",)] += 1


def fit(split: str) -> tuple[str, int]:
    docs = sorted(d for d in glob.glob(os.path.join(split, "*")) if os.path.isdir(d))
    if not docs:
        sys.exit(f"no documents under {split}: build the factory's train split first")
    counts: collections.Counter = collections.Counter()
    for doc in docs:
        cells_of(doc, counts)
    cells = sorted({k[:3] for k in counts})
    lines = [f"# ocrmend note-call table: fitted by dictionaries/note_calls.py on the factory's train split ({len(docs)} documents); glyph, before, after, calls, candidates"]
    lines += ["\t".join(c) + f"\t{counts[c + ('calls',)]}\t{counts[c + ('candidates',)]}" for c in cells]
    return "\n".join(lines) + "\n", len(docs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default=os.path.join(ROOT, "corpus", "out", "train"))
    ap.add_argument("--check", action="store_true", help="refit and compare with the committed file")
    args = ap.parse_args()
    table, n = fit(args.split)
    if args.check:
        same = open(OUT, encoding="utf-8").read() == table
        print("note-calls.tsv is up to date" if same else "note-calls.tsv differs from a refit")
        sys.exit(0 if same else 1)
    open(OUT, "w", encoding="utf-8").write(table)
    print(f"wrote {OUT}: {table.count(chr(10)) - 1} cells from {n} documents")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fit ocrmend's accent context model: which words stand before and after a word.

Usage (from the repository root; needs apt-get and Debian's package index):

    python3 dictionaries/context.py            # download, count, write context.tsv
    python3 dictionaries/context.py --check    # recount in memory, compare with the file

A word the dictionary accepts with and without an accent (`a`/`à`, `traite`/`traité`,
`necessite`/`nécessité`) is told apart by its neighbours. This script counts, in clean
running French that Debian ships as packages, how often each kind of word stands next
to each kind of neighbour:

- the *focus* is the word itself when the text holds it OWN_FOCUS times or more and it
  has an accent variant (`a`, `à`, `ou`, `où`, `des`, `dès`, ...), else its class: its
  parts of speech (`=ADJ.PP`), or its last letter where the lexicon has none (`=:é`);
- a *neighbour* is read as the repair stage sees it in a text that may have lost its
  accents: its accent-stripped lower-case form when the text holds that OWN_NEIGHBOUR
  times or more (`w:a` stands for both `a` and `à`), else the parts of speech of every
  word spelled so without accents and its last two letters (`=ADJ.PP.FV:de` for
  `decide`), else `?`; `#` is a sentence or clause boundary (`. ; : ( ) ! ?` or the
  text's edge) and `9` a number.

The repair stage (crates/ocrmend/src/repair/context_model.rs) scores each reading v of
a word as P(v) times P(left | focus(v)) P(right | focus(v)) over those neighbours'
chance beside any word, each factor interpolated with that chance.

Sources (running text, not word lists): `libreoffice-help-fr` (LibreOffice's help,
MPL-2.0), `manpages-fr` (GPL-2+ and others, see the package's copyright),
`debian-handbook` (the Debian Administrator's Handbook, GPL-2+ / CC-BY-SA-3.0, its fr-FR
translation). Only counts are written: no sentence of them. The UN Parallel Corpus
is never read here: it is for measuring. The output, ``dictionaries/context.tsv.gz``, is UTF-8 text, one count per line,
``lang<TAB>focus<TAB>side<TAB>neighbour<TAB>count`` (side `L` or `R`; a row with
neighbour `*` is the focus's total; focus `*` gives each neighbour's count beside any
focus, and with side `N` names the neighbours that are their own key), counts below
MIN_COUNT dropped, with a header naming the packages and versions, gzip-compressed.
"""

from __future__ import annotations

import argparse
import collections
import glob
import gzip
import html
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "context.tsv.gz")
MIN_COUNT = 2
# Occurrences from which a word is its own focus rather than its class.
OWN_FOCUS = 50
# Occurrences (accents stripped) from which a neighbour is its own key.
OWN_NEIGHBOUR = 300
# French only: Spanish, counted the same way, has no parts of speech in its lexicon
# (its classes were last letters) and Spain's manuals print `periodo` where UN Spanish
# has `período`; on train it made more wrong than right.
PACKAGES = {
    "fr": ["libreoffice-help-fr", "manpages-fr", "debian-handbook"],
}
HANDBOOK = {"fr": "fr-FR"}
# Part-of-speech bits of dictionaries/build.py (VALID and PROPER are not classes).
POS = ["N", "ADJ", "ADV", "INF", "PP", "FV", "DET", "PREP", "PRO", "SUBJ", "CONJ"]
TOKEN = re.compile(r"[^\W\d_]+(?:['’](?=[^\W\d_]))?|\d+|[.;:()!?]", re.U)


def strip_accents(word: str) -> str:
    """`décidé` -> `decide`; `œ` stays a letter of its own as the lexicon spells it."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def load_lexicon(lang: str) -> dict[str, tuple[int, int]]:
    entries = {}
    with gzip.open(os.path.join(HERE, f"{lang}.tsv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            tags = int(parts[2]) if len(parts) > 2 and parts[2] else 0
            # The lexicons spell apostrophes '; the repair stage's words have ’.
            entries[parts[0].replace("'", "’")] = (int(parts[1]), tags)
    return entries


def pos_of(tags: int) -> str:
    return ".".join(name for k, name in enumerate(POS) if tags >> (k + 2) & 1)


class Classes:
    """The focus and neighbour keys of one language's words (one definition, mirrored
    by crates/ocrmend/src/repair/context_model.rs)."""

    def __init__(self, lang: str):
        self.lexicon = load_lexicon(lang)
        self.by_plain: dict[str, int] = collections.defaultdict(int)
        # Accent-stripped forms that are their own neighbour key: set by count().
        self.own_neighbour: set[str] = set()
        # Words that are their own focus: set by count() from the text's own counts.
        self.own_focus: set[str] = set()
        for word, (freq, tags) in self.lexicon.items():
            if tags & 1:
                self.by_plain[strip_accents(word)] |= tags

    def focus(self, word: str) -> str:
        if word in self.own_focus:
            return word
        return self.word_class(word)

    def word_class(self, word: str) -> str:
        # The parts of speech where the lexicon tells them (French): a last letter
        # would split a class by gender (`comité` among the `-té` nouns); else the
        # last letter, which tells a Spanish verb form (`continuó`) from the rest.
        pos = pos_of(self.lexicon.get(word, (0, 0))[1])
        return f"={pos}" if pos else f"=:{word[-1:]}"

    def neighbour(self, word: str) -> str:
        if word[0].isdigit():
            return "9"
        if word in ".;:()!?":
            return "#"
        plain = strip_accents(word)
        if plain in self.own_neighbour:
            return "w:" + plain
        if plain in self.by_plain:
            return f"={pos_of(self.by_plain[plain])}:{plain[-2:]}"
        return "?"


def tokens_of(text: str) -> list[str]:
    """Words (lower case, an elision with its ’), numbers and boundary marks."""
    return [t.lower().replace("'", "’") for t in TOKEN.findall(text)]


def html_text(path: str) -> str:
    s = open(path, encoding="utf-8", errors="replace").read()
    s = re.sub(r"(?is)<(script|style|pre|code|tt|kbd)[^>]*>.*?</\1>", " ", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</h\d>|</li>|</td>|</th>|</div>|</dt>|</dd>", "\n.\n", s)
    return html.unescape(re.sub(r"<[^>]+>", " ", s))


def man_text(path: str) -> str:
    lines = []
    for line in gzip.open(path, "rt", encoding="utf-8", errors="replace").read().split("\n"):
        if line.startswith(('.\\"', "'\\\"")):
            continue
        if line.startswith("."):
            # Requests that set text in a font keep it; every other request ends a
            # sentence's context (tables, examples, layout).
            m = re.match(r"\.(B|I|BI|IB|BR|RB|IR|RI|SH|SS)\s+(.*)", line)
            if not m:
                lines.append(".")
                continue
            line = m.group(2).replace('"', "")
        lines.append(re.sub(r"\\f[BIRP]|\\f\(..|\\\(..|\\[&e]|\\-", "", line))
    return "\n".join(lines)


def texts(root: str, lang: str):
    """Each source file's text, in a stable order."""
    help_files = glob.glob(f"{root}/usr/share/libreoffice/help/{lang}/**/*.html", recursive=True)
    book = glob.glob(f"{root}/usr/share/doc/debian-handbook/html/{HANDBOOK[lang]}/*.html")
    for path in sorted(help_files) + sorted(book):
        yield html_text(path)
    for path in sorted(glob.glob(f"{root}/usr/share/man/{lang}/**/*.gz", recursive=True)):
        yield man_text(path)


def download(into: str) -> None:
    """Fetches every language's packages into `into`."""
    packages = sorted({p for ps in PACKAGES.values() for p in ps})
    subprocess.run(["apt-get", "download", *packages], cwd=into, check=True, capture_output=True)


def unpack(into: str) -> list[str]:
    """Unpacks the packages in `into` under `into/root`; their `name version` lines."""
    versions = []
    for deb in sorted(glob.glob(os.path.join(into, "*.deb"))):
        subprocess.run(["dpkg-deb", "-x", deb, os.path.join(into, "root")], check=True)
        field = lambda name: subprocess.run(["dpkg-deb", "-f", deb, name], check=True,
                                            capture_output=True, text=True).stdout.strip()
        versions.append(f"{field('Package')} {field('Version')}")
    return versions


def count(lang: str, root: str) -> collections.Counter:
    classes = Classes(lang)
    sources = list(texts(root, lang))
    # A word is its own focus when the text holds it often enough to tell its own
    # neighbours, and it has an accent variant to be told from (else only its class
    # is ever asked for).
    tokenised = [tokens_of(text) for text in sources]
    seen = collections.Counter(t for tokens in tokenised for t in tokens)
    spellings = collections.defaultdict(int)
    for word, (_, tags) in classes.lexicon.items():
        if tags & 1:
            spellings[strip_accents(word)] += 1
    classes.own_focus = {w for w, n in seen.items()
                         if n >= OWN_FOCUS and spellings[strip_accents(w)] >= 2}
    # A neighbour is its own key when the text holds it often enough that its absence
    # beside a word says something; a word the text rarely has (`commission` in
    # software manuals) is read by its class.
    plain_seen = collections.Counter()
    for w, n in seen.items():
        plain_seen[strip_accents(w)] += n
    classes.own_neighbour = {w for w, n in plain_seen.items() if n >= OWN_NEIGHBOUR}
    counts: collections.Counter = collections.Counter()
    for tokens in tokenised:
        tokens = ["."] + tokens + ["."]
        keys = [classes.neighbour(t) for t in tokens]
        for k in range(1, len(tokens) - 1):
            word = tokens[k]
            if keys[k] in ("#", "9", "?"):
                continue
            focus = classes.focus(word)
            counts[(focus, "L", keys[k - 1])] += 1
            counts[(focus, "R", keys[k + 1])] += 1
            counts[(focus, "L", "*")] += 1
            counts[(focus, "R", "*")] += 1
    # Every neighbour's count beside any focus: what the smoothing leans on.
    for (focus, side, neighbour), n in list(counts.items()):
        counts[("*", side, neighbour)] += n
    for plain in classes.own_neighbour:
        counts[("*", "N", "w:" + plain)] = OWN_NEIGHBOUR
    return counts


def render(tables: dict[str, collections.Counter], versions: list[str]) -> str:
    out = [
        "# ocrmend accent context model, written by dictionaries/context.py: do not edit.",
        "# From running text of Debian packages: " + "; ".join(versions) + ".",
        f"# OWN_FOCUS={OWN_FOCUS} OWN_NEIGHBOUR={OWN_NEIGHBOUR} MIN_COUNT={MIN_COUNT}."
        " lang, focus, side, neighbour, count.",
    ]
    for lang in sorted(tables):
        for (focus, side, neighbour), n in sorted(tables[lang].items()):
            if n >= MIN_COUNT:
                out.append(f"{lang}\t{focus}\t{side}\t{neighbour}\t{n}")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed file")
    ap.add_argument("--debs", help="a folder holding the packages already downloaded")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        into = a.debs or tmp
        if not a.debs:
            download(into)
        versions = unpack(into)
        tables = {lang: count(lang, os.path.join(into, "root")) for lang in sorted(PACKAGES)}
        text = render(tables, versions)
    if a.check:
        same = gzip.open(OUT, "rt", encoding="utf-8").read() == text
        print("context.tsv.gz is " + ("up to date" if same else "OUT OF DATE"))
        return 0 if same else 1
    # mtime 0: the same counts give the same bytes.
    open(OUT, "wb").write(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"wrote {OUT}: {text.count(chr(10)) - 3} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())

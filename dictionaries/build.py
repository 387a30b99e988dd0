#!/usr/bin/env python3
"""Build the ocrmend word-frequency lexicons from the PyPI package wordfreq.

Usage (from the repository root):

    pip install wordfreq==3.1.1      # or let this script install it
    python3 dictionaries/build.py            # (re)write dictionaries/{fr,es,en}.tsv.gz
    python3 dictionaries/build.py --check    # rebuild in memory, compare with files

For each language it writes ``dictionaries/<lang>.tsv.gz``: gzip of UTF-8
text, one entry per line, ``word<TAB>freq``, where ``freq`` is
``round(zipf_frequency(word, lang, wordlist="large") * 100)`` as an integer
(wordfreq stores its data in centibels, so this value is exact: zipf 7.68 ->
768).  Lines are sorted by the UTF-8 bytes of the word, every line ends in
``\\n``, and the gzip header carries no file name and mtime 0, so a rerun
with the same wordfreq and zlib gives byte-identical files.

Only words made of letters (any script; combining marks other than
variation selectors allowed after a letter), optionally joined by internal apostrophes (' or ’) or hyphens, are
kept; tokens with digits, punctuation, emoji or other symbols are dropped.
Words are NFC-normalised (wordfreq already gives lowercase, nearly always NFC
text; if two entries collapse to one NFC form the higher frequency wins).
Words with zipf < MIN_ZIPF are dropped and at most MAX_WORDS of the most
frequent words are kept per language.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib
import io
import os
import subprocess
import sys
import unicodedata

WORDFREQ_VERSION = "3.1.1"
LANGS = ("fr", "es", "en")
WORDLIST = "large"
MIN_ZIPF_CB = 100  # zipf >= 1.00, in centibels (zipf * 100)
MAX_WORDS = 400_000  # per language, most frequent first
SEPARATORS = ("'", "\u2019", "-")  # internal apostrophes and hyphens

HERE = os.path.dirname(os.path.abspath(__file__))

CHECK_WORDS = {
    "fr": ["système", "œuvre", "reçoivent", "à", "où", "développement",
           "coopération", "état", "états", "grâce", "rôle", "progrès", "hôtes"],
    "es": ["está", "más", "niños", "año", "número", "cooperación", "según"],
    "en": ["the", "cooperation", "convention"],
}


def load_wordfreq(auto_install: bool, allow_other_version: bool):
    """Import wordfreq, installing the pinned version with pip if it is missing."""
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        cmd = [sys.executable, "-m", "pip", "install", f"wordfreq=={WORDFREQ_VERSION}"]
        if not auto_install:
            sys.exit(f"wordfreq is not installed; run:  pip install wordfreq=={WORDFREQ_VERSION}")
        print("wordfreq is missing; running: " + " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)
        importlib.invalidate_caches()
    import wordfreq

    from importlib.metadata import version
    found = version("wordfreq")
    if found != WORDFREQ_VERSION:
        msg = (f"wordfreq {found} is installed, but these lexicons are built from "
               f"wordfreq {WORDFREQ_VERSION}; run:  pip install wordfreq=={WORDFREQ_VERSION}")
        if not allow_other_version:
            sys.exit(msg)
        print("WARNING: " + msg, file=sys.stderr)
    return wordfreq


def _is_variation_selector(ch: str) -> bool:
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def is_word(word: str) -> bool:
    """Letters only (any script), with optional internal ' ’ or - joins."""
    part_start = True
    for ch in word:
        if ch in SEPARATORS:
            if part_start:  # leading separator or two in a row
                return False
            part_start = True
        elif ch.isalpha():
            part_start = False
        elif (unicodedata.category(ch).startswith("M") and not part_start
              and not _is_variation_selector(ch)):
            continue  # combining mark following a letter (not an emoji selector)
        else:
            return False
    return not part_start  # non-empty, no trailing separator


def build_entries(wordfreq, lang: str):
    """Return (entries sorted by word bytes, stats dict)."""
    # get_frequency_list gives buckets: bucket i holds the words whose
    # frequency is 10**(-i/100), i.e. zipf = 9 - i/100 = (900 - i) / 100.
    buckets = wordfreq.get_frequency_list(lang, WORDLIST)
    best: dict[str, int] = {}
    total = dropped_shape = dropped_low = 0
    for i, bucket in enumerate(buckets):
        cb = 900 - i
        for raw in bucket:
            total += 1
            if cb < MIN_ZIPF_CB:
                dropped_low += 1
                continue
            word = unicodedata.normalize("NFC", raw)
            if not is_word(word):
                dropped_shape += 1
                continue
            if best.get(word, -1) < cb:
                best[word] = cb
    # Cap: keep the MAX_WORDS most frequent (ties broken by word bytes).
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0].encode("utf-8")))
    capped = max(0, len(ranked) - MAX_WORDS)
    kept = ranked[:MAX_WORDS]
    kept.sort(key=lambda kv: kv[0].encode("utf-8"))
    stats = {
        "source_entries": total,
        "dropped_non_word": dropped_shape,
        "dropped_low_zipf": dropped_low,
        "merged_nfc": total - dropped_shape - dropped_low - len(best),
        "dropped_cap": capped,
        "kept": len(kept),
    }
    return kept, stats


# Spelling dictionaries (Debian packages) that tell which word forms are right and,
# for French, their parts of speech. Several dictionaries: a form is right in any.
HUNSPELL = {
    "fr": ["fr_FR"],
    "es": ["es_ES"],
    "en": ["en_US", "en_GB"],
}
HUNSPELL_PACKAGES = "hunspell hunspell-fr hunspell-es hunspell-en-us hunspell-en-gb"

# Tag bits, mirrored by `Tags` in src/lexicon.rs.
VALID, PROPER = 1 << 0, 1 << 1
NOUN, ADJ, ADV, INFINITIVE, PAST_PARTICIPLE, FINITE = (1 << k for k in range(2, 8))
DETERMINER, PREPOSITION, PRONOUN, SUBJECT_PRONOUN, CONJUNCTION = (1 << k for k in range(8, 13))
# Grammalecte's `po:` codes (hunspell-fr) and the bit each sets.
PART_OF_SPEECH = {
    "nom": NOUN, "adj": ADJ, "adv": ADV, "negadv": ADV, "infi": INFINITIVE,
    "ppas": PAST_PARTICIPLE,
    **{code: FINITE for code in ("ipre", "iimp", "ifut", "ipsi", "cond", "spre", "simp", "impe")},
    **{code: DETERMINER for code in ("det", "detind", "detpos", "detdem", "detneg", "detex")},
    "prep": PREPOSITION, "prepv": PREPOSITION,
    **{code: PRONOUN for code in ("proind", "prorel", "proint", "prodem", "proneg",
                                  "properobj", "proadv")},
    "propersuj": SUBJECT_PRONOUN | PRONOUN,
    "cjco": CONJUNCTION, "cjsub": CONJUNCTION, "cj": CONJUNCTION,
}


def run_hunspell(dictionary: str, flag: str, words) -> str:
    """Feed `words` to hunspell (one a line) and return what it prints."""
    try:
        done = subprocess.run(["hunspell", "-d", dictionary, "-i", "utf-8", flag],
                              input="\n".join(words) + "\n", capture_output=True,
                              text=True)
    except FileNotFoundError:
        sys.exit(f"hunspell is not installed; run:  apt-get install {HUNSPELL_PACKAGES}")
    if done.returncode != 0 or "Can't open affix or dictionary files" in done.stderr:
        sys.exit(f"hunspell -d {dictionary} failed ({done.stderr.strip()}); "
                 f"run:  apt-get install {HUNSPELL_PACKAGES}")
    return done.stdout


def hunspell_tags(lang: str, words) -> dict[str, int]:
    """Tag bits of each word: VALID if a dictionary accepts it as written, PROPER if
    only capitalised (a name), and its parts of speech where the dictionary tells."""
    tags = {w: 0 for w in words}
    for dictionary in HUNSPELL[lang]:
        wrong = set(run_hunspell(dictionary, "-l", words).split("\n"))
        for w in words:
            if w not in wrong:
                tags[w] |= VALID
        unknown = [w for w in words if not tags[w] & VALID]
        capitalised = {w[:1].upper() + w[1:]: w for w in unknown}
        wrong = set(run_hunspell(dictionary, "-l", list(capitalised)).split("\n"))
        for cap, w in capitalised.items():
            if cap not in wrong:
                tags[w] |= PROPER
        # `word  st:stem po:code …`, one line per reading.
        valid = [w for w in words if tags[w] & VALID]
        for line in run_hunspell(dictionary, "-m", valid).split("\n"):
            word, _, analysis = line.partition("  ")
            if word in tags:
                for field in analysis.split():
                    if field.startswith("po:"):
                        tags[word] |= PART_OF_SPEECH.get(field[3:], 0)
    return tags


def serialise(entries, tags) -> bytes:
    text = "".join(f"{w}\t{f}\t{tags[w]}\n" if tags.get(w) else f"{w}\t{f}\n"
                   for w, f in entries).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text)
    return buf.getvalue()


def zipf_check(wordfreq, lang: str, entries, sample: int = 2000) -> None:
    """Cross-check stored values against wordfreq.zipf_frequency on a sample."""
    step = max(1, len(entries) // sample)
    for w, f in entries[::step]:
        if "'" in w or "-" in w or "\u2019" in w:
            continue  # the tokenizer may split these; the table value is authoritative
        z = wordfreq.zipf_frequency(w, lang, wordlist=WORDLIST)
        if round(z * 100) != f:
            raise SystemExit(f"internal error: {lang} {w!r}: table {f} vs zipf_frequency {z}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-dir", default=HERE, help="output folder (default: this script's folder)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the files differ from a fresh build")
    ap.add_argument("--no-install", action="store_true",
                    help="do not pip-install wordfreq if it is missing; just say how")
    ap.add_argument("--allow-other-version", action="store_true",
                    help=f"build even if the installed wordfreq is not {WORDFREQ_VERSION}")
    args = ap.parse_args()

    wordfreq = load_wordfreq(not args.no_install, args.allow_other_version)
    from importlib.metadata import version
    print(f"wordfreq {version('wordfreq')}, wordlist '{WORDLIST}', "
          f"zipf >= {MIN_ZIPF_CB / 100:.2f}, cap {MAX_WORDS} words/language")

    status = 0
    total_size = 0
    tables = {}
    for lang in LANGS:
        entries, stats = build_entries(wordfreq, lang)
        zipf_check(wordfreq, lang, entries)
        tags = hunspell_tags(lang, [w for w, _ in entries])
        data = serialise(entries, tags)
        tables[lang] = dict(entries)
        path = os.path.join(args.out_dir, f"{lang}.tsv.gz")
        if args.check:
            try:
                with open(path, "rb") as fh:
                    same = fh.read() == data
            except FileNotFoundError:
                same = False
            print(f"{path}: {'up to date' if same else 'DIFFERS from a fresh build'}")
            if not same:
                status = 1
        else:
            tmp = path + ".tmp"
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        total_size += len(data)
        print(f"{lang}: {stats['kept']:>7} words kept of {stats['source_entries']} "
              f"(dropped: {stats['dropped_non_word']} non-word, {stats['dropped_low_zipf']} zipf<1, "
              f"{stats['dropped_cap']} over cap; {stats['merged_nfc']} merged by NFC)  "
              f"{lang}.tsv.gz {len(data):,} bytes  sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    print(f"total: {total_size:,} bytes ({total_size / 1e6:.2f} MB)")

    print("presence check:")
    missing = 0
    for lang in LANGS:
        parts = []
        for w in CHECK_WORDS[lang]:
            f = tables[lang].get(unicodedata.normalize("NFC", w))
            if f is None:
                missing += 1
                parts.append(f"{w}=MISSING")
            else:
                parts.append(f"{w}={f}")
        print(f"  {lang}: " + ", ".join(parts))
    if missing:
        print(f"WARNING: {missing} expected word(s) missing", file=sys.stderr)
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())

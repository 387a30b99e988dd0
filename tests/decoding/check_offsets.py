#!/usr/bin/env python3
"""Offsets reproduced by a standard decoder: hostile inputs are cleaned by the binary
and every span is checked against Python's own decoding of the bytes
(`bytes.decode("utf-8", "replace")`, the WHATWG rule; UTF-16 by the codec named).

- `source.chars` is the length of Python's decoding;
- each correction's `before` is the NFC of the input at its span (a U+FFFD there may
  stand for the Latin-1 byte the clean text read in its place);
- each `removed` text is the input at its span (NULs left out);
- each `invalid-bytes` warning spans U+FFFD characters;
- every non-space character is in a block, a footnote or `removed`.

Usage: check_offsets.py BIN FIXTURE
"""
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path


def variants(seed: str):
    """The seed as hostile bytes, each with the codec that reads it."""
    utf8 = seed.encode()
    half = len(seed) // 2
    yield "adjacent-invalid", b"\xf0\x80\x80\xff\xfe\xed\xa0\x80\n" + utf8, "utf-8"
    yield "bad-byte-mid", utf8[: len(utf8) // 2] + b"\xff" + utf8[len(utf8) // 2 :], "utf-8"
    # Cut at a character boundary: the second half saved as Latin-1.
    yield "half-latin1", seed[:half].encode() + seed[half:].encode("latin-1", "replace"), "utf-8"
    yield "nfd", unicodedata.normalize("NFD", seed).encode(), "utf-8"
    padded = seed.replace(" de ", " de\u200b ", 20).replace("tion", "ti\u00adon", 20)
    yield "invisible-and-nul", padded.encode() + b"\0" * 81, "utf-8"
    yield "utf16-no-mark", seed.encode("utf-16-le"), "utf-16-le"


INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff\0"))


def like(pattern: str) -> str:
    """A regex matching `pattern`, a U+FFFD matching the character read for it."""
    return "".join("." if ch == "\ufffd" else re.escape(ch) for ch in pattern)


def same_word(at_span: str, before: str) -> bool:
    """`before` is the text at its span: the same word, or for a word rejoined over a
    line or page break, the word its first and last pieces begin and end."""
    text = at_span.translate(INVISIBLE)
    if "\n" not in text:
        return re.fullmatch(like(text), before) is not None
    lines = text.split("\n")
    first, last = lines[0].rstrip("- "), lines[-1]
    return re.match(like(first), before) is not None and re.search(like(last) + "$", before) is not None


def check(binary: str, name: str, data: bytes, codec: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.txt"
        path.write_bytes(data)
        out = subprocess.run([binary, "clean", str(path)], capture_output=True, check=True)
    doc = json.loads(out.stdout)
    text = data.decode(codec, "replace")
    errors = []
    if doc["source"]["chars"] != len(text):
        errors.append(f"chars {doc['source']['chars']} != {len(text)}")
    for c in doc["corrections"]:
        s, e = c["span"]
        if not same_word(unicodedata.normalize("NFC", text[s:e]), c["before"]):
            errors.append(f"correction {c['before']!r} at {s}-{e} is {text[s:e]!r}")
    for r in doc["removed"]:
        s, e = r["span"]
        if text[s:e].replace("\0", "") != r["text"]:
            errors.append(f"removed {r['text'][:30]!r} at {s}-{e} is {text[s:e][:30]!r}")
    for w in doc["warnings"]:
        if w["code"] == "invalid-bytes" and w.get("span"):
            s, e = w["span"]
            if set(text[s:e]) != {"\ufffd"}:
                errors.append(f"invalid-bytes at {s}-{e} is {text[s:e]!r}")
    covered = [False] * len(text)
    spans = [sp for b in doc["blocks"] + doc["footnotes"] for sp in b["spans"]]
    for s, e in spans + [r["span"] for r in doc["removed"]]:
        covered[s:e] = [True] * (e - s)
    lost = [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace()]
    if lost:
        errors.append(f"{len(lost)} characters in no span, first at {lost[0]}")
    return errors


def main() -> int:
    binary, fixture = sys.argv[1], sys.argv[2]
    seed = Path(fixture).read_text(encoding="utf-8")
    failed = 0
    for name, data, codec in variants(seed):
        errors = check(binary, name, data, codec)
        print(f"{name:20} {'ok' if not errors else f'{len(errors)} errors'}")
        for e in errors[:5]:
            print("   ", e)
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

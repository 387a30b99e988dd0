"""The installed package `ocrmend` against the command line it must agree with.

Run from the repository's root, against an installed wheel (never the source tree):

    pip install ./python pytest && OCRMEND_BIN=target/release/ocrmend pytest python/tests
"""
import json
import os
import pathlib
import subprocess

import pytest

import ocrmend

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "fixtures").glob("*.ocr.txt"))
BIN = os.environ.get("OCRMEND_BIN", str(ROOT / "target" / "release" / "ocrmend"))


def cli(*args: str) -> str:
    if not os.path.exists(BIN):
        pytest.fail(f"no ocrmend binary at {BIN}: build it or set OCRMEND_BIN")
    return subprocess.run([BIN, *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def test_the_package_is_the_installed_one_not_the_source_tree():
    assert "site-packages" in ocrmend.__file__, ocrmend.__file__
    assert ocrmend.__version__ == cli("--version").split()[-1]


def test_there_are_fixtures():
    assert len(FIXTURES) >= 4


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_clean_gives_what_the_command_line_gives(path):
    relative = str(path.relative_to(ROOT))
    doc = ocrmend.clean(path.read_text(encoding="utf-8"), name=relative)
    assert doc == json.loads(cli("clean", relative))
    # Bytes are decoded as the command line decodes a file.
    assert ocrmend.clean(path.read_bytes(), name=relative) == doc


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_renderings_are_the_command_line_formats(path):
    relative = str(path.relative_to(ROOT))
    doc = ocrmend.clean(path.read_bytes(), name=relative)
    assert ocrmend.to_text(doc) == cli("clean", relative, "--format", "text")
    assert ocrmend.to_markdown(doc) == cli("clean", relative, "--format", "markdown")
    assert ocrmend.to_gold(doc) == cli("clean", relative, "--format", "gold")
    assert ocrmend.to_akn(doc) == cli("clean", relative, "--format", "akn")
    bare = cli("clean", relative, "--format", "akn", "--no-provenance")
    assert ocrmend.to_akn(doc, provenance=False) == bare


def test_options_reach_the_pipeline():
    text = "1. Les Etats Membres ont décidé de renforcer le systéme.\n"
    assert ocrmend.clean(text)["corrections"] == []  # too short to tell its language
    fixed = ocrmend.clean(text, lang="fr")
    assert fixed["blocks"][0]["text"] == "Les États Membres ont décidé de renforcer le système."
    assert ocrmend.clean(text, lang="fr", repair=False)["corrections"] == []
    assert ocrmend.clean(text, lang="fr", min_confidence=1.0)["corrections"] == []


def test_bad_input_raises_the_library_error_kinds():
    with pytest.raises(ocrmend.NotText):
        ocrmend.clean(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    with pytest.raises(ocrmend.TooLarge):
        ocrmend.clean("Le texte. " * 300_000)
    assert issubclass(ocrmend.NotText, ocrmend.Error)
    assert issubclass(ocrmend.TooLarge, ocrmend.Error)
    with pytest.raises(ValueError):
        ocrmend.clean("texte", lang="xx")
    with pytest.raises(ValueError):
        ocrmend.clean(42)
    with pytest.raises(ValueError):
        ocrmend.to_text({"schema": "not a document"})


def distinct_documents():
    """Every fixture, and each cut in three: distinct texts of different sizes."""
    docs = []
    for path in FIXTURES:
        text = path.read_text(encoding="utf-8")
        third = len(text) // 3
        docs += [text, text[:third], text[third : 2 * third], text[2 * third :]]
    return docs


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_clean_many_keeps_order_and_equals_clean(threads):
    docs = distinct_documents()
    results = list(ocrmend.clean_many(iter(docs), threads=threads))
    assert results == [ocrmend.clean(d) for d in docs]


def test_clean_many_raises_a_refused_input_at_its_turn():
    docs = [FIXTURES[0].read_text(encoding="utf-8"), b"\x00\x01\x02\x03" * 500]
    results = ocrmend.clean_many(docs, threads=2)
    assert next(results)["metadata"]["symbol"]
    with pytest.raises(ocrmend.NotText):
        next(results)


def test_score_is_the_command_lines(tmp_path):
    seed = FIXTURES[0]
    relative = str(seed.relative_to(ROOT))
    doc = ocrmend.clean(seed.read_bytes(), name=relative)
    gold = ocrmend.to_gold(doc)
    gold_file = tmp_path / "gold.txt"
    gold_file.write_text(gold, encoding="utf-8")
    result_file = tmp_path / "result.json"
    result_file.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    expected = json.loads(cli("score", str(gold_file), str(result_file), "--json"))
    assert ocrmend.score(gold, doc) == expected
    assert ocrmend.score(gold, doc)["paragraphs_f1"] == 1.0
    with pytest.raises(ValueError):
        ocrmend.score(gold, "not json")

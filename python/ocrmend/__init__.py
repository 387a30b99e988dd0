"""ocrmend: the raw OCR text of a scanned UN report in, clean structured JSON out.

`clean` gives a document as the JSON contract `ocrmend/1` in Python objects (exactly
what `ocrmend clean` prints, parsed); `clean_many` cleans many in parallel without the
GIL; `to_text`, `to_markdown`, `to_gold` and `to_akn` render a document; `score`
measures one against ground truth. Refused inputs raise `NotText` or `TooLarge`, both
`ocrmend.Error`.
"""
from __future__ import annotations

import itertools
import json
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Iterable, Iterator, Optional, Union

from ._ocrmend import Error, NotText, TooLarge, __version__
from . import _ocrmend

__all__ = [
    "Error",
    "NotText",
    "TooLarge",
    "__version__",
    "clean",
    "clean_many",
    "score",
    "to_akn",
    "to_gold",
    "to_markdown",
    "to_text",
]

Document = dict
"""A document of the JSON contract `ocrmend/1`, as `json.loads` gives it."""

# Documents handed to the native side at once by `clean_many`, per thread: enough to
# keep every thread busy, few enough that results stream out of a long iterable.
_CHUNK_PER_THREAD = 8


def clean(
    text: Union[str, bytes],
    *,
    lang: Optional[str] = None,
    min_confidence: Optional[float] = None,
    repair: bool = True,
    name: str = "-",
) -> Document:
    """Clean one document.

    `text` is the OCR text, or its bytes in any encoding (decoded as the CLI does).
    `lang` is "fr", "es", "en" or None/"auto" (from the masthead, else the text);
    `min_confidence` withholds less sure corrections (default 0.6); `repair=False`
    keeps every word as printed; `name` becomes `source.path`.
    Raises `NotText` for binary input and `TooLarge` over 2 MiB.
    """
    return json.loads(_ocrmend.clean_json_text(text, name, lang, min_confidence, repair))


def clean_many(
    texts: Iterable[Union[str, bytes]],
    *,
    threads: Optional[int] = None,
    lang: Optional[str] = None,
    min_confidence: Optional[float] = None,
    repair: bool = True,
) -> Iterator[Document]:
    """Clean many documents in parallel, yielding their results in input order.

    The work runs on `threads` native threads (default: every core) with the GIL
    released. An input that is refused raises its exception when its turn comes.
    """
    threads = threads or os.cpu_count() or 1
    if threads < 1:
        raise ValueError("threads is at least 1")
    size = threads * _CHUNK_PER_THREAD
    it = iter(texts)

    def native(chunk):
        return _ocrmend.clean_json_batch(chunk, threads, lang, min_confidence, repair)

    # The next chunk is cleaned (without the GIL) while this one's JSON is parsed.
    with ThreadPoolExecutor(max_workers=1) as ahead:
        chunk = list(itertools.islice(it, size))
        pending = ahead.submit(native, chunk) if chunk else None
        while pending is not None:
            results = pending.result()
            chunk = list(itertools.islice(it, size))
            pending = ahead.submit(native, chunk) if chunk else None
            for result in results:
                if isinstance(result, BaseException):
                    raise result
                yield json.loads(result)


def _render(doc: Document, fmt: str, provenance: bool = True) -> str:
    return _ocrmend.render(json.dumps(doc, ensure_ascii=False), fmt, provenance)


def to_text(doc: Document) -> str:
    """The clean reading text: headings, paragraphs and items, then the footnotes."""
    return _render(doc, "text")


def to_markdown(doc: Document) -> str:
    """Markdown: headings as `#`, numbered paragraphs, items, footnotes as `[^n]`."""
    return _render(doc, "markdown")


def to_gold(doc: Document) -> str:
    """Ground truth in the gold format, to correct by hand."""
    return _render(doc, "gold")


def to_akn(doc: Document, *, provenance: bool = True) -> str:
    """Akoma Ntoso 3.0 XML (AKN4UN); `provenance=False` leaves corrections out."""
    return _render(doc, "akn", provenance)


def score(gold: str, result: Union[Document, str], ocr: Optional[str] = None) -> dict:
    """Scores of `result` (a document, or its JSON text) against `gold` (the text of a
    gold file); with `ocr`, the input's own error rates and the words fixed or damaged.
    Raises ValueError when either does not parse."""
    if not isinstance(result, str):
        result = json.dumps(result, ensure_ascii=False)
    return json.loads(_ocrmend.score_json(gold, result, ocr))

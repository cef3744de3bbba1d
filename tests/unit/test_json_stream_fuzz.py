"""The JSON scanner, fuzzed: random bytes, cut or garbled documents and random nesting end in a row or in the
documented errors (``JsonShapeError``; ``UnicodeDecodeError`` for bytes that are not UTF-8), never another one;
any valid document reads as ``json.loads`` reads it, however the file is cut into chunks."""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import json_stream
from ingest.json_stream import JsonShapeError, json_lists

FUZZ = settings()
CHUNKS = st.sampled_from([1, 2, 3, 7, 64, 1 << 16])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
)
"""Any JSON value, nested at random."""
DOCUMENTS = st.dictionaries(st.text(max_size=6), st.one_of(st.lists(VALUES, max_size=5), VALUES), max_size=5)


def streamed(data: bytes, chunk: int) -> dict[str, Any]:
    """Everything ``json_lists`` yields for ``data`` read ``chunk`` characters at a time (every list consumed)."""
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(json_stream, "_CHUNK", chunk):
        path = Path(folder) / "data.json"
        path.write_bytes(data)
        return {key: list(rows) if rows is not None else None for key, rows in json_lists(path)}


def expected_errors(data: bytes, chunk: int) -> None:
    """Read ``data`` through; only the documented errors may come out."""
    with contextlib.suppress(JsonShapeError, UnicodeDecodeError):
        streamed(data, chunk)


@FUZZ
@given(document=DOCUMENTS, chunk=CHUNKS, indent=st.sampled_from([None, 0, 2]))
def test_any_document_reads_as_json_loads_reads_it(document: dict[str, Any], chunk: int, indent: int | None) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    assert streamed(text.encode(), chunk) == {k: v if isinstance(v, list) else None for k, v in document.items()}


@FUZZ
@given(data=st.binary(max_size=300), chunk=CHUNKS)
def test_random_bytes_end_in_a_documented_error(data: bytes, chunk: int) -> None:
    expected_errors(data, chunk)


@FUZZ
@given(document=DOCUMENTS, chunk=CHUNKS, cut=st.integers(min_value=0), garbage=st.text(max_size=3))
def test_a_cut_or_garbled_document_ends_in_a_documented_error(
    document: dict[str, Any], chunk: int, cut: int, garbage: str
) -> None:
    text = json.dumps(document, ensure_ascii=False)
    at = cut % (len(text) + 1)
    expected_errors((text[:at] + garbage + text[at + len(garbage) :]).encode(), chunk)
    expected_errors(text[:at].encode(), chunk)


@settings(max_examples=settings().max_examples // 10)
@given(depth=st.integers(min_value=1, max_value=50_000), opener=st.sampled_from(["[", '{"a":']), chunk=CHUNKS)
def test_random_nesting_depth_reads_or_is_too_deep(depth: int, opener: str, chunk: int) -> None:
    closer = "]" if opener == "[" else "}"
    text = '{"contacts": [' + opener * depth + "1" + closer * depth + "]}"
    outcome: object
    try:
        outcome = streamed(text.encode(), chunk)["contacts"]
    except JsonShapeError as error:
        outcome = str(error)
    if isinstance(outcome, str):
        assert "nested too deeply" in outcome
    else:
        assert outcome == [json.loads(opener * depth + "1" + closer * depth)]


@settings(max_examples=settings().max_examples // 10)
@given(digits=st.integers(min_value=1, max_value=9000), fraction=st.booleans(), chunk=CHUNKS)
def test_a_number_of_any_length_reads_or_is_too_long(digits: int, fraction: bool, chunk: int) -> None:
    number = "9" * digits + (".5" if fraction else "")
    outcome: object
    try:
        outcome = streamed(f'{{"companies": [{{"employees": {number}}}]}}'.encode(), chunk)["companies"]
    except JsonShapeError as error:
        outcome = str(error)
    if isinstance(outcome, str):
        assert "a number too long to read" in outcome
    else:
        assert outcome == [{"employees": json.loads(number)}]

"""The streaming JSON reader agrees with ``json.loads`` however the file is cut into chunks."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from ingest import json_stream
from ingest.json_stream import JsonShapeError, json_lists

DOCUMENT = {
    "companies": [{"id": "co1", "name": '华东电网 "集团"\\有限公司', "employees": 123456789}],
    "contacts": [
        {"id": f"c{n}", "name": f"人{n}", "level": n % 7, "score": 0.125 * n, "left": n % 3 == 0, "x": None}
        for n in range(40)
    ],
    "empty": [],
    "settings": {"nested": [1, 2, {"a": "}"}]},
    "influence": [{"from_id": "c1", "to_id": "c2", "weight": 1e-3}],
}


def streamed(path: Path) -> dict[str, object]:
    return {key: list(rows) if rows is not None else None for key, rows in json_lists(path)}


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 16])
def test_any_chunking_reads_the_same_rows(chunk: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_stream, "_CHUNK", chunk)
    path = tmp_path / "data.json"
    path.write_text(json.dumps(DOCUMENT, ensure_ascii=False, indent=random.Random(chunk).choice([None, 1, 4])))
    assert streamed(path) == {k: v if isinstance(v, list) else None for k, v in DOCUMENT.items()}


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"contacts": [{"id": "c1"}]}).encode())
    assert streamed(path) == {"contacts": [{"id": "c1"}]}


def test_rows_not_read_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(json.dumps(DOCUMENT))
    keys = [key for key, _ in json_lists(path)]
    assert keys == list(DOCUMENT)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "Expecting value"),
        ('["a list"]', "expected '{'"),
        ('{"contacts": [{"id": 1}', "expected ']'"),
        ('{"contacts": [{"id": 1},]}', "Expecting value"),
        ("", "expected '{'"),
    ],
)
def test_broken_files_say_where(text: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text)
    with pytest.raises(JsonShapeError, match=message):
        streamed(path)

"""Stream a JSON import file (``{"contacts": [{…}, …], …}``) one row at a time.

The standard library only parses whole documents; a million-contact file
would be held in memory twice (text and objects). This scanner reads the
file in chunks and decodes one list item at a time with
``json.JSONDecoder.raw_decode``, so memory stays at one chunk plus one row.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

__all__ = ["JsonShapeError", "json_lists"]

_CHUNK = 1 << 16
_WHITESPACE = " \t\n\r"
_NUMBER_GOES_ON = frozenset("0123456789.eE+-")


class JsonShapeError(ValueError):
    """The file is not JSON, or not an object of lists."""


class _Scanner:
    def __init__(self, handle: TextIO) -> None:
        self._handle = handle
        self._buffer = ""
        self._pos = 0
        self._dropped = 0
        self._eof = False
        self._decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        """Append the next chunk; ``False`` at end of file."""
        if self._eof:
            return False
        chunk = self._handle.read(_CHUNK)
        if not chunk:
            self._eof = True
            return False
        self._dropped += self._pos
        self._buffer = self._buffer[self._pos :] + chunk
        self._pos = 0
        return True

    def peek(self) -> str:
        """The next non-blank character ("" at end of file), not consumed."""
        while True:
            while self._pos < len(self._buffer) and self._buffer[self._pos] in _WHITESPACE:
                self._pos += 1
            if self._pos < len(self._buffer) or not self._fill():
                return self._buffer[self._pos : self._pos + 1]

    def expect(self, char: str) -> None:
        found = self.peek()
        if found != char:
            raise JsonShapeError(f"expected {char!r} at character {self._offset()}, found {found or 'the end'!r}")
        self._pos += 1

    def value(self) -> Any:
        """Decode the next JSON value, reading more of the file until it is complete."""
        self.peek()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as error:
                if self._fill():
                    continue
                raise JsonShapeError(f"{error.msg} at character {self._offset()}") from error
            except RecursionError as error:  # lists in lists thousands deep: no spreadsheet row looks like that
                raise JsonShapeError(f"values nested too deeply at character {self._offset()}") from error
            except ValueError as error:  # a whole number of thousands of digits, past Python's conversion limit
                raise JsonShapeError(f"a number too long to read at character {self._offset()}") from error
            if self._may_go_on(value, end) and self._fill():
                continue
            self._pos = end
            return value

    def _may_go_on(self, value: Any, end: int) -> bool:
        """Whether a number decoded from the buffer may go on in the next chunk: "0" may be the start of "0.5".

        Text, lists and objects end with their own closing character; a number or a literal ends only where
        something that cannot continue it follows, which the buffer may not hold yet.
        """
        if isinstance(value, str | list | dict):
            return False
        return end == len(self._buffer) or self._buffer[end] in _NUMBER_GOES_ON

    def _offset(self) -> int:
        """Characters read so far, for error messages."""
        return self._dropped + self._pos


def _items(scanner: _Scanner) -> Iterator[Any]:
    scanner.expect("[")
    if scanner.peek() == "]":
        scanner.expect("]")
        return
    while True:
        yield scanner.value()
        if scanner.peek() == ",":
            scanner.expect(",")
            continue
        scanner.expect("]")
        return


def json_lists(path: Path) -> Iterator[tuple[str, Iterator[Any] | None]]:
    """Each top-level key with an iterator over its list's items (``None`` when the value is not a list).

    Consume (or drop) each iterator before asking for the next key; whatever
    is left of a list is skipped item by item.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.json").write_text('{"contacts": [{"id": "c1"}, {"id": "c2"}], "note": 1}')
    >>> [(key, list(rows) if rows is not None else None) for key, rows in json_lists(folder / "a.json")]
    [('contacts', [{'id': 'c1'}, {'id': 'c2'}]), ('note', None)]
    """
    with open(path, encoding="utf-8-sig") as handle:
        scanner = _Scanner(handle)
        scanner.expect("{")
        if scanner.peek() == "}":
            return
        while True:
            key = scanner.value()
            if not isinstance(key, str):
                raise JsonShapeError("object keys must be strings")
            scanner.expect(":")
            if scanner.peek() == "[":
                rows = _items(scanner)
                yield key, rows
                for _ in rows:
                    pass
            else:
                scanner.value()
                yield key, None
            if scanner.peek() == ",":
                scanner.expect(",")
                continue
            scanner.expect("}")
            return

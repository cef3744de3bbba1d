"""Which encoding a CSV file is in, and the bytes of a mostly-UTF-8 file that are not.

Files people export come as UTF-8 (with or without a byte order mark), as GBK
from older Chinese Excel, or as Excel's "Unicode text", which is UTF-16 with a
byte order mark. A UTF-8 file with one broken byte sequence (a cell pasted from
elsewhere) stays UTF-8: only the row holding it is rejected, with the bytes shown.
Anything else is refused whole rather than read as mojibake.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ingest.sources import ReadFailed

__all__ = ["ENCODINGS", "Encoding", "bad_bytes", "detect_encoding", "escaped"]

ENCODINGS = "UTF-8, UTF-8 with BOM, UTF-16 or UTF-32 with BOM, GBK/GB18030"
"""The encodings a CSV may be in, as the refusal of any other names them."""
SAMPLE_BYTES = 1 << 20
"""How much of a file is decoded at a time."""
_GB2312_SHARE = 0.5
"""Of a GB18030 reading's non-ASCII characters, the share that must be everyday Chinese (GB2312) to trust it.

Any byte pairs decode as GB18030, so a Shift-JIS file (山田太郎) or a Big5 one reads as rare characters; a real
GBK export is nearly all GB2312 characters, a few rare ones in names aside."""
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
"""Byte order marks, UTF-32's first: its little-endian mark starts with UTF-16's."""
_UTF8_EVIDENCE = 4
"""Valid non-ASCII characters per broken byte that make a file UTF-8 with a few broken sequences."""
_BAD_LINE_SHARE = 10
"""Or: at most one line in this many holds a broken byte (and never more than that), in a file of any text."""
_SURROGATES = re.compile("[\udc80-\udcff]+")
_BAD_LINE = re.compile("^.*?[\udc80-\udcff]", re.MULTILINE)


class Encoding(NamedTuple):
    """How to open a file: ``name`` for ``open``, and ``errors`` (``surrogateescape``: broken bytes kept apart)."""

    name: str
    errors: str = "strict"


class _Utf8Reading(NamedTuple):
    """What decoding a file as UTF-8 found: broken bytes, lines holding them, all lines, valid non-ASCII."""

    bad: int
    bad_lines: int
    lines: int
    wide: int

    def mostly(self) -> bool:
        """Few broken lines, and the rest reads as UTF-8 text (or so few that no other encoding is likelier)."""
        if self.bad_lines > max(1, self.lines // _BAD_LINE_SHARE):
            return False
        return self.bad_lines * _BAD_LINE_SHARE <= self.lines or self.wide >= _UTF8_EVIDENCE * self.bad


def detect_encoding(path: Path) -> Encoding:
    """The file's encoding: UTF-16 or UTF-32 by their byte order mark; UTF-8 when every byte decodes as such;
    GB18030 (covers GBK) when it reads as Chinese; UTF-8 with its broken bytes kept apart when it is UTF-8 but
    for a few; anything else is refused (``ReadFailed`` naming the encodings accepted).

    The whole file is checked, a megabyte at a time (C speed: about a second per
    gigabyte): a GBK export whose first Chinese text comes after the first
    megabyte is GBK all the same.
    """
    with open(path, "rb") as handle:
        first = handle.read(4)
        for bom, name, shown in _BOMS:
            if first.startswith(bom):
                handle.seek(0)
                if _decodes(handle, name) is None:
                    raise ReadFailed(
                        f"{path.name}: starts as {shown} text but does not decode as {shown}; save it as UTF-8 and "
                        f"import it again (encodings accepted: {ENCODINGS})"
                    )
                return Encoding(name)
        utf8 = "utf-8-sig" if first.startswith(codecs.BOM_UTF8) else "utf-8"
        handle.seek(0)
        reading = _utf8_reading(handle)
        if not reading.bad:
            return Encoding(utf8)
        handle.seek(0)
        share = _decodes(handle, "gb18030")
    if share is not None and share >= _GB2312_SHARE:
        return Encoding("gb18030")
    if reading.mostly():
        return Encoding(utf8, "surrogateescape")
    raise ReadFailed(
        f"{path.name}: neither UTF-8 nor Chinese GBK/GB18030 text (Shift-JIS, Big5 or Latin-1 perhaps); "
        f"save it as UTF-8 and import it again (encodings accepted: {ENCODINGS})"
    )


def _utf8_reading(handle: BinaryIO) -> _Utf8Reading:
    """Decode as UTF-8 keeping broken bytes apart (as lone surrogates), and count them and their lines."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    bad = bad_lines = lines = wide = 0
    while True:
        chunk = handle.read(SAMPLE_BYTES)
        text = decoder.decode(chunk, final=not chunk)
        broken = len(text) - len(text.encode("utf-32-le", "ignore")) // 4
        bad += broken
        bad_lines += len(_BAD_LINE.findall(text)) if broken else 0
        lines += text.count("\n")
        wide += len(text) - len(text.encode("ascii", "ignore")) - broken
        if not chunk:
            return _Utf8Reading(bad, bad_lines, lines + 1, wide)


def _decodes(handle: BinaryIO, encoding: str) -> float | None:
    """``None`` when the bytes do not decode; else the share of non-ASCII characters that are GB2312 (1.0 for none).

    Counted with the codecs alone (C speed): a GB2312 character takes two bytes in that encoding, ASCII one.
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    wide = common = 0
    try:
        while chunk := handle.read(SAMPLE_BYTES):
            text = decoder.decode(chunk, final=False)
            ascii_count = len(text.encode("ascii", "ignore"))
            wide += len(text) - ascii_count
            common += (len(text.encode("gb2312", "ignore")) - ascii_count) // 2
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    return common / wide if wide else 1.0


def bad_bytes(text: str) -> str:
    r"""The broken byte sequences of a cell read with ``surrogateescape``, escaped; empty when it has none.

    >>> bad_bytes("Zh\udcffang \udce4\udcb8"), bad_bytes("张三")
    ('\\xff, \\xe4\\xb8', '')
    """
    return ", ".join(escaped(run) for run in _SURROGATES.findall(text))


def escaped(text: str) -> str:
    r"""A cell with its broken bytes written as ``\xff``, so it can be shown and printed.

    >>> escaped("Zh\udcffang")
    'Zh\\xffang'
    """
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

"""Encoding detection, fuzzed: any bytes are read in an accepted encoding that decodes them, or refused naming the
encodings accepted; UTF-8 and GBK text reads back exactly; Japanese Shift-JIS text is never read as mojibake."""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ingest import readers
from ingest.readers import ENCODINGS, ReadFailed, detect_encoding

FUZZ = settings()
CHUNKS = st.sampled_from([1, 2, 3, 5, 64, 1 << 20])
"""How much of the file is decoded at a time: a character may straddle any boundary."""
GB2312_HANZI = (
    st.tuples(st.integers(0xB0, 0xF7), st.integers(0xA1, 0xFE))
    .map(lambda pair: bytes(pair).decode("gb2312", "ignore"))
    .filter(bool)
)
"""Everyday Chinese characters (GB2312 level 1 and 2), what a GBK export of names and companies holds."""
JAPANESE = st.sampled_from(
    "山田太郎佐藤鈴木高橋田中渡辺伊藤あいうえおかきくけこさしすせそアイウエオカキクケコヤマダタロウ"
)
"""Kana and common kanji of Japanese names (JIS level 1): Shift-JIS bytes that also decode as rare GB18030 text."""
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


def detected(data: bytes, chunk: int) -> tuple[str | None, str]:
    """(encoding, reason): the encoding ``detect_encoding`` chose, or ``None`` and why it refused the file."""
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(readers, "_SAMPLE_BYTES", chunk):
        path = Path(folder) / "contacts.csv"
        path.write_bytes(data)
        try:
            return detect_encoding(path), ""
        except ReadFailed as error:
            return None, str(error)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@FUZZ
@given(data=st.binary(max_size=400), chunk=CHUNKS)
def test_any_bytes_are_read_in_an_accepted_encoding_or_refused(data: bytes, chunk: int) -> None:
    encoding, reason = detected(data, chunk)
    if encoding is None:
        assert reason.startswith("contacts.csv: ") and f"encodings accepted: {ENCODINGS}" in reason
    else:
        assert encoding in ("utf-8", "utf-8-sig", "gb18030")
        data.decode(encoding)


@FUZZ
@given(text=st.text(st.characters(codec="utf-8"), max_size=200), chunk=CHUNKS)
def test_utf8_text_reads_back_exactly(text: str, chunk: int) -> None:
    data = text.encode("utf-8")
    encoding, reason = detected(data, chunk)
    assert encoding is not None, reason
    assert data.decode(encoding) == (text.removeprefix("\ufeff") if encoding == "utf-8-sig" else text)


@FUZZ
@given(text=st.text(st.one_of(GB2312_HANZI, ASCII), max_size=200).filter(lambda t: not t.isascii()), chunk=CHUNKS)
def test_gbk_text_reads_back_exactly(text: str, chunk: int) -> None:
    """Unless its bytes are valid UTF-8 as well (隆 is C2 A1, ¡ in UTF-8): then UTF-8 wins, as it must for Müller."""
    data = text.encode("gbk")
    assume(not _is_utf8(data))
    encoding, reason = detected(data, chunk)
    assert encoding is not None, reason
    assert data.decode(encoding) == text


@FUZZ
@given(text=st.text(st.one_of(JAPANESE, ASCII), max_size=200), chunk=CHUNKS)
def test_shift_jis_is_refused_never_read_as_mojibake(text: str, chunk: int) -> None:
    data = text.encode("cp932")
    encoding, reason = detected(data, chunk)
    if encoding is None:
        assert "neither UTF-8 nor Chinese GBK/GB18030" in reason
    else:
        assert data.decode(encoding) == text, f"read as {encoding}: {data.decode(encoding)!r}"

"""Encoding detection, fuzzed: any bytes are read in an accepted encoding that decodes them (a UTF-8 file with a few
broken bytes keeping them apart), or refused naming the encodings accepted; UTF-8, UTF-16, UTF-32 and GBK text reads
back exactly; Japanese Shift-JIS text is never read as mojibake."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ingest import text_encodings
from ingest.readers import ENCODINGS, ReadFailed, detect_encoding
from ingest.text_encodings import Encoding

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
CODECS = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


def detected(data: bytes, chunk: int) -> tuple[Encoding | None, str]:
    """(encoding, reason): the encoding ``detect_encoding`` chose, or ``None`` and why it refused the file."""
    with tempfile.TemporaryDirectory() as folder, mock.patch.object(text_encodings, "SAMPLE_BYTES", chunk):
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
        assert encoding.name in ("utf-8", "utf-8-sig", "utf-16", "utf-32", "gb18030")
        assert encoding.errors == "strict" or encoding.name.startswith("utf-8")
        data.decode(*encoding)


@FUZZ
@given(text=st.text(st.characters(codec="utf-8"), max_size=200), chunk=CHUNKS)
def test_utf8_text_reads_back_exactly(text: str, chunk: int) -> None:
    data = text.encode("utf-8")
    encoding, reason = detected(data, chunk)
    assert encoding is not None, reason
    assert encoding.errors == "strict"
    assert data.decode(*encoding) == (text.removeprefix("\ufeff") if encoding.name == "utf-8-sig" else text)


@FUZZ
@given(text=st.text(st.characters(codec="utf-8"), max_size=200), chunk=CHUNKS, codec=st.sampled_from(CODECS))
def test_utf16_and_utf32_text_with_a_byte_order_mark_reads_back_exactly(text: str, chunk: int, codec: str) -> None:
    """As Excel's "Unicode text" export writes it (UTF-16 LE), and the other byte orders and widths."""
    bom = {"le": codecs.BOM_UTF16_LE, "be": codecs.BOM_UTF16_BE}[codec[-2:]] if "16" in codec else None
    bom = bom or {"le": codecs.BOM_UTF32_LE, "be": codecs.BOM_UTF32_BE}[codec[-2:]]
    encoding, reason = detected(bom + text.encode(codec), chunk)
    assert encoding is not None, reason
    assert (bom + text.encode(codec)).decode(*encoding) == text


@FUZZ
@given(text=st.text(st.one_of(GB2312_HANZI, ASCII), max_size=200).filter(lambda t: not t.isascii()), chunk=CHUNKS)
def test_gbk_text_reads_back_exactly(text: str, chunk: int) -> None:
    """Unless its bytes are valid UTF-8 as well (隆 is C2 A1, ¡ in UTF-8): then UTF-8 wins, as it must for Müller."""
    data = text.encode("gbk")
    assume(not _is_utf8(data))
    encoding, reason = detected(data, chunk)
    assert encoding is not None, reason
    assert data.decode(*encoding) == text


@FUZZ
@given(text=st.text(st.one_of(JAPANESE, ASCII), max_size=200), chunk=CHUNKS)
def test_shift_jis_is_refused_never_read_as_mojibake(text: str, chunk: int) -> None:
    data = text.encode("cp932")
    encoding, reason = detected(data, chunk)
    if encoding is None:
        assert "neither UTF-8 nor Chinese GBK/GB18030" in reason
    else:
        assert data.decode(*encoding) == text, f"read as {encoding}: {data.decode(*encoding)!r}"

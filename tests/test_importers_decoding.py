"""decode_text reads every plausible encoding correctly and refuses what it cannot read."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from reviewapp.importers import ImportRejected, decode_bytes, decode_text

DEMO = Path(__file__).parent.parent / "reviewapp" / "demo_data"
ARABIC = (DEMO / "paris-talks.ar.txt").read_text(encoding="utf-8")
ENGLISH = (DEMO / "paris-talks.en.txt").read_text(encoding="utf-8")
HEADLINE = ARABIC.split("\n", 1)[0]
RUSSIAN = "Переговоры в Париже: Сирия и Израиль обсуждают прекращение огня и безопасность.\n"


@pytest.mark.parametrize(
    ("text", "data"),
    [
        (ARABIC, ARABIC.encode("utf-8")),
        (ARABIC, codecs.BOM_UTF8 + ARABIC.encode("utf-8")),
        (ARABIC, ARABIC.encode("utf-16")),  # with BOM
        (ARABIC, codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be")),
        (ARABIC, ARABIC.encode("utf-32")),
        (ARABIC, ARABIC.encode("utf-16-le")),  # no BOM: recognised by its NUL pattern
        (ARABIC, ARABIC.encode("utf-16-be")),
        (ENGLISH, ENGLISH.encode("utf-16-le")),
        (ARABIC, ARABIC.encode("cp1256")),  # by detection
        (RUSSIAN * 3, (RUSSIAN * 3).encode("cp1251")),
        (ENGLISH, ENGLISH.replace("\n", "\r\n").encode("ascii")),  # line endings normalised
    ],
)
def test_text_is_read_in_its_encoding(text: str, data: bytes) -> None:
    assert decode_text(data) == text


@pytest.mark.parametrize(
    ("text", "encoding", "guessed"),
    [(ARABIC, "utf-8", False), (ARABIC, "cp1256", True), (ARABIC, "utf-16", False)],
)
def test_only_statistical_detection_counts_as_a_guess(
    text: str, encoding: str, guessed: bool
) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.guessed is guessed
    assert bool(decoded.warnings()) is guessed


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(ARABIC, "cp1256"), (HEADLINE, "iso-8859-6"), ("Café crème, façade.\n", "cp1252")],
)
def test_declared_encoding_is_used(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding), encoding) == text


def random_bytes(size: int, without_nul: bool = False) -> bytes:
    generator = random.Random(size)
    data = bytes(generator.randrange(256) for _ in range(size))
    return data.replace(b"\x00", b"\x01") if without_nul else data


@pytest.mark.parametrize(
    ("data", "declared", "message"),
    [
        (b"", None, "The file is empty"),
        (b"  \n\t \r\n", None, "The file is empty"),
        ("\u00a0\u3000".encode(), None, "only blank space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "does not look like text: it is a PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", None, "it is a PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", None, "it is a ZIP archive"),
        (random_bytes(4096), None, "does not look like text"),
        (random_bytes(4096, without_nul=True), None, "does not look like text"),
        (b"text\x01\x02\x03\x04\x05\x06\x07\x08 more", None, "control characters"),
        # Latin-1 bytes that claim to be UTF-8: refused rather than mangled.
        ("Café crème".encode("latin-1"), "utf-8", "declared as utf-8, but line 1"),
        # UTF-8 with one corrupt byte on line 3: no legacy guess may paper over it.
        ("سطر\nسطر\n".encode() + b"\xff" + "سطر".encode(), None, "line 3 contains bytes"),
        (ARABIC.encode("cp1256"), "utf-8", "not valid utf-8"),
        (b"abc", "no-such-encoding", "Unknown text encoding"),
    ],
)
def test_unreadable_bytes_are_refused(data: bytes, declared: str | None, message: str) -> None:
    with pytest.raises(ImportRejected, match=message):
        decode_text(data, declared)


def test_byte_order_mark_is_stripped() -> None:
    assert not decode_text(codecs.BOM_UTF8 + b"Baku").startswith("\ufeff")


CONTROLLED_ARABIC = "وقالت سانا \x01\x02\x03 إن اجتماع باريس\x1b\x7f أنتج تفاهمات"


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        (CONTROLLED_ARABIC.encode(), None),
        (codecs.BOM_UTF8 + CONTROLLED_ARABIC.encode(), None),
        (CONTROLLED_ARABIC.encode("utf-16"), None),
        (CONTROLLED_ARABIC.encode("cp1256"), "cp1256"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16", "cp1256"],
)
def test_control_characters_are_counted_alike_in_every_encoding(
    data: bytes, declared: str | None
) -> None:
    with pytest.raises(ImportRejected, match="control characters"):
        decode_text(data, declared)
    clean = CONTROLLED_ARABIC.translate(dict.fromkeys([1, 2, 3, 0x1B, 0x7F]))
    one_stray = "\x1b" + "\n".join([clean] * 100)
    assert decode_text(one_stray.encode(declared or "utf-8"), declared) == one_stray

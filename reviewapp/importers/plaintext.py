"""Plain text: paragraphs are separated by blank lines, as in the demo article."""

from __future__ import annotations

from reviewapp.importers.base import BLANK_LINES, MonolingualFormat, decode_bytes, join_paragraphs


class PlainTextFormat(MonolingualFormat):
    identifier = "txt"
    label = "Plain text"
    extensions = (".txt", ".text")

    def sniff(self, data: bytes, head: str) -> bool:
        return True

    def read(self, data: bytes, *, max_bytes: int, declared_encoding: str | None) -> str:
        return self.read_with_warnings(
            data, max_bytes=max_bytes, declared_encoding=declared_encoding
        )[0]

    def read_with_warnings(
        self, data: bytes, *, max_bytes: int, declared_encoding: str | None
    ) -> tuple[str, list[str]]:
        decoded = decode_bytes(data, declared_encoding)
        return join_paragraphs(BLANK_LINES.split(decoded.text)), decoded.warnings()

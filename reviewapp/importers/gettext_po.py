"""Gettext PO catalogues, read by translate-toolkit.

msgid is the source and msgstr the translation; every entry is its own paragraph. The
"Language" header gives the target language and the optional "X-Source-Language" header
the source. Obsolete entries are skipped; plural entries keep their singular form.
"""

from __future__ import annotations

import re
from collections.abc import Hashable

from translate.storage import po

from reviewapp.importers.base import (
    BilingualDocument,
    BilingualFormat,
    ImportRejected,
    decode_bytes,
    make_document,
)

HEADER_CHARSET = re.compile(rb"charset=\s*([-\w.:]+)")
TEXT_CHARSET = re.compile(r"(charset=\s*)[-\w.:]+")
PO_ENTRY = re.compile(r'^msgid\s+"', re.M)


def header_charset(data: bytes) -> str | None:
    match = HEADER_CHARSET.search(data[:4096])
    if match is None or match.group(1).upper() == b"CHARSET":
        return None
    return match.group(1).decode("ascii")


class GettextFormat(BilingualFormat):
    identifier = "po"
    label = "Gettext PO"
    extensions = (".po", ".pot")

    def sniff(self, data: bytes, head: str) -> bool:
        return bool(PO_ENTRY.search(head)) and "msgstr" in head

    def read(
        self, data: bytes, *, max_bytes: int, declared_encoding: str | None
    ) -> BilingualDocument:
        decoded = decode_bytes(data, declared_encoding or header_charset(data))
        # translate-toolkit decodes by the header charset itself; handing it UTF-8 with a
        # matching header keeps one decoder (ours) and honours the user's chosen encoding.
        utf8 = TEXT_CHARSET.sub(r"\g<1>UTF-8", decoded.text, count=1).encode("utf-8")
        try:
            store = po.pofile.parsestring(utf8)
        except ValueError as error:
            raise ImportRejected(f"The PO file could not be read: {error}") from None
        header = store.parseheader()
        warnings = decoded.warnings()
        rows: list[tuple[str, str, Hashable]] = []
        plurals = 0
        for position, unit in enumerate(store.units):
            if unit.isheader() or unit.isobsolete():
                continue
            if unit.hasplural():
                plurals += 1
            source = unit.source.strings[0] if unit.hasplural() else unit.source
            target = unit.target.strings[0] if unit.hasplural() else unit.target
            rows.append((str(source or ""), str(target or ""), position))
        if plurals:
            warnings.append(f"{plurals} plural entries were imported with their singular form.")
        return make_document(
            rows,
            source_lang=header.get("X-Source-Language"),
            target_lang=header.get("Language"),
            warnings=warnings,
        )

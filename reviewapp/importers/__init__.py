"""Pure importers: uploaded bytes in, text or aligned pairs out (no Django, no database)."""

from reviewapp.importers.base import (
    BilingualDocument,
    ImportedPair,
    ImportRejected,
    PairColumns,
    decode_bytes,
    decode_text,
)
from reviewapp.importers.languages import check_languages, sample_text
from reviewapp.importers.registry import (
    BILINGUAL_FORMATS,
    FORMATS,
    MONOLINGUAL_FORMATS,
    accepted_extensions,
    detect_format,
    read_bilingual,
    read_monolingual,
    read_monolingual_with_warnings,
)

__all__ = [
    "BILINGUAL_FORMATS",
    "FORMATS",
    "MONOLINGUAL_FORMATS",
    "BilingualDocument",
    "ImportRejected",
    "ImportedPair",
    "PairColumns",
    "accepted_extensions",
    "check_languages",
    "decode_bytes",
    "decode_text",
    "detect_format",
    "read_bilingual",
    "read_monolingual",
    "read_monolingual_with_warnings",
    "sample_text",
]

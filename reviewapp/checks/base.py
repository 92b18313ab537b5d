"""Check base class, finding and segment types, and the check registry."""

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import ClassVar, Literal

Severity = Literal["minor", "major", "critical"]
Category = Literal[
    "mistranslated_name",
    "awkward",
    "mistranslation",
    "omission",
    "addition",
    "untranslated",
    "grammar",
    "spelling",
    "punctuation",
    "terminology",
    "other",
]


@dataclass(frozen=True, slots=True)
class Finding:
    """One suspected error; offsets are character offsets into source and target."""

    check_id: str
    kind: str
    source_start: int | None
    source_end: int | None
    target_start: int | None
    target_end: int | None
    source_text: str
    target_text: str
    message: str
    suggestion: str = ""
    category: Category = "other"
    severity: Severity = "minor"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SegmentPair:
    position: int
    source: str
    target: str
    source_lang: str
    target_lang: str


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    source_term: str
    translation: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class PhrasingRule:
    """A known bad rendering: pattern found in the target, optionally only when the
    source contains source_condition (case-insensitive, whole word)."""

    pattern: str
    is_regex: bool
    message: str
    suggestion: str = ""
    source_condition: str | None = None


@dataclass
class CheckContext:
    glossary: Sequence[GlossaryEntry] = ()
    phrasing_rules: Sequence[PhrasingRule] = ()
    use_default_phrasing_rules: bool = True
    # Work shared between checks of one run (the name alignment is used by both the
    # name check and the consistency check), keyed by the check module that fills it.
    shared: dict[str, object] = field(default_factory=dict)
    # Processes a large document's name alignment may be shared out among.
    processes: int = 1


def primary_language(code: str) -> str:
    """ "ar" for "ar", "ar-SY" or "ar_SY"."""
    return code.replace("_", "-").split("-")[0].lower()


class Check:
    """One automatic check. Subclasses override check_segment, or check_document for
    checks that need all segments at once."""

    check_id: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    # Primary language codes; None means every language.
    source_languages: ClassVar[frozenset[str] | None] = None
    target_languages: ClassVar[frozenset[str] | None] = None

    def applies_to(self, pair: SegmentPair) -> bool:
        return (
            self.source_languages is None
            or primary_language(pair.source_lang) in self.source_languages
        ) and (
            self.target_languages is None
            or primary_language(pair.target_lang) in self.target_languages
        )

    def check_segment(self, pair: SegmentPair, context: CheckContext) -> Iterable[Finding]:
        return ()

    def check_document(
        self, pairs: Sequence[SegmentPair], context: CheckContext
    ) -> Iterable[tuple[int, Finding]]:
        for pair in pairs:
            if self.applies_to(pair):
                for finding in self.check_segment(pair, context):
                    yield pair.position, finding


CHECKS: dict[str, Check] = {}


def register[CheckClass: type[Check]](check_class: CheckClass) -> CheckClass:
    CHECKS[check_class.check_id] = check_class()
    return check_class

"""Translations that are empty, identical to the source, or keep source-script words."""

from collections.abc import Iterable

from reviewapp.checks.base import Check, CheckContext, Finding, SegmentPair, register
from reviewapp.checks.text import (
    WORD_PATTERN,
    has_latin_letters,
    is_kept_in_latin,
    is_latin_script_text,
    segment_words,
)


@register
class UntranslatedCheck(Check):
    check_id = "untranslated"
    name = "Untranslated text"
    description = (
        "The translation is empty, identical to the source, or keeps Latin-script words "
        "in a language written in another script. Acronyms (BBC, NATO) and names the "
        "name check reports are let through."
    )

    def check_segment(self, pair: SegmentPair, context: CheckContext) -> Iterable[Finding]:
        if not any(map(str.isalpha, pair.source)):
            return
        # Texts are compared with runs of spaces as one space and none at the ends:
        # str.split() cuts at the characters the regex \s matches.
        target_words = pair.target.split()
        if not target_words:
            yield self._finding(pair, "empty", "The translation is empty.", "omission", "critical")
        elif target_words == pair.source.split():
            yield self._finding(
                pair,
                "identical",
                "The translation is identical to the source.",
                "untranslated",
                "major",
            )
        elif (
            # The cheapest test first: most translations have no Latin letter at all.
            has_latin_letters(pair.target)
            and not is_latin_script_text(pair.target)
            and is_latin_script_text(pair.source)
        ):
            yield from self._latin_runs(pair, context)

    def _finding(
        self, pair: SegmentPair, kind: str, message: str, category: str, severity: str
    ) -> Finding:
        return Finding(
            check_id=self.check_id,
            kind=kind,
            source_start=0,
            source_end=len(pair.source),
            target_start=0,
            target_end=len(pair.target),
            source_text=pair.source,
            target_text=pair.target,
            message=message,
            category=category,  # type: ignore[arg-type]
            severity=severity,  # type: ignore[arg-type]
        )

    def _latin_runs(self, pair: SegmentPair, context: CheckContext) -> Iterable[Finding]:
        source_names = {text for text in WORD_PATTERN.findall(pair.source) if text[0].isupper()}
        run: list[tuple[int, int]] = []
        for word in [*segment_words(pair, context).target, None]:
            if (
                word is not None
                and word.is_latin
                and not is_kept_in_latin(word.text)
                and word.text not in source_names
            ):
                if run and pair.target[run[-1][1] : word.start].strip() not in ("", "-", "'"):
                    yield self._latin_finding(pair, run)
                    run = []
                run.append((word.start, word.end))
            elif run:
                yield self._latin_finding(pair, run)
                run = []

    def _latin_finding(self, pair: SegmentPair, run: list[tuple[int, int]]) -> Finding:
        start, end = run[0][0], run[-1][1]
        text = pair.target[start:end]
        source_start = pair.source.find(text)
        return Finding(
            check_id=self.check_id,
            kind="untranslated",
            source_start=source_start if source_start >= 0 else None,
            source_end=source_start + len(text) if source_start >= 0 else None,
            target_start=start,
            target_end=end,
            source_text=text if source_start >= 0 else "",
            target_text=text,
            message=f"“{text}” is left untranslated in Latin script.",
            category="untranslated",
            severity="major",
        )

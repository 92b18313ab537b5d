"""Glossary terms and known bad machine renderings (phrasing rules)."""

import json
import re
from collections.abc import Iterable, Sequence
from functools import cache

from reviewapp.checks.base import (
    Check,
    CheckContext,
    Finding,
    PhrasingRule,
    SegmentPair,
    primary_language,
    register,
)
from reviewapp.checks.names import DATA_DIRECTORY, find_form
from reviewapp.checks.text import segment_words
from reviewapp.transliteration import fold_arabic, fold_with_offsets


def _whole_phrase(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){term}(?!\w)", re.IGNORECASE)


@cache
def default_phrasing_rules(source_lang: str, target_lang: str) -> tuple[PhrasingRule, ...]:
    with (DATA_DIRECTORY / "phrasing_rules.json").open(encoding="utf-8") as table:
        rules = json.load(table).get(f"{source_lang}-{target_lang}", [])
    return tuple(PhrasingRule(**rule) for rule in rules)


@cache
def _compiled(rule: PhrasingRule) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    # Both sides are compared without diacritics or hamza variants, so the pattern is
    # folded the same way; folding only changes letters, never regex syntax.
    pattern = fold_arabic(rule.pattern if rule.is_regex else re.escape(rule.pattern))
    return re.compile(pattern, re.IGNORECASE), (
        _whole_phrase(rule.source_condition) if rule.source_condition else None
    )


@register
class GlossaryCheck(Check):
    check_id = "glossary"
    name = "Glossary"
    description = (
        "A source term of the project glossary is translated with its approved translation."
    )

    def check_segment(self, pair: SegmentPair, context: CheckContext) -> Iterable[Finding]:
        if not context.glossary:
            return
        target_lang = primary_language(pair.target_lang)
        target = segment_words(pair, context).target_readings
        for entry in context.glossary:
            occurrence = _whole_phrase(re.escape(entry.source_term)).search(pair.source)
            if occurrence is None or find_form(entry.translation, target, target_lang):
                continue
            note = f" ({entry.note})" if entry.note else ""
            yield Finding(
                check_id=self.check_id,
                kind="glossary",
                source_start=occurrence.start(),
                source_end=occurrence.end(),
                target_start=None,
                target_end=None,
                source_text=occurrence.group(0),
                target_text="",
                message=f"“{entry.source_term}” should be translated as “{entry.translation}”{note}.",
                suggestion=entry.translation,
                category="terminology",
                severity="major",
            )


@register
class PhrasingCheck(Check):
    check_id = "phrasing"
    name = "Known bad renderings"
    description = "The translation contains a rendering the project lists as a known machine error."

    def rules(self, pair: SegmentPair, context: CheckContext) -> Sequence[PhrasingRule]:
        defaults = (
            default_phrasing_rules(
                primary_language(pair.source_lang), primary_language(pair.target_lang)
            )
            if context.use_default_phrasing_rules
            else ()
        )
        return (*defaults, *context.phrasing_rules)

    def check_segment(self, pair: SegmentPair, context: CheckContext) -> Iterable[Finding]:
        folded_target, kept = fold_with_offsets(pair.target)
        reported: set[tuple[int, int]] = set()
        for rule in self.rules(pair, context):
            pattern, condition = _compiled(rule)
            condition_match = condition.search(pair.source) if condition else None
            if condition and condition_match is None:
                continue
            for match in pattern.finditer(folded_target):
                if match.start() == match.end():
                    continue
                start, end = kept[match.start()], kept[match.end() - 1] + 1
                if any(start < seen_end and seen_start < end for seen_start, seen_end in reported):
                    continue
                reported.add((start, end))
                yield Finding(
                    check_id=self.check_id,
                    kind="phrasing",
                    source_start=condition_match.start() if condition_match else None,
                    source_end=condition_match.end() if condition_match else None,
                    target_start=start,
                    target_end=end,
                    source_text=condition_match.group(0) if condition_match else "",
                    target_text=pair.target[start:end],
                    message=rule.message,
                    suggestion=rule.suggestion,
                    category="mistranslation",
                    severity="major",
                )

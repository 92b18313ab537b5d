"""Glossary terms and known bad machine renderings (phrasing rules)."""

import json
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import NamedTuple

from reviewapp.checks.base import (
    Check,
    CheckContext,
    Finding,
    GlossaryEntry,
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


def _term_gate(terms: Sequence[str]) -> re.Pattern[str] | None:
    """A zero-width pattern that matches wherever one of the terms may start as a whole
    phrase (see _whole_phrase), so that one scan of a text finds the only places where
    those terms need trying; None when the terms cannot be joined into one pattern.

    The word boundary before the terms is tested once for all of them: one lookbehind
    per term and position made a joined scan almost as slow as one scan per term."""
    if not terms:
        return None
    try:
        return re.compile(
            r"(?<!\w)(?=" + "|".join(f"(?:{term})" for term in terms) + ")", re.IGNORECASE
        )
    except re.error:
        return None


def _first_match(phrase: re.Pattern[str], text: str, starts: Sequence[int]) -> re.Match[str] | None:
    """phrase.search(text), given every offset where the phrase may start."""
    for start in starts:
        match = phrase.match(text, start)
        if match is not None:
            return match
    return None


def _for_run[Prepared](
    context: CheckContext, key: str, inputs: tuple[object, ...], prepare: Callable[[], Prepared]
) -> Prepared:
    """What prepare makes of inputs, kept in the run's context for as long as the inputs
    stay the same. Comparing inputs that are the same objects, as they are within a run,
    costs little, while hashing them would cost a Python call per glossary entry or rule
    and segment."""
    stored = context.shared.get(key)
    if stored is None or stored[0] != inputs:  # type: ignore[index]
        stored = context.shared[key] = (inputs, prepare())
    return stored[1]  # type: ignore[index]


class _PreparedGlossary(NamedTuple):
    entries: tuple[tuple[GlossaryEntry, re.Pattern[str]], ...]
    term_starts: re.Pattern[str] | None


def _prepared_glossary(glossary: Sequence[GlossaryEntry]) -> _PreparedGlossary:
    terms = [re.escape(entry.source_term) for entry in glossary]
    return _PreparedGlossary(
        tuple((entry, _whole_phrase(term)) for entry, term in zip(glossary, terms, strict=True)),
        _term_gate(terms),
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
        glossary = tuple(context.glossary)
        prepared = _for_run(
            context, "terms:glossary", glossary, lambda: _prepared_glossary(glossary)
        )
        starts = None
        if prepared.term_starts is not None:
            starts = [match.start() for match in prepared.term_starts.finditer(pair.source)]
            if not starts:
                return
        target_lang = primary_language(pair.target_lang)
        target = segment_words(pair, context).target_readings
        for entry, term in prepared.entries:
            occurrence = (
                term.search(pair.source)
                if starts is None
                else _first_match(term, pair.source, starts)
            )
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


class _PreparedRule(NamedTuple):
    rule: PhrasingRule
    pattern: re.Pattern[str]
    condition: re.Pattern[str] | None
    # Whether the rules' condition gate covers the condition (see _PreparedRules).
    gated: bool


class _PreparedRules(NamedTuple):
    """The phrasing rules of one language pair and project, compiled once per run."""

    rules: tuple[_PreparedRule, ...]
    # Where the condition of a gated rule may match: most sources hold none, and then
    # only the other rules, ungated_rules, can apply.
    condition_starts: re.Pattern[str] | None
    ungated_rules: tuple[_PreparedRule, ...]


def _prepared_rules(rules: Sequence[PhrasingRule]) -> _PreparedRules:
    compiled = [(rule, *_compiled(rule)) for rule in rules]
    # A condition is a regex: one with an alternation of its own would change meaning
    # inside the gate, and one with groups could hold a back-reference, whose number
    # would change; those are searched on their own.
    gated = [
        condition is not None and not condition.groups and "|" not in (rule.source_condition or "")
        for rule, _, condition in compiled
    ]
    gate = _term_gate(
        [
            rule.source_condition or ""
            for (rule, _, _), is_gated in zip(compiled, gated, strict=True)
            if is_gated
        ]
    )
    prepared = tuple(
        _PreparedRule(rule, pattern, condition, gate is not None and is_gated)
        for (rule, pattern, condition), is_gated in zip(compiled, gated, strict=True)
    )
    return _PreparedRules(prepared, gate, tuple(item for item in prepared if not item.gated))


@register
class PhrasingCheck(Check):
    check_id = "phrasing"
    name = "Known bad renderings"
    description = "The translation contains a rendering the project lists as a known machine error."

    def _prepared(self, pair: SegmentPair, context: CheckContext) -> _PreparedRules:
        source_lang = primary_language(pair.source_lang)
        target_lang = primary_language(pair.target_lang)
        use_defaults = context.use_default_phrasing_rules
        project_rules = tuple(context.phrasing_rules)

        def prepare() -> _PreparedRules:
            defaults = default_phrasing_rules(source_lang, target_lang) if use_defaults else ()
            return _prepared_rules((*defaults, *project_rules))

        return _for_run(
            context,
            f"terms:phrasing:{source_lang}-{target_lang}",
            (use_defaults, *project_rules),
            prepare,
        )

    def check_segment(self, pair: SegmentPair, context: CheckContext) -> Iterable[Finding]:
        prepared = self._prepared(pair, context)
        condition_starts = (
            [match.start() for match in prepared.condition_starts.finditer(pair.source)]
            if prepared.condition_starts is not None
            else []
        )
        applicable = []
        for rule, pattern, condition, gated in (
            prepared.rules if condition_starts else prepared.ungated_rules
        ):
            if condition is None:
                applicable.append((rule, pattern, None))
                continue
            condition_match = (
                _first_match(condition, pair.source, condition_starts)
                if gated
                else condition.search(pair.source)
            )
            if condition_match is not None:
                applicable.append((rule, pattern, condition_match))
        if not applicable:
            return
        folded_target, kept = fold_with_offsets(pair.target)
        reported: set[tuple[int, int]] = set()
        for rule, pattern, condition_match in applicable:
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

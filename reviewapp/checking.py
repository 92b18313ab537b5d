"""Glue between the stored review data and the pure automatic checks (reviewapp.checks).

Findings are stored without the ones editors dismissed: a dismissal is keyed by a
fingerprint of what was found (check, kind, source and target words), not by offsets,
so it still matches after edits elsewhere in the segment.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from reviewapp import checks
from reviewapp.bulk import insert_rows, write_connection
from reviewapp.checks.base import Check
from reviewapp.models import (
    CheckDismissal,
    CheckFinding,
    Document,
    PhrasingRule,
    Project,
    Segment,
    Translation,
)
from reviewapp.textdiff import word_diff


def fingerprint(check_id: str, kind: str, source_text: str, target_text: str) -> str:
    key = "\x1f".join((check_id, kind, source_text, target_text))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def finding_fingerprint(finding: checks.Finding) -> str:
    return fingerprint(finding.check_id, finding.kind, finding.source_text, finding.target_text)


def is_document_level(check: Check) -> bool:
    """Checks that compare segments with each other need the whole document to run."""
    return type(check).check_document is not Check.check_document


def check_name(check_id: str) -> str:
    check = checks.CHECKS.get(check_id)
    return check.name if check else check_id


def enabled_check_ids(project: Project, *, document_level: bool | None = None) -> list[str]:
    disabled = set(project.disabled_checks or ())
    return [
        check_id
        for check_id, check in checks.CHECKS.items()
        if check_id not in disabled
        and (document_level is None or is_document_level(check) == document_level)
    ]


def project_context(project: Project) -> checks.CheckContext:
    glossary = [
        checks.GlossaryEntry(entry.source_term, entry.target_term, entry.note)
        for entry in project.glossary.all()
    ]
    rules = [pure_rule(rule) for rule in project.phrasing_rules.filter(enabled=True)]
    return checks.CheckContext(
        glossary=glossary, phrasing_rules=rules, processes=settings.CHECK_PROCESSES
    )


def pure_rule(rule: PhrasingRule) -> checks.PhrasingRule:
    return checks.PhrasingRule(
        pattern=rule.pattern,
        is_regex=rule.is_regex,
        message=rule.message or default_rule_message(rule.pattern, rule.suggestion),
        suggestion=rule.suggestion,
        source_condition=rule.source_condition or None,
    )


def default_rule_message(pattern: str, suggestion: str) -> str:
    better = f"; write “{suggestion}”" if suggestion else ""
    return f"“{pattern}” is a known bad machine rendering{better}."


def translation_pairs(
    translation: Translation, document: Document
) -> tuple[list[checks.SegmentPair], dict[int, int]]:
    """The translation's current texts as check input, and segment ids by position."""
    rows = translation.segments.order_by("position").values_list(
        "pk", "position", "source_text", "text"
    )
    pairs, segment_ids = [], {}
    for segment_id, position, source, target in rows:
        pairs.append(
            checks.SegmentPair(position, source, target, document.source_lang, document.target_lang)
        )
        segment_ids[position] = segment_id
    return pairs, segment_ids


def segment_pair(segment: Segment, document: Document) -> checks.SegmentPair:
    return checks.SegmentPair(
        segment.position,
        segment.source_text,
        segment.text,
        document.source_lang,
        document.target_lang,
    )


def find(
    pairs: Sequence[checks.SegmentPair], context: checks.CheckContext, check_ids: Iterable[str]
) -> list[tuple[int, checks.Finding]]:
    """Findings of the given checks, in segment order."""
    wanted = set(check_ids)
    return checks.run_checks(pairs, context, disabled=set(checks.CHECKS) - wanted)


# The stored columns of a finding, in the order of finding_rows' tuples.
FINDING_FIELDS = (
    "segment",
    "check_id",
    "kind",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "source_span",
    "target_span",
    "message",
    "suggestion",
    "category",
    "severity",
    "fingerprint",
    "created_at",
)


def finding_rows(
    findings: Iterable[tuple[int, checks.Finding]],
    segment_ids: dict[int, int],
    dismissed: set[tuple[int, str, str]],
) -> list[tuple[object, ...]]:
    """The findings not dismissed, as rows of FINDING_FIELDS values ready to insert."""
    created_at = CheckFinding._meta.get_field("created_at").get_db_prep_save(
        timezone.now(), write_connection(CheckFinding)
    )
    rows = []
    for position, finding in findings:
        segment_id = segment_ids[position]
        key = finding_fingerprint(finding)
        if (segment_id, finding.check_id, key) in dismissed:
            continue
        rows.append(
            (
                segment_id,
                finding.check_id,
                finding.kind,
                finding.source_start,
                finding.source_end,
                finding.target_start,
                finding.target_end,
                finding.source_text,
                finding.target_text,
                finding.message,
                finding.suggestion,
                finding.category,
                finding.severity,
                key,
                created_at,
            )
        )
    return rows


def dismissed_keys(**filters: object) -> set[tuple[int, str, str]]:
    return set(
        CheckDismissal.objects.filter(**filters).values_list(
            "segment_id", "check_id", "fingerprint"
        )
    )


def replace_translation_findings(
    translation: Translation,
    document: Document,
    context: checks.CheckContext,
    check_ids: Sequence[str],
    *,
    replace_all: bool,
) -> int:
    """Run the checks on one translation and store what they find in place of what the
    same checks (or, with replace_all, every check) found before. The caller holds the
    transaction."""
    pairs, segment_ids = translation_pairs(translation, document)
    rows = finding_rows(
        find(pairs, context, check_ids),
        segment_ids,
        dismissed_keys(segment__translation=translation),
    )
    old = CheckFinding.objects.filter(segment__translation=translation)
    (old if replace_all else old.filter(check_id__in=check_ids)).delete()
    insert_rows(CheckFinding, FINDING_FIELDS, rows)
    return len(rows)


def replace_segment_findings(
    segment: Segment, document: Document, context: checks.CheckContext, check_ids: Sequence[str]
) -> int:
    """Every finding of the segment goes (its offsets point into the old text); the given
    checks' findings come back at once."""
    rows = finding_rows(
        find([segment_pair(segment, document)], context, check_ids),
        {segment.position: segment.pk},
        dismissed_keys(segment=segment),
    )
    CheckFinding.objects.filter(segment=segment).delete()
    insert_rows(CheckFinding, FINDING_FIELDS, rows)
    return len(rows)


@dataclass(frozen=True)
class Replacement:
    wrong: str
    right: str


def replaced_span(old: str, new: str) -> Replacement | None:
    """The words an edit replaced, when the edit replaced exactly one run of words."""
    changed = [part for part in word_diff(old, new) if part.kind != "equal"]
    if [part.kind for part in changed] != ["delete", "insert"]:
        return None
    wrong, right = changed[0].text.strip(), changed[1].text.strip()
    return Replacement(wrong, right) if wrong and right else None


def rerun_project_checks(project: Project, check_ids: Sequence[str]) -> None:
    """Re-run some checks on every translation of the project; the caller holds the
    transaction."""
    enabled = set(enabled_check_ids(project))
    wanted = [check_id for check_id in check_ids if check_id in enabled]
    context = project_context(project)
    for document in project.documents.all():
        for translation in document.translations.all():
            replace_translation_findings(translation, document, context, wanted, replace_all=False)


def project_pairs(
    project: Project, *, documents: Iterable[Document] | None = None
) -> Iterable[tuple[Document, Translation, list[checks.SegmentPair], dict[int, int]]]:
    for document in documents if documents is not None else project.documents.all():
        for translation in document.translations.all():
            yield (document, translation, *translation_pairs(translation, document))


def rule_hit_count(project: Project, rule: checks.PhrasingRule) -> int:
    """How many segments of the project the rule finds something in."""
    context = checks.CheckContext(phrasing_rules=[rule], use_default_phrasing_rules=False)
    return sum(
        len({position for position, _ in find(pairs, context, ["phrasing"])})
        for _, _, pairs, _ in project_pairs(project)
    )


@dataclass(frozen=True)
class FixHit:
    """One place where the wrong words stand, as shown in the fix-everywhere preview."""

    segment_id: int
    segment_number: int
    version: int
    document: Document
    start: int
    end: int
    before: str
    found: str
    after: str

    @property
    def choice(self) -> str:
        return f"{self.segment_id}:{self.version}:{self.start}:{self.end}"


CONTEXT_CHARACTERS = 40


def fix_hits(
    project: Project, documents: Iterable[Document], wrong: str, right: str
) -> list[FixHit]:
    hits = []
    for document, translation, pairs, segment_ids in project_pairs(project, documents=documents):
        versions = dict(translation.segments.values_list("position", "version"))
        texts = {pair.position: pair.target for pair in pairs}
        for position, start, end, _ in checks.propose_fix_everywhere(pairs, wrong, right):
            text = texts[position]
            hits.append(
                FixHit(
                    segment_id=segment_ids[position],
                    segment_number=position + 1,
                    version=versions[position],
                    document=document,
                    start=start,
                    end=end,
                    before=text[max(0, start - CONTEXT_CHARACTERS) : start],
                    found=text[start:end],
                    after=text[end : end + CONTEXT_CHARACTERS],
                )
            )
    return hits


def still_proposed(
    segment: Segment, document: Document, wrong: str, right: str
) -> set[tuple[int, int]]:
    """The spans fix-everywhere would change in the segment's current text."""
    return {
        (start, end)
        for _, start, end, _ in checks.propose_fix_everywhere(
            [segment_pair(segment, document)], wrong, right
        )
    }


def attach_findings(segment: Segment) -> None:
    """Attach what the findings part of the segment template renders: findings, marked
    when their words still stand at their offsets in the translation (to underline them),
    and dismissals; all prefetched, so this adds no queries."""
    findings = list(segment.findings.all())
    dismissals = list(segment.dismissals.all())
    for item in (*findings, *dismissals):
        item.check_name = check_name(item.check_id)
    for finding in findings:
        finding.in_text = (
            finding.target_start is not None
            and finding.target_end is not None
            and segment.text[finding.target_start : finding.target_end] == finding.target_span
        )
    segment.finding_list = findings
    segment.dismissal_list = dismissals
    segment.fix_offer = replaced_span(segment.mt_text, segment.text) if segment.version else None

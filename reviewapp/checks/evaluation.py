"""Precision and recall of the name check on a labelled test set.

A test set is JSON Lines, one sentence pair a line: {"source", "target",
"source_lang", "target_lang", "names": {name: expected}}, where expected is "ok" or
the finding kind the name check must report for that name ("name_missing",
"name_misspelled", "name_latin"), and an "id" that split_half divides on.
"""

import dataclasses
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reviewapp.checks.base import CheckContext, SegmentPair
from reviewapp.checks.names import NamesCheck

NAME_FINDING_KINDS = ("name_missing", "name_misspelled", "name_latin")


@dataclass(frozen=True, slots=True)
class KindScore:
    kind: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        reported = self.true_positives + self.false_positives
        return self.true_positives / reported if reported else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def load_test_set(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def split_half(record: dict) -> str:
    """ "dev" or "held-out": a fixed split by pair id. The name check is tuned on the
    dev half only, so that the held-out half measures it honestly."""
    return "dev" if record["id"] % 2 == 0 else "held-out"


def score_names(
    records: Iterable[dict], counted_as: Mapping[str, str] | None = None
) -> dict[str, KindScore]:
    """Scores per finding kind. Each record is checked on its own, as a one-segment
    document, so that no record helps another.

    A label may name a word ("Araghchi") or a whole name ("Abbas Araghchi"), while the
    check reports each part it could not find: the findings inside a labelled name's
    span count for that name, once per kind, and findings outside every labelled name
    are false positives. counted_as maps a finding kind to the kind it is scored as
    ("name_unusual" as "name_misspelled", for sets that label every spelling the news
    does not use a misspelling).
    """
    counted_as = counted_as or {}
    counts: Counter[tuple[str, str]] = Counter()
    check = NamesCheck()
    for record in records:
        source = record["source"]
        pair = SegmentPair(
            1, source, record["target"], record["source_lang"], record["target_lang"]
        )
        findings = [
            dataclasses.replace(finding, kind=counted_as.get(finding.kind, finding.kind))
            for _, finding in check.check_document([pair], CheckContext())
        ]
        labelled = [
            (_label_span(source, name), expected) for name, expected in record["names"].items()
        ]
        for (start, end), expected in labelled:
            reported = {
                finding.kind
                for finding in findings
                if finding.source_start < end and start < finding.source_end
            }
            for kind in NAME_FINDING_KINDS:
                found = kind in reported
                if found and expected == kind:
                    counts[kind, "tp"] += 1
                elif found:
                    counts[kind, "fp"] += 1
                elif expected == kind:
                    counts[kind, "fn"] += 1
        for finding in findings:
            if not any(
                finding.source_start < end and start < finding.source_end
                for (start, end), _ in labelled
            ):
                counts[finding.kind, "fp"] += 1
    return {
        kind: KindScore(kind, counts[kind, "tp"], counts[kind, "fp"], counts[kind, "fn"])
        for kind in NAME_FINDING_KINDS
    }


def _label_span(source: str, name: str) -> tuple[int, int]:
    """Where a labelled name stands in its source: its first whole-word occurrence, or
    else its first occurrence inside a word (a part the check reports on its own, such
    as "Caprio" in "DiCaprio")."""
    match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", source) or re.search(
        re.escape(name), source
    )
    if match is None:
        raise ValueError(f"labelled name {name!r} is not in its source {source!r}")
    return match.span()

"""Scores and reports of documents and projects, read from the review data.

Every figure is computed by reviewapp.scoring (sacrebleu's corpus scoring, WMT MQM) and
reviewapp.agreement from what editors did; this module only gathers the rows. Each
segment's sacrebleu statistics are cached in Segment.score_stats, tagged with a
fingerprint of the texts they were computed from: edits refresh them at once
(services._add_revision), and any row whose texts changed by another path (an import, a
merge of segments) or that was never scored is recomputed here and stored, so a report
never recomputes a whole project and imports do not pay for scores nobody reads yet.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import F, QuerySet
from django.urls import reverse

from reviewapp import agreement, charts, scoring
from reviewapp.models import (
    Category,
    Document,
    Flag,
    Project,
    Revision,
    Segment,
    Severity,
    Side,
    Translation,
)

POST_EDIT = "post_edit"
REFERENCE = "reference"
# How many segments the "most post-editing" and "highest penalty" tables list.
TOP_SEGMENTS = 10
# The side-by-side view of two editors' differences stops here on long documents.
MAX_DIFFERENCES = 100
# bulk_update writes one CASE per row; batches keep each statement a reasonable size.
STATS_BATCH_SIZE = 1000
CHART_METRICS = (scoring.BLEU_KEY, scoring.CHRF_KEY, scoring.CHRF_PLUS_KEY)
METRIC_LABELS = {
    scoring.BLEU_KEY: "BLEU",
    scoring.CHRF_KEY: "chrF",
    scoring.CHRF_PLUS_KEY: "chrF++",
    scoring.TER_KEY: "TER",
}


# --- cached per-segment statistics --------------------------------------------------------


def texts_fingerprint(
    target_lang: str, source_text: str, mt_text: str, text: str, reference_text: str
) -> str:
    """What the cached statistics were computed from: any change of text or language
    (which picks the tokenisation) makes them stale."""
    joined = "\x1f".join((target_lang, source_text, mt_text, text, reference_text))
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=12).hexdigest()


def score_stats_json(
    *, target_lang: str, source_text: str, mt_text: str, text: str, reference_text: str
) -> dict[str, Any]:
    """The Segment.score_stats value: post-edit statistics (machine translation against the
    correction), reference statistics (machine translation against the imported reference)
    where there is one, and the source word count MQM is normalised by."""
    stats: dict[str, Any] = {
        "fingerprint": texts_fingerprint(target_lang, source_text, mt_text, text, reference_text),
        "source_words": scoring.count_words(source_text),
        POST_EDIT: scoring.segment_statistics(mt_text, text, target_lang).to_json(),
    }
    if reference_text:
        stats[REFERENCE] = scoring.segment_statistics(
            mt_text, reference_text, target_lang
        ).to_json()
    return stats


def refresh_score_stats(segment: Segment) -> None:
    """Set segment.score_stats from its current texts; the caller saves the field."""
    target_lang = Translation.objects.values_list("document__target_lang", flat=True).get(
        pk=segment.translation_id
    )
    segment.score_stats = score_stats_json(
        target_lang=target_lang,
        source_text=segment.source_text,
        mt_text=segment.mt_text,
        text=segment.text,
        reference_text=segment.reference_text,
    )


# --- the rows a report reads --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SegmentRow:
    pk: int
    translation_id: int
    position: int
    paragraph: int
    source_text: str
    mt_text: str
    text: str
    reference_text: str
    approved: bool
    edited: bool
    esa_score: int | None
    source_words: int
    post_edit: scoring.SegmentStats
    reference: scoring.SegmentStats | None
    last_editor_id: int | None

    @property
    def number(self) -> int:
        return self.position + 1


@dataclass(frozen=True, slots=True)
class FlagRow:
    segment_id: int
    author_id: int | None
    side: str
    made_on_version: int
    made_start: int
    made_end: int
    category: str
    severity: str

    @property
    def mqm_key(self) -> tuple[str, str]:
        return self.category, self.severity


@dataclass
class ReportData:
    """Everything one report reads, in a fixed number of queries whatever its size."""

    project: Project
    translations: dict[int, Translation]
    segments: list[SegmentRow]
    flags: list[FlagRow]
    editor_names: dict[int, str]
    stats_computed: int = 0
    flags_by_segment: dict[int, list[FlagRow]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for flag in self.flags:
            self.flags_by_segment.setdefault(flag.segment_id, []).append(flag)

    def target_lang(self, row: SegmentRow) -> str:
        return self.translations[row.translation_id].document.target_lang

    def flags_of(self, rows: Iterable[SegmentRow]) -> list[FlagRow]:
        return [flag for row in rows for flag in self.flags_by_segment.get(row.pk, [])]


_SEGMENT_FIELDS = (
    "pk",
    "translation_id",
    "position",
    "paragraph",
    "source_text",
    "mt_text",
    "text",
    "reference_text",
    "approved_at",
    "version",
    "esa_score",
    "score_stats",
)


def _current_stats(values: dict[str, Any], target_lang: str) -> dict[str, Any] | None:
    stats = values["score_stats"]
    fingerprint = texts_fingerprint(
        target_lang,
        values["source_text"],
        values["mt_text"],
        values["text"],
        values["reference_text"],
    )
    return stats if stats and stats.get("fingerprint") == fingerprint else None


def load_report_data(project: Project, segments: QuerySet[Segment]) -> ReportData:
    """Read the segments, their flags and last editors; compute and store missing or stale
    statistics (one bulk update)."""
    translations = {
        translation.pk: translation
        for translation in Translation.objects.filter(
            pk__in=segments.values("translation_id")
        ).select_related("document")
    }
    last_editors = dict(
        Revision.objects.filter(segment__in=segments, number=F("segment__version")).values_list(
            "segment_id", "author_id"
        )
    )
    rows: list[SegmentRow] = []
    refreshed: list[Segment] = []
    for values in segments.order_by("translation_id", "position").values(*_SEGMENT_FIELDS):
        target_lang = translations[values["translation_id"]].document.target_lang
        stats = _current_stats(values, target_lang)
        if stats is None:
            stats = score_stats_json(
                target_lang=target_lang,
                source_text=values["source_text"],
                mt_text=values["mt_text"],
                text=values["text"],
                reference_text=values["reference_text"],
            )
            refreshed.append(Segment(pk=values["pk"], score_stats=stats))
        reference = stats.get(REFERENCE)
        rows.append(
            SegmentRow(
                pk=values["pk"],
                translation_id=values["translation_id"],
                position=values["position"],
                paragraph=values["paragraph"],
                source_text=values["source_text"],
                mt_text=values["mt_text"],
                text=values["text"],
                reference_text=values["reference_text"],
                approved=values["approved_at"] is not None,
                edited=values["version"] > 0,
                esa_score=values["esa_score"],
                source_words=stats["source_words"],
                post_edit=scoring.SegmentStats.from_json(stats[POST_EDIT]),
                reference=None if reference is None else scoring.SegmentStats.from_json(reference),
                last_editor_id=last_editors.get(values["pk"]),
            )
        )
    if refreshed:
        Segment.objects.bulk_update(refreshed, ["score_stats"], batch_size=STATS_BATCH_SIZE)
    flags = [
        FlagRow(*values)
        for values in Flag.objects.filter(segment__in=segments)
        .order_by("segment_id", "start", "pk")
        .values_list(
            "segment_id",
            "author_id",
            "side",
            "made_on_version",
            "made_start",
            "made_end",
            "category",
            "severity",
        )
    ]
    editor_ids = {flag.author_id for flag in flags} | set(last_editors.values())
    editor_ids.discard(None)
    user_model = Flag._meta.get_field("author").related_model
    editor_names = dict(
        user_model.objects.filter(pk__in=editor_ids).values_list("pk", user_model.USERNAME_FIELD)
    )
    return ReportData(project, translations, rows, flags, editor_names, len(refreshed))


# --- figures -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Progress:
    total: int
    approved: int
    edited: int
    flagged: int

    @property
    def percent(self) -> int:
        return round(100 * self.approved / self.total) if self.total else 0


def progress(data: ReportData) -> Progress:
    return Progress(
        total=len(data.segments),
        approved=sum(row.approved for row in data.segments),
        edited=sum(row.edited for row in data.segments),
        flagged=len(data.flags_by_segment),
    )


@dataclass(frozen=True, slots=True)
class Scores:
    """Corpus scores of a group of segments in one target language, with their MQM and ESA."""

    label: str
    target_lang: str
    segments: int
    post_edit: dict[str, scoring.MetricScore] | None
    reference: dict[str, scoring.MetricScore] | None
    reference_segments: int
    mqm: scoring.MqmAssessment | None
    esa: scoring.EsaSummary

    @property
    def metrics(self) -> list[tuple[str, scoring.MetricScore]]:
        return _labelled_metrics(self.post_edit)

    @property
    def reference_metrics(self) -> list[tuple[str, scoring.MetricScore]]:
        return _labelled_metrics(self.reference)


def signatures(scores: Iterable[Scores], *, reference: bool = False) -> list[tuple[str, str]]:
    """The distinct (metric, sacrebleu signature) pairs behind a table of scores."""
    pairs: dict[tuple[str, str], None] = {}
    for entry in scores:
        for label, metric in entry.reference_metrics if reference else entry.metrics:
            pairs[label, metric.signature] = None
    return list(pairs)


def _labelled_metrics(
    metrics: dict[str, scoring.MetricScore] | None,
) -> list[tuple[str, scoring.MetricScore]]:
    if metrics is None:
        return []
    return [(METRIC_LABELS[key], metrics[key]) for key in scoring.METRIC_KEYS]


def mqm_for(
    project: Project, flags: Iterable[FlagRow], source_words: int
) -> scoring.MqmAssessment | None:
    """MQM with the project's critical weight and threshold; None where errors were flagged
    on text without a single source word, which cannot be normalised."""
    try:
        return scoring.mqm_assessment(
            (flag.mqm_key for flag in flags),
            source_words,
            threshold=project.mqm_pass_threshold,
            critical_weight=project.mqm_critical_weight,
        )
    except ValueError:
        return None


def scores_for(
    data: ReportData,
    label: str,
    target_lang: str,
    rows: Sequence[SegmentRow],
    flags: Iterable[FlagRow] | None = None,
    source_words: int | None = None,
) -> Scores:
    """Scores of `rows` (post-edit scores None when empty): corpus scores from summed statistics; MQM of `flags` (by default
    the rows' flags) per 100 source words (by default the rows' words)."""
    with_reference = [row.reference for row in rows if row.reference is not None]
    return Scores(
        label=label,
        target_lang=target_lang,
        segments=len(rows),
        # No segments, no corpus: sacrebleu's zeros would read as the worst possible score.
        post_edit=scoring.corpus_scores((row.post_edit for row in rows), target_lang)
        if rows
        else None,
        reference=scoring.corpus_scores(with_reference, target_lang) if with_reference else None,
        reference_segments=len(with_reference),
        mqm=mqm_for(
            data.project,
            data.flags_of(rows) if flags is None else flags,
            sum(row.source_words for row in rows) if source_words is None else source_words,
        ),
        esa=scoring.aggregate_esa(row.esa_score for row in rows if row.esa_score is not None),
    )


def _grouped(
    data: ReportData, key: Callable[[SegmentRow], Hashable | None]
) -> dict[tuple[Hashable, str], list[SegmentRow]]:
    # Statistics of different target languages are tokenised differently and cannot be
    # summed, so every group is also split by language.
    groups: dict[tuple[Hashable, str], list[SegmentRow]] = defaultdict(list)
    for row in data.segments:
        value = key(row)
        if value is not None:
            groups[value, data.target_lang(row)].append(row)
    return groups


def overall_scores(data: ReportData) -> list[Scores]:
    """The whole scope's corpus scores, one entry per target language."""
    groups = _grouped(data, lambda row: "All segments")
    return [scores_for(data, str(label), lang, rows) for (label, lang), rows in groups.items()]


def system_scores(data: ReportData) -> list[Scores]:
    """Scores per MT system (Translation.system), over all documents in scope."""
    groups = _grouped(data, lambda row: data.translations[row.translation_id].system)
    return [scores_for(data, str(label), lang, rows) for (label, lang), rows in groups.items()]


def document_scores(data: ReportData) -> list[tuple[Document, Scores]]:
    groups = _grouped(data, lambda row: data.translations[row.translation_id].document_id)
    documents = {t.document_id: t.document for t in data.translations.values()}
    return [
        (documents[document_id], scores_for(data, documents[document_id].title, lang, rows))
        for (document_id, lang), rows in groups.items()
    ]


def editor_scores(data: ReportData) -> list[Scores]:
    """Per editor: corpus scores over the segments whose latest revision is theirs, and
    their own flags' MQM per 100 source words of the translations they worked on."""
    results = []
    for editor_id, name in sorted(data.editor_names.items(), key=lambda item: item[1]):
        flags = [flag for flag in data.flags if flag.author_id == editor_id]
        flagged_segments = {flag.segment_id for flag in flags}
        worked_on = {
            row.translation_id
            for row in data.segments
            if row.last_editor_id == editor_id or row.pk in flagged_segments
        }
        by_language: dict[str, list[SegmentRow]] = defaultdict(list)
        for row in data.segments:
            if row.translation_id in worked_on:
                by_language[data.target_lang(row)].append(row)
        for lang, rows in by_language.items():
            segment_ids = {row.pk for row in rows}
            results.append(
                scores_for(
                    data,
                    name,
                    lang,
                    [row for row in rows if row.last_editor_id == editor_id],
                    flags=[flag for flag in flags if flag.segment_id in segment_ids],
                    source_words=sum(row.source_words for row in rows),
                )
            )
    return results


@dataclass(frozen=True, slots=True)
class ErrorCounts:
    """Flags by category (rows) and severity (columns), categories without flags left out."""

    severities: list[str]
    rows: list[tuple[str, list[int]]]

    @property
    def total(self) -> int:
        return sum(sum(counts) for _, counts in self.rows)


def error_counts(data: ReportData) -> ErrorCounts:
    counts = Counter(flag.mqm_key for flag in data.flags)
    rows = [
        (label, [counts[category, severity] for severity in Severity.values])
        for category, label in Category.choices
        if any(counts[category, severity] for severity in Severity.values)
    ]
    return ErrorCounts([str(label) for label in Severity.labels], rows)


@dataclass(frozen=True, slots=True)
class SegmentFigures:
    row: SegmentRow
    document: Document
    scores: dict[str, float]
    mqm_penalty: float

    @property
    def url(self) -> str:
        page = self.row.position // settings.REVIEW_PAGE_SIZE + 1
        return (
            f"{reverse('review', args=[self.document.pk])}?translation={self.row.translation_id}"
            f"&page={page}#seg-{self.row.pk}"
        )


def _segment_figures(data: ReportData, row: SegmentRow) -> SegmentFigures:
    return SegmentFigures(
        row=row,
        document=data.translations[row.translation_id].document,
        scores=scoring.segment_scores(row.post_edit),
        mqm_penalty=scoring.mqm_penalty(
            (flag.mqm_key for flag in data.flags_by_segment.get(row.pk, [])),
            critical_weight=data.project.mqm_critical_weight,
        ),
    )


def most_post_edited(data: ReportData, limit: int = TOP_SEGMENTS) -> list[SegmentFigures]:
    """The edited segments with the lowest chrF (then highest TER) between the machine
    translation and the correction."""
    # A segment whose text is still the machine translation scores chrF 100: it cannot rank.
    figures = [_segment_figures(data, row) for row in data.segments if row.text != row.mt_text]
    figures.sort(key=lambda f: (f.scores[scoring.CHRF_KEY], -f.scores[scoring.TER_KEY]))
    return figures[:limit]


def most_penalised(data: ReportData, limit: int = TOP_SEGMENTS) -> list[SegmentFigures]:
    """The segments with the highest MQM penalty from their flags."""
    figures = [
        _segment_figures(data, row) for row in data.segments if row.pk in data.flags_by_segment
    ]
    figures.sort(key=lambda f: (-f.mqm_penalty, f.row.translation_id, f.row.position))
    return figures[:limit]


# --- MT systems on the same source ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SystemComparison:
    rankings: list[scoring.SystemRanking]
    references: str
    segments: int


def compare_document_systems(data: ReportData, document: Document) -> SystemComparison | None:
    """Rank the document's MT systems with sacrebleu's paired bootstrap resampling, MQM per
    100 words beside. None with fewer than two systems or when their segments do not line
    up one to one with the same source.

    Against the imported reference where every segment has one; otherwise against the
    corrected text of the first system, which favours that system since editors start
    from its output.
    """
    by_translation: dict[int, list[SegmentRow]] = defaultdict(list)
    for row in data.segments:
        if data.translations[row.translation_id].document_id == document.pk:
            by_translation[row.translation_id].append(row)
    if len(by_translation) < 2:
        return None
    columns = [by_translation[pk] for pk in sorted(by_translation)]
    sources = [row.source_text for row in columns[0]]
    if any([row.source_text for row in column] != sources for column in columns[1:]):
        return None
    first = columns[0]
    if all(row.reference_text for row in first):
        references = [row.reference_text for row in first]
        described = "the imported reference translation"
    else:
        references = [row.text for row in first]
        described = (
            f"the corrected translation of {data.translations[first[0].translation_id].system}"
        )
    systems = {data.translations[column[0].translation_id].system: column for column in columns}
    mqm = {
        name: assessment.per_100_words
        for name, column in systems.items()
        if (assessment := mqm_for(data.project, data.flags_of(column), _words(column)))
    }
    rankings = scoring.compare_systems(
        references,
        {name: [row.mt_text for row in column] for name, column in systems.items()},
        document.target_lang,
        mqm_per_100_words=mqm,
    )
    return SystemComparison(rankings, described, len(sources))


def _words(rows: Iterable[SegmentRow]) -> int:
    return sum(row.source_words for row in rows)


# --- two editors on the same document ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MarkedRun:
    text: str
    mark: str  # "", "shared", "only-a" or "only-b"


@dataclass(frozen=True, slots=True)
class DifferenceView:
    row: SegmentRow
    difference: agreement.SegmentDifference
    runs: list[MarkedRun]

    @property
    def labels_a(self) -> list[str]:
        return [_flag_label(flag) for flag in self.difference.flags_a]

    @property
    def labels_b(self) -> list[str]:
        return [_flag_label(flag) for flag in self.difference.flags_b]


def _flag_label(flag: agreement.EditorFlag) -> str:
    return f"{Severity(flag.severity).label}: {Category(flag.category).label}"


@dataclass(frozen=True, slots=True)
class AgreementReport:
    editor_a: str
    editor_b: str
    translation: Translation
    figures: agreement.EditorAgreement
    differences: list[DifferenceView]
    more_differences: int


def marked_runs(
    text: str,
    marks: dict[str, Sequence[agreement.CharacterRange]],
) -> list[MarkedRun]:
    """Split `text` into runs labelled by the named character ranges (which do not overlap)."""
    boundaries: list[tuple[int, int, str]] = sorted(
        (start, end, name) for name, ranges in marks.items() for start, end in ranges
    )
    runs, position = [], 0
    for start, end, name in boundaries:
        start, end = min(start, len(text)), min(end, len(text))
        if start > position:
            runs.append(MarkedRun(text[position:start], ""))
        if end > start:
            runs.append(MarkedRun(text[start:end], name))
        position = max(position, end)
    if position < len(text):
        runs.append(MarkedRun(text[position:], ""))
    return runs


def flag_authors(data: ReportData, translation_id: int) -> list[tuple[int, str]]:
    """The editors who flagged errors in a translation, most flags first."""
    rows = {row.pk for row in data.segments if row.translation_id == translation_id}
    counts = Counter(
        flag.author_id
        for flag in data.flags
        if flag.segment_id in rows and flag.author_id is not None
    )
    return [
        (editor_id, data.editor_names[editor_id])
        for editor_id, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _editor_flags(
    flags: Iterable[FlagRow], positions: dict[int, int], editor_id: int
) -> list[agreement.EditorFlag]:
    # Spans are compared on the machine translation, the text both editors judged: flags
    # made on it keep their offsets there even after a correction removed the words.
    # Flags made on a later correction, and source-side flags (omissions), count for the
    # flagged/severity agreement with no span.
    def on_machine_translation(flag: FlagRow) -> bool:
        return flag.side == Side.TARGET and flag.made_on_version == 0

    return [
        agreement.EditorFlag(
            segment=positions[flag.segment_id],
            start=flag.made_start if on_machine_translation(flag) else 0,
            end=flag.made_end if on_machine_translation(flag) else 0,
            severity=flag.severity,
            category=flag.category,
        )
        for flag in flags
        if flag.author_id == editor_id and flag.segment_id in positions
    ]


def editor_agreement(
    data: ReportData, translation: Translation, editor_a: int, editor_b: int
) -> AgreementReport:
    rows = [row for row in data.segments if row.translation_id == translation.pk]
    positions = {row.pk: index for index, row in enumerate(rows)}
    figures = agreement.editor_agreement(
        _editor_flags(data.flags, positions, editor_a),
        _editor_flags(data.flags, positions, editor_b),
        len(rows),
    )
    views = [
        DifferenceView(
            row=rows[difference.segment],
            difference=difference,
            runs=marked_runs(
                rows[difference.segment].mt_text,
                {
                    "shared": difference.shared,
                    "only-a": difference.only_a,
                    "only-b": difference.only_b,
                },
            ),
        )
        for difference in figures.differences[:MAX_DIFFERENCES]
    ]
    return AgreementReport(
        editor_a=data.editor_names[editor_a],
        editor_b=data.editor_names[editor_b],
        translation=translation,
        figures=figures,
        differences=views,
        more_differences=max(0, len(figures.differences) - MAX_DIFFERENCES),
    )


# --- charts --------------------------------------------------------------------------------


def categories_chart(errors: ErrorCounts) -> charts.ChartData:
    return charts.ChartData(
        title="Errors by category and severity",
        description="Number of flagged errors in each category, split by severity.",
        category_label="Category",
        categories=[label for label, _ in errors.rows],
        series=errors.severities,
        values=[counts for _, counts in errors.rows],
    )


def scores_chart(scores: Sequence[Scores], *, title: str, category_label: str) -> charts.ChartData:
    return charts.ChartData(
        title=title,
        description="Corpus BLEU, chrF and chrF++ of the machine translation against the "
        "corrected translation (100 means no post-editing).",
        category_label=category_label,
        categories=[_labelled(entry, scores) for entry in scores],
        series=[METRIC_LABELS[key] for key in CHART_METRICS],
        values=[
            [entry.post_edit[key].score if entry.post_edit else 0.0 for key in CHART_METRICS]
            for entry in scores
        ],
    )


def mqm_chart(scores: Sequence[Scores], *, title: str, category_label: str) -> charts.ChartData:
    scored = [entry for entry in scores if entry.mqm is not None]
    return charts.ChartData(
        title=title,
        description="MQM penalty points per 100 source words (lower is better).",
        category_label=category_label,
        categories=[_labelled(entry, scored) for entry in scored],
        series=["MQM per 100 words"],
        values=[[entry.mqm.per_100_words] for entry in scored if entry.mqm is not None],
    )


def _labelled(entry: Scores, scores: Sequence[Scores]) -> str:
    # A label repeats only when a group spans target languages; the language tells them apart.
    repeated = sum(other.label == entry.label for other in scores) > 1
    return f"{entry.label} ({entry.target_lang})" if repeated else entry.label


# --- the reports ---------------------------------------------------------------------------


@dataclass
class Report:
    """A document's or a project's report; `charts` are keyed by the name the CSV download
    takes (?format=csv&chart=NAME)."""

    data: ReportData
    progress: Progress
    overall: list[Scores]
    systems: list[Scores]
    editors: list[Scores]
    errors: ErrorCounts
    most_edited: list[SegmentFigures]
    most_penalised: list[SegmentFigures]
    documents: list[tuple[Document, Scores]]
    chart_data: dict[str, charts.ChartData]

    @property
    def passed(self) -> bool | None:
        """Whether every target language's MQM passes the project threshold."""
        verdicts = [scores.mqm.passed for scores in self.overall if scores.mqm is not None]
        return all(verdicts) if verdicts else None


def build_report(project: Project, segments: QuerySet[Segment]) -> Report:
    data = load_report_data(project, segments)
    systems, editors = system_scores(data), editor_scores(data)
    documents = document_scores(data)
    errors = error_counts(data)
    chart_tables = {
        "categories": categories_chart(errors),
        "systems": scores_chart(
            systems, title="Post-edit scores by MT system", category_label="MT system"
        ),
        "editors": mqm_chart(editors, title="MQM per 100 words by editor", category_label="Editor"),
        "documents": mqm_chart(
            [scores for _, scores in documents],
            title="MQM per 100 words by document",
            category_label="Document",
        ),
    }
    return Report(
        data=data,
        progress=progress(data),
        overall=overall_scores(data),
        systems=systems,
        editors=editors,
        errors=errors,
        most_edited=most_post_edited(data),
        most_penalised=most_penalised(data),
        documents=documents,
        chart_data=chart_tables,
    )


def document_report(document: Document) -> Report:
    return build_report(document.project, document.segments())


def project_report(project: Project) -> Report:
    return build_report(project, Segment.objects.filter(translation__document__project=project))


def _metric_json(metrics: dict[str, scoring.MetricScore] | None) -> dict[str, Any] | None:
    if metrics is None:
        return None
    return {
        key: {"name": metric.name, "score": metric.score, "signature": metric.signature}
        for key, metric in metrics.items()
    }


def scores_json(scores: Scores) -> dict[str, Any]:
    mqm = scores.mqm
    return {
        "label": scores.label,
        "target_lang": scores.target_lang,
        "segments": scores.segments,
        "post_edit": _metric_json(scores.post_edit),
        "reference": _metric_json(scores.reference),
        "reference_segments": scores.reference_segments,
        "mqm": None
        if mqm is None
        else {
            "penalty": mqm.penalty,
            "source_words": mqm.source_words,
            "per_100_words": mqm.per_100_words,
            "threshold": mqm.threshold,
            "passed": mqm.passed,
        },
        "esa": {"mean": scores.esa.mean, "count": scores.esa.count},
    }


def report_json(report: Report) -> dict[str, Any]:
    """The report's figures as plain JSON values (for `manage.py scores --json`)."""
    return {
        "progress": {
            "segments": report.progress.total,
            "approved": report.progress.approved,
            "edited": report.progress.edited,
            "flagged": report.progress.flagged,
            "percent": report.progress.percent,
        },
        "overall": [scores_json(scores) for scores in report.overall],
        "systems": [scores_json(scores) for scores in report.systems],
        "editors": [scores_json(scores) for scores in report.editors],
        "errors": {
            "severities": report.errors.severities,
            "categories": {label: counts for label, counts in report.errors.rows},
        },
    }
